"""Everyday moves in Chromium: search from the header with "/", a confirmation dialog, a notification
reaching a mentor, and an administrator creating a coordinator who then logs in."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from accord.agreements.models import Agreement
from accord.guidance.models import Call, CallStep
from accord.registry.models import Country, Institution, InstitutionName, Kind, NameKind
from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_slash_jumps_to_the_search_and_finds_a_partner_by_its_local_name_with_its_agreements(login, live_server):
    staff = make_user("sam", "staff")
    bmstu = Institution.objects.create(name="Bauman Moscow State Technical University", country=Country.objects.get(code="RU"),
                                       local_name="МГТУ им. Н. Э. Баумана")
    InstitutionName.objects.create(institution=bmstu, name="BMSTU", kind=NameKind.ACRONYM)
    agreement = Agreement.objects.create(title="Joint school with Bauman", status="active")
    agreement.parties.create(institution=bmstu, role="partner")
    page = login(staff)
    page.keyboard.press("/")
    expect(page.locator("#global-search")).to_be_focused()
    page.keyboard.type("BMSTU")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=BMSTU"))
    partners = page.locator("#results-partners")
    expect(partners).to_contain_text("Bauman Moscow State Technical University")
    expect(page.locator("#results-agreements")).to_contain_text("Joint school with Bauman")
    screenshot(page, "search")
    partners.get_by_role("link", name="Bauman Moscow State Technical University").click()
    page.wait_for_url(f"**{bmstu.get_absolute_url()}")
    assert page.accord_failures == []


def test_terminating_an_agreement_asks_first_and_cancel_changes_nothing(login, live_server):
    staff = make_user("sam", "staff")
    agreement = Agreement.objects.create(title="Exchange with Milan", status="active")
    page = login(staff)
    page.goto(f"{live_server.url}{agreement.get_absolute_url()}")
    page.get_by_role("button", name="Terminate").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("“Exchange with Milan” ends today")
    expect(page.locator("#confirm-no")).to_be_focused()
    screenshot(page, "confirm")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    agreement.refresh_from_db()
    assert agreement.status == "active"
    page.get_by_role("button", name="Terminate").click()
    page.locator("#confirm-yes").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".message")).to_contain_text("Status changed")
    agreement.refresh_from_db()
    assert agreement.status == "terminated"
    assert page.accord_failures == []


def test_a_teacher_applies_naming_a_mentor_who_sees_it_under_the_bell(offline_page, login, live_server):
    teacher = make_user("tina", "teacher")
    mentor = make_user("mona", "teacher")
    today = date.today()
    call = Call.objects.create(title="Sino-Russian aerospace program", funder="MOST",
                               open_date=today - timedelta(days=5), external_deadline=today + timedelta(days=30))
    CallStep.objects.create(call=call, order=1, title="Talk to the guidance center")
    page = login(teacher)
    page.goto(f"{live_server.url}/guidance/applications/new/?call={call.pk}")
    page.fill("#id_title", "Ablation-resistant nozzle materials")
    page.select_option("#id_mentor", label="mona")
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("#stage")
    page.context.clear_cookies()

    page = login(mentor)
    bell = page.locator("#bell")
    expect(bell).to_have_attribute("aria-label", "Notifications: 1 unread")
    bell.click()
    item = page.locator("#notifications li.unread")
    expect(item).to_contain_text("New application to mentor: Ablation-resistant nozzle materials")
    screenshot(page, "notifications")
    item.get_by_role("button").click()
    page.wait_for_url(re.compile(r"/guidance/applications/\d+/$"))
    expect(page.locator("#bell")).to_have_attribute("aria-label", "Notifications: 0 unread")
    assert [m.to for m in mail.outbox] == [["mona@accord.test"]]
    assert page.accord_failures == []


def test_an_admin_creates_a_coordinator_who_sets_a_password_and_logs_in(login, live_server):
    home = Institution.objects.create(name="Beijing Institute of Technology", country=Country.objects.get(code="CN"),
                                      is_home=True)
    Institution.objects.create(name="School of Aerospace Engineering", kind=Kind.FACULTY, parent=home,
                               country=home.country)
    admin = make_user("ada", "admin")
    page = login(admin)
    page.get_by_role("link", name="Users").click()
    page.get_by_role("link", name="New user").click()
    page.fill("#id_username", "carl")
    page.fill("#id_first_name", "Carl")
    page.fill("#id_email", "carl@accord.test")
    page.select_option("#id_role", "coordinator")
    page.select_option("#id_faculty", label="School of Aerospace Engineering")
    page.get_by_role("button", name="Create user").click()
    expect(page.locator(".message")).to_contain_text("An invitation was e-mailed to carl@accord.test")
    expect(page.locator("table.history")).to_contain_text("role: — → coordinator")
    screenshot(page, "user-detail")
    page.goto(f"{live_server.url}/accounts/users/")
    expect(page.locator("table.users")).to_contain_text("Faculty coordinator")
    screenshot(page, "users")
    link = re.search(r"https?://\S+/password/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()

    page.goto(link)
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.get_by_role("button", name="Set password").click()
    page.get_by_role("link", name="Log in to Accord").click()
    page.fill("input[name=username]", "carl")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
    expect(page.locator(".userbox .role")).to_have_text("Faculty coordinator")
    assert User.objects.get(username="carl").profile.faculty.name == "School of Aerospace Engineering"
    assert page.accord_failures == []
