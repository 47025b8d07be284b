"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Requests to any host other than the live server are blocked and recorded, so a page that
reaches for a CDN fails its test.
"""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does it as root)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def offline_page(page, live_server):
    """A page that may only talk to the live server; page.accord_failures lists what failed (requests,
    script errors, Content-Security-Policy violations)."""
    allowed = urlparse(live_server.url).netloc
    failures = []

    def route(route):
        if urlparse(route.request.url).netloc == allowed:
            route.continue_()
        else:
            failures.append(f"blocked {route.request.url}")
            route.abort()

    page.route("**/*", route)
    def failed(request):
        # a request the page itself abandoned by navigating away is not a failure of the server
        if request.failure == "net::ERR_ABORTED" and urlparse(request.url).netloc == allowed:
            return
        failures.append(f"failed {request.url} ({request.failure})")

    page.on("requestfailed", failed)
    page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda error: failures.append(f"script error {error}"))
    page.on("console", lambda msg: "Content Security Policy" in msg.text and failures.append(f"CSP: {msg.text}"))
    page.accord_failures = failures
    return page


@pytest.fixture
def login(offline_page, live_server):
    """login(user) signs a persona in through the login form and returns the page."""
    from tests.conftest import PASSWORD

    def do(user):
        offline_page.goto(f"{live_server.url}/login/")
        offline_page.fill("input[name=username]", user.username)
        offline_page.fill("input[name=password]", PASSWORD)
        offline_page.click("button[type=submit]")
        offline_page.wait_for_url(lambda url: "/login/" not in url)
        offline_page.wait_for_load_state("networkidle")  # the landing page may still be loading parts
        return offline_page

    return do


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
