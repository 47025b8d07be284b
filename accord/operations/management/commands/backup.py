from django.core.management.base import BaseCommand

from accord.operations.backup import backup


class Command(BaseCommand):
    help = ("Back up the database and every uploaded file to one archive FILE (tar; .tar.gz compressed) with a "
            "manifest of checksums.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true",
                            help="hold the database as JSON, restorable into any database (always so on PostgreSQL)")

    def handle(self, *args, file, json, **options):
        kind = backup(file, as_json=json)
        self.stdout.write(f"Backed up to {file} (database as {kind}, with the uploaded files)")
