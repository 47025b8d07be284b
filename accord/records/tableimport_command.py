"""The thin `accord import <kind> FILE` command shared by the table imports (agreements, activities, mobility)."""

from typing import ClassVar

from django.core.management.base import BaseCommand, CommandError

from accord.records.tableimport import describe, get_import
from accord.registry.importers.base import ImportFailed


class TableImportCommand(BaseCommand):
    kind: ClassVar[str] = ""

    @property
    def help(self):
        return f"Import {self.kind} from a CSV or XLSX file, all or nothing (columns: docs/records-import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file")
        parser.add_argument("--dry-run", action="store_true", help="check every row and print the errors; write nothing")

    def handle(self, *args, **options):
        importer = get_import(self.kind)
        path = options["file"]
        if options["dry_run"]:
            preview = importer.validate(path)
            if not preview.ok:
                raise CommandError("\n".join([*preview.messages(), "nothing was imported (dry run)"]))
            self.stdout.write(f"{path}: {len(preview.rows)} rows are ready to import (dry run: nothing written)")
            return
        try:
            count = importer.commit(path, by=None)
        except ImportFailed as failed:
            lines = [describe(e) if hasattr(e, "where") else str(e) for e in failed.errors]
            raise CommandError("\n".join([*lines, "nothing was imported"])) from None
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} {self.kind} records imported from {path}")
