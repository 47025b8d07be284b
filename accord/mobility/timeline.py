"""The mobility and programs that involve an institution, for its partner timeline."""

from django.db.models import Q
from django.utils import timezone

from accord.mobility.models import Mobility, ProgramPartner
from accord.registry.timeline import TimelineEntry


def mobility_entries(institution):
    rows = (
        Mobility.objects.filter(Q(home_institution=institution) | Q(host_institution=institution))
        .select_related("person")
        .order_by("-start_date", "pk")
    )
    for mobility in rows:
        yield TimelineEntry(
            when=mobility.start_date,
            kind="mobility",
            title=f"{mobility.person.name}: {mobility.get_kind_display()}",
            url=mobility.get_absolute_url(),
            detail=mobility.get_direction_display(),
            alive_until=mobility.end_date or mobility.start_date,
        )


def program_entries(institution, *, today=None):
    today = today or timezone.localdate()
    rows = ProgramPartner.objects.filter(institution=institution).select_related("program").order_by("program__name")
    for partnership in rows:
        program = partnership.program
        yield TimelineEntry(
            when=program.began,
            kind="program",
            title=program.name,
            url=program.get_absolute_url(),
            detail=f"{program.get_kind_display()} · {partnership.get_role_display()}",
            alive_until=program.end_date or today,
        )
