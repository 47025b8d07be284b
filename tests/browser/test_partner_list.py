import pytest
from playwright.sync_api import expect

from accord.registry.models import Country, Institution
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_viewer_logs_in_and_filters_partners_by_country_without_internet(login, live_server, victor, home):
    Institution.objects.create(name="Université Claude Bernard Lyon 1", country=Country.objects.get(code="FR"))
    Institution.objects.create(name="Bauman Moscow State Technical University", country=Country.objects.get(code="RU"))
    page = login(victor)
    page.goto(f"{live_server.url}/partners/")  # the dashboard is the landing page
    assert page.locator("table.partners tbody tr").count() == 3
    page.select_option("select[name=country]", "FR")
    # the strict CSP forbids eval, so wait with locators rather than page.wait_for_function(string)
    expect(page.locator("table.partners tbody tr")).to_have_count(1)
    assert "Lyon 1" in page.inner_text("table.partners")
    screenshot(page, "partner-list-filtered")
    assert page.accord_failures == []
