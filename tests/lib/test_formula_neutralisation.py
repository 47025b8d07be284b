"""Exports carry no live formulas, and what Accord wrote reads back unchanged."""

import csv
import io

import pytest
from openpyxl import load_workbook

from accord.lib import tabular

LIVE = ["=1+1", "+86 10 6891 2345", "-2", "@SUM(A1:A9)", "\tcmd", "\rcmd", "=cmd|' /C calc'!A0",
        "'=already quoted", "''+twice"]
HARMLESS = ["Bauman", "O'Neill", "'quoted", "", "a=b", "1-2"]


@pytest.mark.parametrize("value", LIVE)
def test_text_a_spreadsheet_would_run_starts_with_an_apostrophe(value):
    assert tabular.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", HARMLESS + [3, -2, 1.5, None])
def test_other_values_pass_unchanged(value):
    assert tabular.neutralise(value) == value


@pytest.mark.parametrize("value", LIVE + HARMLESS)
def test_restoring_a_neutralised_value_gives_the_value_back(value):
    assert tabular.restore(tabular.neutralise(value)) == value


def rows():
    return [[value, 7] for value in LIVE + HARMLESS]


def test_a_csv_export_has_no_cell_starting_a_formula_and_reads_back_unchanged():
    data = tabular.to_csv("List", {"q": "=evil()"}, ["Name", "Count"], rows())
    cells = [cell for line in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in line]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    assert [row["name"] for _, row in tabular.read("csv", data).rows] == LIVE + HARMLESS


def test_an_xlsx_export_has_no_formula_cell_and_reads_back_unchanged():
    data = tabular.to_xlsx("List", {"q": "=evil()"}, ["Name", "Count"], rows())
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not [cell.value for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r"]
    assert [row["name"] for _, row in tabular.read("xlsx", data).rows] == LIVE + HARMLESS
