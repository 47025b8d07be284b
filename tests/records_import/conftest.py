"""Records-import tests: partners the files name, and helpers that write CSV and XLSX files."""

import csv

import pytest
from openpyxl import Workbook

from accord.registry.models import Country, Institution


@pytest.fixture
def partners(home, faculty):
    ru, kr, fr = (Country.objects.get(code=c) for c in ("RU", "KR", "FR"))
    return {
        "bauman": Institution.objects.create(name="Bauman Moscow State Technical University", country=ru, city="Moscow"),
        "hanyang": Institution.objects.create(name="Hanyang University", country=kr, city="Seoul"),
        "montpellier": Institution.objects.create(name="Université de Montpellier", country=fr, city="Montpellier"),
    }


def write_csv(path, header, rows, *, bom=True, preamble=()):
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as out:
        for line in preamble:
            out.write(line + "\n")
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path, header, rows, *, preamble=()):
    book = Workbook()
    sheet = book.active
    for line in preamble:
        sheet.append(line)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def table_file(tmp_path):
    """table_file("name.csv" or "name.xlsx", header, rows) writes the file in tmp_path."""

    def make(name, header, rows, **options):
        path = tmp_path / name
        writer = write_xlsx if name.endswith(".xlsx") else write_csv
        return writer(path, header, rows, **options)

    return make
