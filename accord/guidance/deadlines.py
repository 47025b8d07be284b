"""A teacher's dates: the deadlines of the open calls they follow or apply to, the next steps of
their applications, and the consultations they booked. Shared by the "my deadlines" page, the
iCalendar feed and the reminder e-mails."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accord.accounts.language import speaking_to
from accord.agreements.reminders import Notice, Reminder
from accord.lib.hooks import Deadline as HookDeadline
from accord.guidance.models import Application, Call, Consultation
from accord.guidance.models.applications import CLOSED

REMINDER_DAYS = 14  # `accord remind` mentions deadlines this many days ahead
DASHBOARD_CALLS = 50  # at most this many closing calls offered to the dashboard


@dataclass
class Deadline:
    day: date
    kind: str
    title: str
    url: str
    uid: str
    at: datetime | None = None


def followed_calls(user, today: date):
    """Open (or not yet closed) calls the user follows or has a live application to."""
    applied = Application.objects.filter(applicant=user).exclude(stage__in=CLOSED).values("call_id")
    return (
        Call.objects.filter(Q(followers=user) | Q(pk__in=applied))
        .filter(Q(external_deadline__isnull=True) | Q(external_deadline__gte=today))
        .distinct()
        .order_by("external_deadline", "pk")
    )


def next_steps(user):
    """(application, its first step not yet done) for the user's live applications."""
    applications = (
        Application.objects.filter(applicant=user).exclude(stage__in=CLOSED).select_related("call").order_by("pk")
    )
    return [(a, a.next_step()) for a in applications]


def deadlines_for(user, today: date | None = None, *, within: int | None = None) -> list[Deadline]:
    """The user's dated items from today on (up to `within` days ahead when given), soonest first."""
    today = today or timezone.localdate()
    last = today + timedelta(days=within) if within is not None else None
    items = []
    for call in followed_calls(user, today):
        url = call.get_absolute_url()
        dates = (("internal", _("Internal deadline"), call.internal_deadline),
                 ("external", _("External deadline"), call.external_deadline))
        for key, kind, day in dates:
            if day is not None:
                items.append(Deadline(day, kind, call.title, url, f"call-{call.pk}-{key}"))
    for application, step in next_steps(user):
        if step is not None and step.due_date is not None:
            items.append(Deadline(step.due_date, _("Next step"), f"{step.title} — {application.title}",
                                  application.get_absolute_url(), f"application-{application.pk}-step-{step.pk}"))
    for consultation in Consultation.objects.filter(applicants=user, starts_at__gte=timezone.now()).order_by("starts_at"):
        at = timezone.localtime(consultation.starts_at)
        items.append(Deadline(at.date(), _("Consultation"), f"{consultation.title}, {consultation.place}".rstrip(", "),
                              consultation.get_absolute_url(), f"consultation-{consultation.pk}", at=at))
    items = [d for d in items if d.day >= today and (last is None or d.day <= last)]
    items.sort(key=lambda d: (d.day, d.kind, d.title))
    return items


def upcoming_deadlines(today: date) -> list[Reminder]:
    """Reminder source for `accord remind`: each teacher's deadlines within REMINDER_DAYS."""
    users = get_user_model().objects.filter(
        Q(followed_calls__isnull=False) | Q(guidance_applications__isnull=False) | Q(guidance_consultations__isnull=False),
        is_active=True,
    ).distinct().order_by("pk")
    reminders = []
    for user in users:
        with speaking_to(user):  # the deadlines' kinds too
            items = deadlines_for(user, today, within=REMINDER_DAYS)
            if not items:
                continue
            subject = ngettext("Accord: %(count)d guidance deadline in the next %(days)d days",
                               "Accord: %(count)d guidance deadlines in the next %(days)d days",
                               len(items)) % {"count": len(items), "days": REMINDER_DAYS}
            lines = [f"- {d.day.isoformat()} {d.kind}: {_in_days(d, today)} — {d.url}" for d in items]
            notices = [Notice(f"deadline:{d.uid}:{d.day.isoformat()}", f"{d.kind} {d.day.isoformat()}: {d.title}", d.url)
                       for d in items]
        reminders.append(Reminder(user, subject, lines, notices))
    return reminders


def _in_days(deadline: Deadline, today: date) -> str:
    days = (deadline.day - today).days
    return ngettext("%(title)s (in %(days)d day)", "%(title)s (in %(days)d days)", days) % {"title": deadline.title, "days": days}


def calls_closing(*, today, within_days, scope=None) -> list:
    """The dashboard's deadlines (the DEADLINES hook): calls whose external deadline falls in the
    next `within_days` days."""
    calls = Call.objects.filter(
        external_deadline__gte=today, external_deadline__lte=today + timedelta(days=within_days)
    ).order_by("external_deadline", "pk")[:DASHBOARD_CALLS]
    return [HookDeadline(c.external_deadline, c.title, _("Call closes"), c.get_absolute_url()) for c in calls]
