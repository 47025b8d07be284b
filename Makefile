# Accord: `make run` starts the demo, `make test` runs every test (SQLite, then PostgreSQL).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.accord-installed
export ACCORD_DATA_DIR ?= $(CURDIR)/var

.PHONY: install run test test-sqlite test-postgres bench clean messages

install: $(STAMP) node_modules/.accord-installed

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

# Front-end assets from the npm registry (the world TopoJSON for the offline map).
node_modules/.accord-installed: package.json
	@command -v npm >/dev/null || { echo "npm is needed for front-end assets: apt-get install npm" >&2; exit 1; }
	npm install --no-audit --no-fund --silent
	@touch $@

run: install
	@ACCORD_DEBUG=$${ACCORD_DEBUG:-1} sh scripts/run.sh

test: install
	@sh scripts/test.sh

test-sqlite: install
	$(BIN)/pytest

messages: install
	$(BIN)/accord makemessages -l zh_Hans --ignore '.venv/*' && $(BIN)/accord compilemessages

clean:
	rm -rf $(VENV) .venv-providers var
