"""The XLSX report: one sheet per table, the figures first."""

from io import BytesIO

from django.utils.translation import gettext as _

from accord.insights.filters import format_period
from accord.lib.limits import EXCEL_SHEET_NAME
from accord.lib.tabular import neutralise


def _sheet(book, title, header, rows):
    from openpyxl.styles import Font

    sheet = book.create_sheet(title[:EXCEL_SHEET_NAME])
    sheet.append([str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(value) for value in row])  # text from a record never runs as a formula
    for column in sheet.columns:
        width = max((len(str(c.value or "")) for c in column), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    return sheet


def build(data: dict) -> bytes:
    from openpyxl import Workbook  # imported when a report is built, not when the server starts

    f = data["figures"]
    scope = data["scope"]
    book = Workbook()
    book.remove(book.active)
    summary = [
        (_("Period"), format_period(scope.start, scope.end)),
        (_("Faculty"), scope.faculty.name if scope.faculty else _("All")),
        (_("Country group"), scope.group.display_name if scope.group else _("All")),
        (_("Partners"), f["partners"]),
        (_("Countries and regions"), f["countries"]),
        (_("Continents"), f["continents"]),
        (_("Agreements in force"), f["agreements"]["total"]),
        (_("New agreements"), f["agreements"]["signed"]),
        (_("Activities"), f["activities"]["total"]),
        (_("Incoming mobility"), f["mobility"]["incoming"]["total"]),
        (_("Outgoing mobility"), f["mobility"]["outgoing"]["total"]),
    ]
    _sheet(book, _("Figures"), [_("Figure"), _("Value")], summary)
    _sheet(book, _("By continent"), [_("Continent"), _("Partners")], data["continents"])
    _sheet(book, _("By country"), [_("Country"), _("Partners")], [(r["name"], r["partners"]) for r in f["by_country"]])
    _sheet(book, _("By country group"), [_("Country group"), _("Partners"), _("Countries")],
           [(g["display_name"], g["partners"], g["countries"]) for g in data["groups"]])
    _sheet(book, _("By network"), [_("Network"), _("Partners")], [(n["display_name"], n["partners"]) for n in data["networks"]])
    _sheet(book, _("New agreements"), [_("Signed"), _("Title"), _("Kind"), _("Partners"), _("Faculty")],
           [(a["signed"], a["title"], a["kind"], a["partners"], a["faculty"]) for a in data["new_agreements"]])
    _sheet(book, _("Activities"), [_("Date"), _("Title"), _("Kind"), _("Partners")],
           [(a["date"], a["title"], a["kind"], a["partners"]) for a in data["activities"]])
    _sheet(book, _("Mobility"), [_("Direction"), _("Region"), _("Stays")], data["mobility_rows"])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
