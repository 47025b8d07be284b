"""A report's file name carries its period: accord-report-2024.pdf, accord-report-2022-2024.pdf."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from accord.insights.reports import report_file_name
from accord.insights.services.scope import Scope


@pytest.mark.parametrize("scope, fmt, expected", [
    (Scope.for_year(2024), "pdf", "accord-report-2024.pdf"),
    (Scope(start=date(2022, 1, 1), end=date(2024, 12, 31)), "pdf", "accord-report-2022-2024.pdf"),
    (Scope(start=date(2024, 3, 1), end=date(2024, 6, 30)), "xlsx", "accord-report-2024-03-01-2024-06-30.xlsx"),
    (Scope(start=date(2020, 1, 1)), "pdf", "accord-report-from-2020.pdf"),
    (Scope(end=date(2019, 12, 31)), "pdf", "accord-report-until-2019.pdf"),
    (Scope(), "xlsx", "accord-report-all.xlsx"),
])
def test_the_file_name_is_the_report_s_period(scope, fmt, expected):
    assert report_file_name(scope, fmt) == expected


def test_a_faculty_report_adds_the_faculty(world):
    scope = Scope.for_year(2024, faculty=world["faculty"])
    assert report_file_name(scope, "pdf") == f"accord-report-2024-{world['faculty'].name.lower().replace(' ', '-')}.pdf"


@pytest.mark.parametrize("query, expected", [
    ({"year": "2024"}, "accord-report-2024.xlsx"),
    ({"date_from": "2022-01-01", "date_until": "2024-12-31"}, "accord-report-2022-2024.xlsx"),
    ({"year": "all"}, "accord-report-all.xlsx"),
])
def test_the_download_is_named_after_the_period_asked_for(world, victor, client_for, query, expected):
    response = client_for(victor).get(reverse("insights:report", args=["xlsx"]), query)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


def test_the_command_writes_accord_report_year_by_default(world, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    call_command("report", "--year", "2023", "--format", "xlsx")
    assert (tmp_path / "accord-report-2023.xlsx").read_bytes()[:2] == b"PK"
    assert "accord-report-2023.xlsx" in capsys.readouterr().out
