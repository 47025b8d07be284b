"""The audit trail of an institution: its own history and that of its names and identifiers."""

from dataclasses import dataclass
from datetime import datetime

from accord.registry.models import ExternalId, InstitutionName, NetworkMembership

_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    changes: list[str]
    reason: str


def _changes(record) -> list[str]:
    previous = record.prev_record
    if previous is None:
        return []
    delta = record.diff_against(previous)
    return [f"{c.field}: {c.old!r} → {c.new!r}" for c in delta.changes]


def _who(record) -> str:
    user = record.history_user
    return user.get_username() if user else "system"


def record_history(obj, limit: int = 100) -> list[Entry]:
    """The history of any record that keeps one (simple_history), newest first."""
    return [
        Entry(r.history_date, _who(r), f"record {_TYPES[r.history_type]}", _changes(r), r.history_change_reason or "")
        for r in obj.history.select_related("history_user").order_by("-history_date")[:limit]
    ]


def institution_history(inst, limit: int = 100) -> list[Entry]:
    """The institution's own history merged with that of its names, identifiers and memberships."""
    entries = record_history(inst, limit)
    for model, label in ((InstitutionName, "name"), (ExternalId, "identifier"), (NetworkMembership, "membership")):
        for r in model.history.filter(institution_id=inst.pk).select_related("history_user")[:limit]:
            entries.append(
                Entry(
                    r.history_date,
                    _who(r),
                    f"{label} {r.instance} {_TYPES[r.history_type]}",
                    [],
                    r.history_change_reason or "",
                )
            )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]
