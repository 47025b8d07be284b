import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accord.newsroom.services.extract import extract_lines


class Command(BaseCommand):
    help = "Extract cooperation events from news articles (JSONL in, JSONL out); the database is only read."

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="JSONL: one {id, text, title?, url?, published?} per line")
        parser.add_argument("--output", required=True, help="JSONL: one {id, events: [...]} per input line")
        parser.add_argument("--workers", type=int, default=1, help="processes extracting in parallel (default 1)")

    def handle(self, *args, input, output, workers=1, **options):
        try:
            with open(input, encoding="utf-8") as handle:
                lines = handle.readlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {input}: {error}") from error
        errors = []

        def report(number, message):
            errors.append(number)
            tqdm.write(f"{input}:{number}: skipped: {message}", file=sys.stderr)

        written = 0
        try:
            out = open(output, "w", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error}") from error
        with out, tqdm(total=len(lines), unit="article", file=sys.stderr, desc="extract") as bar:
            for row in extract_lines(_counted(lines, bar) if workers <= 1 else lines, on_error=report,
                                     workers=max(1, workers)):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
                if workers > 1:
                    bar.update(1)
        self.stderr.write(f"{written} articles extracted to {output}; {len(errors)} malformed lines skipped")


def _counted(lines, bar):
    for line in lines:
        yield line
        bar.update(1)
