"""Agreement documents: what may be uploaded (sniffed from the first bytes, never the file name)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accord.agreements.models import Document

# magic bytes -> content type
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
]


def sniff(head: bytes) -> str | None:
    """The content type a file's first bytes announce, among those Accord accepts; None otherwise."""
    for magic, content_type in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def max_bytes() -> int:
    return settings.ACCORD_MAX_UPLOAD_MB * 1024 * 1024


def check_upload(upload) -> str:
    """Raise ValidationError unless `upload` is a PDF, PNG or JPEG within the size limit; return its type."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("%(name)s is larger than %(limit)s MB.") % {"name": upload.name, "limit": settings.ACCORD_MAX_UPLOAD_MB}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        raise ValidationError(
            _("%(name)s is not a PDF, PNG or JPEG file (judged by its content, not its name).") % {"name": upload.name}
        )
    return content_type


def attach(agreement, upload, *, by, description: str = "") -> Document:
    content_type = check_upload(upload)
    document = Document(
        agreement=agreement,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        description=description,
        uploaded_by=by,
    )
    document.file.save(upload.name, upload, save=False)
    document._history_user = by
    document.save()
    return document
