from django.core.management.base import BaseCommand

from accord.operations.backup import backup


class Command(BaseCommand):
    help = "Back up the whole database to FILE: a SQLite copy, or a JSON dump when FILE ends in .json (any database)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        kind = backup(file)
        self.stdout.write(f"Backed up to {file} ({kind})")
