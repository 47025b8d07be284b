"""Signing in through a real OpenID Connect provider (django-oauth-toolkit in its own process), in Chromium."""

import re

import pytest
from django.contrib.auth.models import User

from accord.accounts.roles import role_of
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def sign_in_through_oidc(page, live_server, username, *, expect_form=True):
    page.goto(f"{live_server.url}/login/")
    page.get_by_role("link", name="Sign in with University ID").click()
    if expect_form:
        page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/accounts/login/"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
    page.wait_for_url(re.compile(re.escape(live_server.url)))
    page.wait_for_load_state("networkidle")
    return page


def test_a_teacher_signing_in_through_openid_connect_gets_an_account_and_lands_on_the_calls(
        sso_page, live_server, oidc_settings, faculty):
    sign_in_through_oidc(sso_page, live_server, "tina")
    assert "/guidance/" in sso_page.url
    tina = User.objects.get(username="tina")
    assert (tina.first_name, tina.last_name, tina.email) == ("Tina", "Teacher", "tina@university.test")
    assert set(tina.groups.values_list("name", flat=True)) == {"teacher"}
    assert tina.profile.faculty == faculty
    assert not tina.has_usable_password()
    assert sso_page.accord_failures == []


def test_office_staff_signing_in_through_openid_connect_land_on_the_dashboard_as_office_staff(
        sso_page, live_server, oidc_settings):
    sign_in_through_oidc(sso_page, live_server, "stella")
    assert "/insights/" in sso_page.url
    assert role_of(User.objects.get(username="stella")) == "staff"
    sso_page.goto(f"{live_server.url}/accounts/profile/")
    assert "Office staff" in sso_page.content()
    assert sso_page.accord_failures == []


def test_a_deactivated_user_is_refused_even_though_the_provider_confirms_her(sso_page, live_server, oidc_settings):
    dora = make_user("dora", "viewer")
    dora.is_active = False
    dora.save()
    sign_in_through_oidc(sso_page, live_server, "dora")
    assert "/sso/refused/" in sso_page.url
    assert "Sign-in refused" in sso_page.content()
    sso_page.goto(f"{live_server.url}/insights/")
    assert "/login/" in sso_page.url
    assert User.objects.get(pk=dora.pk).is_active is False


def test_logging_out_of_accord_ends_the_providers_session_too(sso_page, live_server, oidc_settings):
    sign_in_through_oidc(sso_page, live_server, "tina")
    sso_page.get_by_role("button", name="Log out").click()
    sso_page.wait_for_url(re.compile(re.escape(f"{live_server.url}/login/")))
    sso_page.goto(f"{live_server.url}/guidance/")
    assert "/login/" in sso_page.url
    sign_in_through_oidc(sso_page, live_server, "tina", expect_form=True)  # the provider asks again
    assert "/guidance/" in sso_page.url
    assert sso_page.accord_failures == []
