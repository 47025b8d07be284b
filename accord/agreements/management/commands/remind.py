from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accord.agreements.reminders import send_reminders
from accord.agreements.services import refresh_expiry


class Command(BaseCommand):
    help = "Update agreement statuses for today, then e-mail each owner once a day about what expires soon."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the e-mails; change and send nothing.")
        parser.add_argument("--date", help="Act as if today were YYYY-MM-DD (for catching up).")

    def handle(self, *args, dry_run=False, date=None, **options):
        today = self._today(date)
        if dry_run:
            self.stdout.write(f"Dry run for {today.isoformat()}: statuses are not updated, nothing is sent.")
        else:
            counts = refresh_expiry(today)
            self.stdout.write("statuses: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        sent = send_reminders(today, dry_run=dry_run, write=self.stdout.write)
        self.stdout.write(f"{sent} reminder{'s' if sent != 1 else ''} {'would be sent' if dry_run else 'sent'}")

    @staticmethod
    def _today(value):
        if not value:
            return timezone.localdate()
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--date must be YYYY-MM-DD; got {value!r}") from None
