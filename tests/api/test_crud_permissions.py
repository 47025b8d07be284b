"""Every resource, every role: the API allows exactly what the web interface allows (accounts.roles.can)."""

from datetime import date

import pytest

from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.mobility.models import Mobility, Person, Program
from accord.registry.models import Country, Institution, Kind


@pytest.fixture
def other_faculty(home):
    return Institution.objects.create(name="School of Law", kind=Kind.FACULTY, parent=home, country=home.country)


def _records(faculty, other_faculty, partner):
    """One record per resource owned by Cora's faculty, one owned by another faculty, and a create body."""
    person = Person.objects.create(name="Li Wei")
    cn = Country.objects.get(code="CN")
    return {
        "institutions": (
            faculty,
            other_faculty,
            {"name": "University of Lagos", "country": "NG", "kind": "university"},
            {"city": "Zhongguancun"},
        ),
        "agreements": (
            Agreement.objects.create(title="Aerospace MoU", faculty=faculty),
            Agreement.objects.create(title="Law MoU", faculty=other_faculty),
            {"title": "Student exchange with BMSTU", "kind": "student_exchange",
             "parties": [{"institution": partner.pk, "role": "partner"}]},
            {"notes": "checked"},
        ),
        "activities": (
            Activity.objects.create(title="Delegation", start_date=date(2024, 5, 1), faculty=faculty),
            Activity.objects.create(title="Moot court", start_date=date(2024, 5, 2), faculty=other_faculty),
            {"title": "Forum", "start_date": "2024-06-01", "kind": "forum", "country": "CN"},
            {"city": "Beijing"},
        ),
        "mobility": (
            Mobility.objects.create(direction="outgoing", kind="exchange_student", person=person, faculty=faculty),
            Mobility.objects.create(direction="outgoing", kind="exchange_student", person=person, faculty=other_faculty),
            {"direction": "incoming", "kind": "degree_student", "person": person.pk, "host_institution": partner.pk},
            {"scholarship": "CSC"},
        ),
        "programs": (
            Program.objects.create(name="Joint school", faculty=faculty, country=cn),
            Program.objects.create(name="Law summer school", faculty=other_faculty),
            {"name": "Summer school of rocketry", "kind": "summer_school"},
            {"city": "Shenzhen"},
        ),
    }


RESOURCES = ["institutions", "agreements", "activities", "mobility", "programs"]
# persona -> (may read, may create, may change own faculty's, may change another faculty's)
MATRIX = {
    "ada": (True, True, True, True),
    "sam": (True, True, True, True),
    "cora": (True, True, True, False),
    "victor": (True, False, False, False),
    "oscar": (False, False, False, False),
}


def _body_with_version(record, body):
    return {**body, "version": record.version} if hasattr(record, "version") else body


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("persona", list(MATRIX))
def test_each_role_may_do_what_the_web_interface_lets_it_do(request, resource, persona, faculty, other_faculty,
                                                             partner, cora, api_as):
    user = request.getfixturevalue(persona)
    own, foreign, create_body, change = _records(faculty, other_faculty, partner)[resource]
    may_read, may_create, may_change_own, may_change_foreign = MATRIX[persona]
    api = api_as(user)
    url = f"/api/v1/{resource}/"

    listing = api.get(url)
    assert listing.status_code == (200 if may_read else 403)
    detail = api.get(f"{url}{own.pk}")
    assert detail.status_code == (200 if may_read else 403)
    if may_read:
        assert detail.json()["id"] == own.pk
        assert own.pk in [item["id"] for item in listing.json()["items"]]

    created = api.post(url, create_body)
    assert created.status_code == (201 if may_create else 403), created.content

    for record, allowed in ((own, may_change_own), (foreign, may_change_foreign)):
        before = type(record).objects.filter(pk=record.pk).values().get()
        response = api.patch(f"{url}{record.pk}", _body_with_version(record, change))
        assert response.status_code == (200 if allowed else 403), response.content
        after = type(record).objects.filter(pk=record.pk).values().get()
        field, value = next(iter(change.items()))
        assert (after[field] == value) is allowed or before[field] == value
        if not allowed:
            assert after == before


def test_a_coordinators_new_record_belongs_to_their_faculty(cora, faculty, other_faculty, api_as):
    response = api_as(cora).post("/api/v1/activities/", {"title": "Visit", "start_date": "2024-01-02",
                                                           "faculty": other_faculty.pk})
    assert response.status_code == 201
    assert response.json()["faculty"] == faculty.pk
    assert Activity.objects.get().faculty == faculty


def test_a_created_agreement_keeps_its_parties(sam, partner, api_as):
    response = api_as(sam).post("/api/v1/agreements/", {"title": "MoU", "parties": [{"institution": partner.pk}]})
    assert response.status_code == 201
    body = response.json()
    assert body["parties"] == [{"institution": partner.pk, "name": partner.name, "role": "partner"}]
    assert list(Agreement.objects.get(pk=body["id"]).parties.values_list("institution", flat=True)) == [partner.pk]


def test_an_unknown_record_is_a_json_404(victor, api_as):
    response = api_as(victor).get("/api/v1/agreements/987654")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
