"""In a real Chromium: a pasted article is in the newsroom at once, and its page shows the proposed
records by itself when a worker (Huey's consumer, started only then) has read it."""

import pytest

from accord.registry.models import Country, Institution
from tests.browser.conftest import screenshot
from tests.jobs.conftest import queue, worker  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Beijing Institute of Technology signs agreement with Northbridge University\n\n"
    "March 12, 2024\n\n"
    "Beijing Institute of Technology signed a memorandum of understanding with Northbridge University "
    "in Beijing on March 8.\n"
)


def test_a_pasted_article_shows_its_proposals_by_itself_when_the_worker_is_done(request, queue, login,  # noqa: F811
                                                                                   live_server, sam, home):
    Institution.objects.create(name="Northbridge University", country=Country.objects.get(code="GB"))
    page = login(sam)
    page.goto(f"{live_server.url}/newsroom/paste/")
    page.fill("#id_text", ARTICLE)
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector(".article-processing")
    assert "reading this article" in page.inner_text(".article-processing")
    assert page.locator(".proposal").count() == 0
    screenshot(page, "newsroom-reading")

    request.getfixturevalue("worker")
    page.wait_for_selector(".proposal", timeout=90_000)  # no reload by the test: the page polls
    assert "Agreement signing" in page.locator(".proposal").first.inner_text()
    assert page.locator(".article-processing").count() == 0
    assert page.accord_failures == []
