from django.core.management.base import BaseCommand

from accord.accounts.demo import describe
from accord.lib import hooks
from accord.notifications.services import without_email


class Command(BaseCommand):
    help = "Load the demo dataset (idempotent): the home university, its partners, networks, groups and users."

    def add_arguments(self, parser):
        parser.add_argument("--list-users", action="store_true", help="Only print the demo logins.")

    def handle(self, *args, list_users=False, **options):
        if list_users:
            self.stdout.write("\n".join(describe()))
            return
        # each app's part, registered in lib.hooks.DEMO_STEPS in dependency (INSTALLED_APPS) order
        for name, step in hooks.DEMO_STEPS.items():
            with without_email():  # the demo's applications notify their mentors in the app only
                counts = step()
            summary = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(f"{name}: {summary}")
