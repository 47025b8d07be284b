"""Keeping PartnerYear, the partners of each calendar year, equal to the definition in scope.py.

A partner of a year is an institution that is a party to an agreement valid during that year or to
an activity that took place in it (`scope.partner_ids`); computing that set from ~60,000 activities
each time a figure asks costs hundreds of milliseconds at scale, so the set is kept in a table:

- `rebuild()` fills the table for every year of the records (and ALL_TIME) with one INSERT … SELECT
  per year over the very querysets scope.py uses, so it cannot read the definition differently;
- the model signals (accord/insights/signals.py) keep it current record by record: a new party adds
  the rows of its record (`add_party`), any other change recomputes the institutions it touches
  (`refresh`), and `registry.signals.institutions_updated` covers the bulk registry importers;
- `PartnerYearCoverage` says which years the table holds; a record outside them extends it, and
  figures for a period that is not a run of whole calendar years inside it are computed live;
- `differences()` compares the table with the live definition (`accord rollup --check`).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import DateField, F, Max, Min
from django.utils import timezone

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.insights.models import ALL_TIME, ANY_FACULTY, PartnerYear, PartnerYearCoverage
from accord.insights.services.scope import (
    VALID_STATUSES,
    Scope,
    _activity_period_q,
    _agreement_period_q,
    home_ids,
)
from accord.lib.dbstats import refresh_statistics
from accord.registry.models import Institution
from accord.registry.models import Status as InstitutionStatus

EARLIEST, AHEAD = 1900, 50  # years the table may be extended to: EARLIEST … this year + AHEAD
MARGIN = 1  # years kept beyond this one, so that "next year" is covered too
CHUNK = 500
COLUMNS = ("year", "faculty", "institution", "country", "kind", "located")


@dataclass(frozen=True)
class Span:
    first: int
    last: int

    def clip(self, lo: int, hi: int) -> range:
        return range(max(lo, self.first), min(hi, self.last) + 1)


def coverage() -> Span | None:
    row = PartnerYearCoverage.objects.order_by("pk").values_list("first", "last").first()
    return Span(*row) if row else None


# --- the whole table ---------------------------------------------------------------------------

def record_years() -> Span:
    """The calendar years the records reach, with this year (and MARGIN after it) always in."""
    this_year = timezone.localdate().year
    years = [this_year, this_year + MARGIN]
    bounds = [
        Agreement.objects.aggregate(a=Min("valid_from"), b=Min("signed_on"), c=Max("valid_until"), d=Max("valid_from")),
        Activity.objects.aggregate(a=Min("start_date"), c=Max("end_date"), d=Max("start_date")),
    ]
    years += [value.year for row in bounds for value in row.values() if value is not None]
    return Span(max(EARLIEST, min(years)), min(this_year + AHEAD, max(years)))


@transaction.atomic
def rebuild(span: Span | None = None) -> int:
    """Empty the table and fill it for `span` (default: the years of the records) and ALL_TIME;
    returns the number of rows."""
    span = span or record_years()
    PartnerYear.objects.all().delete()
    PartnerYearCoverage.objects.all().delete()
    for year in [ALL_TIME, *range(span.first, span.last + 1)]:
        _build_year(year)
    # always the same key, so that a backup restored over a freshly migrated database (which built
    # its own row) still holds one row
    PartnerYearCoverage.objects.create(pk=1, first=span.first, last=span.last)
    refresh_statistics()
    return PartnerYear.objects.count()


def _pairs(year: int):
    """(inst, fac): each institution that is a party to a record of `year` (ALL_TIME: of any time)
    and the faculty that owns the record (None: no faculty), by the definitions of scope.py."""
    scope = Scope() if year == ALL_TIME else Scope.for_year(year)
    return (
        AgreementParty.objects.filter(_agreement_period_q(scope, "agreement__"))
        .values(inst=F("institution_id"), fac=F("agreement__faculty_id")).order_by()
        .union(ActivityParty.objects.filter(_activity_period_q(scope, "activity__"))
               .values(inst=F("institution_id"), fac=F("activity__faculty_id")).order_by())
    )


def _build_year(year: int) -> None:
    """INSERT the partners of `year` (ALL_TIME: of any time), for any faculty and per faculty."""
    pairs_sql, pairs_params = _pairs(year).query.sql_with_params()
    quote = connection.ops.quote_name
    table, institutions = quote(PartnerYear._meta.db_table), quote(Institution._meta.db_table)
    home = home_ids() or [0]
    eligible = f"i.id NOT IN ({', '.join(['%s'] * len(home))}) AND i.status <> %s"
    # a boolean expression: true/false on PostgreSQL, 1/0 on SQLite, as BooleanField stores them
    values = "i.id, COALESCE(i.country_id, ''), i.kind, (i.latitude IS NOT NULL AND i.longitude IS NOT NULL)"
    sql = (
        f"WITH p AS ({pairs_sql}) "
        f"INSERT INTO {table} ({', '.join(quote(c) for c in COLUMNS)}) "
        f"SELECT %s, {ANY_FACULTY}, {values} FROM {institutions} i "
        f"WHERE i.id IN (SELECT inst FROM p) AND {eligible} "
        f"UNION ALL "
        f"SELECT %s, p.fac, {values} FROM p JOIN {institutions} i ON i.id = p.inst "
        f"WHERE p.fac IS NOT NULL AND {eligible}"
    )
    params = [*pairs_params, year, *home, InstitutionStatus.MERGED, year, *home, InstitutionStatus.MERGED]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def extend(lo: int, hi: int) -> Span | None:
    """Make the table cover the years lo…hi too (within EARLIEST … this year + AHEAD)."""
    span = coverage()
    if span is None:
        return None
    this_year = timezone.localdate().year
    lo, hi = max(lo, EARLIEST), min(hi, this_year + AHEAD)
    if lo > hi or span.first <= lo and hi <= span.last:
        return span
    with transaction.atomic():
        row = PartnerYearCoverage.objects.select_for_update().order_by("pk").first()  # one extension at a time
        first, last = min(row.first, lo), max(row.last, hi)
        for year in [*range(first, row.first), *range(row.last + 1, last + 1)]:
            _build_year(year)
        row.first, row.last = first, last
        row.save()
    return Span(first, last)


# --- record by record --------------------------------------------------------------------------

def _agreement_years(span: Span, valid_from, signed_on, valid_until) -> range:
    """The calendar years an agreement is valid in (as scope._agreement_period_q reads them): from
    its start (valid_from, else signed_on) to its end (open-ended: the last covered year); without
    a start, only the year it ends in, and none at all without any date."""
    start = valid_from or signed_on
    if start is None:
        return span.clip(valid_until.year, valid_until.year) if valid_until else range(0)
    return span.clip(start.year, valid_until.year if valid_until else span.last)


def _activity_years(span: Span, start_date, end_date) -> range:
    return span.clip(start_date.year, max(start_date.year, (end_date or start_date).year))


def _keys(years: Iterable[int], faculty: int | None, institution: int) -> Iterable[tuple[int, int, int]]:
    for year in (ALL_TIME, *years):
        yield year, ANY_FACULTY, institution
        if faculty:
            yield year, faculty, institution


def _eligible(ids: Iterable[int]) -> dict[int, tuple]:
    """The institutions among `ids` that can be partners, with the attributes copied into rows."""
    home = set(home_ids())
    found = {}
    for chunk in _chunks(ids):
        for pk, country, kind, lat, lon in (
            Institution.objects.filter(pk__in=chunk).exclude(status=InstitutionStatus.MERGED)
            .values_list("pk", "country_id", "kind", "latitude", "longitude")
        ):
            if pk not in home:
                found[pk] = (country or "", kind, lat is not None and lon is not None)
    return found


def _rows(keys: Iterable[tuple[int, int, int]], attributes: dict[int, tuple]) -> list[PartnerYear]:
    return [
        PartnerYear(year=year, faculty=faculty, institution=inst, **dict(zip(COLUMNS[3:], attributes[inst])))
        for year, faculty, inst in keys
        if inst in attributes
    ]


def add_party(kind: str, record, institution_id: int) -> None:
    """A new party to `record` (kind "agreement" or "activity"): add the rows its record implies."""
    span = coverage()
    if span is None:
        return
    day = DateField().to_python  # a record created with dates as strings still holds the strings
    if kind == "agreement":
        if record.status not in VALID_STATUSES:
            return
        valid_from, signed_on, valid_until = day(record.valid_from), day(record.signed_on), day(record.valid_until)
        start = valid_from or signed_on or valid_until
        if start is not None:
            span = extend(start.year, valid_until.year if valid_until else span.last)
        years = _agreement_years(span, valid_from, signed_on, valid_until)
    else:
        start_date, end_date = day(record.start_date), day(record.end_date)
        span = extend(start_date.year, (end_date or start_date).year)
        years = _activity_years(span, start_date, end_date)
    rows = _rows(_keys(years, record.faculty_id, institution_id), _eligible([institution_id]))
    PartnerYear.objects.bulk_create(rows, ignore_conflicts=True)


def refresh(ids: Iterable[int]) -> None:
    """Recompute the rows of these institutions from their records."""
    ids = sorted({pk for pk in ids if pk})
    span = coverage()
    if span is None or not ids:
        return
    span = _extend_for(ids, span)
    keys = set()
    for chunk in _chunks(ids):
        agreements = AgreementParty.objects.filter(institution_id__in=chunk, agreement__status__in=VALID_STATUSES)
        for inst, faculty, valid_from, signed_on, valid_until in agreements.values_list(
            "institution_id", "agreement__faculty_id", "agreement__valid_from", "agreement__signed_on",
            "agreement__valid_until",
        ):
            keys.update(_keys(_agreement_years(span, valid_from, signed_on, valid_until), faculty, inst))
        activities = ActivityParty.objects.filter(institution_id__in=chunk)
        for inst, faculty, start_date, end_date in activities.values_list(
            "institution_id", "activity__faculty_id", "activity__start_date", "activity__end_date"
        ):
            keys.update(_keys(_activity_years(span, start_date, end_date), faculty, inst))
    rows = _rows(sorted(keys), _eligible({inst for _, _, inst in keys}))
    with transaction.atomic():
        for chunk in _chunks(ids):
            PartnerYear.objects.filter(institution__in=chunk).delete()
        PartnerYear.objects.bulk_create(rows, batch_size=CHUNK)


def _extend_for(ids: list[int], span: Span) -> Span:
    """Extend the coverage to the years of these institutions' records (dated ones only)."""
    lo, hi = span.first, span.last
    for chunk in _chunks(ids):
        dates = AgreementParty.objects.filter(institution_id__in=chunk, agreement__status__in=VALID_STATUSES).aggregate(
            a=Min("agreement__valid_from"), b=Min("agreement__signed_on"), c=Max("agreement__valid_until"),
            d=Max("agreement__valid_from"),
        ) | {f"activity_{k}": v for k, v in ActivityParty.objects.filter(institution_id__in=chunk).aggregate(
            a=Min("activity__start_date"), c=Max("activity__end_date"), d=Max("activity__start_date"),
        ).items()}
        years = [value.year for value in dates.values() if value is not None]
        if years:
            lo, hi = min(lo, *years), max(hi, *years)
    return extend(lo, hi) or span


