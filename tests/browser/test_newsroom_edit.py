"""In a real Chromium: staff open a proposal's "Edit and accept", set the record's kind, title and
faculty, add a party row, accept, and land on the record they described."""

from pathlib import Path

import pytest

from accord.activities.models import Activity
from accord.newsroom.services.ingest import ingest_article
from accord.registry.models import Country, Institution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
ARTICLE = (
    "Beijing Institute of Technology signs agreement with Northbridge University\n\n"
    "March 12, 2024\n\n"
    "Beijing Institute of Technology signed a memorandum of understanding with Northbridge University "
    "via video link on March 8.\n"
)


def add_party(page, name, registry_id):
    """A new party row, added in place when the page offers "Add row" (else the spare row), and the
    institution chosen in it: by typing its name in the combobox, or its id in the plain field."""
    rows = page.locator("fieldset.parties table.formset > tbody > tr")
    add = page.locator("[data-formset-add=parties]")
    if add.count():
        before = rows.count()
        add.click()
        assert rows.count() == before + 1
    row = rows.last
    field = row.locator("[name$='-institution']")
    combobox = row.locator("[role=combobox]")
    if combobox.count():
        combobox.focus()
        combobox.press_sequentially(name.split()[0], delay=20)
        page.locator(".ts-dropdown .option.active", has_text=name).wait_for()
        page.keyboard.press("Enter")
    else:
        field.fill(str(registry_id))
    row.locator("[name$='-role']").select_option("partner")


def test_staff_edit_a_proposal_into_the_record_they_mean_and_land_on_it(login, live_server, sam, home, faculty):
    cn, fr = Country.objects.get(code="CN"), Country.objects.get(code="FR")
    northbridge = Institution.objects.create(name="Northbridge University", country=Country.objects.get(code="GB"))
    valmont = Institution.objects.create(name="Valmont University", country=fr)
    assert home.country == cn
    article = ingest_article(ARTICLE, title="BIT signs <b>an MoU</b> <script>alert('x')</script>", by=sam).article

    page = login(sam)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.locator(".proposal").first.locator("text=Edit and accept").click()
    page.wait_for_selector("form.proposal-edit")
    assert page.input_value("#id_kind") == "agreement:framework"
    assert page.input_value("#id_start_date") == "2024-03-08"
    assert "<b>an MoU</b> <script>alert('x')</script>" in page.inner_text("main")  # text, not markup

    page.select_option("#id_kind", "activity:signing_ceremony")
    page.fill("#id_title", "BIT and Northbridge sign an MoU")
    page.select_option("#id_faculty", label="School of Aerospace Engineering")
    add_party(page, "Valmont University", valmont.pk)
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SCREENSHOTS / "newsroom-edit.png"), full_page=True)

    page.click("form.proposal-edit button[type=submit]")
    page.wait_for_url(f"{live_server.url}/activities/**")
    activity = Activity.objects.get()
    assert page.url.rstrip("/").endswith(f"/activities/{activity.pk}")
    assert "BIT and Northbridge sign an MoU" in page.inner_text("h1")
    assert activity.kind == Activity.Kind.SIGNING and activity.faculty == faculty
    assert activity.start_date.isoformat() == "2024-03-08"
    assert set(activity.institutions.all()) == {home, northbridge, valmont}
    main = page.inner_text("main")
    assert "Valmont University" in main and "School of Aerospace Engineering" in main
    assert page.accord_failures == []
