"""International students counted by nationality, continent and UN region.

Two sources add up: incoming degree and exchange students recorded one by one (Mobility rows,
each person counted once), and cohort figures entered when the people themselves are not recorded
(StudentCohort of kind "international"). Every figure is an aggregate query; Python only adds the
two small per-group results together.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import CharField, Count, Q, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _
from django.utils.translation import gettext

from accord.mobility.models import Mobility, StudentCohort
from accord.records.services import create_records, save_record
from accord.registry.models import CONTINENTS, Country
from accord.registry.models.countries import region_label

UNKNOWN = ""


@dataclass(frozen=True)
class Row:
    key: str  # a country code, continent code or region name; "" when unknown
    label: str
    count: int


@dataclass
class InternationalStudents:
    year: int | None
    total: int = 0
    recorded: int = 0  # people recorded one by one
    from_cohorts: int = 0  # students in cohort figures
    by_nationality: list[Row] = field(default_factory=list)
    by_continent: list[Row] = field(default_factory=list)
    by_subregion: list[Row] = field(default_factory=list)  # UN M49 sub-region, e.g. Sub-Saharan Africa
    by_region: list[Row] = field(default_factory=list)  # intermediate region where there is one, else sub-region


def _students(year):
    """Incoming degree and exchange students, those enrolled during `year` when one is given.

    A record counts for an academic year (1 September to 31 August) when its period overlaps it;
    a record without a start date counts for the academic year it names.
    """
    rows = Mobility.objects.filter(direction=Mobility.Direction.INCOMING, kind__in=Mobility.STUDENT_KINDS)
    if year is None:
        return rows
    first, last = date(year, 9, 1), date(year + 1, 8, 31)
    overlaps = Q(start_date__lte=last) & (Q(end_date__isnull=True) | Q(end_date__gte=first))
    return rows.filter(overlaps | Q(start_date__isnull=True, academic_year=year))


def _cohorts(year):
    rows = StudentCohort.objects.filter(kind=StudentCohort.Kind.INTERNATIONAL)
    return rows if year is None else rows.filter(academic_year=year)


def _region_expression(prefix):
    intermediate = NullIf(f"{prefix}intermediate_region", Value(""))
    return Coalesce(intermediate, f"{prefix}subregion", output_field=CharField())


def _grouped(year, people_key, cohort_key) -> Counter:
    """Students per value of a country attribute, from both sources. A key is a field path below
    the nationality (e.g. "continent") or an expression built from such a prefix."""
    counts = Counter()
    people = _students(year)
    cohorts = _cohorts(year)
    if callable(people_key):
        people = people.annotate(group=people_key("person__nationality__"))
        cohorts = cohorts.annotate(group=cohort_key("nationality__"))
        people_key = cohort_key = "group"
    for row in people.values(people_key).annotate(n=Count("person", distinct=True)).order_by():
        counts[row[people_key] or UNKNOWN] += row["n"]
    for row in cohorts.values(cohort_key).annotate(n=Sum("count")).order_by():
        counts[row[cohort_key] or UNKNOWN] += row["n"] or 0
    return counts


def _rows(counts: Counter, labels) -> list[Row]:
    rows = [Row(key, labels(key), n) for key, n in counts.items() if n]
    return sorted(rows, key=lambda r: (-r.count, r.key == UNKNOWN, r.label))


def _unknown_or(label):
    return label if label else _("Unknown")


def _region_or_unknown(name):
    return region_label(name) if name and name != UNKNOWN else _("Unknown")


def international_students(year: int | None = None) -> InternationalStudents:
    """Counts of international students for an academic year (2024 = 2024–2025), or all years on record."""
    by_country = _grouped(year, "person__nationality", "nationality")
    names = {c.code: c.display_name for c in Country.objects.filter(code__in=[c for c in by_country if c])}
    recorded = _students(year).aggregate(n=Count("person", distinct=True))["n"]
    from_cohorts = _cohorts(year).aggregate(n=Sum("count"))["n"] or 0
    return InternationalStudents(
        year=year,
        total=recorded + from_cohorts,
        recorded=recorded,
        from_cohorts=from_cohorts,
        by_nationality=_rows(by_country, lambda code: _unknown_or(names.get(code, code))),
        by_continent=_rows(
            _grouped(year, "person__nationality__continent", "nationality__continent"),
            lambda code: _unknown_or(gettext(CONTINENTS[code]) if code in CONTINENTS else code),
        ),
        by_subregion=_rows(
            _grouped(year, "person__nationality__subregion", "nationality__subregion"), _region_or_unknown
        ),
        by_region=_rows(_grouped(year, _region_expression, _region_expression), _region_or_unknown),
    )


def years_on_record() -> list[int]:
    """The academic years that have student figures, newest first."""
    years = set(_cohorts(None).values_list("academic_year", flat=True).distinct())
    years |= set(_students(None).exclude(academic_year=None).values_list("academic_year", flat=True).distinct())
    return sorted(years, reverse=True)


# -- writing people, mobility and programs: the one way the web forms, the API and the import do it


def save_person(person, *, by, expected_version=None, fields=None, write_children=None, reason=""):
    """Create or update a person (version lock and ValidationError: records.services.save_record)."""
    return save_record(person, by=by, expected_version=expected_version, fields=fields,
                       write_children=write_children, reason=reason)


def save_mobility(mobility, *, by, expected_version=None, fields=None, write_children=None, reason=""):
    """Create or update a mobility (its rules: Mobility.clean — the period ends after it starts)."""
    return save_record(mobility, by=by, expected_version=expected_version, fields=fields,
                       write_children=write_children, reason=reason)


def save_program(program, *, by, expected_version=None, fields=None, write_children=None, reason=""):
    """Create or update a program (its rules: Program.clean — the period ends after it starts)."""
    return save_record(program, by=by, expected_version=expected_version, fields=fields,
                       write_children=write_children, reason=reason)


def create_stays(stays, *, by, reason="") -> list:
    """Many new mobility records written at once (the demo office, large imports), with the people
    among them that are not saved yet: people first, then their stays, each checked once as
    save_person() and save_mobility() check one; one problem writes nothing."""
    stays = list(stays)
    with transaction.atomic():
        new_people = {id(stay.person): stay.person for stay in stays if stay.person.pk is None}
        create_records(new_people.values(), by=by, reason=reason)
        for stay in stays:
            stay.person = stay.person  # the person's new primary key, onto person_id
        return create_records(stays, by=by, reason=reason)
