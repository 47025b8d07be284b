from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accord.registry.importers.csvio import EXPORTERS


class Command(BaseCommand):
    help = "Export every institution as CSV (columns: docs/csv-format.md); FILE '-' writes to standard output."
    exporter_name = "csv"

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file to write, or - for standard output")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def handle(self, *args, **options):
        export = EXPORTERS[self.exporter_name]
        progress = not options["no_progress"] and options["verbosity"] > 0
        target = options["file"]
        if target == "-":
            export(self.stdout._out, progress=progress)
            return
        try:
            with open(Path(target), "w", encoding="utf-8", newline="") as handle:
                count = export(handle, progress=progress, desc=f"csv export {Path(target).name}")
        except OSError as exc:
            raise CommandError(f"{target}: {exc.strerror}") from exc
        if options["verbosity"] > 0:
            self.stdout.write(f"exported {count} institutions to {target}")
