"""Reminder e-mails: a registry of sources, each saying whom to remind of what.

A source is a callable taking `today` and returning Reminder items, each written in the language of
its user (inside accord.accounts.language.speaking_to(user)). Apps add theirs with
`hooks.REMINDERS.register("guidance-deadlines", fn)` (e.g. in AppConfig.ready()); `accord remind` sends each user at
most one e-mail per source per day (unless they turned e-mail off), and files each event a reminder
names (`Notice`) in the user's notifications once, however often it runs.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accord.accounts.language import speaking_to
from accord.lib import hooks
from accord.lib.limits import fit
from accord.agreements.models import Agreement, ReminderSent
from accord.agreements.models.agreements import ALIVE
from accord.notifications.services import notify, wants_email


@dataclass
class Notice:
    """One event of a reminder, for the in-app notifications: `key` names it for good."""

    key: str
    title: str
    url: str = ""


@dataclass
class Reminder:
    user: object
    subject: str
    lines: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


Source = Callable[[date], Iterable[Reminder]]
SOURCES = hooks.REMINDERS


def due_for_notice(today: date):
    """Agreements in force, with an owner, whose end falls within their own notice period."""
    candidates = (
        Agreement.objects.filter(status__in=ALIVE, owner__isnull=False, valid_until__gte=today)
        .select_related("owner")
        .order_by("valid_until", "pk")
    )
    return [a for a in candidates if a.valid_until <= today + timedelta(days=a.renewal_notice_days)]


def expiring_agreements(today: date) -> list[Reminder]:
    by_owner = defaultdict(list)
    for agreement in due_for_notice(today):
        by_owner[agreement.owner].append(agreement)
    reminders = []
    for owner, agreements in sorted(by_owner.items(), key=lambda item: item[0].pk):
        with speaking_to(owner):
            count = len(agreements)
            subject = ngettext("Accord: %(count)d agreement expires soon", "Accord: %(count)d agreements expire soon",
                               count) % {"count": count}
            lines = [f"- {_ending(a, today)} — {reverse('agreements:agreement-detail', args=[a.pk])}" for a in agreements]
            notices = [
                Notice(f"agreement:{a.pk}:notice:{a.valid_until.isoformat()}",
                       _("“%(title)s” enters its notice period: it ends %(date)s")
                       % {"title": a.title, "date": a.valid_until.isoformat()},
                       reverse("agreements:agreement-detail", args=[a.pk]))
                for a in agreements
            ]
        reminders.append(Reminder(owner, subject, lines, notices))
    return reminders


def _ending(agreement, today: date) -> str:
    days = (agreement.valid_until - today).days
    words = {"title": agreement.title, "date": agreement.valid_until.isoformat(), "days": days}
    if agreement.auto_renew:
        return ngettext("%(title)s: ends %(date)s (in %(days)d day), renews automatically",
                        "%(title)s: ends %(date)s (in %(days)d days), renews automatically", days) % words
    return ngettext("%(title)s: ends %(date)s (in %(days)d day)", "%(title)s: ends %(date)s (in %(days)d days)", days) % words


hooks.REMINDERS.register("agreements", expiring_agreements)


def send_reminders(today: date | None = None, *, dry_run: bool = False, write=print) -> int:
    """Send the day's reminders, each user once per source per day; returns how many were sent
    (or, with dry_run, would be sent: printed through `write`, nothing recorded)."""
    today = today or timezone.localdate()
    sent = 0
    for name, source in SOURCES.items():
        for reminder in source(today):
            user = reminder.user
            if not dry_run:
                for notice in reminder.notices:  # the digest below is their e-mail
                    notify(user, key=notice.key, title=notice.title, url=notice.url, kind=name, email=False)
            if not wants_email(user):
                continue
            if ReminderSent.objects.filter(user=user, source=name, day=today).exists():
                continue
            body = "\n".join(reminder.lines)
            if dry_run:
                write(f"To: {user.email}\nSubject: {reminder.subject}\n{body}\n")
                sent += 1
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(user=user, source=name, day=today, subject=fit(ReminderSent, "subject", reminder.subject))
                    send_mail(reminder.subject, body, None, [user.email])
            except IntegrityError:  # another run sent it meanwhile
                continue
            sent += 1
    return sent
