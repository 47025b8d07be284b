"""The audit trail of an agreement: its own history and that of its parties, quotas, signatories
and documents, newest first."""

from accord.agreements.models import AgreementParty, Document, Quota, Signatory
from accord.registry.services.history import Entry, _who, record_history

_TYPES = {"+": "added", "~": "changed", "-": "removed"}
_PARTS = ((AgreementParty, "party"), (Quota, "quota"), (Signatory, "signatory"), (Document, "document"))


def agreement_history(agreement, limit: int = 100) -> list[Entry]:
    entries = record_history(agreement, limit)
    for model, label in _PARTS:
        records = model.history.filter(agreement_id=agreement.pk).select_related("history_user")
        for r in records.order_by("-history_date")[:limit]:
            entries.append(Entry(r.history_date, _who(r), f"{label} {_TYPES[r.history_type]}: {_describe(r)}", [],
                                 r.history_change_reason or ""))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def _describe(record) -> str:
    try:
        return str(record.instance)
    except Exception:  # a related row that no longer exists
        return f"#{record.id}"
