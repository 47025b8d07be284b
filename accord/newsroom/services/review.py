"""The review queue's business actions: accept a proposal (creating the agreement or activity it
describes), merge it into an existing record, or reject it. Every record keeps a link to the
article and its evidence sentence (Proposal.agreement / Proposal.activity, and the history reason)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.lib.limits import CHANGE_REASON_LENGTH, fit
from accord.activities.models import Activity, ActivityParty, ActivityPerson
from accord.activities.services import create_activity
from accord.activities.models import DatePrecision as ActivityPrecision
from accord.agreements.models import Agreement, Signatory
from accord.agreements.services import create_agreement
from accord.agreements.models.agreements import DatePrecision as AgreementPrecision
from accord.agreements.models.agreements import Kind as AgreementKind
from accord.agreements.models.agreements import SigningMode, Status as AgreementStatus
from accord.mobility.models import Person
from accord.newsroom.models import EVENT_TYPES, Article, Proposal
from accord.registry.models import Country, Institution
from accord.registry.models import Kind as InstitutionKind

AGREEMENT_TYPES = {"agreement_signing"}
ACTIVITY_KINDS = {
    "visit_inbound": Activity.Kind.INBOUND,
    "visit_outbound": Activity.Kind.OUTBOUND,
    "forum_or_conference": Activity.Kind.FORUM,
    "competition": Activity.Kind.COMPETITION,
    "cultural_exchange": Activity.Kind.CULTURAL,
    "joint_institution_established": Activity.Kind.OTHER,
    "exchange_program": Activity.Kind.OTHER,
    "research_project_or_fund": Activity.Kind.OTHER,
    "other": Activity.Kind.OTHER,
}
# (home role, partner role) on an activity, by activity kind
ACTIVITY_ROLES = {
    Activity.Kind.INBOUND: (ActivityParty.Role.HOST, ActivityParty.Role.GUEST),
    Activity.Kind.OUTBOUND: (ActivityParty.Role.GUEST, ActivityParty.Role.HOST),
}
DEFAULT_ROLES = (ActivityParty.Role.ORGANIZER, ActivityParty.Role.PARTICIPANT)
COUNT_FIELDS = {"participants": "participant_count", "people": "participant_count", "students": "participant_count",
                "universities": "university_count", "institutions": "university_count",
                "countries": "country_count"}
INSTITUTION_KINDS = {k.value for k in InstitutionKind}
TYPE_LABELS = dict(EVENT_TYPES)
# what a reviewer may set on the record before accepting (besides its parties and people)
RECORD_FIELDS = ("record", "kind", "title", "faculty", "start_date", "end_date", "date_precision", "mode")
RECORD_KINDS = {"agreement": AgreementKind, "activity": Activity.Kind}


class ReviewError(Exception):
    """A proposal that cannot be accepted or merged as it stands; the message says why, and `fields`
    ({field of the record: [message]}) where, when the record's own rules refused it."""

    def __init__(self, message, fields=None):
        super().__init__(message)
        self.fields = fields or {}


def parse_date(value: str) -> tuple[date | None, str]:
    """'2021-08-30' -> (date, 'day'); '2021-08' -> (1 August, 'month'); '--08-30', '' -> (None, '')."""
    value = (value or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None, ""
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)), "day" if m.group(3) else "month"
    except ValueError:
        return None, ""


def _institution(row: dict, by) -> Institution:
    """The registry institution a party row names; a proposed one is created in the registry now."""
    if row.get("registry_id"):
        found = Institution.objects.filter(pk=row["registry_id"]).first()
        if found:
            return found
    name = (row.get("name") or "").strip()
    if not name:
        raise ReviewError(_("A party has no name."))
    country = Country.objects.filter(code=(row.get("country") or "").upper()).first()
    existing = Institution.objects.filter(name__iexact=name).order_by("pk").first()
    if existing:
        return existing
    kind = row.get("kind") if row.get("kind") in INSTITUTION_KINDS else InstitutionKind.UNIVERSITY
    institution = Institution(name=fit(Institution, "name", name), country=country, kind=kind,
                              notes=_("Proposed by the newsroom from a news article."))
    institution._history_user = by
    institution._change_reason = "created from a newsroom proposal"
    institution.save()
    return institution


def _person(row: dict, institutions: dict[str, Institution], by) -> Person:
    """The person a people row names: `institution_id` (chosen in the registry) or `institution` (a
    party's name in the article)."""
    if row.get("institution_id"):
        institution = Institution.objects.filter(pk=row["institution_id"]).first()
    else:
        institution = institutions.get(row.get("institution") or "")
    person = Person.objects.filter(name=row["name"], institution=institution).order_by("pk").first()
    if person is None:
        person = Person(name=fit(Person, "name", row["name"]), title=fit(Person, "title", row.get("role") or ""),
                        institution=institution)
        person._history_user = by
        person.save()
    return person


