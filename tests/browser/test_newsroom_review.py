import pytest

from accord.agreements.models import Agreement
from accord.registry.models import Country, Institution
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Beijing Institute of Technology signs agreement with Northbridge University\n\n"
    "March 12, 2024\n\n"
    "Beijing Institute of Technology signed a memorandum of understanding with Northbridge University "
    "via video link on March 8. <script>alert('x')</script>\n"
    "The two universities will open a joint laboratory next year.\n"
)


def test_staff_paste_an_article_accept_its_proposal_and_land_on_the_record(login, live_server, sam, home):
    partner = Institution.objects.create(name="Northbridge University", country=Country.objects.get(code="GB"))
    page = login(sam)
    page.goto(f"{live_server.url}/newsroom/")
    page.click("text=Paste an article")
    page.fill("#id_text", ARTICLE)
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector(".proposal")
    mark = page.locator(".article-text mark")
    assert "via video link on March 8" in mark.inner_text()
    assert "<script>alert('x')</script>" in page.inner_text(".article-text")  # shown as text, not run
    proposal = page.locator(".proposal").first
    assert "Agreement signing" in proposal.inner_text() and "2024-03-08" in proposal.inner_text()
    screenshot(page, "newsroom-review")

    proposal.locator("button:has-text('Accept')").click()
    page.wait_for_url(f"{live_server.url}/agreements/**")
    agreement = Agreement.objects.get()
    assert page.url.rstrip("/").endswith(f"/agreements/{agreement.pk}")
    assert agreement.status == "signed" and agreement.signed_on.isoformat() == "2024-03-08"
    assert {p.institution for p in agreement.parties.all()} == {home, partner}

    page.goto(f"{live_server.url}{partner.get_absolute_url()}")
    assert agreement.title in page.inner_text("main")
    assert page.accord_failures == []
