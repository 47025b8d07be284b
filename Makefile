# Accord: `make run` starts the demo, `make test` runs every test (SQLite, then PostgreSQL).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.accord-installed
export ACCORD_DATA_DIR ?= $(CURDIR)/var

.PHONY: install run test test-sqlite test-postgres bench clean messages

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: install
	@ACCORD_DEBUG=$${ACCORD_DEBUG:-1} sh scripts/run.sh

test: install
	@sh scripts/test.sh

test-sqlite: install
	$(BIN)/pytest

messages: install
	$(BIN)/accord makemessages -l zh_Hans --ignore '.venv/*' && $(BIN)/accord compilemessages

clean:
	rm -rf $(VENV) var