def _reason(proposal) -> str:
    return f"from newsroom article {proposal.article_id}, proposal {proposal.pk}"[:CHANGE_REASON_LENGTH]


def _title(proposal, parties: list[tuple[str, str]]) -> str:
    """"Agreement signing: Northbridge University" from (name, role) parties."""
    partners = [name for name, role in parties if role == "partner"] or [name for name, _ in parties]
    return fit(Activity, "title", f"{TYPE_LABELS.get(proposal.event_type, proposal.event_type)}: {', '.join(partners)}")


def proposed_record(proposal) -> dict:
    """The record accepting `proposal` as it stands creates, as RECORD_FIELDS: an agreement for a
    signing, an activity otherwise; the date as the article gives it (an activity with none: the
    publication date, known to the year); the owning faculty a home unit among the parties. The edit
    form starts from it; accept() fills what the reviewer left out from it."""
    rows = proposal.institutions
    known = Institution.objects.in_bulk([r["registry_id"] for r in rows if isinstance(r.get("registry_id"), int)])
    names = [(known[r["registry_id"]].name if r.get("registry_id") in known else r.get("name") or "",
              "home" if r.get("role") == "home" else "partner") for r in rows]
    if proposal.event_type in AGREEMENT_TYPES:
        record, kind = "agreement", AgreementKind.FRAMEWORK
    else:
        record, kind = "activity", ACTIVITY_KINDS.get(proposal.event_type, Activity.Kind.OTHER)
    start, precision = parse_date(proposal.date)
    if start is None and record == "activity":
        start = proposal.article.published or timezone.localdate()
        precision = ActivityPrecision.YEAR
    return {
        "record": record, "kind": str(kind), "title": _title(proposal, names),
        "faculty": Institution.objects.home_units().filter(pk__in=list(known)).first(),
        "start_date": start, "end_date": None, "date_precision": precision or ActivityPrecision.DAY,
        "mode": proposal.mode,
    }


def _source_note(proposal) -> str:
    article = proposal.article
    lines = [_("From a news article: %(title)s") % {"title": article.title}]
    if article.source_url:
        lines.append(article.source_url)
    if proposal.evidence:
        lines.append(_("Evidence: %(sentence)s") % {"sentence": proposal.evidence})
    return "\n".join(lines)


def _refused(error: ValidationError) -> ReviewError:
    fields = error.message_dict if hasattr(error, "error_dict") else {}
    return ReviewError(" ".join(error.messages), fields=fields)


def _create_agreement(proposal, record, parties, people, by) -> Agreement:
    signed_on, precision = record["start_date"], record["date_precision"]
    try:
        agreement = create_agreement(
            by=by, parties=parties, reason=_reason(proposal),
            title=record["title"], kind=record["kind"], status=AgreementStatus.SIGNED, faculty=record["faculty"],
            signed_on=signed_on, signed_precision=precision or AgreementPrecision.DAY,
            signing_mode={"online": SigningMode.ONLINE, "in_person": SigningMode.IN_PERSON}.get(record["mode"], ""),
            notes=_source_note(proposal),
        )
    except ValidationError as error:
        raise _refused(error) from None
    for person, row in people:
        Signatory.objects.create(agreement=agreement, person=person, institution=person.institution,
                                 title=fit(Signatory, "title", row.get("role") or ""), signed_on=signed_on if precision == "day" else None)
    return agreement


def _create_activity(proposal, record, parties, people, by) -> Activity:
    home_role, partner_role = ACTIVITY_ROLES.get(record["kind"], DEFAULT_ROLES)
    partner_countries = [i.country for i, role in parties if role == "partner" and i.country_id]
    counts = {}
    for key, value in (proposal.payload.get("counts") or {}).items():
        if key in COUNT_FIELDS and isinstance(value, int):
            counts.setdefault(COUNT_FIELDS[key], value)
    try:
        return create_activity(
            by=by, reason=_reason(proposal),
            parties=[(institution, home_role if role == "home" else partner_role) for institution, role in parties],
            people=[(person, fit(ActivityPerson, "role", row.get("role") or "")) for person, row in people],
            kind=record["kind"], title=record["title"], faculty=record["faculty"],
            description=_source_note(proposal), start_date=record["start_date"], end_date=record["end_date"],
            date_precision=record["date_precision"] or ActivityPrecision.DAY,
            country=partner_countries[0] if partner_countries else None,
            source_url=proposal.article.source_url, **counts,
        )
    except ValidationError as error:
        raise _refused(error) from None


