from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from accord.notifications.services import without_email

# Each step loads one app's part of the demo dataset, in dependency order.
DEMO_STEPS = [
    "accord.registry.demo.load",
    "accord.registry.demo_office.load",
    "accord.accounts.demo.load",
    "accord.agreements.demo.load",
    "accord.agreements.demo_office.load",
    "accord.mobility.demo.load",
    "accord.mobility.demo_office.load",
    "accord.activities.demo.load",
    "accord.activities.demo_office.load",
    "accord.guidance.demo.load",
    "accord.insights.demo.load",
]


class Command(BaseCommand):
    help = "Load the demo dataset (idempotent): the home university, its partners, networks, groups and users."

    def add_arguments(self, parser):
        parser.add_argument("--list-users", action="store_true", help="Only print the demo logins.")

    def handle(self, *args, list_users=False, **options):
        from accord.accounts.demo import describe

        if list_users:
            self.stdout.write("\n".join(describe()))
            return
        for step in DEMO_STEPS:
            with without_email():  # the demo's applications notify their mentors in the app only
                counts = import_string(step)()
            summary = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(f"{step.split('.')[1]}: {summary}")
