"""Every detail and edit page names its record in the browser tab: "Agreement: Student exchange with
Hanyang University · Accord"."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.urls import reverse

from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.guidance.models import Call
from accord.guidance.services import start_application
from accord.mobility.models import Mobility, Person, Program
from accord.newsroom.models import Article
from accord.registry.models import Country, Institution
from tests.conftest import make_user


def title_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)).strip()


@pytest.fixture
def records(db):
    hanyang = Institution.objects.create(name="Hanyang University", country=Country.objects.get(code="KR"))
    ivan = Person.objects.create(name="Ivan Petrov", kind="student")
    today = date.today()
    call = Call.objects.create(title="Sino-Russian aerospace program", funder="MOST", open_date=today,
                               external_deadline=today + timedelta(days=30))
    return {
        "agreement": Agreement.objects.create(title="Student exchange with Hanyang University", kind="student_exchange"),
        "institution": hanyang,
        "activity": Activity.objects.create(title="Hanyang delegation", kind="inbound_delegation", start_date=today),
        "person": ivan,
        "mobility": Mobility.objects.create(person=ivan, direction="incoming", kind="exchange_student",
                                            home_institution=hanyang),
        "program": Program.objects.create(name="BIT-BMSTU Joint School", kind="joint_school"),
        "call": call,
        "article": Article.objects.create(title="BIT signs with Hanyang", text="x", content_hash="t"),
    }


DETAIL = [
    ("agreement", "agreements:agreement-detail", "Agreement: Student exchange with Hanyang University"),
    ("institution", "registry:institution-detail", "Partner: Hanyang University"),
    ("activity", "activities:activity-detail", "Activity: Hanyang delegation"),
    ("person", "mobility:person-detail", "Person: Ivan Petrov"),
    ("mobility", "mobility:mobility-detail", "Mobility: Ivan Petrov: Exchange student (Incoming)"),
    ("program", "mobility:program-detail", "Program: BIT-BMSTU Joint School"),
    ("call", "guidance:call-detail", "Call: Sino-Russian aerospace program"),
    ("article", "newsroom:article-detail", "Article: BIT signs with Hanyang"),
]
EDIT = [
    ("agreement", "agreements:agreement-update", "Edit agreement: Student exchange with Hanyang University"),
    ("institution", "registry:institution-update", "Edit partner: Hanyang University"),
    ("activity", "activities:activity-update", "Edit activity: Hanyang delegation"),
    ("person", "mobility:person-update", "Edit person: Ivan Petrov"),
    ("mobility", "mobility:mobility-update", "Edit mobility: Ivan Petrov: Exchange student (Incoming)"),
    ("program", "mobility:program-update", "Edit program: BIT-BMSTU Joint School"),
    ("call", "guidance:call-update", "Edit call: Sino-Russian aerospace program"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("key, url, expected", DETAIL + EDIT)
def test_the_page_title_names_the_record(client_for, ada, records, key, url, expected):
    assert title_of(client_for(ada), reverse(url, args=[records[key].pk])) == f"{expected} · Accord"


@pytest.mark.django_db
def test_an_application_page_and_its_edit_page_name_the_application(client_for, records):
    tina = make_user("tina", "teacher")
    application = start_application(applicant=tina, call=records["call"], title="Reusable nozzle materials")
    client = client_for(tina)
    assert title_of(client, reverse("guidance:application-detail", args=[application.pk])) == (
        "Application: Reusable nozzle materials · Accord")
    assert title_of(client, reverse("guidance:application-update", args=[application.pk])) == (
        "Edit application: Reusable nozzle materials · Accord")


@pytest.mark.django_db
@pytest.mark.parametrize("url, expected", [
    ("agreements:agreement-create", "New agreement"), ("registry:institution-create", "New partner"),
    ("activities:activity-create", "New activity"), ("mobility:person-create", "New person"),
    ("mobility:mobility-create", "New mobility"), ("mobility:program-create", "New program"),
    ("guidance:call-create", "New call"),
])
def test_a_new_record_page_says_what_it_creates(client_for, ada, url, expected):
    assert title_of(client_for(ada), reverse(url)) == f"{expected} · Accord"


@pytest.mark.django_db
def test_a_record_title_is_text_never_markup(client_for, ada, records):
    Agreement.objects.filter(pk=records["agreement"].pk).update(title="<script>x</script> & Co")
    page = client_for(ada).get(reverse("agreements:agreement-detail", args=[records["agreement"].pk])).content.decode()
    assert "<title>Agreement: &lt;script&gt;x&lt;/script&gt; &amp; Co · Accord</title>" in page
