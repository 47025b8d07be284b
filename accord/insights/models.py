"""Derived data the insights keep up to date so that figures over a year read one index range."""

from django.db import models
from django.utils.translation import gettext_lazy as _

ALL_TIME = 0  # PartnerYear.year of the rows for "any time" (no period)
ANY_FACULTY = 0  # PartnerYear.faculty of the rows that count records whatever faculty owns them


class PartnerYear(models.Model):
    """One partner of one calendar year (or of ALL_TIME), for the records of one faculty (or of any).

    Maintained by accord.insights.services.rollup from the agreements and activities and their
    parties (see its docstring); never edited by hand. Only institutions that can be partners are
    listed (not the home university or its units, not merged records); their country, kind and
    whether they have coordinates are copied so that the figures group and filter without a join.
    """

    year = models.PositiveSmallIntegerField()
    faculty = models.PositiveIntegerField()  # the owning faculty's institution id, or ANY_FACULTY
    institution = models.PositiveIntegerField()  # an Institution id (no foreign key: derived rows follow the records)
    country = models.CharField(max_length=2, blank=True)
    kind = models.CharField(max_length=20)
    located = models.BooleanField()

    class Meta:
        verbose_name = _("partner of a year")
        constraints = [models.UniqueConstraint(fields=["year", "faculty", "institution"], name="partneryear_key")]
        indexes = [
            # the figures: per country (and kind, with coordinates) for one year and faculty, from the index alone
            models.Index(fields=["year", "faculty", "country", "kind", "located", "institution"], name="partneryear_figures"),
            models.Index(fields=["institution"], name="partneryear_institution"),
        ]

    def __str__(self):
        return f"{self.institution} in {self.year or 'any year'} (faculty {self.faculty or 'any'})"


class PartnerYearCoverage(models.Model):
    """The calendar years PartnerYear holds (one row): figures for other years are computed live."""

    first = models.PositiveSmallIntegerField()
    last = models.PositiveSmallIntegerField()
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.first}–{self.last}"
