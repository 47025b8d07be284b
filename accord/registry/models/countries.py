from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, gettext, gettext_noop
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

# UN M49 regions and sub-regions as stored in Country.region/subregion/intermediate_region, marked
# for translation; the stored value stays English (filters and exports key on it).
M49_NAMES = (
    gettext_noop("Africa"), gettext_noop("Americas"), gettext_noop("Asia"), gettext_noop("Europe"),
    gettext_noop("Oceania"), gettext_noop("Antarctic"), gettext_noop("Australia and New Zealand"),
    gettext_noop("Caribbean"), gettext_noop("Central America"), gettext_noop("Central Asia"),
    gettext_noop("Channel Islands"), gettext_noop("Eastern Africa"), gettext_noop("Eastern Asia"),
    gettext_noop("Eastern Europe"), gettext_noop("Latin America and the Caribbean"), gettext_noop("Melanesia"),
    gettext_noop("Micronesia"), gettext_noop("Middle Africa"), gettext_noop("Northern Africa"),
    gettext_noop("Northern America"), gettext_noop("Northern Europe"), gettext_noop("Polynesia"),
    gettext_noop("South America"), gettext_noop("South-eastern Asia"), gettext_noop("Southern Africa"),
    gettext_noop("Southern Asia"), gettext_noop("Southern Europe"), gettext_noop("Sub-Saharan Africa"),
    gettext_noop("Western Africa"), gettext_noop("Western Asia"), gettext_noop("Western Europe"),
)


def region_label(name: str) -> str:
    """A UN M49 region or sub-region name (as stored) in the active language."""
    return gettext(name) if name else ""


def continent_choices() -> list[tuple[str, str]]:
    """(code, name) for the continents, named and sorted in the active language."""
    return sorted(((code, gettext(name)) for code, name in CONTINENTS.items()), key=lambda c: c[1])


def chinese_active() -> bool:
    return (get_language() or "").lower().startswith("zh")


def local_display_name(name: str, name_zh: str) -> str:
    """The one rule for a registry name that may have a Chinese form (countries, country groups,
    networks): the Chinese name when the active language is Chinese and there is one, else `name`."""
    return name_zh if name_zh and chinese_active() else name


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
        return self.display_name

    @property
    def display_name(self):
        """The name to show: pycountry's Chinese name when the active language is Chinese."""
        return local_display_name(self.name, self.name_zh)

    @property
    def subregion_name(self):
        return region_label(self.subregion)

    @property
    def region_name(self):
        return region_label(self.intermediate_region or self.subregion)

    @property
    def continent_name(self):
        return gettext(CONTINENTS[self.continent]) if self.continent in CONTINENTS else ""


class CountryGroup(models.Model):
    """A set of countries named by an initiative (Belt and Road), a region or the office itself."""

    class Kind(models.TextChoices):
        INITIATIVE = "initiative", _("Initiative")
        REGION = "region", _("Regional grouping")
        PLATFORM = "platform", _("Regional cooperation platform")
        CUSTOM = "custom", _("Custom group")

    name = models.CharField(max_length=120, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=120, blank=True,
                               help_text=_("Shown instead of the name when Accord speaks Chinese; leave empty if the group has no established Chinese name."))
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    description = models.TextField(blank=True)
    countries = models.ManyToManyField(Country, related_name="groups", blank=True)
    history = HistoricalRecords(m2m_fields=[countries])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return local_display_name(self.name, self.name_zh)

    def get_absolute_url(self):
        return reverse("registry:group-detail", args=[self.slug])
