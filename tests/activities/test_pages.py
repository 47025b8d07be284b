from datetime import date

import pytest
from django.urls import reverse

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement
from accord.mobility.models import Person
from accord.registry.models import Country


def form_data(**overrides):
    data = {
        "kind": "inbound_delegation",
        "title": "Bauman University delegation",
        "description": "Talks on the joint school.",
        "start_date": "2024-05-20",
        "end_date": "2024-05-21",
        "date_precision": "day",
        "city": "Beijing",
        "country": "RU",
        "university_count": "1",
        "source_url": "",
        "parties-TOTAL_FORMS": "0",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
        "agreements-TOTAL_FORMS": "0",
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_record_a_delegation_with_its_parties_and_people_and_the_page_shows_them(client_for, sam, home, partner):
    rector = Person.objects.create(name="Mikhail Gordin", title="Rector")
    client = client_for(sam)
    response = client.post(
        reverse("activities:activity-create"),
        form_data(**{
            "parties-TOTAL_FORMS": "2",
            "parties-0-institution": str(home.pk), "parties-0-role": "host",
            "parties-1-institution": str(partner.pk), "parties-1-role": "guest",
            "people-TOTAL_FORMS": "1",
            "people-0-person": str(rector.pk), "people-0-role": "Head of delegation",
        }),
    )
    activity = Activity.objects.get(title="Bauman University delegation")
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert list(activity.parties.order_by("role").values_list("institution__name", "role")) == [
        ("Bauman Moscow State Technical University", "guest"),
        ("Beijing Institute of Technology", "host"),
    ]
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Mikhail Gordin" in page and "Head of delegation" in page
    assert "Bauman Moscow State Technical University" in page
    assert "record created" in page and ">sam<" in page


@pytest.mark.django_db
def test_the_form_refuses_an_activity_that_ends_before_it_starts(client_for, sam):
    response = client_for(sam).post(reverse("activities:activity-create"), form_data(end_date="2024-05-19"))
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_a_coordinator_s_new_activity_belongs_to_her_faculty_whatever_she_posts(
    client_for, cora, faculty, other_faculty
):
    client_for(cora).post(reverse("activities:activity-create"), form_data(faculty=str(other_faculty.pk)))
    assert Activity.objects.get().faculty == faculty


@pytest.mark.django_db
def test_a_coordinator_edits_her_faculty_s_activity_and_the_history_names_her(client_for, cora, faculty):
    activity = Activity.objects.create(title="Lecture", kind="lecture", start_date=date(2024, 3, 1), faculty=faculty)
    client = client_for(cora)
    response = client.post(
        reverse("activities:activity-update", args=[activity.pk]),
        form_data(title="Lecture on space law", kind="lecture", start_date="2024-03-01", end_date="", version="1"),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Lecture on space law" and activity.faculty == faculty
    latest = activity.history.order_by("-history_date").first()
    assert latest.history_user == cora


@pytest.mark.django_db
def test_the_list_filters_by_kind_year_country_partner_faculty_and_text(client_for, victor, faculty, partner, home):
    russia, china = Country.objects.get(code="RU"), Country.objects.get(code="CN")
    trip = Activity.objects.create(
        title="Delegation to Moscow", kind="outbound_delegation", start_date=date(2018, 5, 1), country=russia
    )
    ActivityParty.objects.create(activity=trip, institution=partner, role="host")
    Activity.objects.create(
        title="Payload competition", kind="competition", start_date=date(2022, 4, 1), country=china, faculty=faculty
    )
    client = client_for(victor)
    url = reverse("activities:activity-list")

    def titles(**params):
        return [a.title for a in client.get(url, params).context["object_list"]]

    assert titles() == ["Payload competition", "Delegation to Moscow"]
    assert titles(kind="outbound_delegation") == ["Delegation to Moscow"]
    assert titles(year="2022") == ["Payload competition"]
    assert titles(country="RU") == ["Delegation to Moscow"]
    assert titles(partner=str(partner.pk)) == ["Delegation to Moscow"]
    assert titles(faculty=str(faculty.pk)) == ["Payload competition"]
    assert titles(q="payload") == ["Payload competition"]


@pytest.mark.django_db
def test_an_htmx_filter_request_gets_only_the_results(client_for, victor):
    response = client_for(victor).get(
        reverse("activities:activity-list"), {"q": "x"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


@pytest.mark.django_db
def test_pages_carry_no_inline_script(client_for, sam, faculty):
    activity = Activity.objects.create(title="Lecture", kind="lecture", start_date=date(2024, 3, 1), faculty=faculty)
    client = client_for(sam)
    for url in (reverse("activities:activity-list"), activity.get_absolute_url(),
                reverse("activities:activity-update", args=[activity.pk])):
        page = client.get(url).content.decode()
        assert "<script>" not in page and "onclick" not in page


@pytest.mark.django_db
def test_an_activity_links_the_agreement_it_produced_and_shows_it(client_for, sam):
    agreement = Agreement.objects.create(title="Student joint-training agreement with BMSTU")
    client = client_for(sam)
    client.post(
        reverse("activities:activity-create"),
        form_data(**{"agreements-TOTAL_FORMS": "1", "agreements-0-agreement": str(agreement.pk)}),
    )
    activity = Activity.objects.get()
    assert list(activity.agreements.all()) == [agreement]
    assert list(agreement.activities.all()) == [activity]
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Student joint-training agreement with BMSTU" in page and "agreement added: Student joint-training" in page
