"""What the partner page shows of agreements: one timeline entry per agreement the institution is party to."""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from accord.agreements.models import Agreement
from accord.agreements.models.agreements import ALIVE
from accord.registry.timeline import TimelineEntry


def entries(institution, *, today: date | None = None):
    today = today or timezone.localdate()
    agreements = (
        Agreement.objects.filter(Q(parties__institution=institution) | Q(faculty=institution))
        .distinct()
        .order_by("-signed_on", "-pk")
    )
    for agreement in agreements:
        alive_until = None
        if agreement.status in ALIVE:
            alive_until = agreement.valid_until or today
        yield TimelineEntry(
            when=agreement.signed_on or agreement.valid_from,
            kind="agreement",
            title=agreement.title,
            url=agreement.get_absolute_url(),
            detail=agreement.get_status_display(),
            alive_until=alive_until,
        )
