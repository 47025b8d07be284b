from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from accord.accounts.refusals import refusal
from accord.accounts.roles import can


def require(user, action, obj=None):
    if not can(user, action, obj):
        raise PermissionDenied(refusal(user, action))


def require_that(allowed: bool):
    if not allowed:
        raise PermissionDenied(_("This is not yours to see or change."))


def download(record):
    """Serve a stored upload as an attachment, never inline."""
    try:
        handle = record.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(handle, as_attachment=True, filename=record.original_name,
                            content_type=record.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def upload_limit():
    return settings.ACCORD_MAX_UPLOAD_MB
