from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import translation

from accord.insights.reports import FORMATS, build_report, report_file_name
from accord.insights.services.scope import Scope
from accord.lib.limits import LISTED_IN_MESSAGE
from accord.registry.models import Institution


class Command(BaseCommand):
    help = "Write the yearly international-cooperation report (PDF or XLSX) for a year and optionally a faculty."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Calendar year of the report.")
        parser.add_argument("--faculty", help="Only this faculty's records (record id, or name of a home unit).")
        parser.add_argument("--format", choices=sorted(FORMATS), default="pdf", dest="fmt")
        parser.add_argument("--output", help="File to write (default: accord-report-YEAR.FORMAT in the current folder).")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE,
                            choices=[code for code, _name in settings.LANGUAGES],
                            help="Language of the report's headings, labels and country names (default: %(default)s).")

    def handle(self, *args, year, faculty=None, fmt="pdf", output=None, language=None, **options):
        selected = _faculty(faculty) if faculty else None
        scope = Scope.for_year(year, faculty=selected)
        with translation.override(language or settings.LANGUAGE_CODE):
            body = build_report(fmt, scope)
        path = Path(output or report_file_name(scope, fmt))
        path.write_bytes(body)
        self.stdout.write(f"wrote {path} ({len(body):,} bytes)")


def _faculty(text):
    units = Institution.objects.home_units()
    match = Q(name__iexact=text) | Q(local_name=text)
    if text.isdigit():
        match |= Q(pk=int(text))
    found = list(units.filter(match)[:2])
    if len(found) != 1:
        names = ", ".join(units.order_by("name").values_list("name", flat=True)[:LISTED_IN_MESSAGE])
        raise CommandError(f"--faculty {text!r} is not one unit of the home university; units: {names}")
    return found[0]
