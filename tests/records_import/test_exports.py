"""Every record list exports its filtered rows to CSV and XLSX: the header row first (a spreadsheet opens
it as a table), the filters in the file name and, in XLSX, on a second sheet "Filters"."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.mobility.models import Mobility, Person, Program, ProgramPartner


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    assert not text.startswith("#")
    return list(csv.DictReader(io.StringIO(text)))


def file_name(response):
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="')
    return disposition.removeprefix('attachment; filename="').removesuffix('"')


@pytest.fixture
def records(partners, home, faculty):
    bauman, hanyang = partners["bauman"], partners["hanyang"]
    for title, kind, partner in (("Joint training with Bauman", "joint_training", bauman), ("MoU with Hanyang", "framework", hanyang)):
        agreement = Agreement.objects.create(title=title, kind=kind, signed_on=date(2024, 5, 2))
        AgreementParty.objects.create(agreement=agreement, institution=home, role="home")
        AgreementParty.objects.create(agreement=agreement, institution=partner, role="partner")
    visit = Activity.objects.create(title="Hanyang delegation", kind="inbound_delegation", start_date=date(2024, 6, 3))
    ActivityParty.objects.create(activity=visit, institution=hanyang, role="guest")
    Activity.objects.create(title="Football match", kind="cultural_exchange", start_date=date(2023, 4, 1))
    ivan = Person.objects.create(name="Ivan Petrov", kind="student", nationality_id="RU", email="ivan@bmstu.ru", phone="+7 495")
    Person.objects.create(name="Kim Min-jun", kind="faculty", nationality_id="KR")
    Mobility.objects.create(direction="incoming", kind="exchange_student", person=ivan, home_institution=bauman, host_institution=home)
    Mobility.objects.create(direction="outgoing", kind="visiting_scholar", person=ivan, home_institution=home,
                            host_institution=hanyang, start_date=date(2025, 2, 20), level="doctoral", scholarship="CSC")
    school = Program.objects.create(name="BIT-BMSTU Joint School", kind="joint_school")
    ProgramPartner.objects.create(program=school, institution=bauman, role="founder")
    Program.objects.create(name="Summer school in Beijing", kind="summer_school")


LISTS = [
    ("agreements:agreement-list", {"kind": "joint_training"}, ("Kind", "Joint training / dual degree"),
     "agreements-kind-joint_training", "Title", ["Joint training with Bauman"], "Partners",
     "Bauman Moscow State Technical University (Partner)"),
    ("activities:activity-list", {"kind": "inbound_delegation"}, ("Kind", "Inbound delegation"),
     "activities-kind-inbound_delegation", "Title", ["Hanyang delegation"], "Parties", "Hanyang University (Guest)"),
    ("mobility:mobility-list", {"direction": "incoming"}, ("Direction", "Incoming"), "mobility-direction-incoming",
     "Person", ["Ivan Petrov"], "Home institution", "Bauman Moscow State Technical University"),
    ("mobility:person-list", {"kind": "faculty"}, ("Kind", "Faculty member"), "people-kind-faculty", "Name", ["Kim Min-jun"],
     "Nationality", "Korea"),
    ("mobility:program-list", {"kind": "joint_school"}, ("Kind", "Joint school"), "programs-kind-joint_school", "Name",
     ["BIT-BMSTU Joint School"], "Partners", "Bauman Moscow State Technical University (Co-founder)"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url, filters, written, stem, key, expected, column, value", LISTS)
def test_a_filtered_list_exports_to_csv_header_first_with_its_filters_in_the_file_name(
        client_for, victor, records, url, filters, written, stem, key, expected, column, value):
    response = client_for(victor).get(reverse(url), {**filters, "export": "csv"})
    assert response.status_code == 200
    assert file_name(response) == f"{stem}-{timezone.localdate().isoformat()}.csv"
    rows = csv_rows(response)
    assert [r[key] for r in rows] == expected
    assert value in rows[0][column]


@pytest.mark.django_db
@pytest.mark.parametrize("url, filters, written, stem, key, expected, column, value", LISTS)
def test_a_filtered_list_exports_to_xlsx_with_a_second_sheet_listing_its_filters(
        client_for, victor, records, url, filters, written, stem, key, expected, column, value):
    response = client_for(victor).get(reverse(url), {**filters, "export": "xlsx"})
    assert file_name(response) == f"{stem}-{timezone.localdate().isoformat()}.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert [r[key] for r in rows] == expected
    assert [ws.title for ws in book.worksheets][1] == "Filters"
    assert [[c.value for c in row] for row in book["Filters"].iter_rows()] == [["Filter", "Value"], list(written)]


@pytest.mark.django_db
def test_an_unfiltered_export_names_no_filter_and_has_every_row(client_for, victor, records):
    response = client_for(victor).get(reverse("agreements:agreement-list"), {"export": "csv"})
    assert file_name(response) == f"agreements-{timezone.localdate().isoformat()}.csv"
    assert len(csv_rows(response)) == Agreement.objects.count() == 2


@pytest.mark.django_db
def test_the_file_name_carries_every_filter_and_a_period_as_a_range(client_for, victor, records, partners):
    bauman = partners["bauman"]
    params = {"status": "draft", "partner": bauman.pk, "period": "2020..2024", "q": "Bauman", "export": "csv"}
    response = client_for(victor).get(reverse("agreements:agreement-list"), params)
    day = timezone.localdate().isoformat()
    assert file_name(response) == (
        f"agreements-q-bauman-status-draft-partner-bauman-moscow-state-technical-university-period-2020-2024-{day}.csv"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", [u for u, *_ in LISTS])
def test_an_outsider_cannot_export_a_list(client_for, oscar, records, url):
    assert client_for(oscar).get(reverse(url), {"export": "csv"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", [u for u, *_ in LISTS])
def test_the_list_pages_link_to_csv_and_xlsx_with_the_current_filters(client_for, victor, records, url):
    page = client_for(victor).get(reverse(url), {"q": "x"}).content.decode()
    assert 'href="?q=x&amp;export=csv"' in page and 'href="?q=x&amp;export=xlsx"' in page


@pytest.mark.django_db
def test_the_people_export_has_contact_columns_for_staff_only(client_for, sam, victor, cora, records):
    staff_rows = csv_rows(client_for(sam).get(reverse("mobility:person-list"), {"export": "csv"}))
    assert {r["Email"] for r in staff_rows} == {"ivan@bmstu.ru", ""}
    for persona in (victor, cora):
        response = client_for(persona).get(reverse("mobility:person-list"), {"export": "csv"})
        assert "ivan@bmstu.ru" not in response.content.decode("utf-8-sig")
        assert "Email" not in csv_rows(response)[0]
