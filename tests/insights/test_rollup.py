"""PartnerYear, the partners of each year kept in a table, always says what the records say.

Every check compares the table with the live definition (scope.partner_ids computed from the
records), through rollup.differences(), after changes made the way users and importers make them.
"""

import csv
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.insights.models import ALL_TIME, ANY_FACULTY, PartnerYear, PartnerYearCoverage
from accord.insights.services import rollup
from accord.insights.services.figures import figures
from accord.insights.services.scope import Scope, partner_count, partners_in_period, rollup_years
from accord.registry.models import Country, Institution, Kind
from accord.registry.services.merge import merge


def assert_current():
    assert rollup.differences() == {}
    assert rollup.stale_attributes() == []


def rows():
    return set(PartnerYear.objects.values_list("year", "faculty", "institution", "country", "kind", "located"))


def test_the_table_answers_a_year_with_the_partners_the_records_give(world):
    assert_current()
    assert rollup_years(Scope.for_year(2024)) == range(2024, 2025)
    in_2024 = PartnerYear.objects.filter(year=2024, faculty=ANY_FACULTY)
    assert sorted(in_2024.values_list("institution", flat=True)) == sorted(
        [world["A"].pk, world["B"].pk, world["C"].pk]
    )
    assert in_2024.get(institution=world["C"].pk).country == "TH"
    assert in_2024.get(institution=world["C"].pk).located is True
    assert in_2024.get(institution=world["B"].pk).located is False
    # the faculty owns the Lorraine framework only
    assert list(PartnerYear.objects.filter(year=2024, faculty=world["faculty"].pk).values_list("institution", flat=True)) == [
        world["A"].pk
    ]


@pytest.mark.parametrize(
    "make_scope",
    [
        lambda w: Scope.for_year(2024),
        lambda w: Scope.for_year(2023),
        lambda w: Scope.for_year(2022),
        lambda w: Scope(start=date(2022, 1, 1), end=date(2024, 12, 31)),
        lambda w: Scope(),
        lambda w: Scope.for_year(2024, faculty=w["faculty"]),
        lambda w: Scope.for_year(2024, group=w["group"]),
        lambda w: Scope.for_year(2024, kind=Kind.RESEARCH),
    ],
    ids=["2024", "2023", "2022", "2022-2024", "any time", "faculty", "group", "kind"],
)
def test_figures_read_from_the_table_equal_figures_computed_live(world, make_scope):
    scope = make_scope(world)
    assert rollup_years(scope) is not None
    from_table = figures(scope)
    PartnerYearCoverage.objects.all().delete()  # no coverage: every figure is computed from the records
    assert rollup_years(scope) is None
    assert figures(scope) == from_table


def test_a_period_that_is_not_whole_years_is_computed_live(world):
    spring = Scope(start=date(2024, 3, 1), end=date(2024, 6, 30))
    assert rollup_years(spring) is None
    assert rollup_years(Scope(start=date(2024, 1, 1))) is None  # open-ended
    assert rollup_years(Scope.for_year(rollup.coverage().last + 1)) is None
    # spring 2024: the Lorraine framework, the Chulalongkorn exchange (from March), the May forum
    assert sorted(partners_in_period(spring).values_list("name", flat=True)) == [
        "Chulalongkorn University", "Fraunhofer Institute", "Université de Lorraine",
    ]  # fmt: skip
    assert partner_count(spring) == 3


def test_editing_records_keeps_the_table_current(world, home, faculty):
    purdue = Agreement.objects.get(title="Research with Purdue")
    purdue.valid_until = date(2025, 6, 30)  # extended: Purdue is a partner again in 2023-2025
    purdue.save()
    assert_current()
    assert PartnerYear.objects.filter(year=2024, faculty=ANY_FACULTY, institution=world["D"].pk).exists()

    purdue.status = "terminated"
    purdue.save()
    assert_current()
    assert not PartnerYear.objects.filter(institution=world["D"].pk).exists()

    forum = Activity.objects.get(title="Belt and Road forum")
    forum.faculty = faculty
    forum.start_date, forum.end_date = date(2021, 12, 30), date(2022, 1, 2)  # across two years
    forum.save()
    assert_current()
    assert set(PartnerYear.objects.filter(institution=world["B"].pk).values_list("year", "faculty")) == {
        (ALL_TIME, ANY_FACULTY), (ALL_TIME, faculty.pk), (2021, ANY_FACULTY), (2021, faculty.pk),
        (2022, ANY_FACULTY), (2022, faculty.pk),
    }  # fmt: skip

    party = ActivityParty.objects.get(activity=forum, institution=world["B"])
    party.institution = world["E"]  # recorded against the wrong partner, corrected
    party.save()
    assert_current()
    assert not PartnerYear.objects.filter(institution=world["B"].pk).exists()

    ActivityParty.objects.get(activity=forum, institution=world["C"]).delete()
    AgreementParty.objects.create(agreement=Agreement.objects.get(title="Draft with Lyon"), institution=world["B"])
    assert_current()

    Agreement.objects.get(title="Student exchange with Chulalongkorn").delete()  # its parties go with it
    assert_current()
    assert not PartnerYear.objects.filter(institution=world["C"].pk).exists()


