import subprocess

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook


def test_the_pdf_report_has_the_figures_and_chinese_and_thai_names(world, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("report", "--year", "2024", "--format", "pdf", "--output", str(out))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "北京理工大学" in text
    assert "จุฬาลงกรณ์มหาวิทยาลัย" in text  # Chulalongkorn's own name (fonts-thai-tlwg)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and any(name in fonts for name in ("Garuda", "Loma", "Kinnari", "Norasi", "Umpush"))
    assert "2024-03-01" in text and "Chulalongkorn University" in text  # the new agreement
    assert "Belt and Road" in text
    figures_line = next(line for line in text.splitlines() if "Partners" in line and "Continents" in line)
    assert figures_line.split() == ["Partners", "3", "Countries", "and", "regions", "3", "Continents", "2"]


def test_the_xlsx_report_has_one_sheet_per_table(world, tmp_path):
    out = tmp_path / "report.xlsx"
    call_command("report", "--year", "2024", "--format", "xlsx", "--output", str(out))
    book = load_workbook(out)
    figures = {row[0]: row[1] for row in book["Figures"].iter_rows(min_row=2, values_only=True)}
    assert (figures["Partners"], figures["Countries and regions"], figures["New agreements"]) == (3, 3, 1)
    assert [r[0] for r in book["New agreements"].iter_rows(min_row=2, values_only=True)] == ["2024-03-01"]


def test_a_faculty_report_counts_only_its_records(world, tmp_path):
    out = tmp_path / "faculty.xlsx"
    call_command("report", "--year", "2024", "--faculty", world["faculty"].name, "--format", "xlsx", "--output", str(out))
    figures = {row[0]: row[1] for row in load_workbook(out)["Figures"].iter_rows(min_row=2, values_only=True)}
    assert figures["Partners"] == 1


def test_the_download_button_serves_the_report(world, victor, client_for):
    response = client_for(victor).get(reverse("insights:report", args=["xlsx"]), {"year": 2024})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')


def test_the_xlsx_report_carries_no_live_formula_from_a_record_s_name(world, tmp_path):
    from accord.registry.models import CountryGroup

    CountryGroup.objects.filter(slug="belt-and-road").update(name="=HYPERLINK(\"http://x.test\",\"Belt\")")
    out = tmp_path / "report.xlsx"
    call_command("report", "--year", "2024", "--format", "xlsx", "--output", str(out))
    book = load_workbook(out)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not [cell.value for cell in cells if cell.data_type == "f" or cell.value[:1] in "=+-@\t\r"]
    assert [cell.value for cell in cells if "HYPERLINK" in cell.value], "the name is in the report"
    assert all(cell.value.startswith("'=HYPERLINK") for cell in cells if cell.value.startswith(("=HYP", "'=HYP")))
