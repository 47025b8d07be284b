"""The agreement workflow: status transitions, renewal and the daily expiry update.

Every change goes through `transition()`, which keeps who and why in the agreement's history.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.models.agreements import ALIVE, Status

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


class TransitionNotAllowed(Exception):
    """A status change the workflow does not allow."""


def allowed_transitions(agreement) -> list[str]:
    """The statuses a person may move this agreement to with a button (renewal has its own form)."""
    return [to for to in TRANSITIONS.get(agreement.status, ()) if to != S.RENEWED]


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
        current.status = to
        for field, value in changes.items():
            setattr(current, field, value)
        current.version += 1
        current._history_user = by
        current._change_reason = reason[:100]
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


def renew(agreement, *, by, until: date | None, valid_from: date | None = None, note: str = "") -> Agreement:
    """Create the agreement that renews `agreement` (same parties, quotas and subject areas) and mark
    the old one renewed. The successor starts the day after the old one ends (or today) and is
    active when it has started, signed otherwise."""
    today = date.today()
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
        successor._history_user = by
        successor._change_reason = f"renews agreement {agreement.pk}"
        successor.save()
        for party in agreement.parties.order_by("pk"):
            AgreementParty.objects.create(agreement=successor, institution_id=party.institution_id, role=party.role)
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
    today = today or date.today()
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
        current._change_reason = f"renewed automatically: valid until {old} → {until}"[:100]
        current.save()


def expiring(within_days: int, today: date | None = None):
    """Agreements in force whose end date falls within the next `within_days` days, soonest first."""
    today = today or date.today()
    return (
        Agreement.objects.filter(
            status__in=ALIVE, valid_until__isnull=False, valid_until__gte=today,
            valid_until__lte=today + timedelta(days=within_days),
        )
        .select_related("faculty", "owner")
        .order_by("valid_until", "pk")
    )
