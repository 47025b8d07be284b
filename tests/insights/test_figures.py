from accord.insights.services.figures import figures
from accord.insights.services.scope import Scope, partners_in_period


def test_it_counts_partners_countries_and_continents_of_a_year(world):
    f = figures(Scope.for_year(2024))
    assert (f["partners"], f["countries"], f["continents"]) == (3, 3, 2)
    assert f["by_continent"] == {"AS": 1, "EU": 2}


def test_it_never_counts_the_home_university_or_its_units(world, home):
    ids = set(partners_in_period(Scope.for_year(2024)).values_list("pk", flat=True))
    assert ids == {world["A"].pk, world["B"].pk, world["C"].pk}
    assert home.pk not in ids and world["faculty"].pk not in ids


def test_it_counts_an_expired_agreement_only_for_the_years_it_was_valid(world):
    assert list(partners_in_period(Scope.for_year(2022)).values_list("name", flat=True)) == ["Purdue University"]
    assert world["D"] not in partners_in_period(Scope.for_year(2023))


def test_it_ignores_drafts_but_counts_activities(world):
    names = set(partners_in_period(Scope.for_year(2023)).values_list("name", flat=True))
    assert names == {"Université de Lorraine", "École Centrale de Lyon"}


def test_it_counts_per_country_group_and_network(world):
    f = figures(Scope.for_year(2024))
    belt = next(g for g in f["groups"] if g["slug"] == "belt-and-road")
    assert (belt["partners"], belt["countries"]) == (1, 1)
    assert [n["partners"] for n in f["networks"]] == [1]


def test_it_counts_agreements_by_kind_and_status_and_new_ones(world):
    agreements = figures(Scope.for_year(2024))["agreements"]
    assert agreements["total"] == 2
    assert agreements["by_kind"] == {"framework": 1, "student_exchange": 1}
    assert agreements["by_status"] == {"active": 1, "signed": 1}
    assert agreements["signed"] == 1


def test_it_counts_activities_by_kind(world):
    assert figures(Scope.for_year(2024))["activities"] == {"total": 2, "by_kind": {"forum": 1, "workshop": 1}}


def test_it_counts_mobility_by_region_of_the_partner(world):
    mobility = figures(Scope.for_year(2024))["mobility"]
    assert mobility["incoming"] == {"total": 1, "by_region": [{"region": "Western Europe", "count": 1}]}
    assert mobility["outgoing"] == {"total": 1, "by_region": [{"region": "Northern America", "count": 1}]}


def test_a_stay_without_its_institution_counts_for_the_region_of_the_persons_nationality(world, home):
    from datetime import date

    from accord.mobility.models import Mobility, Person
    from accord.registry.models import Country

    thai = Person.objects.create(name="Somchai Wong", kind="student", nationality=Country.objects.get(code="TH"))
    Mobility.objects.create(direction="incoming", kind="exchange_student", person=thai, host_institution=home,
                            start_date=date(2024, 2, 1), end_date=date(2024, 6, 30))
    undated = Person.objects.create(name="Jean Dupont", kind="student", nationality=Country.objects.get(code="FR"))
    Mobility.objects.create(direction="incoming", kind="exchange_student", person=undated, host_institution=home,
                            academic_year=2024)  # no dates: counts for its academic year
    incoming = figures(Scope.for_year(2024))["mobility"]["incoming"]
    assert incoming == {"total": 3, "by_region": [{"region": "Western Europe", "count": 2},
                                                  {"region": "South-eastern Asia", "count": 1}]}


def test_it_narrows_to_a_faculty_a_group_and_a_kind(world):
    assert figures(Scope.for_year(2024, faculty=world["faculty"]))["partners"] == 1
    assert figures(Scope.for_year(2024, group=world["group"]))["partners"] == 1
    assert figures(Scope.for_year(2024, kind="research"))["partners"] == 1
    assert figures(Scope.for_year(2024, kind="research"))["agreements"]["total"] == 0


def test_it_shows_the_trend_by_year(world):
    rows = {row["year"]: row for row in figures(Scope.for_year(2024))["trend"]}
    assert rows[2024]["partners"] == 3 and rows[2023]["partners"] == 2 and rows[2022]["partners"] == 1
    assert rows[2024]["new_agreements"] == 1 and rows[2022]["new_agreements"] == 1