def _chunks(ids: Iterable[int]):
    ids = list(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


# --- checking ----------------------------------------------------------------------------------

def differences(years: Iterable[int] | None = None) -> dict:
    """(year, faculty) → {"missing": ids the table lacks, "extra": ids it should not hold}, comparing
    the table with the records for the given years (default: every covered one, and ALL_TIME), for
    any faculty and for each faculty that owns a record: one query of each per year."""
    span = coverage()
    if span is None:
        return {}
    if years is None:
        years = [ALL_TIME, *range(span.first, span.last + 1)]
    excluded = set(home_ids()) | set(
        Institution.objects.filter(status=InstitutionStatus.MERGED).values_list("pk", flat=True)
    )
    found = {}
    for year in years:
        live, table = defaultdict(set), defaultdict(set)
        for row in _pairs(year):
            if row["inst"] not in excluded:
                live[ANY_FACULTY].add(row["inst"])
                if row["fac"]:
                    live[row["fac"]].add(row["inst"])
        for faculty, inst in PartnerYear.objects.filter(year=year).values_list("faculty", "institution"):
            table[faculty].add(inst)
        for faculty in sorted(live.keys() | table.keys()):
            if live[faculty] != table[faculty]:
                found[(year, faculty)] = {"missing": sorted(live[faculty] - table[faculty]),
                                          "extra": sorted(table[faculty] - live[faculty])}
    return found


def stale_attributes() -> list[int]:
    """Institutions whose rows carry a country, kind or "located" that the registry no longer has."""
    copied = set(PartnerYear.objects.values_list("institution", *COLUMNS[3:]).distinct())
    actual = _eligible({inst for inst, *_ in copied})
    return sorted({inst for inst, *values in copied if actual.get(inst) != tuple(values)})
