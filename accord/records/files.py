"""Stored files, one way: what is kept of one (StoredFile), what may be uploaded (judged by the
content, never the name), how large (one setting, ACCORD_MAX_UPLOAD_MB), under which extension (the
one of the sniffed type) and how it is served back (as an attachment, never inline). Used by agreement
documents, call documents, application files (StoredFile models, written by attach()), newsroom
uploads and table imports (checks only: they keep the text or the rows, not the file)."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

ORIGINAL_NAME_LENGTH = 255  # the longest uploaded name kept (longer ones are cut)

SNIFF_BYTES = 16  # the longest signature below fits
# magic bytes -> (content type, extension)
SIGNATURES = [
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
]
DOCUMENT_TYPES = ("application/pdf", "image/png", "image/jpeg")


def sniff(head: bytes) -> str | None:
    """The content type a file's first bytes announce, among those Accord keeps; None otherwise."""
    for magic, content_type, _ext in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def extension_for(content_type: str) -> str:
    return next((ext for _magic, known, ext in SIGNATURES if known == content_type), "")


def max_mb() -> int:
    return settings.ACCORD_MAX_UPLOAD_MB


def max_bytes() -> int:
    return max_mb() * 1024 * 1024


def check_size(upload) -> None:
    """ValidationError when `upload` is above the one upload limit."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(limit)s MB.") % {"name": upload.name, "limit": max_mb()}
        )


def check_upload(upload, allowed=DOCUMENT_TYPES) -> str:
    """Raise ValidationError unless `upload` is within the size limit and its content is one of the
    `allowed` types; return that content type."""
    check_size(upload)
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None or content_type not in allowed:
        raise ValidationError(
            _("%(name)s is not a PDF, PNG or JPEG file (judged by its content, not its name).") % {"name": upload.name}
        )
    return content_type


def stored_name(original: str, content_type: str) -> str:
    """The name a file is stored under: its own stem with the extension of what it really is."""
    stem = Path(original).stem or "file"
    return f"{stem}{extension_for(content_type)}"


def store(record, upload, content_type: str) -> None:
    """Put `upload` in `record.file` (not saving the record) under stored_name()."""
    record.file.save(stored_name(upload.name, content_type), upload, save=False)


def download(record):
    """Serve a stored file as an attachment, never inline, under the name it was uploaded with."""
    try:
        handle = record.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(handle, as_attachment=True, filename=record.original_name,
                            content_type=record.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class StoredFile(models.Model):
    """What every kept file records, whatever it belongs to: the file under Django's storage API,
    the name it was uploaded with, its sniffed content type and size, a description, who uploaded it
    and when, and its history. A concrete model adds the record it belongs to and its own `file`
    field with the folder it is kept in (`upload_to`); it keeps its own table."""

    file = models.FileField(upload_to="files/%Y/")
    original_name = models.CharField(gettext_lazy("original name"), max_length=ORIGINAL_NAME_LENGTH)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(gettext_lazy("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.original_name


def attach(model, upload, *, by, description: str = "", **owner):
    """Keep `upload` as a new `model` (a StoredFile) of `owner` (e.g. agreement=…): checked by
    check_upload() (ValidationError when it may not be kept), stored under stored_name(), recorded
    with who uploaded it in its history."""
    content_type = check_upload(upload)
    record = model(original_name=upload.name[:ORIGINAL_NAME_LENGTH], content_type=content_type, size=upload.size,
                   description=description, uploaded_by=by, **owner)
    store(record, upload, content_type)
    record._history_user = by
    record.save()
    return record
