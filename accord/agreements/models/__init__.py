from accord.agreements.models.agreements import Agreement, AgreementParty, Signatory
from accord.agreements.models.documents import Document
from accord.agreements.models.quotas import Quota
from accord.agreements.models.reminders import ReminderSent

__all__ = ["Agreement", "AgreementParty", "Document", "Quota", "ReminderSent", "Signatory"]
