"""Refusals say why: a coordinator is told which faculty owns the record."""

import pytest

from accord.agreements.models import Agreement
from accord.mobility.models import Person
from accord.registry.models import Institution, Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def mechanical(home):
    return Institution.objects.create(name="School of Mechanical Engineering", kind=Kind.FACULTY, parent=home,
                                      country=home.country)


def test_a_coordinator_refused_on_another_facultys_agreement_is_told_which_faculty_owns_it(cora, mechanical, client_for):
    agreement = Agreement.objects.create(title="Exchange with Milan", faculty=mechanical)
    response = client_for(cora).get(f"/agreements/{agreement.pk}/edit/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "belongs to School of Mechanical Engineering" in page
    assert "you coordinate School of Aerospace Engineering" in page


def test_a_coordinator_refused_on_a_person_of_another_faculty_is_told_too(cora, mechanical, client_for):
    person = Person.objects.create(name="Li Wei", faculty=mechanical)
    response = client_for(cora).get(f"/people/{person.pk}/edit/")
    assert response.status_code == 403
    assert "belongs to School of Mechanical Engineering" in response.content.decode()


def test_a_record_of_no_faculty_is_the_offices_to_change(cora, client_for):
    agreement = Agreement.objects.create(title="University-wide MoU")
    page = client_for(cora).get(f"/agreements/{agreement.pk}/edit/").content.decode()
    assert "belongs to no faculty" in page


def test_a_viewer_is_told_which_role_is_needed(victor, client_for):
    agreement = Agreement.objects.create(title="Exchange with Milan")
    page = client_for(victor).get(f"/agreements/{agreement.pk}/edit/").content.decode()
    assert "Your role (Viewer) does not allow this; it needs Office staff." in page


def test_a_user_without_a_role_is_told_who_may_use_the_guidance_center(oscar, client_for):
    response = client_for(oscar).get("/guidance/")
    assert response.status_code == 403
    assert "Your role (none) does not allow this; it needs Viewer or Teacher or Mentor." in response.content.decode()
