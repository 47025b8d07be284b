"""Upload → preview → confirm on the web, for office staff only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.mobility.models import Mobility

from .conftest import write_csv

HEADER = ["title", "kind", "partners"]
IMPORTS = [("agreements", Agreement), ("activities", Activity), ("mobility", Mobility)]


def upload(client, kind, path, name=None):
    data = Path(path).read_bytes()
    return client.post(reverse(f"{kind}:import"), {"file": SimpleUploadedFile(name or Path(path).name, data)})


def stored_files():
    folder = Path(settings.DATA_DIR) / "imports"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.django_db
def test_staff_preview_a_good_file_then_confirm_it(client_for, sam, partners, tmp_path):
    path = write_csv(tmp_path / "agreements.csv", HEADER, [["MoU with Hanyang", "framework", "Hanyang University"]])
    client = client_for(sam)
    response = upload(client, "agreements", path)
    assert response.status_code == 302
    token = response["Location"].rstrip("/").rsplit("/", 1)[1]
    assert f"{token}.csv" in stored_files() and "agreements.csv" not in stored_files()

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"MoU with Hanyang" in page.content and b'name="confirm"' in page.content
    assert Agreement.objects.count() == 0

    done = client.post(response["Location"], {"confirm": "1"})
    assert done.status_code == 302 and done["Location"] == reverse("agreements:agreement-list")
    assert Agreement.objects.get().title == "MoU with Hanyang"
    assert f"{token}.csv" not in stored_files()


@pytest.mark.django_db
def test_a_file_with_a_bad_row_shows_the_error_and_cannot_be_confirmed(client_for, sam, partners, tmp_path):
    path = write_csv(tmp_path / "a.csv", HEADER, [
        ["MoU with Hanyang", "framework", "Hanyang University"],
        ["MoU with nowhere", "framework", "Univ of Nowhere"],
    ])
    client = client_for(sam)
    location = upload(client, "agreements", path)["Location"]
    page = client.get(location)
    text = page.content.decode()
    assert "no registry institution matches &#x27;Univ of Nowhere&#x27;" in text
    assert 'name="confirm"' not in text
    refused = client.post(location, {"confirm": "1"})
    assert refused.status_code == 400
    assert "line 3, column partners" in refused.content.decode()
    assert Agreement.objects.count() == 0


@pytest.mark.django_db
def test_untrusted_cell_text_is_escaped_in_the_preview(client_for, sam, partners, tmp_path):
    path = write_csv(tmp_path / "a.csv", HEADER, [
        ["<script>alert(1)</script>", "framework", "Hanyang University"],
        ["ok", "<img src=x onerror=alert(2)>", "<b>Univ</b>"],
    ])
    client = client_for(sam)
    text = client.get(upload(client, "agreements", path, name="<i>x</i>.csv")["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img src=x" not in text and "<b>Univ</b>" not in text and "<i>x</i>" not in text


@pytest.mark.django_db
def test_discarding_an_upload_deletes_the_file_and_imports_nothing(client_for, sam, partners, tmp_path):
    path = write_csv(tmp_path / "a.csv", HEADER, [["MoU", "framework", "Hanyang University"]])
    client = client_for(sam)
    location = upload(client, "agreements", path)["Location"]
    token = location.rstrip("/").rsplit("/", 1)[1]
    assert client.post(location, {"discard": "1"}).status_code == 302
    assert f"{token}.csv" not in stored_files() and Agreement.objects.count() == 0
    assert client.get(location).status_code == 404


@pytest.mark.django_db
def test_an_upload_in_another_format_or_too_large_is_refused(client_for, sam, partners, settings):
    client = client_for(sam)
    wrong = client.post(reverse("agreements:import"), {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")})
    assert wrong.status_code == 400 and "unknown file format" in wrong.content.decode()
    settings.ACCORD_MAX_UPLOAD_MB = 1
    big = client.post(reverse("agreements:import"), {"file": SimpleUploadedFile("a.csv", b"x" * (1024 * 1024 + 1))})
    assert big.status_code == 400 and "larger than 1 MB" in big.content.decode()


@pytest.mark.django_db
def test_another_session_cannot_open_someone_elses_preview(client, sam, ada, partners, tmp_path):
    path = write_csv(tmp_path / "a.csv", HEADER, [["MoU", "framework", "Hanyang University"]])
    client.force_login(sam)
    location = upload(client, "agreements", path)["Location"]
    client.logout()
    client.force_login(ada)
    assert client.get(location).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("kind, model", IMPORTS)
@pytest.mark.parametrize("persona", ["victor", "cora", "oscar"])
def test_viewers_coordinators_and_outsiders_may_not_import(client_for, request, partners, tmp_path, kind, model, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse(f"{kind}:import")).status_code == 403
    path = write_csv(tmp_path / "a.csv", ["title"], [["x"]])
    kept = stored_files()
    assert upload(client, kind, path).status_code == 403
    assert stored_files() == kept


@pytest.mark.django_db
@pytest.mark.parametrize("kind, model", IMPORTS)
@pytest.mark.parametrize("persona", ["sam", "ada"])
def test_staff_and_admins_see_the_upload_page_with_its_columns(client_for, request, kind, model, persona):
    page = client_for(request.getfixturevalue(persona)).get(reverse(f"{kind}:import"))
    assert page.status_code == 200 and b"<code>kind</code>" in page.content


@pytest.mark.django_db
@pytest.mark.parametrize("list_url, import_url", [
    ("agreements:agreement-list", "agreements:import"),
    ("activities:activity-list", "activities:import"),
    ("mobility:mobility-list", "mobility:import"),
])
def test_the_list_pages_offer_import_to_staff_only(client_for, sam, victor, list_url, import_url):
    href = f'href="{reverse(import_url)}"'
    assert href in client_for(sam).get(reverse(list_url)).content.decode()
    assert href not in client_for(victor).get(reverse(list_url)).content.decode()
