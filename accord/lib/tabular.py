"""Write a table to CSV or XLSX bytes, with the filters that produced it written above the rows.

Pure helpers (no Django): callers pass plain strings, numbers and dates.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (str, int, float, date, datetime)):
        return value
    return str(value)


def _filter_lines(title: str, filters: dict[str, str]) -> list[list[str]]:
    applied = [f"{name} = {value}" for name, value in filters.items() if value not in (None, "")]
    return [[title], ["Filters: " + ("; ".join(applied) if applied else "none")], []]


def to_csv(title: str, filters: dict[str, str], header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # a '#' first column marks the preamble so that spreadsheet tools and re-import can skip it
    for line in _filter_lines(title, filters):
        writer.writerow(["# " + line[0]] if line else [])
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(title: str, filters: dict[str, str], header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = (title[:28] or "Export").replace("/", "-")
    for line in _filter_lines(title, filters):
        sheet.append(line)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(header))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WRITERS = {"csv": to_csv, "xlsx": to_xlsx}


def export(fmt: str, title: str, filters: dict[str, str], header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    return WRITERS[fmt](title, filters, header, rows)
