"""What the figures are about: a period, a faculty, a country group, a kind of institution.

`partners_in_period` is THE definition of a partner for insights: an institution (not the home
university nor one of its units, not merged into another record) that is a party to an agreement
valid during the period, or to an activity that took place during the period. Every figure, list
link, map and report goes through the querysets below.

For periods made of whole calendar years (and for "any time") the partners are read from
insights.PartnerYear, which accord.insights.services.rollup keeps equal to `partner_ids` computed
live; other periods (e.g. 2024-03-01..2024-06-30) are computed live from the records.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, NullIf

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.models.agreements import Status as AgreementStatus
from accord.insights.models import ALL_TIME, ANY_FACULTY, PartnerYear, PartnerYearCoverage
from accord.mobility.models import Mobility
from accord.registry.models import CountryGroup, Institution
from accord.registry.models import Status as InstitutionStatus

# An agreement in one of these states binds (or bound) its parties during its validity period.
# Expired agreements count for the periods before their end date: the overlap test excludes the rest.
VALID_STATUSES = (
    AgreementStatus.SIGNED,
    AgreementStatus.ACTIVE,
    AgreementStatus.EXPIRING,
    AgreementStatus.RENEWED,
    AgreementStatus.EXPIRED,
)


@dataclass(frozen=True)
class Scope:
    start: date | None = None  # None: since the beginning
    end: date | None = None  # None: open-ended
    faculty: Institution | None = None
    group: CountryGroup | None = None
    kind: str = ""  # institution kind of the partner

    @classmethod
    def for_year(cls, year: int | None, **kwargs) -> "Scope":
        if year is None:
            return cls(**kwargs)
        return cls(start=date(year, 1, 1), end=date(year, 12, 31), **kwargs)

    def without_period(self) -> "Scope":
        return replace(self, start=None, end=None)

    @property
    def year(self) -> int | None:
        """The calendar year when the period is exactly one, else None."""
        if self.start and self.end and self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            return self.start.year
        return None


def home_ids() -> list[int]:
    """The home university and its units: never partners (a handful of rows)."""
    home = list(Institution.objects.filter(is_home=True).values_list("pk", flat=True))
    return home + list(Institution.objects.filter(parent__in=home).values_list("pk", flat=True))  # index institution_units


def _partner_q(scope: Scope, prefix: str) -> Q:
    """Conditions on the partner institution reached through `prefix` (e.g. "institution__")."""
    q = Q()
    if scope.group is not None:
        q &= Q(**{f"{prefix}country__in": scope.group.countries.values("code")})
    if scope.kind:
        q &= Q(**{f"{prefix}kind": scope.kind})
    return q


def _with_partner(qs, scope: Scope, party_model, link: str):
    partner = _partner_q(scope, "institution__")
    if partner:
        parties = party_model.objects.filter(partner).exclude(institution__in=home_ids())
        qs = qs.filter(pk__in=parties.values(link))
    return qs


def _agreement_period_q(scope: Scope, prefix: str = "") -> Q:
    """Agreements valid at some time during the period, reached through `prefix` (e.g. "agreement__").
    Without a start of validity, the signing date stands in. An agreement with neither can be placed
    only at the end of its validity, when it has one: it counts in a period only if that day falls in
    it (and with no date at all, only for "any time")."""
    q = Q(**{f"{prefix}status__in": VALID_STATUSES})
    if scope.start is None and scope.end is None:
        return q & _faculty_q(scope, prefix)
    dated = Q(**{f"{prefix}valid_from__isnull": False}) | Q(**{f"{prefix}signed_on__isnull": False})
    undated = Q(**{f"{prefix}valid_from__isnull": True, f"{prefix}signed_on__isnull": True,
                   f"{prefix}valid_until__isnull": False})
    if scope.end:
        dated &= Q(**{f"{prefix}valid_from__lte": scope.end}) | Q(
            **{f"{prefix}valid_from__isnull": True, f"{prefix}signed_on__lte": scope.end})
        undated &= Q(**{f"{prefix}valid_until__lte": scope.end})
    if scope.start:
        dated &= Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": scope.start})
        undated &= Q(**{f"{prefix}valid_until__gte": scope.start})
    return q & (dated | undated) & _faculty_q(scope, prefix)


def _faculty_q(scope: Scope, prefix: str) -> Q:
    return Q() if scope.faculty is None else Q(**{f"{prefix}faculty": scope.faculty})


def activity_period_branches(scope: Scope, prefix: str = "") -> list[Q]:
    """Activities that took place (at least partly) during the period, reached through `prefix`, as
    disjoint conditions that each read one bounded index range: started in the period (index
    activity_start_kind), or started before it and still running (activity_end_start_kind)."""
    faculty = Q() if scope.faculty is None else Q(**{f"{prefix}faculty": scope.faculty})
    if scope.start:
        began = Q(**{f"{prefix}start_date__gte": scope.start})
        if scope.end:
            began &= Q(**{f"{prefix}start_date__lte": scope.end})
        running = Q(**{f"{prefix}end_date__gte": scope.start, f"{prefix}start_date__lt": scope.start})
        return [began & faculty, running & faculty]
    if scope.end:
        return [Q(**{f"{prefix}start_date__lte": scope.end}) & faculty]
    return [faculty]


def _activity_period_q(scope: Scope, prefix: str = "") -> Q:
    q = Q()
    for branch in activity_period_branches(scope, prefix):
        q |= branch
    return q


def agreements_in_period(scope: Scope):
    """Agreements valid at some time during the period (owned by the faculty; with a party in the
    group and of the kind, when given). Without a start of validity, the signing date stands in."""
    return _with_partner(Agreement.objects.filter(_agreement_period_q(scope)), scope, AgreementParty, "agreement_id")


def agreements_signed(scope: Scope):
    """New agreements: signed during the period (and not terminated since)."""
    qs = Agreement.objects.filter(status__in=VALID_STATUSES).exclude(signed_on__isnull=True)
    if scope.start:
        qs = qs.filter(signed_on__gte=scope.start)
    if scope.end:
        qs = qs.filter(signed_on__lte=scope.end)
    if scope.faculty is not None:
        qs = qs.filter(faculty=scope.faculty)
    return _with_partner(qs, scope, AgreementParty, "agreement_id")


def activities_in_period(scope: Scope, branch: Q | None = None):
    """Activities that took place (at least partly) during the period (only those of one of the
    activity_period_branches when `branch` is given)."""
    period = _activity_period_q(scope) if branch is None else branch
    return _with_partner(Activity.objects.filter(period), scope, ActivityParty, "activity_id")


def partner_ids(scope: Scope):
    """Ids of the institutions that are a party to an agreement valid in the period or to an activity
    in it (home and merged records included): one UNION, which the database computes once per query
    and reads from the covering indexes (agreement, institution) and (activity, institution, role)."""
    records = _unfiltered(scope)
    # "IN (the records' ids)" rather than a join: the ids come sorted, so the party index is read in order
    by_agreement = AgreementParty.objects.filter(agreement__in=Agreement.objects.filter(_agreement_period_q(records)).values("pk"))
    by_activity = ActivityParty.objects.filter(activity__in=Activity.objects.filter(_activity_period_q(records)).values("pk"))
    return by_agreement.values("institution_id").order_by().union(by_activity.values("institution_id").order_by())


def is_partner(scope: Scope, ref: str = "pk") -> Q:
    """The same definition, tested for one institution (`ref` to its id) by one EXISTS probe on
    PartnerYear's key, or (computed live) two on the indexes (institution, agreement) and
    (institution, activity): cheap for a few rows, e.g. the members of networks or the first map
    markers in name order."""
    records = _unfiltered(scope)
    rows = partner_rows(records)
    if rows is not None:
        return Q(Exists(rows.filter(institution=OuterRef(ref))))
    by_agreement = AgreementParty.objects.filter(_agreement_period_q(records, "agreement__"), institution=OuterRef(ref))
    by_activity = ActivityParty.objects.filter(_activity_period_q(records, "activity__"), institution=OuterRef(ref))
    return Q(Exists(by_agreement)) | Q(Exists(by_activity))


def rollup_years(scope: Scope) -> range | None:
    """The PartnerYear years that hold the partners of the scope's period (ALL_TIME for no period),
    or None when the period is not a run of whole calendar years that the table covers."""
    span = PartnerYearCoverage.objects.order_by("pk").values_list("first", "last").first()
    if span is None or (scope.start is None) != (scope.end is None):
        return None
    if scope.start is None:
        return range(ALL_TIME, ALL_TIME + 1)
    if (scope.start.month, scope.start.day, scope.end.month, scope.end.day) != (1, 1, 12, 31):
        return None
    if not span[0] <= scope.start.year <= scope.end.year <= span[1]:
        return None
    return range(scope.start.year, scope.end.year + 1)


def partner_rows(scope: Scope):
    """The PartnerYear rows of the scope's partners (several per partner over several years), or
    None when the scope must be computed live."""
    years = rollup_years(scope)
    if years is None:
        return None
    faculty = ANY_FACULTY if scope.faculty is None else scope.faculty.pk
    if len(years) == 1:  # an equality, which the planners match to the key (year, faculty, institution)
        qs = PartnerYear.objects.filter(year=years.start, faculty=faculty)
    else:
        qs = PartnerYear.objects.filter(year__gte=years.start, year__lte=years.stop - 1, faculty=faculty)
    if scope.group is not None:
        qs = qs.filter(country__in=scope.group.countries.values("code"))
    if scope.kind:
        qs = qs.filter(kind=scope.kind)
    return qs


def rows_repeat(scope: Scope) -> bool:
    """Whether partner_rows holds a partner more than once (a row per year of a several-year period)."""
    return scope.start is not None and scope.end is not None and scope.start.year != scope.end.year


def partner_count(scope: Scope) -> int:
    """How many partners the scope has."""
    rows = partner_rows(scope)
    if rows is None:
        return partners_in_period(scope).count()
    return rows.values("institution").distinct().count() if rows_repeat(scope) else rows.count()


def partner_pks(scope: Scope):
    """The ids of partners_in_period as a subquery (straight from PartnerYear when it answers)."""
    rows = partner_rows(scope)
    return rows.values("institution") if rows is not None else partners_in_period(scope).values("pk")


def partners_in_period(scope: Scope):
    """Institutions that are a party to an agreement valid in the period or to an activity in it."""
    rows = partner_rows(scope)
    if rows is not None:
        return Institution.objects.filter(pk__in=rows.values("institution"))
    qs = (
        Institution.objects.exclude(pk__in=home_ids())
        .exclude(status=InstitutionStatus.MERGED)
        .filter(pk__in=partner_ids(scope))
    )
    return qs.filter(_partner_q(scope, ""))


def partner_conditions(scope: Scope) -> Q:
    """The conditions of partners_in_period on an institution, with each one probed (is_partner): for
    queries that read only a few rows, or the first ones in some index order (the map's markers)."""
    return ~Q(pk__in=home_ids()) & ~Q(status=InstitutionStatus.MERGED) & is_partner(scope) & _partner_q(scope, "")


def partners_of(scope: Scope):
    """The institutions of partners_in_period, selected with partner_conditions."""
    return Institution.objects.filter(partner_conditions(scope))


def _unfiltered(scope: Scope) -> Scope:
    """The records of the period and faculty: the partner conditions apply to the partner itself."""
    return replace(scope, group=None, kind="")


def mobility_period_branches(scope: Scope) -> list[Q]:
    """Stays that overlap the period, as disjoint conditions that each read one short index range:
    dated stays that began in the period (mobility_start), or began before it and end in or after it
    (mobility_end_start; a stay without an end date counts for the day it starts); stays without
    dates count for the academic years they name: those that start in the period's years, and the
    one before (mobility_undated_year)."""
    if scope.start is None and scope.end is None:
        return [Q()]
    began = Q(start_date__isnull=False)
    if scope.start:
        began &= Q(start_date__gte=scope.start)
    if scope.end:
        began &= Q(start_date__lte=scope.end)
    branches = [began]
    if scope.start:
        branches.append(Q(end_date__gte=scope.start, start_date__lt=scope.start))
    undated = Q(start_date__isnull=True)
    if scope.start:
        undated &= Q(academic_year__gte=scope.start.year - 1)
    if scope.end:
        undated &= Q(academic_year__lte=scope.end.year)
    return branches + [undated]


def mobility_in_period(scope: Scope, branch: Q | None = None):
    """Stays that overlap the period (only those of one of the mobility_period_branches when
    `branch` is given); a stay without dates counts for the academic years it names."""
    if branch is None:
        branch = Q()
        for each in mobility_period_branches(scope):
            branch |= each
    qs = Mobility.objects.filter(branch)
    if scope.faculty is not None:
        qs = qs.filter(faculty=scope.faculty)
    if scope.group is not None or scope.kind:
        qs = qs.filter(
            Q(direction=Mobility.Direction.INCOMING) & _partner_q(scope, "home_institution__")
            | Q(direction=Mobility.Direction.OUTGOING) & _partner_q(scope, "host_institution__")
        )
    return qs


def _region(prefix):
    """The UN region of a country: its intermediate region where there is one, else its sub-region."""
    return Coalesce(NullIf(f"{prefix}intermediate_region", Value("")), NullIf(f"{prefix}subregion", Value("")),
                    output_field=CharField())


def mobility_region():
    """Where a stay connects to: the region of the home institution for incoming stays, of the host
    for outgoing ones, or of the person's nationality when the institution is not recorded."""
    nationality = _region("person__nationality__")
    incoming = Coalesce(_region("home_institution__country__"), nationality, output_field=CharField())
    outgoing = Coalesce(_region("host_institution__country__"), nationality, output_field=CharField())
    return Case(When(direction=Mobility.Direction.INCOMING, then=incoming), default=outgoing, output_field=CharField())
