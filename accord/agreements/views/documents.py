from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from accord.accounts.refusals import refusal
from accord.records.files import download, max_mb
from accord.accounts.roles import can
from accord.agreements.documents import attach
from accord.agreements.forms import DocumentForm
from accord.agreements.models import Agreement, Document


def document_upload(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    if not can(request.user, "records.change", agreement):
        raise PermissionDenied(refusal(request.user, "records.change", agreement))
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attach(agreement, form.cleaned_data["file"], by=request.user,
                   description=form.cleaned_data["description"])
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Document uploaded."))
            return redirect(agreement)
    return render(request, "agreements/document_form.html", {"form": form, "object": agreement, "max_mb": max_mb()},
                  status=400 if form.errors else 200)


def document_download(request, pk):
    if not can(request.user, "records.view"):
        raise PermissionDenied
    return download(get_object_or_404(Document, pk=pk))


urlpatterns = [
    path("<int:pk>/documents/new/", document_upload, name="document-upload"),
    path("documents/<int:pk>/", document_download, name="document-download"),
]
