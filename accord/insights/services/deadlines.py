"""Upcoming deadlines from every app that has some, through a registry of providers.

A provider is a function `fn(*, today, within_days, scope)` returning `Deadline`s; apps register
theirs in AppConfig.ready(): `hooks.DEADLINES.register("guidance", calls_closing)`.
"""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from accord.lib import hooks
from accord.lib.hooks import Deadline

DEADLINES_SHOWN = 50  # expiring agreements one dashboard list shows


PROVIDERS = hooks.DEADLINES


def upcoming(*, within_days: int = 90, today: date | None = None, scope=None, limit: int = 20) -> list[Deadline]:
    """Deadlines from today to `within_days` ahead, soonest first, from every registered provider."""
    today = today or timezone.localdate()
    found = []
    for fn in PROVIDERS.values():
        found.extend(fn(today=today, within_days=within_days, scope=scope))
    found = [d for d in found if today <= d.day <= today + timedelta(days=within_days)]
    return sorted(found, key=lambda d: (d.day, d.title))[:limit]


def agreement_expiries(*, today, within_days, scope=None) -> list[Deadline]:
    from accord.agreements.services import expiring

    qs = expiring(within_days, today)
    if scope is not None and scope.faculty is not None:
        qs = qs.filter(faculty=scope.faculty)
    return [
        Deadline(a.valid_until, a.title, _("Agreement expires"), a.get_absolute_url()) for a in qs[:DEADLINES_SHOWN]
    ]
