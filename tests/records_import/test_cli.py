"""`accord import agreements|activities|mobility FILE`: all or nothing, errors by line and column."""

import pytest
from django.core.management import CommandError, call_command

from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.mobility.models import Mobility, Person

FILES = {
    "agreements": (["title", "kind", "partners"], ["MoU", "framework", "Hanyang University"], "partners",
                   "Univ of Nowhere"),
    "activities": (["title", "kind", "start_date"], ["Forum", "forum", "2024-06-03"], "start_date", "June 3rd"),
    "mobility": (["direction", "kind", "person"], ["incoming", "exchange_student", "Ivan Petrov"], "kind", "tourist"),
}


def _counts():
    return (Agreement.objects.count(), Activity.objects.count(), Mobility.objects.count(), Person.objects.count())


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FILES)
def test_the_command_exits_with_an_error_naming_line_and_column_and_writes_nothing(table_file, partners, kind, capsys):
    header, good, column, bad_value = FILES[kind]
    bad = list(good)
    bad[header.index(column)] = bad_value
    path = table_file(f"{kind}.csv", header, [good, good, bad])
    before = _counts()
    with pytest.raises(CommandError) as failed:
        call_command(f"import_{kind}", str(path))
    assert f"{kind}.csv line 4, column {column}:" in str(failed.value)  # the file named, as the registry importers do
    assert "nothing was imported" in str(failed.value)
    assert _counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FILES)
def test_the_command_imports_a_good_file(table_file, partners, kind, capsys):
    header, good, _, _ = FILES[kind]
    path = table_file(f"{kind}.xlsx", header, [good, good])
    before = _counts()
    call_command(f"import_{kind}", str(path))
    assert "2 " in capsys.readouterr().out
    assert sum(_counts()) > sum(before)


@pytest.mark.django_db
def test_a_dry_run_prints_the_errors_and_writes_nothing(table_file, partners):
    header, good, column, bad_value = FILES["agreements"]
    path = table_file("a.csv", header, [good, [*good[:2], bad_value]])
    with pytest.raises(CommandError, match="a.csv line 3, column partners: no registry institution matches 'Univ of Nowhere'"):
        call_command("import_agreements", str(path), "--dry-run")
    assert Agreement.objects.count() == 0


@pytest.mark.django_db
def test_a_dry_run_of_a_good_file_writes_nothing(table_file, partners, capsys):
    header, good, _, _ = FILES["agreements"]
    call_command("import_agreements", str(table_file("a.csv", header, [good])), "--dry-run")
    assert "1 rows are ready" in capsys.readouterr().out
    assert Agreement.objects.count() == 0


@pytest.mark.django_db
def test_the_command_refuses_an_unknown_format(tmp_path, partners):
    path = tmp_path / "agreements.json"
    path.write_text("[]")
    with pytest.raises(CommandError, match="agreements.json: unknown file format 'json'"):
        call_command("import_agreements", str(path))
