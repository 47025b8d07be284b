from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from django.contrib.auth.models import Group

from accord.guidance.models import Application, Call, CallStep
from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_teacher_finds_an_open_call_applies_and_sees_it_in_my_applications(offline_page, live_server):
    Group.objects.get_or_create(name="teacher")
    teacher = make_user("tina", "teacher")
    today = date.today()
    call = Call.objects.create(title="Sino-Russian aerospace program", funder="Ministry of Science and Technology",
                               open_date=today - timedelta(days=5), internal_deadline=today + timedelta(days=10),
                               external_deadline=today + timedelta(days=30))
    CallStep.objects.create(call=call, order=1, title="Talk to the guidance center")
    Call.objects.create(title="Closed call", funder="Foundation", open_date=today - timedelta(days=90),
                        external_deadline=today - timedelta(days=30))

    page = offline_page
    page.goto(f"{live_server.url}/login/?next=/guidance/")
    page.fill("input[name=username]", teacher.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)

    page.check("#id_open")
    page.wait_for_url(lambda url: "open=on" in url)
    expect(page.locator("#results")).not_to_contain_text("Closed call")
    page.click("text=Sino-Russian aerospace program")
    page.click("#apply")
    page.fill("#id_title", "Ablation-resistant nozzle materials")
    page.fill("#id_research_direction", "Thermal protection for reusable rocket engines")
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("#stage")
    assert page.inner_text("#stage") == "Idea"
    assert "Talk to the guidance center" in page.inner_text("table.checklist")

    page.click("nav.subnav >> text=My applications")
    assert "Ablation-resistant nozzle materials" in page.inner_text("table.applications")
    assert Application.objects.get().applicant == teacher
    screenshot(page, "guidance-apply")
    assert page.accord_failures == []
