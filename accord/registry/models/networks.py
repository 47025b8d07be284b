from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accord.registry.models.institutions import Institution


class Network(models.Model):
    """An alliance, consortium or regional cooperation platform that institutions belong to."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", "Alliance"
        CONSORTIUM = "consortium", "Consortium"
        PLATFORM = "platform", "Regional cooperation platform"
        ASSOCIATION = "association", "Association"

    name = models.CharField(max_length=200, unique=True)
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
        return self.name

    def get_absolute_url(self):
        return reverse("registry:network-detail", args=[self.pk])


class NetworkMembership(models.Model):
    class Role(models.TextChoices):
        FOUNDER = "founder", "Founding member"
        MEMBER = "member", "Member"
        SECRETARIAT = "secretariat", "Secretariat"
        OBSERVER = "observer", "Observer"

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined = models.PositiveSmallIntegerField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["network", "institution"], name="unique_membership")]

    def __str__(self):
        return f"{self.institution} in {self.network}"
