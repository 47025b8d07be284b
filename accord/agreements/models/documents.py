from django.db import models
from django.urls import reverse

from accord.agreements.models.agreements import Agreement
from accord.records.files import StoredFile


class Document(StoredFile):
    """A scan or file of an agreement, kept in MEDIA_ROOT/agreements/ through Django's storage API."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="agreements/%Y/")

    def get_absolute_url(self):
        return reverse("agreements:document-download", args=[self.pk])
