"""Agreement documents: a PDF, PNG or JPEG kept with an agreement (checks and storage: records.files)."""

from accord.agreements.models import Document
from accord.records.files import check_upload, store
from accord.records.files import max_bytes, sniff  # noqa: F401  (imported from here by older callers)


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
    store(document, upload, content_type)
    document._history_user = by
    document.save()
    return document
