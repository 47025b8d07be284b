import pytest
from playwright.sync_api import expect

from accord.agreements.models import Agreement
from accord.registry.models import Country, Institution
from tests.browser.conftest import screenshot
from tests.browser.picker import pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_create_an_agreement_and_walk_it_to_active_through_the_buttons(login, live_server, sam, home):
    Institution.objects.create(name="Polytechnic University of Milan", country=Country.objects.get(code="IT"))
    page = login(sam)
    page.goto(f"{live_server.url}/agreements/")
    page.click("text=New agreement")
    page.fill("#id_title", "Student exchange with Milan")
    page.select_option("#id_kind", "student_exchange")
    page.fill("#id_signed_on", "2025-06-15")  # signed needs a signing date (the agreement service's rule)
    page.fill("#id_valid_from", "2025-09-01")
    page.fill("#id_valid_until", "2030-08-31")
    pick(page, "id_parties-0-institution", "Beijing Inst", "Beijing Institute of Technology")
    page.select_option("#id_parties-0-role", "home")
    pick(page, "id_parties-1-institution", "Milan", "Polytechnic University of Milan")
    page.fill("#id_quotas-0-academic_year", "2025/26")
    page.select_option("#id_quotas-0-direction", "outgoing")
    page.select_option("#id_quotas-0-mobility_type", "student_studies")
    page.fill("#id_quotas-0-count", "3")
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("#status")
    assert page.inner_text("#status") == "Draft"

    for button, status in (("Start negotiation", "Under negotiation"), ("Mark signed", "Signed"),
                           ("Mark active", "Active")):
        page.click(f".transitions button:has-text('{button}')")
        expect(page.locator("#status")).to_have_text(status)

    history = page.inner_text("#history")
    assert "status: signed → active" in history and "sam" in history
    assert "Polytechnic University of Milan" in page.inner_text("table.parties")
    agreement = Agreement.objects.get()
    assert agreement.status == "active" and agreement.quotas.count() == 1
    screenshot(page, "agreement-lifecycle")
    assert page.accord_failures == []
