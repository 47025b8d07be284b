"""The agreement's business actions: create and update (`save_agreement`), status transitions,
renewal and the daily expiry update.

Every path that writes an agreement — the web form, the API, the table import, the newsroom's
accept, renewal — goes through `save_agreement()` or `transition()`, so one set of rules holds:
an agreement is signed (or later) only with at least two parties, one of them the home university
or one of its units, and a signing date that is not in the future; its validity ends after it
starts. Each change keeps who and why in the agreement's history.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.lib.limits import CHANGE_REASON_LENGTH
from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.models.agreements import ALIVE, Status
from accord.records.concurrency import save_or_raise
from accord.records.services import create_records
from accord.records.services import problems as record_problems
from accord.registry.models import Institution, home_unit_q

S = Status

# from -> the statuses it may move to by hand or by refresh_expiry
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.DRAFT: (S.UNDER_NEGOTIATION, S.ABANDONED),
    S.UNDER_NEGOTIATION: (S.DRAFT, S.SIGNED, S.ABANDONED),
    S.SIGNED: (S.ACTIVE, S.TERMINATED),
    S.ACTIVE: (S.EXPIRING, S.TERMINATED, S.RENEWED),
    S.EXPIRING: (S.ACTIVE, S.EXPIRED, S.TERMINATED, S.RENEWED),
    S.EXPIRED: (S.RENEWED,),
    S.TERMINATED: (),
    S.RENEWED: (),
    S.ABANDONED: (),
}

# The button label for moving to a status.
ACTION_LABELS = {
    S.DRAFT: gettext_lazy("Back to draft"),
    S.UNDER_NEGOTIATION: gettext_lazy("Start negotiation"),
    S.SIGNED: gettext_lazy("Mark signed"),
    S.ACTIVE: gettext_lazy("Mark active"),
    S.EXPIRING: gettext_lazy("Mark expiring"),
    S.EXPIRED: gettext_lazy("Mark expired"),
    S.TERMINATED: gettext_lazy("Terminate"),
    S.ABANDONED: gettext_lazy("Abandon"),
}
RENEWABLE = tuple(status for status, targets in TRANSITIONS.items() if S.RENEWED in targets)
# Statuses an agreement reaches only by being signed.
SIGNED_OR_LATER = (S.SIGNED, S.ACTIVE, S.EXPIRING, S.EXPIRED, S.TERMINATED, S.RENEWED)

NEEDS_TWO_PARTIES = gettext_lazy("A signed agreement needs at least two parties.")
NEEDS_HOME_PARTY = gettext_lazy("A signed agreement needs the home university or one of its units among its parties.")
NEEDS_SIGNING_DATE = gettext_lazy("A signed agreement needs its signing date (the year is enough).")
SIGNED_IN_FUTURE = gettext_lazy("The signing date cannot be in the future.")
ENDS_BEFORE_START = gettext_lazy("An agreement cannot end before it starts.")


class TransitionNotAllowed(Exception):
    """A status change the workflow does not allow."""


def allowed_transitions(agreement) -> list[str]:
    """The statuses a person may move this agreement to with a button (renewal has its own form)."""
    return [to for to in TRANSITIONS.get(agreement.status, ()) if to != S.RENEWED]


def problems(agreement, parties: Iterable) -> dict[str, list[str]]:
    """What stops `agreement`, with these parties (institutions, or ids), from being kept as it stands:
    {field: [message]}; empty when it may be saved."""
    found: dict[str, list[str]] = {}
    if agreement.valid_from and agreement.valid_until and agreement.valid_until < agreement.valid_from:
        found.setdefault("valid_until", []).append(str(ENDS_BEFORE_START))
    if agreement.status in SIGNED_OR_LATER:
        ids = {getattr(p, "pk", p) for p in parties}
        if len(ids) < 2:
            found.setdefault("parties", []).append(str(NEEDS_TWO_PARTIES))
        if not Institution.objects.filter(Q(is_home=True) | home_unit_q(), pk__in=ids).exists():
            found.setdefault("parties", []).append(str(NEEDS_HOME_PARTY))
        if agreement.signed_on is None:
            found.setdefault("signed_on", []).append(str(NEEDS_SIGNING_DATE))
        elif agreement.signed_on > timezone.localdate():
            # a date known to the month or year is stored as its first day: that day must have come
            found.setdefault("signed_on", []).append(str(SIGNED_IN_FUTURE))
    return found


def check(agreement, parties: Iterable) -> None:
    """problems(), raised as one ValidationError naming the fields (parties under "parties")."""
    found = problems(agreement, parties)
    if found:
        raise ValidationError(found)


def save_agreement(agreement, *, by, parties: Iterable, expected_version: int | None = None,
                   fields: list[str] | None = None, write_children: Callable | None = None,
                   reason: str = "") -> Agreement:
    """Create (no pk) or update `agreement`, the one way every path writes one.

    `parties` are the institutions it will have once saved (checked against the rules);
    `write_children(agreement)` then writes its parties, signatories and quotas (default for a new
    agreement: one party row per (institution, role) pair in `parties`). An update claims
    `expected_version` (StaleVersion when someone saved meanwhile). ValidationError names what is
    wrong; nothing is written then.
    """
    parties = list(parties)
    institutions = [p[0] if isinstance(p, tuple) else p for p in parties]
    errors = record_problems(agreement, rules=lambda a: problems(a, institutions))
    if errors:
        raise ValidationError(errors)
    creating = agreement.pk is None
    agreement._history_user = by
    if reason:
        agreement._change_reason = reason[:CHANGE_REASON_LENGTH]
    with transaction.atomic():
        if creating:
            agreement.save()
        else:
            save_or_raise(agreement, expected_version or 0, fields=fields)
        if write_children is not None:
            write_children(agreement)
        elif creating:
            for institution, role in (p for p in parties if isinstance(p, tuple)):
                party = AgreementParty(agreement=agreement, institution=institution, role=role)
                party._history_user = by
                party.save()
    return agreement


def create_agreement(*, by, parties: Iterable[tuple], reason: str = "", **fields) -> Agreement:
    """A new agreement with these (institution, role) parties, checked like every other write."""
    return save_agreement(Agreement(**fields), by=by, parties=parties, reason=reason)


def create_agreements(items: Iterable[tuple[Agreement, Iterable[tuple]]], *, by, reason: str = "") -> list[Agreement]:
    """Many new agreements, each with its (institution, role) parties, written at once (the demo
    office, large imports): each is checked once against the rules save_agreement() applies, and
    one problem writes none of them (records.services.create_records)."""
    items = [(agreement, list(parties)) for agreement, parties in items]
    institutions = {id(agreement): [institution for institution, _role in parties] for agreement, parties in items}
    with transaction.atomic():
        agreements = create_records([agreement for agreement, _ in items], by=by, reason=reason,
                                    rules=lambda agreement: problems(agreement, institutions[id(agreement)]))
        create_records(
            [AgreementParty(agreement=agreement, institution=institution, role=role)
             for agreement, parties in items for institution, role in parties],
            by=by, reason=reason,
        )
    return agreements


def _label(status) -> str:
    return str(Status(status).label) if status in Status.values else str(status)


def _move(agreement, to, *, by, note, expected=None, **changes) -> Agreement:
    """Move the stored agreement to `to` (after re-reading it under a row lock) and record it."""
    with transaction.atomic():
        current = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if expected is not None and current.status != expected:
            raise TransitionNotAllowed(
                _("This agreement is now %(status)s; nothing was changed.") % {"status": _label(current.status)}
            )
        if to not in TRANSITIONS.get(current.status, ()):
            raise TransitionNotAllowed(
                _("An agreement cannot go from %(old)s to %(new)s. Allowed: %(allowed)s.")
                % {
                    "old": _label(current.status),
                    "new": _label(to),
                    "allowed": ", ".join(_label(s) for s in TRANSITIONS.get(current.status, ())) or _("none"),
                }
            )
        reason = f"status: {current.status} → {to}" + (f" — {note}" if note else "")
        if to == S.SIGNED:
            current.status = to
            found = problems(current, current.parties.values_list("institution_id", flat=True))
            if found:
                raise TransitionNotAllowed(" ".join(m for messages in found.values() for m in messages))
        current.status = to
        for field, value in changes.items():
            setattr(current, field, value)
        current.version += 1
        current._history_user = by
        current._change_reason = reason[:CHANGE_REASON_LENGTH]
        current.save()
        current.refresh_from_db()
    for field in ("status", "version", "updated", *changes):
        setattr(agreement, field, getattr(current, field))
    return current


def transition(agreement, to, *, by, note: str = "", expected: str | None = None) -> Agreement:
    """Move `agreement` to status `to`, recording `by` (a user, or None for the system) and `note`.

    `expected` is the status the person saw; when given and the agreement has moved on since,
    nothing changes. Renewal goes through renew(), which creates the successor.
    """
    if to == S.RENEWED:
        raise TransitionNotAllowed(_("Renew an agreement with the renewal form, which creates its successor."))
    if to not in Status.values:
        raise TransitionNotAllowed(_("%(status)s is not an agreement status.") % {"status": to})
    return _move(agreement, to, by=by, note=note, expected=expected)


def renew(agreement, *, by, until: date | None, valid_from: date | None = None, note: str = "",
          signed_on: date | None = None) -> Agreement:
    """Create the agreement that renews `agreement` (same parties, quotas and subject areas) and mark
    the old one renewed. The successor is signed on `signed_on` (default today), starts the day after
    the old one ends (or today) and is active when it has started, signed otherwise."""
    today = timezone.localdate()
    if agreement.status not in RENEWABLE:
        raise TransitionNotAllowed(
            _("Only an active, expiring or expired agreement can be renewed; this one is %(status)s.")
            % {"status": _label(agreement.status)}
        )
    start = valid_from or (agreement.valid_until + timedelta(days=1) if agreement.valid_until else today)
    if until is not None and until < start:
        raise TransitionNotAllowed(
            _("The renewal must end after it starts (%(start)s).") % {"start": start.isoformat()}
        )
    with transaction.atomic():
        successor = Agreement(
            title=agreement.title,
            kind=agreement.kind,
            status=S.ACTIVE if start <= today else S.SIGNED,
            signed_on=signed_on or today,
            signing_mode=agreement.signing_mode,
            valid_from=start,
            valid_until=until,
            auto_renew=agreement.auto_renew,
            renewal_notice_days=agreement.renewal_notice_days,
            renews=agreement,
            faculty=agreement.faculty,
            owner=agreement.owner,
            subject_areas=list(agreement.subject_areas),
            is_public=agreement.is_public,
        )
        parties = [(party.institution, party.role) for party in agreement.parties.select_related("institution").order_by("pk")]
        try:
            save_agreement(successor, by=by, parties=parties, reason=f"renews agreement {agreement.pk}")
        except ValidationError as error:
            raise TransitionNotAllowed(" ".join(error.messages)) from None
        for quota in agreement.quotas.order_by("pk"):
            quota.pk = None
            quota.id = None
            quota._state.adding = True
            quota.agreement = successor
            quota.save()
        _move(agreement, S.RENEWED, by=by, note=note or f"renewed by agreement {successor.pk}")
    return successor


def _extend(agreement, today: date) -> date:
    """The next end date of an auto-renewing agreement: whole terms added until it is in the future."""
    until = agreement.valid_until
    if agreement.valid_from:
        term = until - agreement.valid_from + timedelta(days=1)
    else:
        term = timedelta(days=365)
    while until < today:
        until += term
    return until


def refresh_expiry(today: date | None = None) -> dict[str, int]:
    """The daily update: signed agreements that have started become active; active ones within their
    notice period become expiring; expiring ones past their end become expired, or are extended by
    one more term when they renew automatically."""
    today = today or timezone.localdate()
    counts = {"activated": 0, "expiring": 0, "expired": 0, "extended": 0}
    for agreement in Agreement.objects.filter(status=S.SIGNED, valid_from__lte=today).order_by("pk"):
        _move(agreement, S.ACTIVE, by=None, note="started", expected=S.SIGNED)
        counts["activated"] += 1
    alive = Agreement.objects.filter(status__in=(S.ACTIVE, S.EXPIRING), valid_until__isnull=False).order_by("pk")
    for agreement in alive:
        if agreement.valid_until < today and agreement.auto_renew:
            until = _extend(agreement, today)
            _extend_in_place(agreement, until)
            counts["extended"] += 1
        elif agreement.valid_until < today:
            if agreement.status == S.ACTIVE:
                _move(agreement, S.EXPIRING, by=None, note="past its end date", expected=S.ACTIVE)
            _move(agreement, S.EXPIRED, by=None, note="past its end date", expected=S.EXPIRING)
            counts["expired"] += 1
        elif agreement.status == S.ACTIVE and agreement.valid_until <= today + timedelta(
            days=agreement.renewal_notice_days
        ):
            _move(agreement, S.EXPIRING, by=None, note="within its notice period", expected=S.ACTIVE)
            counts["expiring"] += 1
    return counts


def _extend_in_place(agreement, until: date) -> None:
    with transaction.atomic():
        current = Agreement.objects.select_for_update().get(pk=agreement.pk)
        old = current.valid_until
        current.valid_until = until
        current.status = S.ACTIVE
        current.version += 1
        current._history_user = None
        current._change_reason = f"renewed automatically: valid until {old} → {until}"[:CHANGE_REASON_LENGTH]
        current.save()


def expiring(within_days: int, today: date | None = None):
    """Agreements in force whose end date falls within the next `within_days` days, soonest first."""
    today = today or timezone.localdate()
    return (
        Agreement.objects.filter(
            status__in=ALIVE, valid_until__isnull=False, valid_until__gte=today,
            valid_until__lte=today + timedelta(days=within_days),
        )
        .select_related("faculty", "owner")
        .order_by("valid_until", "pk")
    )
