"""The upload → preview → confirm flow shared by every table import (see records.tableimport).

The uploaded file waits between preview and confirm in DATA_DIR/imports/, named by a random
token (never by the name the user gave it); the token is remembered in the uploader's session,
and the file is deleted after the commit, on discard, or a day later.
"""

import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accord.accounts.roles import can
from accord.records.files import check_size, max_mb
from accord.records.tableimport import get_import
from accord.lib import tabular

ACTION = "records.import"
SESSION_KEY = "accord_table_imports"
KEEP_SECONDS = 24 * 3600


def upload_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class UploadForm(forms.Form):
    file = forms.FileField(label=_lazy("CSV or XLSX file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.format = tabular.format_of(upload.name)
        except tabular.TableError as exc:
            raise forms.ValidationError(str(exc)) from None
        check_size(upload)
        return upload


def _forget_old_files(folder: Path) -> None:
    limit = time.time() - KEEP_SECONDS
    for old in folder.glob("*.*"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


def store(upload, fmt: str) -> str:
    """Keep the upload under a random token; returns the token."""
    folder = upload_dir()
    _forget_old_files(folder)
    token = secrets.token_urlsafe(18)
    with open(folder / f"{token}.{fmt}", "xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token


def _require(request):
    if not request.user.is_authenticated or not can(request.user, ACTION):
        raise PermissionDenied(_("Your role may not import records."))


def _stored(request, kind, token):
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry.get("kind") != kind:
        raise Http404(_("This upload is unknown or has expired: upload the file again."))
    stored = upload_dir() / f"{token}.{entry['format']}"
    if not stored.is_file():
        raise Http404(_("This upload is unknown or has expired: upload the file again."))
    return entry, stored


def _forget(request, token, stored: Path):
    stored.unlink(missing_ok=True)
    entries = request.session.get(SESSION_KEY, {})
    entries.pop(token, None)
    request.session[SESSION_KEY] = entries


def upload(request, kind):
    _require(request)
    importer = get_import(kind)
    namespace = request.resolver_match.namespace
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = store(form.cleaned_data["file"], form.format)
        entries = request.session.get(SESSION_KEY, {})
        entries[token] = {"kind": kind, "format": form.format, "name": Path(form.cleaned_data["file"].name).name[:200]}
        request.session[SESSION_KEY] = entries
        return redirect(reverse(f"{namespace}:import-preview", args=[token]))
    return render(
        request, "records/import_upload.html",
        {"form": form, "importer": importer, "list_url": reverse(importer.list_url_name),
         "max_mb": max_mb()},
        status=400 if form.errors else 200,
    )


def preview(request, kind, token):
    _require(request)
    importer = get_import(kind)
    entry, stored = _stored(request, kind, token)
    list_url = reverse(importer.list_url_name)
    failure = None
    if request.method == "POST" and "discard" in request.POST:
        _forget(request, token, stored)
        messages.info(request, _("The upload was discarded; nothing was imported."))
        return redirect(list_url)
    if request.method == "POST":  # the import runs as a background job (records/tasks.py)
        from accord.jobs.queue import start

        job = start("records.import", by=request.user, parts=[token], url=list_url,
                    params={"kind": kind, "path": str(stored), "name": entry["name"]},
                    label=_("Import of %(name)s") % {"name": entry["name"]})
        if job.status == job.Status.FAILED:  # it ran at once and failed: show why beside the preview
            failure = job.error.splitlines()
        elif job.status == job.Status.DONE:
            _forget(request, token, stored)
            messages.success(request, job.summary)
            return redirect(list_url)
        else:
            request.session.get(SESSION_KEY, {}).pop(token, None)
            request.session.modified = True
            return redirect(job)
    result = get_import(kind).validate(stored, file_name=entry["name"])
    return render(
        request, "records/import_preview.html",
        {"importer": importer, "preview": result, "failure": failure, "list_url": list_url,
         "upload_url": reverse(f"{request.resolver_match.namespace}:import")},
        status=400 if failure else 200,
    )


def import_urls(kind: str, prefix: str = "import/") -> list:
    """The two URLs of an import, to add to an app's urlpatterns: `<prefix>` and `<prefix><token>/`."""
    return [
        path(prefix, upload, {"kind": kind}, name="import"),
        path(f"{prefix}<slug:token>/", preview, {"kind": kind}, name="import-preview"),
    ]
