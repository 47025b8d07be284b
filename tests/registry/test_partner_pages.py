import pytest
from django.urls import reverse

from accord.registry.models import Country, CountryGroup, Institution, InstitutionName, Network, NetworkMembership


def form_data(**overrides):
    data = {
        "name": "University of Montpellier",
        "local_name": "Université de Montpellier",
        "local_language": "fr",
        "kind": "university",
        "country": "FR",
        "city": "Montpellier",
        "status": "active",
        "website": "www.umontpellier.fr",
        "domains": "umontpellier.fr",
        "names-TOTAL_FORMS": "1",
        "names-INITIAL_FORMS": "0",
        "names-MIN_NUM_FORMS": "0",
        "names-MAX_NUM_FORMS": "1000",
        "names-0-name": "UM",
        "names-0-kind": "acronym",
        "names-0-language": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_create_a_partner_with_an_acronym_and_the_history_names_them(client_for, sam):
    client = client_for(sam)
    response = client.post(reverse("registry:institution-create"), form_data())
    inst = Institution.objects.get(name="University of Montpellier")
    assert response.status_code == 302 and response["Location"] == inst.get_absolute_url()
    assert inst.website == "https://www.umontpellier.fr"
    assert inst.domains == ["umontpellier.fr"]
    assert list(inst.names.values_list("name", "kind")) == [("UM", "acronym")]
    page = client.get(inst.get_absolute_url()).content.decode()
    assert "Université de Montpellier" in page
    assert "record created" in page and ">sam<" in page


@pytest.mark.django_db
def test_an_edit_is_recorded_with_who_and_what_changed(client_for, sam):
    client = client_for(sam)
    client.post(reverse("registry:institution-create"), form_data())
    inst = Institution.objects.get(name="University of Montpellier")
    client.post(
        reverse("registry:institution-update", args=[inst.pk]),
        form_data(city="Montpellier Cedex 5", version="1", **{"names-TOTAL_FORMS": "0"}),
    )
    latest = inst.history.order_by("-history_date").first()
    assert latest.history_user == sam
    assert latest.diff_against(latest.prev_record).changed_fields == ["city"]
    assert "Montpellier Cedex 5" in client.get(inst.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"country": "ZZ"}, "country", "Select a valid choice"),
        ({"name": ""}, "name", "This field is required"),
        ({"latitude": "95", "longitude": "10"}, "latitude", "between -90 and 90"),
        ({"latitude": "45"}, None, "both latitude and longitude"),
        ({"ror_id": "12345"}, "ror_id", "9 characters"),
        ({"domains": "not a domain"}, "domains", "is not an internet domain"),
    ],
)
def test_the_partner_form_rejects_bad_input_and_saves_nothing(client_for, sam, overrides, field, message):
    response = client_for(sam).post(reverse("registry:institution-create"), form_data(**overrides))
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors.get(field) if field else form.non_field_errors()
    assert any(message in e for e in errors), form.errors
    assert not Institution.objects.exists()
    assert not InstitutionName.objects.exists()


@pytest.mark.django_db
def test_the_partner_list_filters_by_continent_region_group_kind_and_search(client_for, victor):
    fr, ru, th = (Country.objects.get(code=c) for c in ("FR", "RU", "TH"))
    Institution.objects.create(name="University of Montpellier", country=fr)
    bmstu = Institution.objects.create(name="Bauman Moscow State Technical University", country=ru)
    InstitutionName.objects.create(institution=bmstu, name="BMSTU", kind="acronym")
    Institution.objects.create(name="Ministry of Education of Thailand", country=th, kind="government")
    bri = CountryGroup.objects.create(name="Belt and Road", slug="belt-and-road")
    bri.countries.set([ru, th])
    client = client_for(victor)

    def names(**query):
        response = client.get(reverse("registry:institution-list"), query)
        return sorted(i.name for i in response.context["object_list"])

    assert names(continent="AS") == ["Ministry of Education of Thailand"]
    assert names(subregion="Eastern Europe") == ["Bauman Moscow State Technical University"]
    assert names(group="belt-and-road") == ["Bauman Moscow State Technical University", "Ministry of Education of Thailand"]
    assert names(kind="government") == ["Ministry of Education of Thailand"]
    assert names(q="bmstu") == ["Bauman Moscow State Technical University"]
    assert names(q="Univ. of Montpellier") == ["University of Montpellier"]


@pytest.mark.django_db
def test_group_and_network_pages_list_their_countries_and_members(client_for, victor):
    fr = Country.objects.get(code="FR")
    group = CountryGroup.objects.create(name="Francophone partners", slug="francophone")
    group.countries.set([fr])
    network = Network.objects.create(name="ParisTech", kind="alliance")
    NetworkMembership.objects.create(network=network, institution=Institution.objects.create(name="Chimie ParisTech", country=fr))
    client = client_for(victor)
    group_page = client.get(group.get_absolute_url()).content.decode()
    assert "France" in group_page and "record created" in group_page
    assert "Chimie ParisTech" in client.get(network.get_absolute_url()).content.decode()
    assert "Francophone partners" in client.get(reverse("registry:group-list")).content.decode()
