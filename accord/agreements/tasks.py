"""Agreement work on the queue: `accord remind` (statuses for today, then reminder e-mails), daily."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from huey import crontab

from accord.agreements.reminders import send_reminders
from accord.agreements.services import refresh_expiry
from accord.jobs.queue import Outcome, job_task, scheduled, start


@job_task("agreements.remind")
def remind(job):
    """Idempotent: statuses are set for the day, and each reminder is sent once a day (ReminderSent)."""
    today = timezone.localdate()
    counts = refresh_expiry(today)
    sent = send_reminders(today)
    statuses = ", ".join(f"{n} {what}" for what, n in counts.items())
    return Outcome(summary=_("Statuses: %(statuses)s; %(sent)s reminders sent.") % {"statuses": statuses, "sent": sent},
                   url=reverse("agreements:expiring"))


@scheduled(crontab(hour="7", minute="0"), name="agreements.daily-remind")
def daily_remind():
    today = timezone.localdate().isoformat()
    start("agreements.remind", key=f"daily:{today}", label=_("Daily reminders, %(day)s") % {"day": today})
