"""Agreement documents: a PDF, PNG or JPEG kept with an agreement (checks and storage: records.files)."""

from accord.agreements.models import Document
from accord.records.files import attach as attach_file


def attach(agreement, upload, *, by, description: str = "") -> Document:
    return attach_file(Document, upload, by=by, description=description, agreement=agreement)
