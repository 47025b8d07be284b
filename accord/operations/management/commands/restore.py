from django.core.management.base import BaseCommand, CommandError

from accord.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = ("Restore a backup made by `accord backup` into an empty, migrated database and its files (every checksum "
            "verified before anything is written).")

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            kind, files = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {file} (database as {kind}, {files} files)")
