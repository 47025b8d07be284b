import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.agreements.models import Document

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.fixture
def agreement(make_agreement):
    return make_agreement(status="signed")


def upload(client, agreement, name, content):
    return client.post(f"/agreements/{agreement.pk}/documents/new/",
                       {"file": SimpleUploadedFile(name, content, content_type="application/pdf")})


def test_a_pdf_is_accepted_and_stored_under_agreements(client_for, sam, agreement):
    response = upload(client_for(sam), agreement, "mou.pdf", PDF)
    assert response.status_code == 302
    document = Document.objects.get(agreement=agreement)
    assert document.content_type == "application/pdf" and document.size == len(PDF)
    assert document.original_name == "mou.pdf"
    assert document.file.name.startswith("agreements/")


def test_an_exe_renamed_pdf_is_refused(client_for, sam, agreement):
    response = upload(client_for(sam), agreement, "mou.pdf", EXE)
    assert response.status_code == 400
    assert "not a PDF, PNG or JPEG" in response.content.decode()
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused(client_for, sam, agreement, settings):
    settings.ACCORD_MAX_UPLOAD_MB = 1
    response = upload(client_for(sam), agreement, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert response.status_code == 400
    assert "larger than 1 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_a_png_is_stored_as_a_png_whatever_its_name(client_for, sam, agreement):
    upload(client_for(sam), agreement, "scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert Document.objects.get().content_type == "image/png"


def test_a_viewer_may_not_upload(client_for, victor, agreement):
    assert upload(client_for(victor), agreement, "mou.pdf", PDF).status_code == 403


def test_download_needs_login_and_sends_an_attachment_with_nosniff(client, client_for, sam, victor, agreement):
    upload(client_for(sam), agreement, "mou.pdf", PDF)
    document = Document.objects.get()
    client.logout()
    anonymous = client.get(f"/agreements/documents/{document.pk}/")
    assert anonymous.status_code == 302 and "/login/" in anonymous.url
    response = client_for(victor).get(f"/agreements/documents/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment") and "mou.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_someone_without_a_role_may_not_download(client_for, sam, oscar, agreement):
    upload(client_for(sam), agreement, "mou.pdf", PDF)
    document = Document.objects.get()
    assert client_for(oscar).get(f"/agreements/documents/{document.pk}/").status_code == 403
