"""Signing in through a real CAS server (django-cas-server in its own process), in Chromium."""

import re

import pytest
from django.contrib.auth.models import User

from accord.accounts.roles import role_of
from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def sign_in_through_cas(page, live_server, username, *, expect_form=True, shot=None):
    page.goto(f"{live_server.url}/login/")
    if shot:
        screenshot(page, shot)
    page.get_by_role("link", name="Sign in with University CAS").click()
    if expect_form:
        page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/cas/login"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
    page.wait_for_url(re.compile(re.escape(live_server.url)))
    page.wait_for_load_state("networkidle")
    return page


def test_a_teacher_signing_in_through_cas_for_the_first_time_gets_an_account_and_lands_on_the_calls(
        sso_page, live_server, cas_settings, faculty):
    sign_in_through_cas(sso_page, live_server, "tina", shot="login-with-cas")
    assert "/guidance/" in sso_page.url
    tina = User.objects.get(username="tina")
    assert (tina.first_name, tina.last_name, tina.email) == ("Tina", "Teacher", "tina@university.test")
    assert set(tina.groups.values_list("name", flat=True)) == {"teacher"}
    assert tina.profile.faculty == faculty
    assert not tina.has_usable_password()  # she signs in through CAS only
    assert sso_page.accord_failures == []


def test_office_staff_signing_in_through_cas_land_on_the_dashboard_as_office_staff(sso_page, live_server, cas_settings):
    sign_in_through_cas(sso_page, live_server, "stella")
    assert "/insights/" in sso_page.url
    assert role_of(User.objects.get(username="stella")) == "staff"
    sso_page.goto(f"{live_server.url}/accounts/profile/")
    assert "Office staff" in sso_page.content()
    assert sso_page.accord_failures == []


def test_the_role_follows_the_provider_on_the_next_sign_in(sso_page, live_server, cas_settings):
    stella = make_user("stella", "viewer")
    sign_in_through_cas(sso_page, live_server, "stella")
    assert role_of(User.objects.get(pk=stella.pk)) == "staff"
    assert User.objects.get(pk=stella.pk).has_usable_password()  # her local password is left alone


def test_a_deactivated_user_is_refused_by_accord_even_though_cas_confirms_her(sso_page, live_server, cas_settings):
    dora = make_user("dora", "viewer")
    dora.is_active = False
    dora.save()
    sign_in_through_cas(sso_page, live_server, "dora")
    assert "/sso/cas/login/" in sso_page.url
    assert "Sign-in refused" in sso_page.content()
    sso_page.goto(f"{live_server.url}/insights/")
    assert "/login/" in sso_page.url  # no session was opened
    assert User.objects.get(pk=dora.pk).is_active is False
    assert set(dora.groups.values_list("name", flat=True)) == {"viewer"}  # and nothing was changed


def test_logging_out_of_accord_ends_the_cas_session_too(sso_page, live_server, cas_settings):
    sign_in_through_cas(sso_page, live_server, "tina")
    sso_page.get_by_role("button", name="Log out").click()
    sso_page.wait_for_load_state("networkidle")
    sso_page.goto(f"{live_server.url}/guidance/")
    assert "/login/" in sso_page.url
    # signing in again asks for the password: the CAS server forgot her too
    sign_in_through_cas(sso_page, live_server, "tina", expect_form=True)
    assert "/guidance/" in sso_page.url
    assert sso_page.accord_failures == []


def test_without_logging_out_a_second_cas_sign_in_needs_no_password(sso_page, live_server, cas_settings):
    """The counterpart of the test above: the CAS session is what lets her in without a form."""
    sign_in_through_cas(sso_page, live_server, "tina")
    sso_page.context.clear_cookies(domain="localhost")  # Accord's session only
    sign_in_through_cas(sso_page, live_server, "tina", expect_form=False)
    assert "/guidance/" in sso_page.url


def test_logging_out_at_the_cas_server_ends_the_accord_session_by_single_logout(
        sso_page, live_server, cas_settings, cas_provider):
    sign_in_through_cas(sso_page, live_server, "stella")
    sso_page.goto(f"{cas_provider.url}/cas/logout")
    sso_page.goto(f"{live_server.url}/insights/")
    assert "/login/" in sso_page.url
