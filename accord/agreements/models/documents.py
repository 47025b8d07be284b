from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accord.agreements.models.agreements import Agreement


class Document(models.Model):
    """A scan or file of an agreement, kept in MEDIA_ROOT/agreements/ through Django's storage API."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="agreements/%Y/")
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("agreements:document-download", args=[self.pk])
