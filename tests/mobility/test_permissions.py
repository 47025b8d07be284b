from datetime import date

import pytest
from django.urls import reverse

from accord.mobility.models import Mobility, Person, Program
from tests.mobility.matrix import CASES, user_for


def urls(name):
    return {
        "list": lambda r: reverse(f"mobility:{name}-list"),
        "detail": lambda r: r.get_absolute_url(),
        "create": lambda r: reverse(f"mobility:{name}-create"),
        "edit": lambda r: reverse(f"mobility:{name}-update", args=[r.pk]),
        "delete": lambda r: reverse(f"mobility:{name}-delete", args=[r.pk]),
    }


def make_person(faculty, n):
    return Person.objects.create(name=f"Person {n}", kind="faculty", faculty=faculty)


def make_mobility(faculty, n):
    person = Person.objects.create(name=f"Student {n}", kind="student")
    return Mobility.objects.create(
        person=person, direction="incoming", kind="exchange_student", start_date=date(2024, 9, 1), faculty=faculty
    )


def make_program(faculty, n):
    return Program.objects.create(name=f"Program {n}", kind="summer_school", faculty=faculty)


MODELS = {"person": make_person, "mobility": make_mobility, "program": make_program}


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("persona, action, status", CASES)
def test_each_role_may_do_what_the_matrix_says_with_people_mobility_and_programs(
    request, client_for, faculty, other_faculty, model, persona, action, status
):
    owner = other_faculty if persona.endswith("-other") else faculty
    record = MODELS[model](owner, 1)
    client = client_for(user_for(persona, request))
    assert client.get(urls(model)[action](record)).status_code == status


@pytest.mark.django_db
def test_the_international_students_page_is_for_every_role_but_outsiders(client_for, victor, oscar):
    url = reverse("mobility:international-students")
    assert client_for(victor).get(url).status_code == 200
    assert client_for(oscar).get(url).status_code == 403


@pytest.mark.django_db
def test_a_person_still_referenced_by_a_mobility_is_not_deleted(client_for, ada, faculty):
    mobility = make_mobility(faculty, 1)
    response = client_for(ada).post(reverse("mobility:person-delete", args=[mobility.person.pk]), follow=True)
    assert Person.objects.filter(pk=mobility.person.pk).exists()
    assert "still referenced" in response.content.decode()
