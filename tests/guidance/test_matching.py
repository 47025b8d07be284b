from datetime import date

import pytest

from accord.activities.models import Activity, ActivityParty
from accord.guidance.matching import match_calls, match_partners
from accord.registry.models import Country, Institution

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(make_call):
    return {
        "aero": make_call("Sino-Russian aerospace propulsion program", countries=["RU"], disciplines=["071"],
                          positioning="Rocket propulsion and spacecraft flight dynamics.", keywords="aerospace, propulsion"),
        "bio": make_call("Marine biology exchange", countries=["FR"], disciplines=["051"],
                         positioning="Coastal ecosystems and marine biodiversity."),
        "closed": make_call("Past aerospace propulsion call", opens=-400, internal=-350, external=-300,
                            positioning="Rocket propulsion.", keywords="aerospace, propulsion"),
    }


@pytest.fixture
def activities(bauman):
    milan = Institution.objects.create(name="Polytechnic University of Milan", country=Country.objects.get(code="IT"))
    for year, title in ((2018, "Aerospace propulsion workshop"), (2019, "Aerospace delegation"),
                        (2021, "Joint lab on aerospace materials")):
        activity = Activity.objects.create(title=title, kind=Activity.Kind.WORKSHOP, start_date=date(year, 5, 1))
        ActivityParty.objects.create(activity=activity, institution=bauman)
    design = Activity.objects.create(title="Design week", kind=Activity.Kind.CULTURAL, start_date=date(2022, 3, 1),
                                     description="Fashion and product design exhibition.")
    ActivityParty.objects.create(activity=design, institution=milan)
    return milan


def test_it_ranks_the_call_that_fits_the_direction_first_and_leaves_out_closed_calls(calls):
    matches = match_calls("Propulsion of reusable aerospace vehicles")
    assert matches[0].call == calls["aero"]
    assert calls["closed"] not in [m.call for m in matches]
    assert calls["bio"] not in [m.call for m in matches]
    assert "propulsion" in matches[0].terms


def test_a_call_open_to_the_country_of_a_partner_is_boosted_and_says_why(calls, activities, make_call):
    twin = make_call("Aerospace propulsion fund", countries=["FR"], positioning="Rocket propulsion and spacecraft flight dynamics.",
                     keywords="aerospace, propulsion", disciplines=["071"])
    matches = {m.call: m for m in match_calls("aerospace propulsion")}
    assert matches[calls["aero"]].partner_countries == ["Russia"]
    assert matches[calls["aero"]].score > matches[calls["aero"]].text_score
    assert matches[twin].score == matches[twin].text_score
    assert any("Russia (1 partner)" in r for r in matches[calls["aero"]].reasons)


def test_the_partner_suggestion_carries_the_reason_from_the_records(activities, bauman):
    matches = match_partners("aerospace propulsion systems")
    assert matches[0].institution == bauman
    assert matches[0].reason == "3 activities on aerospace with Bauman Moscow State Technical University since 2018"
    assert activities not in [m.institution for m in matches]


def test_past_applications_count_towards_a_partner(make_application, tina, bauman):
    make_application(tina, title="Hypersonic flow control", research_direction="Plasma actuators for hypersonic flow",
                     partners=[bauman])
    [match] = match_partners("hypersonic flow")
    assert match.institution == bauman and match.counts == {"application": 1}
    # "flow" appears twice in the application, so it names the topic; the year is when it was recorded
    assert match.reason == f"1 past application on flow with Bauman Moscow State Technical University since {date.today().year}"


def test_an_empty_or_stop_word_direction_matches_nothing(calls, activities):
    assert match_calls("") == [] and match_partners("the of and") == []


def test_the_matching_page_shows_both_rankings(client_for, tina, calls, activities):
    body = client_for(tina).get("/guidance/match/", {"q": "aerospace propulsion"}).content.decode()
    assert "Sino-Russian aerospace propulsion program" in body
    assert "3 activities on aerospace with Bauman Moscow State Technical University since 2018" in body
