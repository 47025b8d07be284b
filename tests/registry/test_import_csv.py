import csv
import io
import re

import pytest
from django.core.management import CommandError, call_command

from accord.registry.importers import get_importer
from accord.registry.importers.csvio import COLUMNS, join_list, split_list
from accord.registry.models import Country, ImportRun, Institution, InstitutionName, Kind, NameKind
from tests.registry.import_helpers import FIXTURES, snapshot

pytestmark = pytest.mark.django_db


def run_csv(path):
    return get_importer("csv")(path, progress=False).run()


def write_csv(path, rows, columns=None):
    columns = columns or list(rows[0])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def export(tmp_path, name="institutions.csv"):
    path = tmp_path / name
    call_command("export_csv", str(path), no_progress=True, verbosity=0)
    return path


@pytest.fixture
def registry(home):
    """The home university, seven ROR organisations with names, a hand-made partner."""
    get_importer("ror")(FIXTURES / "ror_small.json", progress=False).run()
    partner = Institution.objects.create(
        name="Université de Montpellier", local_name="Université de Montpellier", local_language="fr",
        country=Country.objects.get(code="FR"), city="Montpellier", schac="umontpellier.fr",
        erasmus_code="F MONTPEL54", latitude=43.6109, longitude=3.8772,
    )  # fmt: skip
    InstitutionName.objects.create(institution=partner, name="UM", kind=NameKind.ACRONYM)
    InstitutionName.objects.create(institution=partner, name="Montpellier; Languedoc", kind=NameKind.ALIAS)
    return partner


def test_an_export_imported_back_changes_nothing(registry, tmp_path):
    path = export(tmp_path)
    before = snapshot()
    run = run_csv(path)
    assert (run.records, run.created, run.updated, run.unchanged) == (9, 0, 0, 9)
    after = snapshot()
    assert after.pop("import runs") == before.pop("import runs") + 1
    assert after == before
    assert export(tmp_path, "again.csv").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_the_export_has_the_documented_columns(registry, tmp_path):
    rows = list(csv.DictReader(export(tmp_path).open(encoding="utf-8")))
    assert list(rows[0]) == COLUMNS
    partner = next(r for r in rows if r["id"] == str(registry.pk))
    assert partner["country"] == "FR" and partner["erasmus_code"] == "F MONTPEL54"
    assert partner["acronyms"] == "UM" and partner["aliases"] == "Montpellier\\; Languedoc"
    assert partner["ror_id"] == "" and partner["is_home"] == "false"
    home = next(r for r in rows if r["is_home"] == "true")
    assert home["name"] == "Beijing Institute of Technology"
    uni = next(r for r in rows if r["ror_id"] == "05nb3xq21")
    assert uni["domains"] == "northbridge.ac.uk;nb.ac.uk" and uni["latitude"] == "54.9783"


def test_an_edited_export_updates_only_what_changed(registry, tmp_path):
    path = export(tmp_path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    partner = next(r for r in rows if r["id"] == str(registry.pk))
    partner.update(city="Montpellier Cedex 5", acronyms="UM;UMontpellier", aliases="")
    write_csv(path, rows)
    run = run_csv(path)
    assert (run.created, run.updated, run.unchanged) == (0, 1, 8)
    registry.refresh_from_db()
    assert registry.city == "Montpellier Cedex 5"
    assert sorted(registry.names.values_list("name", "kind")) == [("UM", "acronym"), ("UMontpellier", "acronym")]
    assert registry.history.latest().history_change_reason == "csv import of institutions.csv"


def test_rows_without_an_id_match_by_ror_id_then_by_name_and_country(registry, tmp_path):
    rows = [
        {"name": "University of Northbridge (renamed)", "ror_id": "https://ror.org/05nb3xq21", "country": "GB"},
        {"name": "Université de Montpellier", "ror_id": "", "country": "FR"},
        {"name": "Université de Montpellier", "ror_id": "", "country": "BE"},
    ]
    run = run_csv(write_csv(tmp_path / "match.csv", rows))
    assert (run.created, run.updated, run.unchanged) == (1, 1, 1)
    assert Institution.objects.get(ror_id="05nb3xq21").name == "University of Northbridge (renamed)"
    assert Institution.objects.filter(name="Université de Montpellier").count() == 2


def test_a_new_row_is_created_with_its_names_and_defaults(db, tmp_path):
    row = {"name": "Kazan Federal University", "country": "ru", "city": "Kazan", "domains": "kpfu.ru; kazanfed.ru",
           "acronyms": "KFU", "aliases": "Kazan University;Казанский университет", "established": "1804",
           "website": "https://kpfu.ru/", "kind": "university", "status": "active", "is_home": "no"}  # fmt: skip
    run = run_csv(write_csv(tmp_path / "new.csv", [row]))
    assert run.created == 1
    kfu = Institution.objects.get()
    assert (kfu.country_id, kfu.domains, kfu.established, kfu.kind, kfu.is_home) == (
        "RU", ["kpfu.ru", "kazanfed.ru"], 1804, Kind.UNIVERSITY, False,
    )  # fmt: skip
    assert sorted(kfu.names.values_list("name", flat=True)) == ["KFU", "Kazan University", "Казанский университет"]
    again = run_csv(tmp_path / "new.csv")
    assert (again.created, again.unchanged) == (0, 1)


def test_a_bad_row_names_the_file_line_and_field_and_writes_nothing(registry, tmp_path):
    rows = [
        {"name": "Kazan Federal University", "country": "RU"},
        {"name": "Nowhere University", "country": "ZZ"},
    ]
    path = write_csv(tmp_path / "institutions.csv", rows)
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape("institutions.csv line 3, field country: unknown country code 'ZZ'")):
        call_command("import_csv", str(path), no_progress=True)
    assert snapshot() == before


