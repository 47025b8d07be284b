from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Consultation(models.Model):
    """A session of the guidance center: a mentor meets teachers about their applications."""

    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="guidance_consultations_led", verbose_name=_("mentor"))
    call = models.ForeignKey("guidance.Call", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="consultations", verbose_name=_("about the call"))
    applicants = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="guidance_consultations",
                                        blank=True, verbose_name=_("applicants"))
    applications = models.ManyToManyField("guidance.Application", related_name="consultations", blank=True,
                                          verbose_name=_("applications"))
    capacity = models.PositiveSmallIntegerField(_("places"), default=10)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(m2m_fields=[applicants])

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("guidance:consultation-detail", args=[self.pk])

    @property
    def is_past(self) -> bool:
        return self.starts_at < timezone.now()

    def places_left(self) -> int:
        return max(self.capacity - self.applicants.count(), 0)
