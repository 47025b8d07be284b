"""Search everything: grouped results, partners by any spelling, and never what the user may not open."""

from datetime import date

import pytest

from accord.activities.models import Activity, ActivityParty
from accord.mobility.models import Person
from accord.newsroom.models import Article
from accord.registry.models import InstitutionName, NameKind

pytestmark = pytest.mark.django_db


def search(client, q):
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def records(milan, make_agreement, home):
    InstitutionName.objects.create(institution=milan, name="POLIMI", kind=NameKind.ACRONYM)
    agreement = make_agreement("Student exchange with Milan", status="active")
    activity = Activity.objects.create(title="Delegation from Lombardy", kind="inbound_delegation",
                                       start_date=date(2024, 5, 1))
    ActivityParty.objects.create(activity=activity, institution=milan, role="guest")
    person = Person.objects.create(name="Giulia Rossi", institution=milan, email="giulia@polimi.example",
                                   phone="+39 02 1234")
    article = Article.objects.create(title="Milan rector visits", text="…", content_hash="x" * 64)
    return {"agreement": agreement, "activity": activity, "person": person, "article": article}


def test_staff_find_a_partner_by_its_acronym_with_its_agreements_activities_and_people(records, milan, sam, client_for):
    page = search(client_for(sam), "POLIMI")
    assert 'id="results-partners"' in page and milan.get_absolute_url() in page
    assert records["agreement"].get_absolute_url() in page
    assert records["activity"].get_absolute_url() in page
    assert records["person"].get_absolute_url() in page


def test_a_typo_still_finds_the_partner(records, milan, victor, client_for):
    page = search(client_for(victor), "Polytechnc University of Milan")
    assert milan.get_absolute_url() in page


def test_contact_data_of_people_is_shown_to_staff_only(records, sam, victor, client_for):
    assert "giulia@polimi.example" in search(client_for(sam), "Giulia")
    viewer_page = search(client_for(victor), "Giulia")
    assert records["person"].get_absolute_url() in viewer_page
    assert "giulia@polimi.example" not in viewer_page


def test_a_viewer_cannot_find_people_by_their_email(records, victor, client_for):
    assert records["person"].get_absolute_url() not in search(client_for(victor), "giulia@polimi")


def test_a_teacher_finds_calls_and_their_own_applications_but_no_records_or_partners(
        records, tina, tom, make_application, make_call, client_for):
    call = make_call("Milan aerospace call")
    mine = make_application(tina, call=call, title="Milan nozzle project")
    theirs = make_application(tom, call=call, title="Milan other project")
    page = search(client_for(tina), "Milan")
    assert call.get_absolute_url() in page and mine.get_absolute_url() in page
    assert theirs.get_absolute_url() not in page
    for hidden in ("results-partners", "results-agreements", "results-activities", "results-people",
                   "results-articles"):
        assert hidden not in page


def test_a_mentor_finds_the_applications_they_mentor(tina, mona, make_application, client_for):
    application = make_application(tina, mentor=mona, title="Hypersonic inlet")
    assert application.get_absolute_url() in search(client_for(mona), "hypersonic")


def test_newsroom_articles_are_found_by_those_who_may_see_the_newsroom(records, victor, oscar, client_for):
    assert records["article"].get_absolute_url() in search(client_for(victor), "rector")
    assert records["article"].get_absolute_url() not in search(client_for(oscar), "rector")


def test_a_user_without_a_role_finds_nothing(records, oscar, client_for):
    page = search(client_for(oscar), "Milan")
    assert "search-group" not in page


def test_search_text_is_escaped(victor, client_for):
    page = search(client_for(victor), "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in page


def test_the_header_links_every_page_to_the_search(victor, client_for):
    page = client_for(victor).get("/accounts/profile/").content.decode()
    assert 'role="search"' in page and 'action="/search/"' in page and 'aria-keyshortcuts="/"' in page
