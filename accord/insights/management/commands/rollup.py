import time

from django.core.management.base import BaseCommand, CommandError

from accord.insights.models import ALL_TIME
from accord.insights.services import rollup


class Command(BaseCommand):
    help = ("Rebuild the partners-per-year table the insights read (kept current automatically; rebuild it "
            "after writing records with SQL outside Accord), or --check it against the records.")

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Compare the table with the records and exit with status 1 if they differ.")

    def handle(self, *args, check=False, **options):
        if check:
            return self._check()
        started = time.perf_counter()
        written = rollup.rebuild()
        span = rollup.coverage()
        self.stdout.write(f"partners per year rebuilt for {span.first}–{span.last} and any time: "
                          f"{written:,} rows in {time.perf_counter() - started:.1f} s")

    def _check(self):
        if rollup.coverage() is None:
            raise CommandError("The partners-per-year table has never been built: run `accord rollup`.")
        problems = []
        for (year, faculty), diff in sorted(rollup.differences().items()):
            when = "any time" if year == ALL_TIME else str(year)
            owner = f"faculty {faculty}" if faculty else "any faculty"
            problems.append(f"{when}, {owner}: missing {_ids(diff['missing'])}, extra {_ids(diff['extra'])}")
        stale = rollup.stale_attributes()
        if stale:
            problems.append(f"country, kind or coordinates out of date for institutions {_ids(stale)}")
        if problems:
            self.stderr.write("\n".join(problems))
            raise CommandError("The partners-per-year table differs from the records: run `accord rollup`.")
        span = rollup.coverage()
        self.stdout.write(f"partners per year for {span.first}–{span.last} and any time match the records")


def _ids(ids, shown=10):
    if not ids:
        return "none"
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(map(str, ids[:shown])) + more
