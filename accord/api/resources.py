"""The resources of /api/v1/: which model, which FileSet of the web list, which permissions."""

from django.db.models import Prefetch

from accord.activities.filters import ActivityFilter
from accord.activities.models import Activity, ActivityParty
from accord.activities.services import save_activity
from accord.agreements.filters import AgreementFilter
from accord.agreements.services import save_agreement
from accord.agreements.models import Agreement, AgreementParty
from accord.api.crud import Resource
from accord.mobility.filters import MobilityFilter, ProgramFilter
from accord.mobility.models import Mobility, Program, ProgramPartner
from accord.mobility.services import save_mobility, save_program
from accord.registry.filters import InstitutionFilter
from accord.registry.models import Institution


def check_parties(parties) -> list:
    """Problems with a list of parties, located by index: unknown institutions, an institution twice."""
    ids = [p["institution"] for p in parties]
    known = set(Institution.objects.filter(pk__in=ids).values_list("pk", flat=True))
    problems, seen = [], set()
    for i, party in enumerate(parties):
        if party["institution"] not in known:
            problems.append(([i, "institution"], f"No institution with id {party['institution']}."))
        elif party["institution"] in seen:
            problems.append(([i, "institution"], f"Institution {party['institution']} is listed twice."))
        seen.add(party["institution"])
    return problems


def replace_parties(agreement, parties):
    for old in agreement.parties.all():
        old.delete()  # one by one, so the history keeps each removal
    for party in parties:
        AgreementParty.objects.create(agreement=agreement, institution_id=party["institution"], role=party["role"])


def write_agreement(agreement, *, by, creating, version, fields, children):
    """Through the agreements' service: its rules (422) and version lock (409)."""
    parties = children.get("parties")
    if parties is not None:
        institutions = [p["institution"] for p in parties]
    elif creating:
        institutions = []
    else:
        institutions = list(agreement.parties.values_list("institution_id", flat=True))
    save_agreement(
        agreement, by=by, parties=institutions, expected_version=version, fields=fields,
        write_children=(lambda saved: replace_parties(saved, parties)) if parties is not None else (lambda saved: None),
    )


def _agreements():
    parties = AgreementParty.objects.select_related("institution").order_by("pk")
    return Agreement.objects.prefetch_related(Prefetch("parties", queryset=parties)).order_by("-signed_on", "-pk")


def _activities():
    parties = ActivityParty.objects.select_related("institution").order_by("role", "institution__name", "pk")
    return Activity.objects.prefetch_related(Prefetch("parties", queryset=parties)).order_by("-start_date", "title", "pk")


def _programs():
    partners = ProgramPartner.objects.select_related("institution").order_by("role", "institution__name", "pk")
    return Program.objects.prefetch_related(Prefetch("partnerships", queryset=partners)).order_by("name", "pk")


INSTITUTIONS = Resource(
    name="institutions", model=Institution, filterset=InstitutionFilter,
    queryset=lambda: Institution.objects.order_by("name", "pk"),
    view="registry.view", add="registry.add", change="registry.change", faculty_scoped=False,
)
AGREEMENTS = Resource(
    name="agreements", model=Agreement, filterset=AgreementFilter, queryset=_agreements,
    children={"parties": (check_parties, replace_parties)}, write=write_agreement,
)
ACTIVITIES = Resource(
    name="activities", model=Activity, filterset=ActivityFilter, queryset=_activities, service=save_activity,
)
MOBILITY = Resource(
    name="mobility", model=Mobility, filterset=MobilityFilter,
    queryset=lambda: Mobility.objects.select_related("person").order_by("-start_date", "person__name", "pk"),
    service=save_mobility,
)
PROGRAMS = Resource(name="programs", model=Program, filterset=ProgramFilter, queryset=_programs, service=save_program)
