"""In Chromium: a filter change on the agreements list (htmx, no reload) puts the filter in the URL and in
the export links, and the CSV downloaded from the link starts with its header row and holds exactly
the rows shown."""

import csv
import io
from datetime import date

import pytest
from playwright.sync_api import expect

from accord.agreements.models import Agreement
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_filter_change_updates_the_url_and_the_export_link_and_the_csv_exports_what_is_shown(
        login, live_server, victor, home):
    for title, status in (("Student exchange with Hanyang University", "active"),
                          ("Joint school with Bauman", "active"), ("MoU with Montpellier", "draft"),
                          ("Research fund with Lyon", "expired")):
        Agreement.objects.create(title=title, kind="framework", status=status, signed_on=date(2024, 5, 2))
    page = login(victor)
    page.goto(f"{live_server.url}/agreements/")
    rows = page.locator("#results table tbody tr")
    expect(rows).to_have_count(4)
    csv_link = page.locator("a[data-export=csv]")
    assert csv_link.get_attribute("href") == "?export=csv"

    page.select_option("select[name=status]", "active")
    expect(rows).to_have_count(2)
    page.wait_for_url(lambda url: "status=active" in url)
    expect(csv_link).to_have_attribute("href", "?status=active&export=csv")
    expect(page.locator("a[data-export=xlsx]")).to_have_attribute("href", "?status=active&export=xlsx")
    shown = sorted(t.strip() for t in page.locator("#results table tbody tr td:first-child").all_inner_texts())
    screenshot(page, "agreements-filtered-export")

    with page.expect_download() as info:
        csv_link.click()
    download = info.value
    assert download.suggested_filename.startswith("agreements-status-active-")
    text = open(download.path(), encoding="utf-8-sig").read()
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][0] == "Id" and "Title" in table[0] and "Status" in table[0]
    exported = [dict(zip(table[0], row)) for row in table[1:]]
    assert sorted(r["Title"] for r in exported) == shown == ["Joint school with Bauman",
                                                              "Student exchange with Hanyang University"]
    assert {r["Status"] for r in exported} == {"Active"}
    assert page.accord_failures == []
