"""Yearly reports in several formats, dispatched by name: FORMATS["pdf"].build(data) -> bytes."""

from collections.abc import Callable
from dataclasses import dataclass

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
