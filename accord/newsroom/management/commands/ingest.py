import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accord.newsroom.pipeline import get_resources
from accord.newsroom.services.ingest import InputError, article_sources, ingest_article


class Command(BaseCommand):
    help = "Add news articles (.txt, .html, .md, .jsonl files or folders) to the newsroom review queue."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files or folders")

    def handle(self, *args, paths, **options):
        sources = list(article_sources(paths))
        if not sources:
            raise CommandError("no articles found in " + ", ".join(paths))
        resources = get_resources()
        created = duplicates = skipped = 0
        for label, record in tqdm(sources, unit="article", file=sys.stderr, desc="ingest"):
            if isinstance(record, InputError):
                skipped += 1
                tqdm.write(f"{label}: skipped: {record}", file=sys.stderr)
                continue
            result = ingest_article(
                record["text"], title=record["title"], url=record["url"], published=record["published"],
                fmt=record.get("format", ""), resources=resources,
            )
            if result.created:
                created += 1
            else:
                duplicates += 1
        self.stdout.write(f"{created} articles added to the review queue, {duplicates} already there, {skipped} skipped")
