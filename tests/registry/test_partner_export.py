import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accord.registry.models import Country, Institution


@pytest.fixture
def partners(db):
    fr, ru = Country.objects.get(code="FR"), Country.objects.get(code="RU")
    Institution.objects.create(name="Université de Montpellier", country=fr, city="Montpellier")
    Institution.objects.create(name="Claude Bernard University Lyon 1", country=fr)
    Institution.objects.create(name="Bauman Moscow State Technical University", country=ru)


@pytest.mark.django_db
def test_the_filtered_partner_list_exports_to_csv_header_first_with_its_filters_in_the_file_name(client_for, victor, partners):
    response = client_for(victor).get(reverse("registry:institution-list"), {"country": "FR", "export": "csv"})
    assert response.status_code == 200
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="partners-country-france-{today}.csv"'
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Id,Name,Local name,Kind,Country")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    assert sorted(r["Name"] for r in rows) == ["Claude Bernard University Lyon 1", "Université de Montpellier"]
    assert {r["Continent"] for r in rows} == {"Europe"}


@pytest.mark.django_db
def test_the_partner_list_exports_every_page_to_xlsx(client_for, victor, partners):
    for i in range(60):
        Institution.objects.create(name=f"Partner {i:02}", country=Country.objects.get(code="DE"))
    response = client_for(victor).get(reverse("registry:institution-list"), {"export": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert sheet.title == "Partners"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Id", "Name"]
    assert sheet.max_row - 1 == 63
    assert [[c.value for c in row] for row in book["Filters"].iter_rows()] == [["Filter", "Value"]]


@pytest.mark.django_db
def test_an_unknown_export_format_is_refused(client_for, victor, partners):
    response = client_for(victor).get(reverse("registry:institution-list"), {"export": "exe"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_user_without_a_role_cannot_export(client_for, oscar, partners):
    assert client_for(oscar).get(reverse("registry:institution-list"), {"export": "csv"}).status_code == 403
