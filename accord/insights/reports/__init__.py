"""Yearly reports in several formats, dispatched by name: FORMATS["pdf"].build(data) -> bytes."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify

from accord.insights.reports import pdf, xlsx
from accord.insights.reports.data import report_data


@dataclass(frozen=True)
class Format:
    content_type: str
    build: Callable[[dict], bytes]


FORMATS = {
    "pdf": Format("application/pdf", pdf.build),
    "xlsx": Format("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.build),
}


def build_report(fmt: str, scope) -> bytes:
    return FORMATS[fmt].build(report_data(scope))


def report_file_name(scope, fmt: str) -> str:
    """The report's period in its name: accord-report-2024.pdf, accord-report-2022-2024.pdf,
    accord-report-2024-03-01-2024-06-30.xlsx, accord-report-all.pdf; a faculty's report adds its name."""
    parts = ["accord-report", _period_name(scope.start, scope.end)]
    if scope.faculty is not None:
        parts.append(slugify(scope.faculty.name)[:40].rstrip("-") or f"faculty-{scope.faculty.pk}")
    return f"{'-'.join(p for p in parts if p)}.{fmt}"


def _period_name(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "all"
    first = str(start.year) if start and (start.month, start.day) == (1, 1) else (start.isoformat() if start else "")
    last = str(end.year) if end and (end.month, end.day) == (12, 31) else (end.isoformat() if end else "")
    if first and first == last:
        return first
    if not first:
        return f"until-{last}"
    if not last:
        return f"from-{first}"
    return f"{first}-{last}"
