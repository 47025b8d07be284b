"""The thin `accord import <kind> FILE` command shared by the table imports (agreements, activities, mobility)."""

from pathlib import Path
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
        name = Path(path).name  # every error names the file, as the registry importers' do
        if options["dry_run"]:
            preview = importer.validate(path)
            if not preview.ok:
                lines = [*(f"{name}: {problem}" for problem in preview.problems),
                         *(f"{name} {describe(error)}" for error in preview.errors)]
                raise CommandError("\n".join([*lines, "nothing was imported (dry run)"]))
            self.stdout.write(f"{path}: {len(preview.rows)} rows are ready to import (dry run: nothing written)")
            return
        try:
            count = importer.commit(path, by=None)
        except ImportFailed as failed:
            lines = [f"{name} {describe(e)}" if hasattr(e, "where") else f"{name}: {e}" for e in failed.errors]
            raise CommandError("\n".join([*lines, "nothing was imported"])) from None
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} {self.kind} records imported from {path}")
