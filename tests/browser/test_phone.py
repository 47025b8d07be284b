"""Every page of the navigation fits a phone (390 × 844) and a tablet (768 × 1024): nothing scrolls the
page sideways, the header folds into a menu, the filters into a drawer, and menus close on Esc and on a
click elsewhere."""

from datetime import date

import pytest
from playwright.sync_api import expect

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.registry.models import Country, Institution
from tests.browser.conftest import screenshot
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}
LONG = "Agreement on the joint training of doctoral candidates in aerospace propulsion and materials science"


@pytest.fixture
def records(home, faculty):
    partner = Institution.objects.create(
        name="Bauman Moscow State Technical University with a deliberately long official name for wrapping",
        country=Country.objects.get(code="RU"),
    )
    agreement = Agreement.objects.create(title=LONG, status="active", signed_on=date(2022, 3, 1),
                                         valid_from=date(2022, 3, 1), valid_until=date(2027, 2, 28))
    AgreementParty.objects.create(agreement=agreement, institution=home, role="home")
    AgreementParty.objects.create(agreement=agreement, institution=partner, role="partner")
    activity = Activity.objects.create(title="Delegation of " + partner.name, kind="inbound_delegation",
                                       start_date=date(2024, 5, 6))
    ActivityParty.objects.create(activity=activity, institution=partner, role="guest")
    return partner


def navigation_links(page) -> list[str]:
    hrefs = page.locator("header a[href]").evaluate_all("(links) => links.map((a) => a.href)")
    return [href for href in dict.fromkeys(hrefs) if "/logout" not in href]


def overflow(page) -> int:
    """How far the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["phone", "tablet"])
def test_every_page_of_the_navigation_fits_without_sideways_scrolling(login, live_server, records, size, db):
    ada = make_user("ada-phone", "admin")
    page = login(ada)
    page.set_viewport_size(size)
    wide = {}
    for url in [f"{live_server.url}/"] + navigation_links(page):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if overflow(page) > 0:
            wide[url] = overflow(page)
            screenshot(page, f"too-wide-{size['width']}-{url.rstrip('/').rsplit('/', 1)[-1]}")
    assert wide == {}, f"pages wider than {size['width']} px (by so many px): {wide}"
    assert page.accord_failures == []


def test_on_a_phone_the_header_folds_into_a_menu_that_closes_on_escape(login, live_server, records):
    page = login(make_user("victor-phone", "viewer"))
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/partners/")
    nav = page.locator("nav.mainnav")
    toggle = page.get_by_role("button", name="Menu")
    expect(nav).to_be_hidden()
    toggle.click()
    expect(nav).to_be_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    page.locator("main").click(position={"x": 5, "y": 5})
    expect(nav).to_be_hidden()
    assert page.accord_failures == []


def test_on_a_phone_the_filters_fold_into_a_drawer_and_the_table_scrolls_in_its_box(login, live_server, records):
    page = login(make_user("victor-drawer", "viewer"))
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/agreements/")
    drawer = page.locator("details.filter-drawer")
    expect(drawer.locator("select").first).to_be_hidden()
    drawer.locator("summary").click()
    expect(drawer.locator("select").first).to_be_visible()
    screenshot(page, "phone-agreements-filters")
    assert overflow(page) <= 0
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/agreements/")
    expect(page.locator("details.filter-drawer select").first).to_be_visible()  # open on a wide screen
    assert page.accord_failures == []


def test_an_open_menu_closes_on_escape_and_on_a_click_elsewhere(login, live_server, records):
    page = login(make_user("victor-menu", "viewer"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/partners/")
    menu = page.locator("details.menu").first
    menu.locator("summary").click()
    expect(menu.locator("a").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu.locator("a").first).to_be_hidden()
    menu.locator("summary").click()
    page.locator("main h1").click()
    expect(menu.locator("a").first).to_be_hidden()
    assert page.accord_failures == []
