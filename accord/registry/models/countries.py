from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

CONTINENTS = {
    "AF": "Africa",
    "AN": "Antarctica",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
}
# Marked for translation; CONTINENTS keeps the English names used in figures and exports.
_CONTINENT_LABELS = (_("Africa"), _("Antarctica"), _("Asia"), _("Europe"), _("North America"), _("Oceania"), _("South America"))


class Country(models.Model):
    """An ISO 3166-1 country with its continent and UN M49 region and sub-region."""

    code = models.CharField(max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2")
    alpha3 = models.CharField(max_length=3, blank=True)
    numeric = models.CharField(max_length=3, blank=True)
    name = models.CharField(max_length=100)
    official_name = models.CharField(max_length=200, blank=True)
    name_zh = models.CharField(max_length=100, blank=True)
    continent = models.CharField(max_length=2, choices=sorted(CONTINENTS.items()), db_index=True)
    region = models.CharField(max_length=40, blank=True, help_text="UN M49 region, e.g. Asia")
    subregion = models.CharField(max_length=60, blank=True, db_index=True, help_text="UN M49 sub-region")
    intermediate_region = models.CharField(max_length=60, blank=True, help_text="UN M49 intermediate region")
    alt_names = models.JSONField(default=list, blank=True, help_text="Common names such as 'Ivory Coast'")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    @property
    def continent_name(self):
        return _(CONTINENTS[self.continent]) if self.continent in CONTINENTS else ""


class CountryGroup(models.Model):
    """A set of countries named by an initiative (Belt and Road), a region or the office itself."""

    class Kind(models.TextChoices):
        INITIATIVE = "initiative", _("Initiative")
        REGION = "region", _("Regional grouping")
        PLATFORM = "platform", _("Regional cooperation platform")
        CUSTOM = "custom", _("Custom group")

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    description = models.TextField(blank=True)
    countries = models.ManyToManyField(Country, related_name="groups", blank=True)
    history = HistoricalRecords(m2m_fields=[countries])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("registry:group-detail", args=[self.slug])
