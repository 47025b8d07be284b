"""Every record list exports its filtered rows to CSV and XLSX with the filters written above them."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.mobility.models import Mobility, Person, Program, ProgramPartner


def csv_rows(response):
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("# ") and lines[1].startswith("# Filters: ")
    return lines[:2], list(csv.DictReader(io.StringIO("\n".join(lines[3:]))))


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
    ("agreements:agreement-list", {"kind": "joint_training"}, "Kind = joint_training", "Title",
     ["Joint training with Bauman"], "Partners", "Bauman Moscow State Technical University (Partner)"),
    ("activities:activity-list", {"kind": "inbound_delegation"}, "Kind = inbound_delegation", "Title",
     ["Hanyang delegation"], "Parties", "Hanyang University (Guest)"),
    ("mobility:mobility-list", {"direction": "incoming"}, "Direction = incoming", "Person", ["Ivan Petrov"],
     "Home institution", "Bauman Moscow State Technical University"),
    ("mobility:person-list", {"kind": "faculty"}, "Kind = faculty", "Name", ["Kim Min-jun"], "Nationality",
     "Korea"),
    ("mobility:program-list", {"kind": "joint_school"}, "Kind = joint_school", "Name", ["BIT-BMSTU Joint School"],
     "Partners", "Bauman Moscow State Technical University (Co-founder)"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url, filters, written, key, expected, column, value", LISTS)
def test_a_filtered_list_exports_to_csv_with_its_filters(client_for, victor, records, url, filters, written, key, expected, column, value):
    response = client_for(victor).get(reverse(url), {**filters, "export": "csv"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    preamble, rows = csv_rows(response)
    assert written in preamble[1]
    assert [r[key] for r in rows] == expected
    assert value in rows[0][column]


@pytest.mark.django_db
@pytest.mark.parametrize("url, filters, written, key, expected, column, value", LISTS)
def test_a_filtered_list_exports_to_xlsx_with_its_filters(client_for, victor, records, url, filters, written, key, expected, column, value):
    response = client_for(victor).get(reverse(url), {**filters, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert written in sheet["A2"].value
    header = [c.value for c in sheet[4]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=5)]
    assert [r[key] for r in rows] == expected


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
    _, staff_rows = csv_rows(client_for(sam).get(reverse("mobility:person-list"), {"export": "csv"}))
    assert {r["Email"] for r in staff_rows} == {"ivan@bmstu.ru", ""}
    for persona in (victor, cora):
        response = client_for(persona).get(reverse("mobility:person-list"), {"export": "csv"})
        assert "ivan@bmstu.ru" not in response.content.decode("utf-8-sig")
        assert "Email" not in csv_rows(response)[1][0]
