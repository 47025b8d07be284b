"""Write a table to CSV or XLSX bytes, header row first (an XLSX lists the filters that produced it on
a second sheet); read such a table back as (line number, row) pairs (older exports' preambles skipped).

Pure helpers (no Django): callers pass plain strings, numbers and dates.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from accord.lib.limits import EXCEL_SHEET_NAME

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# A cell starting with one of these is a formula to spreadsheet programs (=, +, -, @), or becomes one
# after they strip a leading tab or carriage return; quotes before it must not hide it either.
_LIVE = re.compile(r"'*[=+\-@\t\r]")


def neutralise(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe (read back by `restore`);
    numbers, dates and other text pass unchanged."""
    if isinstance(value, str) and _LIVE.match(value):
        return "'" + value
    return value


def restore(value):
    """Undo `neutralise`: a file Accord wrote imports back unchanged."""
    if isinstance(value, str) and value.startswith("'") and _LIVE.match(value, 1):
        return value[1:]
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (str, int, float, date, datetime)):
        return neutralise(value)
    return neutralise(str(value))


# The second sheet of an XLSX export: its name and the headings of its two columns.
FILTERS_SHEET = ("Filters", "Filter", "Value")


def to_csv(title: str, filters: dict[str, str], header: Sequence[str], rows: Iterable[Sequence], **_options) -> bytes:
    """The header row first, then the rows: what a spreadsheet program opens as a table. The title and
    filters are not written (a CSV has one table; the file name carries them)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_cell(h) for h in header])
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(title: str, filters: dict[str, str], header: Sequence[str], rows: Iterable[Sequence], *,
            filters_sheet: Sequence[str] = FILTERS_SHEET) -> bytes:
    """The table on the first sheet (named after `title`), header row first; a second sheet lists the
    filters that chose the rows, one per line (label, value)."""
    from openpyxl import Workbook  # imported when used: openpyxl (and numpy, which it loads) cost a server's start 0.4 s
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = _sheet_title(title) or "Export"
    sheet.append([_cell(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_cell(v) for v in row])
    name, label, value = filters_sheet
    described = book.create_sheet(_sheet_title(name) or "Filters")
    described.append([_cell(label), _cell(value)])
    for cell in described[1]:
        cell.font = Font(bold=True)
    for filter_label, filter_value in filters.items():
        if filter_value not in (None, ""):
            described.append([_cell(filter_label), _cell(filter_value)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", str(text))[:EXCEL_SHEET_NAME]


WRITERS = {"csv": to_csv, "xlsx": to_xlsx}


def export(fmt: str, title: str, filters: dict[str, str], header: Sequence[str], rows: Iterable[Sequence],
           **options) -> bytes:
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    return WRITERS[fmt](title, filters, header, rows, **options)


# --- reading ---------------------------------------------------------------------------------


class TableError(ValueError):
    """The file as a whole cannot be read: unknown format, not a table, empty, a column missing."""


FILTERS_PREFIX = "Filters:"
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def header_key(text) -> str:
    """How a column heading is matched: "Signed on" and "signed_on" are the same column."""
    return _NOT_WORD.sub("_", str(text or "").strip().casefold()).strip("_")


def format_of(file_name: str) -> str:
    """'csv' or 'xlsx' from a file name, or TableError."""
    fmt = Path(str(file_name)).suffix.lower().lstrip(".")
    if fmt not in READERS:
        raise TableError(f"unknown file format {fmt or '(none)'!r}: use a .csv or .xlsx file")
    return fmt


@dataclass
class Table:
    """The column keys in file order (after `aliases`) and the data rows, read lazily."""

    columns: list[str]
    rows: Iterator[tuple[int, dict]]


def _value(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return restore(value.strip())
    if isinstance(value, datetime) and (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
        return value.date()
    return value


def _csv_lines(data: bytes) -> Iterator[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(f"the CSV file is not UTF-8 text (byte {exc.start}): save it as “CSV UTF-8”") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise TableError(f"line {start}: not valid CSV ({exc})") from None


def _is_preamble_csv(cells: list) -> bool:
    first = str(cells[0]).strip() if cells else ""
    return first.startswith("#")


def _xlsx_lines(data: bytes) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook  # imported when used (see to_xlsx)

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(f"not an XLSX workbook ({exc.__class__.__name__})") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()


def _blank(cells: list) -> bool:
    return all(_value(c) == "" for c in cells)


def _xlsx_preamble(lines: list[tuple[int, list]]) -> int:
    """How many of the first lines are a title and 'Filters: …' preamble (as `to_xlsx` writes)."""
    for i, (_, cells) in enumerate(lines[:4]):
        if cells and isinstance(cells[0], str) and cells[0].strip().startswith(FILTERS_PREFIX):
            return i + 1
    return 0


def read(fmt: str, source: bytes | str | Path, *, required: Sequence[str] = (),
         aliases: dict[str, str] | None = None) -> Table:
    """Read a CSV or XLSX table: a preamble ('#' lines in CSV; a title and 'Filters:' row in XLSX)
    and blank lines are skipped, the next line is the header. Header cells are matched through
    `header_key` and then `aliases` (key -> column name); `required` names columns that must be
    there. Data rows come as (line number, {column: value}) with blank rows left out."""
    if fmt not in READERS:
        raise TableError(f"unknown file format {fmt!r}: use one of {', '.join(READERS)}")
    data = Path(source).read_bytes() if isinstance(source, (str, Path)) else bytes(source)
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise TableError("the file is empty")
    return READERS[fmt](data, required, aliases or {})


def _table(lines: Iterator[tuple[int, list]], skip, required, aliases) -> Table:
    header = None
    for number, cells in lines:
        if _blank(cells) or skip(cells):
            continue
        header = (number, cells)
        break
    if header is None:
        raise TableError("the file is empty: no header row")
    columns = []
    for cell in header[1]:
        key = header_key(_value(cell))
        columns.append(aliases.get(key, key))
    while columns and not columns[-1]:
        columns.pop()
    named = [c for c in columns if c]
    duplicates = sorted({c for c in named if named.count(c) > 1})
    if duplicates:
        raise TableError(f"line {header[0]}: column {duplicates[0]} appears twice in the header")
    missing = [name for name in required if name not in columns]
    if missing:
        raise TableError(
            f"line {header[0]}: missing required column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
        )

    def rows():
        for number, cells in lines:
            if _blank(cells):
                continue
            values = [_value(c) for c in cells]
            extra = [v for v in values[len(columns):] if v != ""]
            if extra:
                raise TableError(f"line {number}: more cells than header columns")
            yield number, {name: values[i] if i < len(values) else "" for i, name in enumerate(columns) if name}

    return Table(columns=named, rows=rows())


def read_csv(data: bytes, required=(), aliases=None) -> Table:
    return _table(_csv_lines(data), _is_preamble_csv, required, aliases or {})


def read_xlsx(data: bytes, required=(), aliases=None) -> Table:
    lines = _xlsx_lines(data)
    head = []
    for item in lines:
        head.append(item)
        if len(head) >= 4:
            break
    skip_count = _xlsx_preamble(head)

    def chained():
        yield from head[skip_count:]
        yield from lines

    return _table(chained(), lambda cells: False, required, aliases or {})


READERS = {"csv": read_csv, "xlsx": read_xlsx}