def test_a_record_created_with_dates_as_text_is_counted_too(world):
    talk = Activity.objects.create(title="Guest lecture", kind="lecture", start_date="2024-10-08")  # as a form might
    ActivityParty.objects.create(activity=talk, institution=world["D"])
    assert_current()
    assert PartnerYear.objects.filter(year=2024, faculty=ANY_FACULTY, institution=world["D"].pk).exists()


def test_a_record_before_the_covered_years_extends_them(world):
    first = rollup.coverage().first
    assert first <= 2019  # the Purdue agreement of 2019
    visit = Activity.objects.create(title="Early visit", kind="visit", start_date=date(1998, 4, 1))
    ActivityParty.objects.create(activity=visit, institution=world["E"])
    assert rollup.coverage().first == 1998
    assert_current()
    assert rollup_years(Scope.for_year(1998)) == range(1998, 1999)


def test_an_agreement_without_dates_counts_for_any_time_and_in_no_year(world):
    undated = Agreement.objects.create(title="Old memorandum", status="active")
    AgreementParty.objects.create(agreement=undated, institution=world["E"])
    assert_current()
    years = set(PartnerYear.objects.filter(institution=world["E"].pk).values_list("year", flat=True))
    assert ALL_TIME in years and 2024 not in years and 2020 not in years
    assert years == {ALL_TIME, 2023}  # 2023: its visit


def test_an_agreement_known_only_by_its_end_counts_in_the_year_it_ends(world):
    ending = Agreement.objects.create(title="Memorandum ending 2021", status="expired", valid_until=date(2021, 6, 30))
    AgreementParty.objects.create(agreement=ending, institution=world["E"])
    assert_current()
    years = set(PartnerYear.objects.filter(institution=world["E"].pk).values_list("year", flat=True))
    assert years == {ALL_TIME, 2021, 2023}


def test_changes_to_the_partner_itself_keep_the_table_current(world, home):
    lorraine = world["A"]
    lorraine.country = Country.objects.get(code="DE")
    lorraine.latitude = lorraine.longitude = None
    lorraine.kind = Kind.RESEARCH
    lorraine.save()
    assert_current()
    assert set(PartnerYear.objects.filter(institution=lorraine.pk).values_list("country", "kind", "located")) == {
        ("DE", Kind.RESEARCH, False)
    }

    fraunhofer = world["B"]
    fraunhofer.parent = home  # recorded as a unit of the home university: never a partner
    fraunhofer.save()
    assert_current()
    assert not PartnerYear.objects.filter(institution=fraunhofer.pk).exists()


def test_merging_two_records_moves_the_partner_to_the_survivor(world):
    merge(world["A"], world["E"])  # Lyon's draft and 2023 visit now belong to Lorraine
    assert_current()
    assert not PartnerYear.objects.filter(institution=world["E"].pk).exists()
    assert PartnerYear.objects.filter(institution=world["A"].pk, year=2023, faculty=ANY_FACULTY).exists()


def test_a_registry_import_that_changes_a_partner_updates_its_copied_country(world, tmp_path):
    path = tmp_path / "institutions.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "name", "country"])
        writer.writeheader()
        writer.writerow({"id": world["C"].pk, "name": "Chulalongkorn University", "country": "LA"})
    call_command("import_csv", str(path), no_progress=True)
    assert Institution.objects.get(pk=world["C"].pk).country_id == "LA"
    assert_current()
    assert set(PartnerYear.objects.filter(institution=world["C"].pk).values_list("country", flat=True)) == {"LA"}


def test_a_rebuild_gives_the_rows_the_signals_kept(world):
    kept = rows()
    assert kept
    rollup.rebuild()
    assert rows() == kept


def test_accord_rollup_check_reports_a_table_that_differs_and_a_rebuild_mends_it(world, capsys):
    call_command("rollup", "--check")
    assert "match the records" in capsys.readouterr().out
    PartnerYear.objects.filter(year=2024, institution=world["C"].pk).delete()  # as if written past Accord
    PartnerYear.objects.filter(institution=world["B"].pk).update(country="ZZ")
    with pytest.raises(CommandError, match="differs from the records"):
        call_command("rollup", "--check")
    report = capsys.readouterr().err
    assert re.search(rf"2024, any faculty: missing {world['C'].pk}, extra none", report)
    assert f"out of date for institutions {world['B'].pk}" in report
    call_command("rollup")
    assert f"{PartnerYear.objects.count():,} rows" in capsys.readouterr().out
    call_command("rollup", "--check")
    assert_current()