def test_two_new_rows_with_the_same_name_and_country_are_an_error_naming_both_lines(db, tmp_path):
    rows = [
        {"name": "Kazan Federal University", "country": "RU"},
        {"name": "Kazan Federal University", "country": "GB"},
        {"name": "kazan  federal university", "country": "ru"},
    ]
    before = snapshot()
    with pytest.raises(CommandError) as failure:
        run_csv(write_csv(tmp_path / "twice.csv", rows))
    assert "twice.csv line 4, field name: lines 2 and 4 both add a new institution named 'kazan  federal university' in RU" in str(failure.value)
    assert "line 3" not in str(failure.value)  # the same name in another country is another institution
    assert snapshot() == before


@pytest.mark.parametrize(
    "row, message",
    [
        ({"name": "", "city": "Kazan"}, "line 2, field name: This field is required."),
        ({"name": "X", "latitude": "91"}, "line 2, field latitude: Ensure this value is less than or equal to 90."),
        ({"name": "X", "kind": "castle"}, "line 2, field kind: Select a valid choice. castle is not one of"),
        ({"name": "X", "ror_id": "ror:123"}, "line 2, field ror_id: not a ROR id"),
        ({"name": "X", "website": "kpfu"}, "line 2, field website: not a valid http(s) URL"),
        ({"name": "X", "is_home": "perhaps"}, "line 2, field is_home: expected true or false"),
        ({"name": "X", "id": "999999"}, "line 2, field id: no institution has id 999999"),
        ({"name": "X", "parent_id": "999999"}, "line 2, field parent_id: no institution has id 999999"),
        ({"name": "X", "schac": "umontpellier.fr"}, "line 2, field schac: 'umontpellier.fr' belongs to institution"),
        ({"name": "X", "is_home": "true"}, "line 2, field is_home: the home university is already"),
    ],
)
def test_every_kind_of_bad_cell_is_reported(registry, tmp_path, row, message):
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape(f"rows.csv {message}")):
        run_csv(write_csv(tmp_path / "rows.csv", [row]))
    assert snapshot() == before


def test_lines_are_counted_in_the_file_even_across_quoted_line_breaks(db, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text('name,country\n"Two\nLines University",GB\n\nThird,ZZ\n', encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape("notes.csv line 5, field country")):
        run_csv(path)


def test_the_header_must_name_known_columns(db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("name,colour\nX,blue\n", encoding="utf-8")
    with pytest.raises(CommandError, match="odd.csv: line 1: unknown column 'colour'"):
        run_csv(path)
    path.write_text("country\nGB\n", encoding="utf-8")
    with pytest.raises(CommandError, match="the column 'name' is required"):
        run_csv(path)


def test_columns_left_out_of_the_file_are_left_alone(registry, tmp_path):
    path = write_csv(tmp_path / "names.csv", [{"id": registry.pk, "name": "University of Montpellier"}])
    run = run_csv(path)
    assert run.updated == 1
    registry.refresh_from_db()
    assert (registry.name, registry.city, registry.schac) == ("University of Montpellier", "Montpellier", "umontpellier.fr")
    assert registry.names.count() == 2


def test_the_home_university_can_move_in_one_file(registry, home, tmp_path):
    rows = [{"id": home.pk, "name": home.name, "is_home": "false"}, {"id": registry.pk, "name": registry.name, "is_home": "true"}]
    run_csv(write_csv(tmp_path / "home.csv", rows))
    assert Institution.objects.get(is_home=True) == registry


def test_semicolons_and_backslashes_in_lists_survive_a_round_trip():
    items = ["plain", "with; semicolon", "back\\slash", "end\\"]
    assert split_list(join_list(items)) == items
    assert split_list(" a ; b;;a ") == ["a", "b"]


def test_the_export_can_go_to_standard_output(registry, capsys):
    call_command("export_csv", "-", no_progress=True)
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 9
    assert ImportRun.objects.filter(importer="csv").count() == 0


def test_an_export_neutralises_formulas_and_imports_back_unchanged(registry, tmp_path):
    registry.name, registry.city = "=cmd|' /C calc'!A0", "+Montpellier"
    registry.save()
    InstitutionName.objects.create(institution=registry, name="@UM", kind=NameKind.ACRONYM)
    path = export(tmp_path)
    cells = [cell for row in csv.reader(path.open(encoding="utf-8")) for cell in row]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    assert "'=cmd|' /C calc'!A0" in cells
    before = snapshot()
    run = run_csv(path)
    assert run.unchanged == run.records and run.updated == 0
    after = snapshot()
    after.pop("import runs"), before.pop("import runs")
    assert after == before
