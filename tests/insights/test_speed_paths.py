"""The faster query paths give the same answers as the plain ones (the speed itself: bench/insights_scale.py)."""

from datetime import date

from django.urls import reverse

from accord.activities.models import Activity, ActivityParty
from accord.insights.services.figures import activity_counts
from accord.insights.services.scope import Scope, activities_in_period, partners_in_period, partners_of
from accord.registry.models import Institution


def test_the_partner_list_shows_the_count_and_page_of_what_the_dashboard_counts(world, victor, client_for):
    response = client_for(victor).get(reverse("registry:institution-list"), {"period": "2024"})
    expected = partners_in_period(Scope.for_year(2024)).count()
    assert expected == 3
    assert response.context["paginator"].count == expected
    assert sorted(i.name for i in response.context["object_list"]) == sorted(
        partners_in_period(Scope.for_year(2024)).values_list("name", flat=True)
    )


def test_a_page_beyond_the_first_still_knows_the_total(world, victor, client_for, home):
    for i in range(55):
        partner = Institution.objects.create(name=f"Partner {i:02d}", country=world["A"].country)
        ActivityParty.objects.create(activity=Activity.objects.get(title="Belt and Road forum"), institution=partner)
    client = client_for(victor)
    second = client.get(reverse("registry:institution-list"), {"period": "2024", "page": 2}).context
    assert second["paginator"].count == 58
    assert len(second["object_list"]) == 8
    assert client.get(reverse("registry:institution-list"), {"period": "2024", "page": 9}).status_code == 404


def test_probing_each_institution_selects_the_same_partners_as_the_partner_set(world):
    for scope in (Scope.for_year(2023), Scope.for_year(2024), Scope(), Scope.for_year(2024, group=world["group"])):
        assert sorted(partners_of(scope).values_list("pk", flat=True)) == sorted(
            partners_in_period(scope).values_list("pk", flat=True)
        )


def test_activities_are_counted_once_whether_they_started_in_the_period_or_before_it(world):
    Activity.objects.create(title="Long residency", kind="visit", start_date=date(2023, 12, 1), end_date=date(2024, 2, 1))
    scope = Scope.for_year(2024)
    total, by_kind = activity_counts(scope)
    assert total == activities_in_period(scope).count() == 3
    assert by_kind == {"forum": 1, "visit": 1, "workshop": 1}


def test_the_partner_lists_own_group_and_kind_narrow_the_partner_set_to_the_same_rows(world, victor, client_for):
    from accord.insights.models import PartnerYearCoverage

    client = client_for(victor)
    url = reverse("registry:institution-list")
    asked = [{"period": "2024", "group": "belt-and-road"}, {"period": "2024", "kind": "research"},
             {"period": "2022..2024", "kind": "university"}]
    from_table = [sorted(i.name for i in client.get(url, q).context["object_list"]) for q in asked]
    assert from_table == [["Chulalongkorn University"], ["Fraunhofer Institute"],
                          ["Chulalongkorn University", "Purdue University", "Université de Lorraine",
                           "École Centrale de Lyon"]]  # Purdue until 2022, Lyon's 2023 visit
    PartnerYearCoverage.objects.all().delete()  # computed live from the records
    assert [sorted(i.name for i in client.get(url, q).context["object_list"]) for q in asked] == from_table
