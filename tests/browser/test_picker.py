"""The institution picker in Chromium, keyboard only: type any spelling (a Chinese local name too),
arrow, Enter picks, Esc closes; office staff add a missing partner after the duplicate check; party rows
are added and removed in place before the agreement is saved; the picker fits a phone."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accord.agreements.models import Agreement
from accord.guidance.models import Application, Call
from accord.mobility.models import Person
from accord.registry.models import Country, Institution
from tests.browser.conftest import SCREENSHOTS
from tests.browser.picker import activate_add, combobox, dropdown, pick
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

@pytest.fixture
def partners(home):
    def make(name, code, **fields):
        return Institution.objects.create(name=name, country=Country.objects.get(code=code), **fields)

    return {
        "manchester": make("University of Manchester", "GB"),
        "mmu": make("Manchester Metropolitan University", "GB"),
        "hanyang": make("Hanyang University", "KR", local_name="한양대학교"),
        "milan": make("Polytechnic University of Milan", "IT", local_name="Politecnico di Milano"),
    }


def new_agreement(page, live_server, title="Student exchange"):
    page.goto(f"{live_server.url}/agreements/new/")
    page.fill("#id_title", title)
    page.select_option("#id_kind", "student_exchange")


def test_the_keyboard_picks_an_institution_by_its_chinese_local_name_or_part_of_its_name(login, live_server, sam,
                                                                                          partners):
    page = login(sam)
    new_agreement(page, live_server)
    box = combobox(page, "id_parties-0-institution")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(box).to_have_attribute("aria-label", "Institution")  # the column's header names it for screen readers
    expect(box).to_have_attribute("aria-expanded", "false")

    box.focus()
    box.press_sequentially("北京理工", delay=30)
    listbox = dropdown(page, "id_parties-0-institution")
    expect(listbox.locator(".option.active")).to_contain_text("Beijing Institute of Technology")
    expect(listbox.locator(".option.active")).to_contain_text("北京理工大学")  # local name, country and kind shown
    expect(listbox.locator(".option.active")).to_contain_text("China")
    expect(listbox.locator(".option.active")).to_contain_text("University")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    expect(page.locator("#id_parties-0-institution")).to_have_value(str(Institution.objects.get(is_home=True).pk))

    second = combobox(page, "id_parties-1-institution")
    page.keyboard.press("Tab")  # from the first picker: the party's role, its Remove button, the next row's picker
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Remove")
    page.keyboard.press("Tab")
    expect(second).to_be_focused()
    second.press_sequentially("Manchester Univ", delay=30)
    listbox = dropdown(page, "id_parties-1-institution")
    expect(listbox.locator(".option")).to_have_count(2)
    first_option = listbox.locator(".option").first
    expect(first_option).to_have_class(re.compile(r"\bactive\b"))
    page.keyboard.press("ArrowDown")
    active = listbox.locator(".option.active")
    expect(active).not_to_have_text(first_option.inner_text())
    expect(second).to_have_attribute("aria-activedescendant", active.get_attribute("id"))
    chosen = active.locator(".picker-name").inner_text()
    page.keyboard.press("Enter")
    expect(page.locator("#id_parties-1-institution")).to_have_value(str(Institution.objects.get(name=chosen).pk))

    # Esc closes the list and leaves the choice as it was
    second.press_sequentially("Hanyang", delay=30)
    expect(dropdown(page, "id_parties-1-institution")).to_be_visible()
    page.keyboard.press("Escape")
    expect(dropdown(page, "id_parties-1-institution")).to_be_hidden()
    expect(second).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#id_parties-1-institution")).to_have_value(str(Institution.objects.get(name=chosen).pk))
    assert page.accord_failures == []


def test_office_staff_add_a_missing_partner_with_the_keyboard_after_the_duplicate_check(login, live_server, sam,
                                                                                        partners):
    page = login(sam)
    new_agreement(page, live_server)
    box = combobox(page, "id_parties-1-institution")
    box.focus()
    box.press_sequentially("Hanyang University ERICA", delay=20)
    listbox = dropdown(page, "id_parties-1-institution")
    add = listbox.locator(".create")
    expect(add).to_contain_text("Add Hanyang University ERICA…")
    # the "Add …" line is above the matches: up from the first match, then Enter
    activate_add(page, "id_parties-1-institution")
    with page.expect_response(lambda r: "/picker/add/" in r.url) as first:
        page.keyboard.press("Enter")
    assert first.value.status == 200 and first.value.json()["similar"]
    status = page.locator("#id_parties-1-institution ~ .picker-status")
    expect(status).to_have_text("The registry already has a partner by a similar name. Choose it, or add the new "
                                "partner again to confirm.")
    expect(listbox.locator(".option", has_text="Hanyang University")).not_to_have_count(0)
    assert not Institution.objects.filter(name="Hanyang University ERICA").exists()

    activate_add(page, "id_parties-1-institution")
    with page.expect_response(lambda r: "/picker/add/" in r.url) as second:
        page.keyboard.press("Enter")
    assert second.value.status == 201
    created = Institution.objects.get(name="Hanyang University ERICA")
    expect(page.locator("#id_parties-1-institution")).to_have_value(str(created.pk))
    expect(status).to_have_text("Added Hanyang University ERICA to the registry.")
    assert created.history.get().history_user == sam
    assert page.accord_failures == []


def test_a_coordinator_is_never_offered_to_add_a_partner(login, live_server, cora, partners):
    page = login(cora)
    new_agreement(page, live_server)
    box = combobox(page, "id_parties-0-institution")
    box.focus()
    with page.expect_response(lambda r: "lookup.json" in r.url and "Kyung" in r.url):
        box.press_sequentially("Kyung Hee University", delay=20)
    listbox = dropdown(page, "id_parties-0-institution")
    expect(listbox).to_be_visible()
    expect(listbox.locator(".picker-loading")).to_have_count(0)
    expect(listbox.locator(".create")).to_have_count(0)
    page.keyboard.press("Escape")
    expect(page.locator("#id_parties-0-institution")).to_have_value("")
    assert not Institution.objects.filter(name="Kyung Hee University").exists()
    assert page.accord_failures == []


def test_party_rows_are_added_and_removed_in_place_and_an_agreement_is_saved_with_three_parties(login, live_server,
                                                                                                sam, partners):
    page = login(sam)
    new_agreement(page, live_server, "Student exchange with three partners")
    rows = page.locator('table[data-formset="parties"] > tbody > tr')
    expect(rows).to_have_count(2)
    pick(page, "id_parties-0-institution", "Beijing Inst", "Beijing Institute of Technology")
    page.select_option("#id_parties-0-role", "home")
    pick(page, "id_parties-1-institution", "Politecnico di Mil", "Polytechnic University of Milan")

    add = page.locator('[data-formset-add="parties"]')
    add.focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(3)
    expect(page.locator("#id_parties-TOTAL_FORMS")).to_have_value("3")
    expect(combobox(page, "id_parties-2-institution")).to_be_focused()  # the new row's picker works at once
    pick(page, "id_parties-2-institution", "Hanyang", "Hanyang University")

    add.click()  # a fourth row; then the third is taken away and the fourth moves up
    expect(rows).to_have_count(4)
    pick(page, "id_parties-3-institution", "Univ of Manchester", "University of Manchester")
    rows.nth(2).locator("[data-formset-remove]").click()
    expect(rows).to_have_count(3)
    expect(add).to_be_focused()
    expect(page.locator("#id_parties-TOTAL_FORMS")).to_have_value("3")
    manchester = str(partners["manchester"].pk)
    expect(page.locator("#id_parties-2-institution")).to_have_value(manchester)
    expect(page.locator("select[name=parties-2-institution]")).to_have_value(manchester)
    expect(page.locator("[name^=parties-3-]")).to_have_count(0)
    expect(dropdown(page, "id_parties-3-institution")).to_have_count(0)

    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("#status")
    agreement = Agreement.objects.get(title="Student exchange with three partners")
    assert sorted(agreement.parties.values_list("institution__name", flat=True)) == [
        "Beijing Institute of Technology", "Polytechnic University of Milan", "University of Manchester"]
    assert page.accord_failures == []


def test_the_picker_fits_a_phone(login, live_server, sam, partners):
    page = login(sam)
    page.set_viewport_size({"width": 390, "height": 844})
    new_agreement(page, live_server)
    box = combobox(page, "id_parties-0-institution")
    box.focus()
    box.press_sequentially("Manchester", delay=20)
    listbox = dropdown(page, "id_parties-0-institution")
    expect(listbox.locator(".option.active")).to_be_visible()
    area = listbox.bounding_box()
    assert area["x"] >= 0 and area["x"] + area["width"] <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.keyboard.press("Enter")
    expect(page.locator("#id_parties-0-institution + .ts-wrapper .item")).to_contain_text("Manchester")
    assert page.accord_failures == []


def test_screenshot_of_the_picker_open_on_the_agreement_form(login, live_server, sam, partners):
    page = login(sam)
    page.set_viewport_size({"width": 1280, "height": 860})
    new_agreement(page, live_server, "Student exchange with Hanyang University")
    pick(page, "id_parties-0-institution", "北京理工", "Beijing Institute of Technology")
    page.select_option("#id_parties-0-role", "home")
    box = combobox(page, "id_parties-1-institution")
    box.focus()
    box.press_sequentially("univ", delay=20)
    expect(dropdown(page, "id_parties-1-institution").locator(".option.active")).to_be_visible()
    box.scroll_into_view_if_needed()
    page.evaluate("() => window.scrollBy(0, 200)")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "picker.png"))  # docs/screenshots/picker.png is a copy
    assert (SCREENSHOTS / "picker.png").stat().st_size > 10_000
    assert page.accord_failures == []


FORMS_WITH_INSTITUTIONS = [
    ("activities:activity-create", ["id_parties-0-institution"]),
    ("mobility:person-create", ["id_institution"]),
    ("mobility:mobility-create", ["id_home_institution", "id_host_institution"]),
    ("mobility:program-create", ["id_partners-0-institution"]),
    ("registry:institution-create", ["id_parent", "id_successor"]),
    ("agreements:agreement-create", ["id_parties-0-institution", "id_signatories-0-institution"]),
]


def test_no_institution_field_asks_for_a_record_id(login, live_server, sam):
    page = login(sam)
    for name, ids in FORMS_WITH_INSTITUTIONS:
        page.goto(live_server.url + reverse(name))
        for select_id in ids:
            expect(combobox(page, select_id)).to_have_attribute("role", "combobox")
        expect(page.locator("input[type=number][name$=institution], input[placeholder*='record id']")).to_have_count(0)
    assert page.accord_failures == []


def test_a_person_is_saved_with_an_institution_picked_by_its_korean_name(login, live_server, sam, partners):
    page = login(sam)
    page.goto(live_server.url + reverse("mobility:person-create"))
    page.fill("#id_name", "Kim Min-jun")
    expect(combobox(page, "id_institution")).to_have_attribute("aria-labelledby", re.compile("."))  # its <label>
    pick(page, "id_institution", "한양대학교", "Hanyang University")
    page.click("form.record-form button[type=submit]")
    page.wait_for_url(lambda url: "/new/" not in url)
    assert Person.objects.get(name="Kim Min-jun").institution == partners["hanyang"]
    assert page.accord_failures == []


def test_a_teacher_names_several_partners_of_an_application_with_the_keyboard(login, live_server, partners):
    teacher = make_user("tina", "teacher")
    today = date.today()
    call = Call.objects.create(title="Sino-Korean materials program", funder="Ministry of Science and Technology",
                               open_date=today - timedelta(days=5), external_deadline=today + timedelta(days=30))
    page = login(teacher)
    page.goto(f"{live_server.url}/guidance/applications/new/?call={call.pk}")
    page.fill("#id_title", "Ceramic matrix composites")
    pick(page, "id_partner_institutions", "Hanyang", "Hanyang University")
    pick(page, "id_partner_institutions", "Politecnico", "Polytechnic University of Milan")
    expect(page.locator("#id_partner_institutions + .ts-wrapper .item")).to_have_count(2)
    expect(page.locator("#id_partner_institutions + .ts-wrapper .create")).to_have_count(0)  # a teacher adds none
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector("#stage")
    application = Application.objects.get(title="Ceramic matrix composites")
    assert set(application.partner_institutions.all()) == {partners["hanyang"], partners["milan"]}
    assert page.accord_failures == []
