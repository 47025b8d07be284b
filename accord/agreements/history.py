"""The audit trail of an agreement: its own history and that of its parties, quotas, signatories
and documents, newest first (rendered by accord.records.history)."""

from accord.agreements.models import AgreementParty, Document, Quota, Signatory
from accord.lib.limits import HISTORY_LIMIT
from accord.records.history import Entry, history

_PARTS = ((AgreementParty, "party"), (Quota, "quota"), (Signatory, "signatory"), (Document, "document"))


def agreement_history(agreement, limit: int = HISTORY_LIMIT) -> list[Entry]:
    return history(agreement, parts=[(model.history.filter(agreement_id=agreement.pk), label) for model, label in _PARTS],
                   limit=limit)
