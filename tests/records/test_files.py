"""One stored-file base: content sniffed, one size limit, the extension of the sniffed type, served as an attachment."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from accord.agreements.documents import attach
from accord.agreements.models import Agreement
from accord.guidance.models import Call
from accord.guidance.services import attach_call_document
from accord.records import files

PDF = b"%PDF-1.7\n" + b"x" * 100


def test_a_pdf_named_like_an_image_is_stored_with_the_extension_of_what_it_is(sam, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agreement = Agreement.objects.create(title="Exchange")
    document = attach(agreement, SimpleUploadedFile("scan.png", PDF), by=sam)
    assert document.content_type == "application/pdf"
    assert document.file.name.endswith(".pdf") and document.original_name == "scan.png"


@pytest.mark.parametrize("what", ["document", "table", "article"])
def test_one_setting_limits_every_upload(what):
    big = SimpleUploadedFile("big.pdf", PDF + b"y" * (1024 * 1024))
    with override_settings(ACCORD_MAX_UPLOAD_MB=1), pytest.raises(ValidationError, match="larger than 1 MB"):
        if what == "document":
            files.check_upload(big)
        else:
            files.check_size(big)


def test_a_file_whose_content_is_not_a_document_is_refused_whatever_its_name():
    with pytest.raises(ValidationError, match="judged by its content"):
        files.check_upload(SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 not a pdf"))


def test_a_stored_file_is_downloaded_as_an_attachment(client_for, sam, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call = Call.objects.create(title="Fund", funder="MOST")
    document = attach_call_document(call, SimpleUploadedFile("guide.pdf", PDF), by=sam)
    response = client_for(sam).get(reverse("guidance:call-document-download", args=[document.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("model", "table"), [
    ("agreements.Document", "agreements_document"),
    ("guidance.CallDocument", "guidance_calldocument"),
    ("guidance.ApplicationFile", "guidance_applicationfile"),
])
def test_every_kept_file_is_a_stored_file_in_the_table_it_always_had(model, table):
    from django.apps import apps

    model = apps.get_model(model)
    assert issubclass(model, files.StoredFile)
    assert model._meta.db_table == table
    assert model.history.model._meta.db_table == table.replace("_", "_historical", 1)
    assert {f.name for f in files.StoredFile._meta.fields} <= {f.name for f in model.history.model._meta.fields}


def test_an_application_file_is_refused_like_every_other_file(sam):
    from accord.guidance.services import attach_file, start_application

    call = Call.objects.create(title="Fund", funder="MOST")
    application = start_application(applicant=sam, call=call, title="Nozzles")
    with pytest.raises(ValidationError, match="judged by its content"):
        attach_file(application, SimpleUploadedFile("budget.pdf", b"MZ\x90\x00"), by=sam)
    assert not application.files.exists()
