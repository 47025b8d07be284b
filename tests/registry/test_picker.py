"""The institution picker's server side: the lookup JSON it reads, the widget it renders, and "Add …"
(a new partner, after the duplicate check) for the office only."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from accord.agreements.forms import PartyFormSet
from accord.guidance.forms import ApplicationForm
from accord.registry.models import Country, Institution
from accord.registry.widgets import InstitutionPicker, InstitutionsPicker
from tests.conftest import make_user

ADD = reverse("registry:picker-create")
LOOKUP = reverse("registry:lookup-json")


@pytest.fixture
def hanyang(db):
    return Institution.objects.create(name="Hanyang University", local_name="한양대학교", country=Country.objects.get(code="KR"))


def test_the_lookup_json_shows_local_name_country_name_and_kind_of_each_match(client_for, victor, home, hanyang):
    answer = client_for(victor).get(LOOKUP, {"q": "北京理工"}).json()
    assert answer["matches"][0] | {"score": 0, "url": ""} == {
        "id": home.pk, "name": "Beijing Institute of Technology", "local_name": "北京理工大学", "country": "CN",
        "country_name": "China", "kind": "university", "kind_label": "University", "score": 0, "url": "",
        "matched_name": answer["matches"][0]["matched_name"], "how": answer["matches"][0]["how"],
    }
    assert client_for(victor).get(LOOKUP, {"q": "hanyang univ"}).json()["matches"][0]["local_name"] == "한양대학교"


def test_the_lookup_json_names_countries_in_chinese_for_a_chinese_page(client_for, victor, hanyang):
    answer = client_for(victor).get(LOOKUP, {"q": "Hanyang"}, HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert answer["matches"][0]["country_name"] == "大韩民国"
    assert answer["matches"][0]["kind_label"] == "大学"


def test_a_teacher_may_pick_partners_for_an_application_but_not_browse_the_registry(client_for, hanyang):
    teacher = make_user("tess", "teacher")
    client = client_for(teacher)
    assert client.get(LOOKUP, {"q": "Hanyang"}).json()["matches"][0]["id"] == hanyang.pk
    assert client.get(reverse("registry:lookup"), {"q": "Hanyang"}).status_code == 403
    assert client_for(make_user("nobody")).get(LOOKUP, {"q": "Hanyang"}).status_code == 403


def test_the_widget_renders_only_the_chosen_institution_with_its_picker_data(home, hanyang):
    html = InstitutionPicker().render("institution", hanyang.pk)
    assert html.count("<option") == 2  # the empty choice and Hanyang, not every institution
    assert 'data-picker="institution"' in html and f'data-lookup-url="{LOOKUP}"' in html
    assert "Beijing Institute of Technology" not in html
    option = json.loads(html.split("data-data=\"")[1].split('"')[0].replace("&quot;", '"'))
    assert option["local_name"] == "한양대학교" and option["country_name"] == "South Korea"
    assert 'aria-label="Institution"' in html


def test_the_multiple_picker_renders_every_chosen_institution_and_no_empty_choice(home, hanyang):
    html = InstitutionsPicker().render("partners", [home.pk, hanyang.pk])
    assert html.count("<option") == 2 and "multiple" in html and 'value=""' not in html


def test_a_party_is_still_chosen_by_institution_id(hanyang):
    formset = PartyFormSet({"parties-TOTAL_FORMS": "1", "parties-INITIAL_FORMS": "0", "parties-0-institution": str(hanyang.pk),
                            "parties-0-role": "partner"}, prefix="parties")
    assert formset.is_valid(), formset.errors
    assert formset.forms[0].cleaned_data["institution"] == hanyang
    bad = PartyFormSet({"parties-TOTAL_FORMS": "1", "parties-INITIAL_FORMS": "0", "parties-0-institution": "999999",
                        "parties-0-role": "partner"}, prefix="parties")
    assert not bad.is_valid()


def test_an_application_may_name_any_institution_of_the_registry(hanyang):
    field = ApplicationForm().fields["partner_institutions"]
    assert hanyang in field.queryset
    assert isinstance(field.widget, InstitutionsPicker)


def test_office_staff_add_a_partner_the_registry_lacks(client_for, sam, hanyang):
    response = client_for(sam).post(ADD, {"name": "  Kyung Hee   University ", "country": "kr"})
    assert response.status_code == 201
    created = Institution.objects.get(name="Kyung Hee University")
    assert created.country_id == "KR"
    assert response.json()["created"]["id"] == created.pk
    assert response.json()["created"]["country_name"] == "South Korea"
    record = created.history.get()
    assert record.history_user == sam and record.history_change_reason == "added from an institution picker"


def test_a_name_like_an_existing_partner_answers_that_partner_and_only_a_confirmed_add_creates(client_for, sam, hanyang):
    client = client_for(sam)
    answer = client.post(ADD, {"name": "Hanyang Univrsity"}).json()
    assert [m["id"] for m in answer["similar"]] == [hanyang.pk]
    assert answer["message"] == ("The registry already has a partner by a similar name. Choose it, or add the new "
                                 "partner again to confirm.")
    assert Institution.objects.filter(name="Hanyang Univrsity").count() == 0
    # a local name is a similar name too
    assert client.post(ADD, {"name": "한양대학교"}).json()["similar"][0]["id"] == hanyang.pk
    response = client.post(ADD, {"name": "Hanyang Univrsity", "confirm": "1"})
    assert response.status_code == 201
    assert Institution.objects.filter(name="Hanyang Univrsity").count() == 1


@pytest.mark.parametrize("persona", ["viewer", "coordinator", "teacher", None])
def test_only_the_office_adds_partners_from_a_picker(client_for, persona, faculty):
    user = make_user("someone", persona, faculty=faculty if persona == "coordinator" else None)
    assert client_for(user).post(ADD, {"name": "Kyung Hee University", "confirm": "1"}).status_code == 403
    assert not Institution.objects.filter(name="Kyung Hee University").exists()


def test_adding_a_partner_needs_a_post_with_the_csrf_token(sam):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sam)
    assert client.get(ADD, {"name": "Kyung Hee University"}).status_code == 405
    assert client.post(ADD, {"name": "Kyung Hee University"}).status_code == 403
    client.get(reverse("agreements:agreement-create"))  # a page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert client.post(ADD, {"name": "Kyung Hee University"}, HTTP_X_CSRFTOKEN=token).status_code == 201


@pytest.mark.parametrize("data", [{"name": "   "}, {"name": "x" * 301}, {"name": "Kyung Hee University", "country": "ZZ"}])
def test_a_nameless_overlong_or_countryless_add_is_refused(client_for, sam, data):
    response = client_for(sam).post(ADD, data)
    assert response.status_code == 400 and response.json()["error"]
    assert not Institution.objects.exists()


def test_the_picker_add_url_is_on_the_page_only_for_the_office(client_for, sam, victor):
    assert f'data-picker-add="{ADD}"' in client_for(sam).get(reverse("agreements:agreement-create")).content.decode()
    assert "data-picker-add" not in client_for(victor).get(reverse("registry:institution-list")).content.decode()
