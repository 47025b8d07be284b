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


@pytest.mark.parametrize("typed", ["北京理工", "Manchester Univ", "BMSTU"])
def test_what_the_suggestions_offer_the_list_shows_first(login, live_server, victor, home, typed):
    from accord.registry.models import InstitutionName

    Institution.objects.create(name="University of Manchester", country=Country.objects.get(code="GB"))
    Institution.objects.create(name="Beijing University of Technology", local_name="北京工业大学",
                               country=Country.objects.get(code="CN"))
    bauman = Institution.objects.create(name="Bauman Moscow State Technical University",
                                        country=Country.objects.get(code="RU"))
    InstitutionName.objects.create(institution=bauman, name="BMSTU", kind="acronym")
    page = login(victor)
    page.goto(f"{live_server.url}/partners/")
    page.fill("#id_q", typed)
    page.press("#id_q", "End")  # a key goes up, as when typing: the suggestions and the list ask
    first_suggestion = page.locator("#typeahead .typeahead-results li a").first
    expect(first_suggestion).to_be_visible()
    page.wait_for_url(lambda url: "q=" in url)
    first_row = page.locator("table.partners tbody tr td a").first
    expect(first_row).to_have_text(first_suggestion.inner_text())
    assert "0 institutions" not in page.inner_text("#results")
    assert page.accord_failures == []
