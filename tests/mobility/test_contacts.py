import pytest
from django.urls import reverse

from accord.mobility.models import Person

EMAIL, PHONE = "e.digeon@montargis.example", "+33 2 38 00 00 00"


@pytest.fixture
def mayor(faculty):
    return Person.objects.create(name="Benoît Digeon", title="Mayor of Montargis", email=EMAIL, phone=PHONE,
                                 faculty=faculty)


@pytest.mark.django_db
@pytest.mark.parametrize("persona, sees", [("victor", False), ("cora", False), ("sam", True), ("ada", True)])
def test_contact_data_is_shown_only_to_the_office(request, client_for, mayor, persona, sees):
    page = client_for(request.getfixturevalue(persona)).get(mayor.get_absolute_url()).content.decode()
    assert "Mayor of Montargis" in page
    assert (EMAIL in page) is sees
    assert (PHONE in page) is sees


@pytest.mark.django_db
def test_a_coordinator_s_edit_form_neither_shows_nor_clears_contact_data(client_for, cora, mayor):
    client = client_for(cora)
    url = reverse("mobility:person-update", args=[mayor.pk])
    assert EMAIL not in client.get(url).content.decode()
    response = client.post(url, {"name": "Benoît Digeon", "title": "Mayor", "kind": "official", "email": "x@y.z",
                                "version": "1"})
    assert response.status_code == 302
    mayor.refresh_from_db()
    assert (mayor.title, mayor.email, mayor.phone) == ("Mayor", EMAIL, PHONE)


@pytest.mark.django_db
def test_the_history_hides_changed_contact_values_from_those_who_may_not_see_them(client_for, victor, sam, mayor):
    client_for(sam).post(
        reverse("mobility:person-update", args=[mayor.pk]),
        {"name": "Benoît Digeon", "title": "Mayor of Montargis", "kind": "official", "email": "new@montargis.example",
         "phone": PHONE, "version": "1"},
    )
    assert "new@montargis.example" in client_for(sam).get(mayor.get_absolute_url()).content.decode()
    page = client_for(victor).get(mayor.get_absolute_url()).content.decode()
    assert "new@montargis.example" not in page and EMAIL not in page
    assert "Email: … → …" in page


@pytest.mark.django_db
def test_staff_enter_contact_data_when_they_create_a_person(client_for, sam):
    client_for(sam).post(
        reverse("mobility:person-create"), {"name": "Rustam Karimjonov", "kind": "official", "email": "r@example.uz"}
    )
    assert Person.objects.get(name="Rustam Karimjonov").email == "r@example.uz"
