"""What other apps know about a partner, gathered for its detail page.

Apps that hold records about institutions (agreements, activities, mobility, programs) register a
provider in their AppConfig.ready(): `hooks.TIMELINE.register("agreements", provider)`. A provider takes an
Institution and returns TimelineEntry items. The partner's status (prospect, active, dormant) is
derived from those entries.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accord.lib import hooks

DORMANT_AFTER_YEARS = 3


@dataclass(frozen=True)
class TimelineEntry:
    when: date | None  # the date the entry is sorted by (signed, started, ...)
    kind: str  # "agreement", "activity", "mobility", "program"
    title: str
    url: str = ""
    detail: str = ""
    # the last day this entry keeps a partnership alive: a valid agreement's end, an activity's end
    alive_until: date | None = None

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))


KIND_LABELS = {"agreement": _("Agreement"), "activity": _("Activity"), "mobility": _("Mobility"), "program": _("Program")}


PROVIDERS = hooks.TIMELINE


def timeline(institution) -> list[TimelineEntry]:
    entries = [entry for provider in PROVIDERS.values() for entry in provider(institution)]
    return sorted(entries, key=lambda e: e.when or date.min, reverse=True)


def partner_status(entries: list[TimelineEntry], *, today: date | None = None, years: int = DORMANT_AFTER_YEARS) -> str:
    """prospect: nothing recorded yet; active: something alive within `years`; dormant: otherwise."""
    if not entries:
        return "prospect"
    today = today or timezone.localdate()
    horizon = today - timedelta(days=365 * years)
    for entry in entries:
        last = entry.alive_until or entry.when
        if last is not None and last >= horizon:
            return "active"
    return "dormant"
