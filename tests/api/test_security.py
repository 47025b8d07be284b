"""Security headers, login rate limiting, CSRF everywhere and a clean `check --deploy`."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import get_resolver

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_pages_carry_a_content_security_policy_without_inline_scripts(client_for, victor):
    response = client_for(victor).get("/partners/")
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("style-src", []) and "'unsafe-eval'" not in policy["script-src"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


CAS_LOGIN_VIEW = "accord.accounts.sso.cas.LoginView"


def test_no_view_is_exempt_from_csrf():
    """Every Django view checks CSRF; the API's views are exempt at Django's level only because
    ninja checks CSRF itself for session callers (token callers carry no ambient credential)."""

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns)
            else:
                yield pattern

    exempt = [
        p.lookup_str for p in walk(get_resolver().url_patterns)
        if getattr(p.callback, "csrf_exempt", False) and not p.lookup_str.startswith("ninja.")
    ]
    # CAS single logout: the CAS server itself POSTs the logout request to the service's login
    # address (a back-channel call that carries no CSRF token, only a ticket the server issued)
    assert exempt in ([], [CAS_LOGIN_VIEW])


def test_a_login_form_post_without_the_csrf_token_is_refused(victor):
    response = Client(enforce_csrf_checks=True).post("/login/", {"username": "victor", "password": PASSWORD})
    assert response.status_code == 403


def test_logins_are_refused_for_a_while_after_five_failures(victor):
    client = Client()
    for _ in range(4):
        assert client.post("/login/", {"username": "victor", "password": "wrong"}).status_code == 200
    assert client.post("/login/", {"username": "victor", "password": "wrong"}).status_code == 429  # the fifth
    blocked = client.post("/login/", {"username": "victor", "password": PASSWORD})
    assert blocked.status_code == 429
    assert b"Too many failed logins" in blocked.content
    assert "_auth_user_id" not in client.session


def test_the_limit_is_per_username(victor, sam):
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "victor", "password": "wrong"})
    response = client.post("/login/", {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302


def test_a_good_login_clears_the_count(victor):
    client = Client()
    for _ in range(4):
        client.post("/login/", {"username": "victor", "password": "wrong"})
    assert client.post("/login/", {"username": "victor", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(4):
        assert client.post("/login/", {"username": "victor", "password": "wrong"}).status_code == 200


PRODUCTION = {
    "ACCORD_DEBUG": "0",
    "ACCORD_SECRET_KEY": "x7#kQ!" * 12,
    "ACCORD_ALLOWED_HOSTS": "accord.example.edu",
    "ACCORD_SSL_REDIRECT": "1",
    "ACCORD_HSTS_SECONDS": "31536000",
    "ACCORD_HSTS_PRELOAD": "1",
    "ACCORD_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
}


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    import os

    # the test runner's own DJANGO_ALLOW_ASYNC_UNSAFE (needed by browser tests) is not production
    test_only = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_") and k not in test_only}
    env.update(PRODUCTION, ACCORD_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="accord.settings")
    result = subprocess.run([sys.executable, "-m", "accord.cli", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_uploaded_document_is_served_as_an_attachment_that_is_not_sniffed(sam, client_for, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accord.agreements.models import Agreement

    settings.MEDIA_ROOT = tmp_path
    agreement = Agreement.objects.create(title="MoU")
    client = client_for(sam)
    html = SimpleUploadedFile("scan.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    refused = client.post(f"/agreements/{agreement.pk}/documents/new/", {"file": html, "description": "x"})
    assert refused.status_code == 400 and not agreement.documents.exists()
    pdf = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                             content_type="application/pdf")
    client.post(f"/agreements/{agreement.pk}/documents/new/", {"file": pdf, "description": "scan"})
    document = agreement.documents.get()
    response = client.get(f"/agreements/documents/{document.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_user_text_is_escaped_on_the_pages_that_show_it(sam, client_for):
    from accord.agreements.models import Agreement
    from accord.registry.models import Institution

    evil = '<script>alert("x")</script> &amp; Université'
    partner = Institution.objects.create(name=evil, notes=evil)
    agreement = Agreement.objects.create(title=evil, notes=evil)
    agreement.parties.create(institution=partner)
    client = client_for(sam)
    for url in ["/partners/", f"/partners/{partner.pk}/", "/agreements/", f"/agreements/{agreement.pk}/"]:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp; Université" in body, url


def test_every_page_and_api_answer_carries_the_policy_django_csp_builds_from_the_settings(client_for, victor, api_as):
    from csp.utils import build_policy

    expected = _directives(build_policy())
    assert _directives(client_for(victor).get("/partners/")["Content-Security-Policy"]) == expected
    assert _directives(api_as(victor).get("/api/v1/institutions/")["Content-Security-Policy"]) == expected


def test_a_response_that_changes_or_leaves_out_the_policy_still_gets_its_own(rf):
    from django.http import HttpResponse

    from accord.lib.csp import CSPMiddleware

    def answer(**attributes):
        response = HttpResponse("")
        for name, value in attributes.items():
            setattr(response, name, value)
        return CSPMiddleware(lambda request: response).process_response(rf.get("/"), response)

    updated = _directives(answer(_csp_update={"img-src": ["https://tiles.example.org"]})["Content-Security-Policy"])
    assert "https://tiles.example.org" in updated["img-src"] and updated["default-src"] == ["'self'"]
    assert "Content-Security-Policy" not in answer(_csp_exempt=True)


def test_a_changed_policy_setting_applies_at_once(client_for, victor, settings):
    client = client_for(victor)
    assert "'self'" in client.get("/partners/")["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get("/partners/")["Content-Security-Policy"] == "default-src 'none'"


def test_the_readme_says_what_check_deploy_reports_with_the_documented_production_settings(tmp_path):
    import os
    import re

    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Deploying"):]
    step_one = section[:section.index("\n2. ")]
    documented = dict(re.findall(r"`(ACCORD_[A-Z_]+)=\"?([^`\"]+)\"?`", step_one))
    assert {"ACCORD_DEBUG", "ACCORD_ALLOWED_HOSTS", "ACCORD_PROXY_SSL_HEADER"} <= set(documented)
    statement = next(p for p in section.split("\n\n") if "check --deploy" in p)
    promised = set(re.findall(r"security\.W\d+", statement))
    test_only = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_") and k not in test_only}
    env.update(documented, ACCORD_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="accord.settings")
    result = subprocess.run([sys.executable, "-m", "accord.cli", "check", "--deploy"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    reported = set(re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stdout + result.stderr))
    assert reported == promised
