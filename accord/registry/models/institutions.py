from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accord.lib.normalize import normalize_name
from accord.registry.models.countries import Country


class Kind(models.TextChoices):
    UNIVERSITY = "university", _("University")
    RESEARCH = "research", _("Research institute")
    COMPANY = "company", _("Company")
    GOVERNMENT = "government", _("Government body")
    INTERNATIONAL = "international", _("International organization")
    SCHOOL = "school", _("School")
    HEALTHCARE = "healthcare", _("Healthcare")
    NONPROFIT = "nonprofit", _("Non-profit")
    FACULTY = "faculty", _("Faculty or unit")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    MERGED = "merged", _("Merged into another record")


class NameKind(models.TextChoices):
    LABEL = "label", _("Name in another language")
    ALIAS = "alias", _("Alias")
    ACRONYM = "acronym", _("Acronym")
    FORMER = "former", _("Former name")


def home_unit_q(prefix: str = "") -> Q:
    """The one definition of "a unit (faculty, school, institute) of the home university", as a
    condition on an institution reached through `prefix` (e.g. "faculty__")."""
    return Q(**{f"{prefix}parent__is_home": True})


class InstitutionQuerySet(models.QuerySet):
    def home(self):
        """The home university (at most one row)."""
        return self.filter(is_home=True)

    def home_units(self):
        """The units of the home university: every faculty list, filter, import, API default and figure."""
        # parent IN (the home university): read through the parent index, not a join over every institution
        return self.filter(parent__in=self.model._default_manager.filter(is_home=True).values("pk")).order_by("name", "pk")

    def outside_home(self):
        """Institutions that are neither the home university nor one of its units."""
        return self.exclude(is_home=True).exclude(home_unit_q())


class Institution(models.Model):
    """A partner, prospect or the home university itself: one record per real institution."""

    name = models.CharField("canonical English name", max_length=300, db_index=True)
    local_name = models.CharField(max_length=300, blank=True)
    local_language = models.CharField(max_length=12, blank=True, help_text="ISO 639-1 code of the local name")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNIVERSITY, db_index=True)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="institutions")
    city = models.CharField(max_length=120, blank=True)
    region = models.CharField("state or province", max_length=120, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    website = models.URLField(max_length=300, blank=True)
    domains = models.JSONField(default=list, blank=True)
    ror_id = models.CharField("ROR id", max_length=9, null=True, blank=True, unique=True)
    schac = models.CharField("SCHAC code", max_length=120, null=True, blank=True, unique=True)
    erasmus_code = models.CharField("Erasmus code", max_length=30, null=True, blank=True, unique=True)
    established = models.PositiveSmallIntegerField(null=True, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="units")
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="predecessors"
    )
    is_home = models.BooleanField("home university", default=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE, db_index=True)
    is_public = models.BooleanField("shown on the public partner map", default=False)
    notes = models.TextField(blank=True)
    search_key = models.CharField(max_length=300, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    history = HistoricalRecords(excluded_fields=["search_key", "updated_at"])

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["country", "kind"]),
            # the units of the home university (faculties): a handful of rows among every institution
            models.Index(fields=["parent"], condition=Q(parent__isnull=False), name="institution_units"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["is_home"], condition=Q(is_home=True), name="one_home_institution"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90), name="latitude_range"
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("registry:institution-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_key = normalize_name(self.name)
        for field in ("ror_id", "schac", "erasmus_code"):
            if getattr(self, field) == "":
                setattr(self, field, None)
        super().save(*args, **kwargs)

    @property
    def ror_url(self):
        return f"https://ror.org/{self.ror_id}" if self.ror_id else ""

    @property
    def is_home_unit(self) -> bool:
        return bool(self.parent_id) and self.parent.is_home

    def acronyms(self):
        return [n.name for n in self.names.all() if n.kind == NameKind.ACRONYM]


class InstitutionName(models.Model):
    """Another spelling of an institution: a label in a language, an alias, an acronym, a former name."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300)
    language = models.CharField(max_length=12, blank=True)
    kind = models.CharField(max_length=10, choices=NameKind.choices, default=NameKind.ALIAS)
    search_key = models.CharField(max_length=300, blank=True, db_index=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "name", "kind"], name="unique_name_per_institution")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = normalize_name(self.name)
        super().save(*args, **kwargs)


class ExternalId(models.Model):
    """Identifiers beyond ROR, SCHAC and Erasmus: GRID, ISNI, Wikidata, FundRef, ..."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="external_ids")
    scheme = models.CharField(max_length=20)
    value = models.CharField(max_length=120)
    preferred = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [models.UniqueConstraint(fields=["scheme", "value"], name="unique_external_id")]

    def __str__(self):
        return f"{self.scheme}:{self.value}"
