"""Every list opens at "all": no filter chooses anything by itself (the Activities "Year" and Mobility
"Academic year" selects once sent year=2025 on the first change); the filters live in the URL, and the
export links follow an htmx filter change; a filter by partner is the registry's institution picker."""

import re
from datetime import date

import pytest
from django.urls import reverse

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.guidance.models import Call
from accord.mobility.models import Mobility, Person, Program, ProgramPartner
from accord.registry.models import Country, Institution
from accord.registry.widgets import InstitutionPicker

LISTS = ["registry:institution-list", "agreements:agreement-list", "activities:activity-list",
         "mobility:mobility-list", "mobility:person-list", "mobility:program-list", "guidance:call-list"]


@pytest.fixture
def records(db, home, faculty):
    kr, ru = Country.objects.get(code="KR"), Country.objects.get(code="RU")
    hanyang = Institution.objects.create(name="Hanyang University", country=kr)
    bauman = Institution.objects.create(name="Bauman Moscow State Technical University", country=ru)
    for year, partner in ((2019, hanyang), (2025, bauman)):
        agreement = Agreement.objects.create(title=f"Exchange {year}", kind="student_exchange", signed_on=date(year, 3, 1))
        AgreementParty.objects.create(agreement=agreement, institution=partner, role="partner")
        activity = Activity.objects.create(title=f"Delegation {year}", kind="inbound_delegation",
                                           start_date=date(year, 5, 1))
        ActivityParty.objects.create(activity=activity, institution=partner, role="guest")
        person = Person.objects.create(name=f"Student {year}", kind="student", institution=partner)
        Mobility.objects.create(person=person, direction="incoming", kind="exchange_student", home_institution=partner,
                                host_institution=home, start_date=date(year, 9, 1), academic_year=year)
        program = Program.objects.create(name=f"Program {year}", kind="summer_school")
        ProgramPartner.objects.create(program=program, institution=partner, role="partner")
        Call.objects.create(title=f"Call {year}", funder="MOST", open_date=date(year, 1, 1))
    return {"hanyang": hanyang, "bauman": bauman}


def selects(html):
    """{name: (first option's value and label, [selected values])} of each select in the filter form."""
    form = re.search(r'<form class="filters".*?</form>', html, re.S).group(0)
    out = {}
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        options = re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', body)
        out[name] = (options[0][0], options[0][2], [v for v, attrs, _ in options if "selected" in attrs])
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_every_select_of_a_list_opens_at_all_and_the_page_shows_everything(client_for, ada, records, url):
    response = client_for(ada).get(reverse(url))
    found = selects(response.content.decode())
    assert found, "the list has filters"
    for name, (first_value, first_label, chosen) in found.items():
        assert (first_value, first_label) == ("", "All"), name
        assert chosen in ([], [""]), name
    view = response.context["view"]
    assert response.context["paginator"].count == view.get_queryset().count()


@pytest.mark.django_db
@pytest.mark.parametrize("url, name", [("activities:activity-list", "year"), ("mobility:mobility-list", "academic_year")])
def test_the_year_filters_offer_all_and_every_year_on_record(client_for, ada, records, url, name):
    client = client_for(ada)
    page = client.get(reverse(url)).content.decode()
    options = re.findall(r'<option value="([^"]*)"', re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0))
    assert options == ["", "2025", "2019"]
    # the form as a browser sends it after another filter changed: the year at "All" filters nothing
    both = client.get(reverse(url), {name: "", "q": ""}).context["object_list"]
    assert len(both) == 2
    assert len(client.get(reverse(url), {name: "2019"}).context["object_list"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("url, name, field", [
    ("agreements:agreement-list", "partner", "title"), ("activities:activity-list", "partner", "title"),
    ("mobility:mobility-list", "partner", "kind"), ("mobility:person-list", "institution", "name"),
    ("mobility:program-list", "partner", "name"),
])
def test_a_filter_by_partner_is_the_institution_picker_and_filters_by_the_record_id(
        client_for, ada, records, url, name, field):
    client = client_for(ada)
    response = client.get(reverse(url))
    assert isinstance(response.context["filter"].form.fields[name].widget, InstitutionPicker)
    picked = client.get(reverse(url), {name: records["hanyang"].pk}).context["object_list"]
    assert len(picked) == 1
    shown = client.get(reverse(url), {name: records["hanyang"].pk}).content.decode()
    assert "2019" in shown and "Student 2025" not in shown and "Exchange 2025" not in shown


@pytest.mark.django_db
def test_an_htmx_filter_change_brings_the_export_links_for_the_new_filters(client_for, ada, records):
    response = client_for(ada).get(reverse("agreements:agreement-list"), {"status": "draft", "q": "Exchange"},
                                   HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    html = response.content.decode()
    assert "<html" not in html
    links = re.search(r'<span id="export-links"[^>]*hx-swap-oob="true"[^>]*>(.*?)</span>', html, re.S).group(1)
    assert 'href="?status=draft&amp;q=Exchange&amp;export=csv"' in links
    assert 'href="?status=draft&amp;q=Exchange&amp;export=xlsx"' in links


@pytest.mark.django_db
def test_the_full_page_has_the_export_links_in_place_and_no_out_of_band_copy(client_for, ada, records):
    html = client_for(ada).get(reverse("activities:activity-list"), {"kind": "lecture"}).content.decode()
    assert html.count('id="export-links"') == 1 and "hx-swap-oob" not in html
    assert 'href="?kind=lecture&amp;export=csv"' in html


@pytest.mark.django_db
def test_a_list_without_exports_gets_no_export_links_after_a_filter_change(client_for, records):
    from tests.conftest import make_user

    teacher = make_user("tina", "teacher")
    html = client_for(teacher).get(reverse("guidance:call-list"), {"q": "Call"},
                                   HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results").content.decode()
    assert "export=" not in html


@pytest.mark.django_db
def test_the_filter_form_pushes_its_state_into_the_url(client_for, ada, records):
    for url in LISTS:
        html = client_for(ada).get(reverse(url)).content.decode()
        form = re.search(r'<form class="filters"[^>]*>', html).group(0)
        assert 'hx-push-url="true"' in form and 'method="get"' in form, url


@pytest.mark.django_db
def test_an_htmx_filter_change_sets_the_address_to_the_chosen_filters_only(client_for, ada, records):
    query = {"q": "", "kind": "", "status": "draft", "faculty": "", "partner": "", "page": ""}
    response = client_for(ada).get(reverse("agreements:agreement-list"), query,
                                   HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert response["HX-Push-Url"] == reverse("agreements:agreement-list") + "?status=draft"
    cleared = client_for(ada).get(reverse("agreements:agreement-list"), {"q": "", "status": ""},
                                  HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert cleared["HX-Push-Url"] == reverse("agreements:agreement-list")
    assert 'href="?export=csv"' in cleared.content.decode()