def _close(proposal, status, by, **links) -> Proposal:
    for field, value in links.items():
        setattr(proposal, field, value)
    proposal.status = status
    proposal.reviewed_by = by
    proposal.reviewed_at = timezone.now()
    proposal._history_user = by
    proposal.save()
    article = proposal.article
    if not article.proposals.filter(status=Proposal.Status.PROPOSED).exists():
        article.status = Article.Status.REVIEWED
        article._history_user = by
        article.save(update_fields=["status"])
    return proposal


def _locked(proposal) -> Proposal:
    current = Proposal.objects.select_for_update().select_related("article").get(pk=proposal.pk)
    if current.status != Proposal.Status.PROPOSED:
        raise ReviewError(_("This proposal was already %(status)s.") % {"status": current.get_status_display().lower()})
    return current


def accept(proposal, *, by, changes: dict | None = None):
    """Create the agreement (a signing) or activity (anything else) a proposal describes, with its
    parties (new institutions created in the registry) and people; returns the new record.
    `changes` holds what a reviewer edited: the proposal's event_type, date, mode, institutions
    (rows: name, role home/partner, registry_id, country) and people (rows: name, role, institution
    name or institution_id), and the record's RECORD_FIELDS (record "agreement"/"activity" and its
    kind, title, faculty, start_date — an agreement's signing date —, end_date, date_precision), the
    rest as proposed_record(). The edited rows stay in the proposal's history."""
    changes = changes or {}
    if "record" in changes and (changes["record"] not in RECORD_KINDS
                                or changes.get("kind") not in RECORD_KINDS[changes["record"]].values):
        raise ReviewError(_("Choose the kind of record to create."))
    with transaction.atomic():
        proposal = _locked(proposal)
        for field in ("event_type", "date", "mode"):
            if field in changes:
                setattr(proposal, field, changes[field] or "")
        if "institutions" in changes or "people" in changes:
            proposal.payload = {**proposal.payload, **{k: changes[k] for k in ("institutions", "people") if k in changes}}
        record = proposed_record(proposal)
        record.update({field: changes[field] for field in RECORD_FIELDS if field in changes})
        parties = []
        names = {}
        for row in proposal.payload.get("institutions", []):
            institution = _institution(row, by)
            if all(institution != i for i, _ in parties):
                parties.append((institution, "home" if row.get("role") == "home" else "partner"))
            names[row.get("name") or ""] = institution
        if not parties:
            raise ReviewError(_("A record needs at least one party."))
        people = [(_person(row, names, by), row) for row in proposal.payload.get("people", []) if row.get("name")]
        if "title" not in changes:  # the parties as the registry names them
            record["title"] = _title(proposal, [(i.name, role) for i, role in parties])
        if record["record"] == "agreement":
            created = _create_agreement(proposal, record, parties, people, by)
            _close(proposal, Proposal.Status.ACCEPTED, by, agreement=created)
        else:
            created = _create_activity(proposal, record, parties, people, by)
            _close(proposal, Proposal.Status.ACCEPTED, by, activity=created)
    return created


def merge(proposal, *, by, agreement=None, activity=None):
    """The same event as a record already kept (the same signing reported by two articles): link the
    proposal, and so its article, to that record instead of creating another."""
    if (agreement is None) == (activity is None):
        raise ReviewError(_("Choose one agreement or one activity to merge into."))
    with transaction.atomic():
        proposal = _locked(proposal)
        if activity is not None and not activity.source_url and proposal.article.source_url:
            activity.source_url = proposal.article.source_url
            activity._history_user = by
            activity._change_reason = _reason(proposal)
            activity.save()
        _close(proposal, Proposal.Status.MERGED, by, agreement=agreement, activity=activity)
    return agreement or activity


def reject(proposal, *, by) -> Proposal:
    with transaction.atomic():
        return _close(_locked(proposal), Proposal.Status.REJECTED, by)


UNDO_MINUTES = 10  # a rejection may be taken back this long by whoever made it


def undo_reject(proposal, *, by, now=None) -> Proposal:
    """Put a proposal `by` rejected in the last UNDO_MINUTES back in the queue."""
    now = now or timezone.now()
    with transaction.atomic():
        current = Proposal.objects.select_for_update().select_related("article").get(pk=proposal.pk)
        if (current.status != Proposal.Status.REJECTED or current.reviewed_by_id != by.pk
                or current.reviewed_at is None or now - current.reviewed_at > timedelta(minutes=UNDO_MINUTES)):
            raise ReviewError(_("Only your own rejection of the last %(minutes)d minutes can be undone.")
                              % {"minutes": UNDO_MINUTES})
        current.status = Proposal.Status.PROPOSED
        current.reviewed_by, current.reviewed_at = None, None
        current._history_user = by
        current._change_reason = "rejection undone"
        current.save()
        article = current.article
        if article.status == Article.Status.REVIEWED:
            article.status = Article.Status.QUEUED
            article._history_user = by
            article.save(update_fields=["status"])
    return current
