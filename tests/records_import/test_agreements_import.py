"""Agreements from a table: a preview first, then every row or none."""

from datetime import date

import pytest

from accord.records.tableimport import get_import
from accord.agreements.models import Agreement, AgreementParty
from accord.registry.importers.base import ImportFailed

HEADER = ["title", "kind", "status", "partners", "faculty", "signed_on", "signing_mode", "valid_from", "valid_until",
          "auto_renew", "subject_areas"]
GOOD = [
    ["Joint training with Bauman", "Joint training / dual degree", "active",
     "Bauman Moscow State Technical University (coordinator)", "School of Aerospace Engineering", "2024-05-02",
     "in_person", "2024-09-01", "2029-08-31", "yes", "07; 071"],
    ["Exchange with Hanyang and Montpellier", "student_exchange", "", "Hanyang University; Université de Montpellier",
     "", "", "", "", "", "", ""],
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["agreements.csv", "agreements.xlsx"])
def test_a_good_file_previews_every_row_then_commits_them_with_the_home_university_as_home_party(
    table_file, partners, home, faculty, sam, name
):
    path = table_file(name, HEADER, GOOD)
    preview = get_import("agreements").validate(path)
    assert preview.ok, preview.messages()
    assert [row.line for row in preview.rows] == [2, 3]
    assert preview.rows[0].values["kind"] == "joint_training"

    assert get_import("agreements").commit(path, sam) == 2
    bauman = Agreement.objects.get(title="Joint training with Bauman")
    assert (bauman.kind, bauman.status, bauman.faculty, bauman.signing_mode) == ("joint_training", "active", faculty, "in_person")
    assert (bauman.valid_from, bauman.valid_until, bauman.auto_renew) == (date(2024, 9, 1), date(2029, 8, 31), True)
    assert bauman.subject_areas == ["07", "071"]
    assert {(p.institution, p.role) for p in bauman.parties.all()} == {
        (home, "home"), (partners["bauman"], "coordinator")
    }
    other = Agreement.objects.get(title="Exchange with Hanyang and Montpellier")
    assert other.status == "draft"
    assert set(other.parties.filter(role="partner").values_list("institution__name", flat=True)) == {
        "Hanyang University", "Université de Montpellier"
    }
    last = bauman.history.order_by("-history_date").first()
    assert last.history_user == sam and "line 2" in last.history_change_reason


@pytest.mark.django_db
@pytest.mark.parametrize(
    "column, value, message",
    [
        ("partners", "Univ of Nowhere", "no registry institution matches 'Univ of Nowhere'"),
        ("signed_on", "2024-13-40", "expected a date like 2024-05-31"),
        ("kind", "friendship", "unknown value 'friendship'"),
        ("subject_areas", "07; 0x9", "0x9: not ISCED-F"),
        ("valid_until", "2020-01-01", "cannot end before it starts"),
    ],
)
def test_one_bad_row_is_named_by_line_and_column_and_nothing_is_written(
    table_file, partners, sam, column, value, message
):
    rows = [list(r) for r in GOOD]
    rows[1][HEADER.index(column)] = value
    if column == "valid_until":
        rows[1][HEADER.index("valid_from")] = "2024-01-01"
    path = table_file("agreements.csv", HEADER, rows)
    preview = get_import("agreements").validate(path)
    assert not preview.ok
    assert preview.rows[0].ok and not preview.rows[1].ok
    [error] = preview.errors
    assert (error.where, error.field) == ("line 3", column)
    assert message in error.message
    cell = next(c for c in preview.rows[1].cells if c.column == column)
    assert cell.errors and cell.text == value

    before = (Agreement.objects.count(), AgreementParty.objects.count())
    with pytest.raises(ImportFailed) as failed:
        get_import("agreements").commit(path, sam)
    assert "line 3" in str(failed.value)
    assert (Agreement.objects.count(), AgreementParty.objects.count()) == before


@pytest.mark.django_db
def test_a_partner_can_be_given_by_its_registry_id(table_file, partners, sam):
    path = table_file("a.csv", ["title", "kind", "partners"], [["Fund", "fund", f"#{partners['hanyang'].pk} (associate)"]])
    get_import("agreements").commit(path, sam)
    assert Agreement.objects.get(title="Fund").parties.get(role="associate").institution == partners["hanyang"]


@pytest.mark.django_db
def test_an_ambiguous_partner_name_is_refused(table_file, partners, sam):
    from accord.registry.models import Country, Institution

    Institution.objects.create(name="Hanyang University", country=Country.objects.get(code="KR"), city="Ansan")
    path = table_file("a.csv", ["title", "kind", "partners"], [["MoU", "framework", "Hanyang University"]])
    [error] = get_import("agreements").validate(path).errors
    assert error.field == "partners" and "ambiguous" in error.message


@pytest.mark.django_db
def test_a_file_without_a_required_column_is_refused_as_a_whole(table_file, partners):
    path = table_file("a.csv", ["title", "partners"], [["MoU", "Hanyang University"]])
    preview = get_import("agreements").validate(path)
    assert not preview.ok and "missing required column kind" in preview.problems[0]


@pytest.mark.django_db
def test_a_file_with_a_header_and_no_rows_cannot_be_imported(table_file, partners):
    preview = get_import("agreements").validate(table_file("a.csv", HEADER, []))
    assert not preview.ok and "no rows" in preview.problems[0]
