import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accord.lib.normalize import normalize_name
from accord.registry.importers import get_importer
from accord.registry.models import ExternalId, ImportRun, Institution, Kind
from tests.conftest import shared_file
from tests.registry.import_helpers import snapshot, write_json

pytestmark = pytest.mark.django_db

BATH = {
    "name": "University of Bath",
    "domains": ["bath.ac.uk"],
    "web_pages": ["https://www.bath.ac.uk/"],
    "country": "United Kingdom",
    "alpha_two_code": "GB",
    "state-province": "Somerset",
}
PRISHTINA = {
    "name": "University of Prishtina",
    "domains": ["uni-pr.edu"],
    "web_pages": ["http://www.uni-pr.edu/"],
    "country": "Kosovo",
    "alpha_two_code": "XK",
    "state-province": None,
}


def run_hipo(path):
    return get_importer("hipo")(path, progress=False).run()


def test_the_full_world_universities_file_imports_10251_institutions():
    path = shared_file("data", "world_universities_and_domains.json")
    run = run_hipo(path)
    assert (run.records, run.created, run.updated) == (10251, 10251, 0)
    assert Institution.objects.count() == 10251
    assert ExternalId.objects.filter(scheme="hipo").count() == 10251
    kosovo = Institution.objects.get(name="University of Prishtina")
    assert kosovo.country_id == "XK"
    assert set(Institution.objects.values_list("kind", flat=True)) == {Kind.UNIVERSITY}
    # The file names 19 institutions twice in one country; the first domain tells them apart.
    glendale = Institution.objects.filter(name="Glendale Community College", country="US")
    assert sorted(i.domains[0] for i in glendale) == ["gccaz.edu", "glendale.edu"]
    assert ExternalId.objects.filter(scheme="hipo", value="US:Glendale Community College|gccaz.edu").exists()
    assert ImportRun.objects.get().created == 10251
    assert Institution.history.filter(history_change_reason__startswith="hipo import of").count() == 10251


def test_each_field_lands_where_the_mapping_says(tmp_path):
    run_hipo(write_json(tmp_path / "hipo.json", [BATH, PRISHTINA]))
    bath = Institution.objects.get(name="University of Bath")
    assert (bath.country_id, bath.region, bath.website, bath.domains, bath.kind) == (
        "GB", "Somerset", "https://www.bath.ac.uk/", ["bath.ac.uk"], Kind.UNIVERSITY,
    )  # fmt: skip
    assert bath.external_ids.get().value == "GB:University of Bath"
    assert bath.search_key == normalize_name("University of Bath")  # as save() would set it
    assert Institution.objects.get(name="University of Prishtina").region == ""


def test_a_reimport_of_the_same_file_updates_instead_of_duplicating(tmp_path):
    path = write_json(tmp_path / "hipo.json", [BATH, PRISHTINA])
    run_hipo(path)
    again = run_hipo(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Institution.objects.count() == 2

    write_json(path, [{**BATH, "web_pages": ["https://www.bath.ac.uk/new/"], "domains": ["bath.ac.uk", "bath.edu"]}, PRISHTINA])
    changed = run_hipo(path)
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)
    bath = Institution.objects.get(name="University of Bath")
    assert bath.website == "https://www.bath.ac.uk/new/" and bath.domains == ["bath.ac.uk", "bath.edu"]
    assert Institution.objects.count() == 2
    assert [h.history_type for h in bath.history.order_by("history_id")] == ["+", "~"]


def test_a_name_that_starts_repeating_keeps_its_institution(tmp_path):
    path = write_json(tmp_path / "hipo.json", [BATH])
    run_hipo(path)
    bath = Institution.objects.get()
    other = {**BATH, "domains": ["bath.edu"], "web_pages": ["https://bath.edu/"]}
    run = run_hipo(write_json(path, [BATH, other]))
    assert (run.created, run.unchanged) == (1, 1)
    assert ExternalId.objects.get(institution=bath).value == "GB:University of Bath|bath.ac.uk"


def test_a_bad_record_fails_the_whole_import_and_writes_nothing(tmp_path):
    run_hipo(write_json(tmp_path / "first.json", [BATH]))
    before = snapshot()
    bad = write_json(tmp_path / "hipo_bad.json", [PRISHTINA, {**BATH, "alpha_two_code": "ZZ"}])
    with pytest.raises(CommandError, match=re.escape("hipo_bad.json record 2, field alpha_two_code: unknown country code 'ZZ'")):
        call_command("import_hipo", str(bad), no_progress=True)
    assert snapshot() == before


@pytest.mark.parametrize(
    "record, message",
    [
        ({**BATH, "name": ""}, "record 1, field name: is required"),
        ({**BATH, "web_pages": ["not a url"]}, "record 1, field web_pages: not a valid http(s) URL"),
        ({**BATH, "name": "x" * 301}, "record 1, field name: longer than 300 characters"),
        ({**BATH, "domains": "bath.ac.uk"}, "record 1, field domains: expected a list"),
        ("University of Bath", "record 1: expected a JSON object"),
    ],
)
def test_every_kind_of_bad_value_is_reported_with_its_record_and_field(tmp_path, record, message):
    with pytest.raises(CommandError, match=re.escape(f"hipo.json {message}")):
        run_hipo(write_json(tmp_path / "hipo.json", [record]))
    assert Institution.objects.count() == 0


def test_a_file_that_is_not_a_json_array_is_refused(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[{"name": "x",', encoding="utf-8")
    with pytest.raises(CommandError, match="broken.json: not valid JSON"):
        run_hipo(broken)
    with pytest.raises(CommandError, match="expected a JSON array"):
        run_hipo(write_json(tmp_path / "object.json", {"name": "x"}))
    with pytest.raises(CommandError, match="no such file"):
        run_hipo(tmp_path / "missing.json")


def test_the_command_reports_what_it_did(tmp_path, capsys):
    call_command("import_hipo", str(write_json(tmp_path / "hipo.json", [BATH, PRISHTINA])), no_progress=True)
    out = capsys.readouterr().out
    assert "hipo import of hipo.json: 2 records, 2 created, 0 updated, 0 unchanged" in out
    run = ImportRun.objects.get()
    assert (run.importer, run.file_format, run.started_by, run.created) == ("hipo", "json", "command line", 2)
    assert run.file_name.endswith("hipo.json")


def test_the_accord_console_script_imports_and_exits_non_zero_on_a_bad_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_") and k != "DJANGO_SETTINGS_MODULE"}
    env.update(ACCORD_DEBUG="1", ACCORD_DATA_DIR=str(tmp_path))
    accord = str(Path(sys.executable).parent / "accord")
    subprocess.run([accord, "migrate", "-v", "0"], env=env, check=True, capture_output=True)
    good = write_json(tmp_path / "hipo.json", [BATH, PRISHTINA])
    result = subprocess.run([accord, "import", "hipo", str(good)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 created" in result.stdout
    assert "hipo hipo.json" in result.stderr  # the progress bar
    bad = write_json(tmp_path / "bad.json", [{**BATH, "alpha_two_code": "ZZ"}])
    result = subprocess.run([accord, "import", "hipo", str(bad)], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "bad.json record 1, field alpha_two_code: unknown country code 'ZZ'" in result.stderr
