from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Person(models.Model):
    """Someone the office deals with: an official who signs, a professor who visits, a student who goes abroad."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official")
        FACULTY = "faculty", _("Faculty member")
        STAFF = "staff", _("Staff")
        STUDENT = "student", _("Student")
        ALUMNI = "alumni", _("Alumni")

    name = models.CharField(max_length=200, db_index=True)
    local_name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True, help_text=_("e.g. Vice-President, Mayor of Montargis"))
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OFFICIAL)
    institution = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    nationality = models.ForeignKey(
        "registry.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    # contact data: shown to office staff only (accounts.roles "people.contacts")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name} ({self.title})" if self.title else self.name

    def get_absolute_url(self):
        return reverse("mobility:person-detail", args=[self.pk])
