import json

from django.core.management.base import BaseCommand, CommandError

from accord.registry.models import CountryGroup
from accord.registry.services.stats import all_figures


class Command(BaseCommand):
    help = "Print headline figures: partners, countries, continents, per country group and network."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--group", help="Count only partners in this country group (name or slug).")
        parser.add_argument("--year", type=int, help="Figures for one calendar year (sections that support it).")

    def handle(self, *args, json=False, group=None, year=None, **options):
        selected = None
        if group:
            selected = CountryGroup.objects.filter(name__iexact=group).first() or CountryGroup.objects.filter(
                slug=group
            ).first()
            if selected is None:
                raise CommandError(f"no country group named {group!r}")
        figures = all_figures(year=year, group=selected)
        if group:
            figures["group"] = selected.name
        if json:
            self.stdout.write(_dumps(figures))
            return
        self.stdout.write(
            f"{figures['partners']} partners in {figures['countries']} countries on {figures['continents']} continents"
        )
        for name, counts in figures["groups"].items():
            self.stdout.write(f"  {name}: {counts['partners']} partners in {counts['countries']} countries")


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
