"""`accord lookup [--country XX] [--limit N] [--json] QUERY...`: resolve names to registry institutions."""

import json

from django.core.management.base import BaseCommand, CommandError

from accord.registry.services.lookup import lookup_many


class Command(BaseCommand):
    help = "Resolve free-text institution names to registry records, best match first."

    def add_arguments(self, parser):
        parser.add_argument("queries", nargs="+", metavar="QUERY", help="a name, alias or acronym")
        parser.add_argument("--country", help="ISO 3166-1 alpha-2 code of the country to prefer")
        parser.add_argument("--only-country", action="store_true", help="return matches in --country only")
        parser.add_argument("--limit", type=int, default=5, help="matches per query (default 5)")
        parser.add_argument("--json", action="store_true", help="one JSON line per query")

    def handle(self, *args, queries, country, only_country, limit, **options):
        if country and len(country) != 2:
            raise CommandError("--country takes an ISO 3166-1 alpha-2 code such as GB")
        if only_country and not country:
            raise CommandError("--only-country needs --country")
        if limit < 1:
            raise CommandError("--limit must be at least 1")
        results = lookup_many(queries, country=country, limit=limit, only_country=only_country)
        for query in queries:
            matches = results[query]
            if options["json"]:
                self.stdout.write(_json_line(query, matches))
            else:
                self._table(query, matches)

    def _table(self, query, matches):
        self.stdout.write(self.style.MIGRATE_HEADING(query))
        if not matches:
            self.stdout.write("  (no match)")
            return
        width = max(len(m.name) for m in matches)
        for m in matches:
            self.stdout.write(
                f"  {m.score:>3}  #{m.id:<7} {m.name:<{width}}  {m.country or '--'}  {m.how}"
                + (f" ({m.matched_name})" if m.matched_name != m.name else "")
            )


def _json_line(query, matches) -> str:
    payload = {
        "query": query,
        "matches": [{"id": m.id, "name": m.name, "country": m.country, "score": m.score} for m in matches],
    }
    return json.dumps(payload, ensure_ascii=False)
