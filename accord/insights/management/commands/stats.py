import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from accord.insights.filters import home_units
from accord.insights.services.scope import Scope
from accord.insights.services.stats import all_figures
from accord.lib.limits import LISTED_IN_MESSAGE
from accord.registry.models import CountryGroup, Kind


class Command(BaseCommand):
    help = "Print the dashboard's headline figures for a period and its filters (default: all years)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--year", type=int, help="One calendar year (default: all years).")
        parser.add_argument("--from", dest="start", type=date.fromisoformat, help="Start of the period (YYYY-MM-DD).")
        parser.add_argument("--until", dest="end", type=date.fromisoformat, help="End of the period (YYYY-MM-DD).")
        parser.add_argument("--faculty", help="Only the records of this faculty (id, name or local name).")
        parser.add_argument("--group", help="Only partners in this country group (name, Chinese name or slug).")
        parser.add_argument("--kind", help=f"Only partners of this kind ({', '.join(Kind.values)}).")

    def handle(self, *args, json=False, year=None, start=None, end=None, faculty=None, group=None, kind=None,
               **options):
        if year is not None and (start or end):
            raise CommandError("give either --year or --from/--until, not both")
        if start and end and end < start:
            raise CommandError("the period ends before it starts")
        filters = {"faculty": _faculty(faculty), "group": _group(group), "kind": _kind(kind)}
        scope = Scope.for_year(year, **filters) if year is not None else Scope(start=start, end=end, **filters)
        figures = all_figures(scope)
        if json:
            self.stdout.write(_dumps(figures))
            return
        self.stdout.write(f"Period: {figures['period']['description']}")
        narrowed = ", ".join(f"{name} {value}" for name, value in figures["filters"].items() if value)
        if narrowed:
            self.stdout.write(f"Only: {narrowed}")
        self.stdout.write(
            f"{figures['partners']} partners in {figures['countries']} countries on {figures['continents']} continents"
        )
        for name, counts in figures["groups"].items():
            self.stdout.write(f"  {name}: {counts['partners']} partners in {counts['countries']} countries")


def _faculty(value):
    if not value:
        return None
    units = home_units()
    match = Q(name__iexact=value) | Q(local_name__iexact=value)
    if value.isdigit():
        match |= Q(pk=int(value))
    found = list(units.filter(match)[:2])
    if len(found) != 1:
        names = ", ".join(units.values_list("name", flat=True)[:LISTED_IN_MESSAGE])
        raise CommandError(f"no single faculty of the home university named {value!r} (faculties: {names})")
    return found[0]


def _group(value):
    if not value:
        return None
    found = CountryGroup.objects.filter(Q(name__iexact=value) | Q(slug=value) | Q(name_zh=value)).first()
    if found is None:
        raise CommandError(f"no country group named {value!r}")
    return found


def _kind(value):
    if not value:
        return ""
    if value not in Kind.values:
        raise CommandError(f"no institution kind {value!r} (kinds: {', '.join(Kind.values)})")
    return value


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
