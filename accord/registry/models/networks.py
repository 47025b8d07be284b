from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accord.registry.models.countries import local_display_name
from accord.registry.models.institutions import Institution


class Network(models.Model):
    """An alliance, consortium or regional cooperation platform that institutions belong to."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", _("Alliance")
        CONSORTIUM = "consortium", _("Consortium")
        PLATFORM = "platform", _("Regional cooperation platform")
        ASSOCIATION = "association", _("Association")

    name = models.CharField(max_length=200, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True,
                               help_text=_("Shown instead of the name when Accord speaks Chinese; leave empty if the network has no established Chinese name."))
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ALLIANCE)
    founded = models.PositiveSmallIntegerField(null=True, blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    members = models.ManyToManyField(Institution, through="NetworkMembership", related_name="networks")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return local_display_name(self.name, self.name_zh)

    def get_absolute_url(self):
        return reverse("registry:network-detail", args=[self.pk])


class NetworkMembership(models.Model):
    class Role(models.TextChoices):
        FOUNDER = "founder", _("Founding member")
        MEMBER = "member", _("Member")
        SECRETARIAT = "secretariat", _("Secretariat")
        OBSERVER = "observer", _("Observer")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined = models.PositiveSmallIntegerField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["network", "institution"], name="unique_membership")]

    def __str__(self):
        return f"{self.institution} in {self.network}"
