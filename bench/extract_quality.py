"""Quality of the newsroom extractor: `accord extract` on the shared dev set and the seed articles,
with the demo registry and the world-universities file imported into a fresh temporary database.

    .venv/bin/python bench/extract_quality.py

Prints every metric of ../shared/tools/score_extraction.py on news_dev.jsonl, articles/s of the
extraction (spaCy and the registry loaded once per process, included), and what the five seed
articles (no gold: read them by eye) produce. Goals: institution F1 >= 0.90, country accuracy >= 0.95,
headline-event type recall >= 0.90, event F1 >= 0.80, date accuracy >= 0.85.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="accord-extract-quality-") as tmp:
        tmp = Path(tmp)
        os.environ.update({"DJANGO_SETTINGS_MODULE": "accord.settings", "ACCORD_DEBUG": "1",
                           "ACCORD_DATA_DIR": str(tmp / "data")})
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("demo", stdout=open(os.devnull, "w"))
        call_command("import_hipo", str(SHARED / "data" / "world_universities_and_domains.json"), verbosity=0,
                     stdout=open(os.devnull, "w"))
        from accord.newsroom.pipeline import get_resources
        from accord.newsroom.pipeline.nlp import get_nlp

        get_nlp(), get_resources()  # loaded once per process, as `accord extract` does before its first line

        gold = SHARED / "corpus" / "news_dev.jsonl"
        seeds = tmp / "seeds.jsonl"
        with seeds.open("w", encoding="utf-8") as handle:
            for path in sorted((SHARED / "seeds").glob("*.txt")):
                handle.write(json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}) + "\n")
        rates = {}
        for name, source in (("dev", gold), ("seeds", seeds)):
            count = sum(1 for line in source.open(encoding="utf-8") if line.strip())
            started = time.perf_counter()
            with open(os.devnull, "w") as quiet, contextlib.redirect_stderr(quiet):  # the progress bar
                call_command("extract", "--input", str(source), "--output", str(tmp / f"{name}.out.jsonl"),
                             stderr=quiet)
            rates[name] = count / (time.perf_counter() - started)

        print(f"== score_extraction.py on {gold.name}")
        result = subprocess.run([sys.executable, str(SHARED / "tools" / "score_extraction.py"), str(gold),
                                 str(tmp / "dev.out.jsonl")], capture_output=True, text=True)
        print(result.stdout.rstrip())
        print(f"articles/s (dev)         {rates['dev']:.2f}")
        print(f"articles/s (seeds)       {rates['seeds']:.2f}")
        print("== seed articles (no gold)")
        for line in (tmp / "seeds.out.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            print(row["id"])
            for event in row["events"]:
                parties = ", ".join(f"{i['name']} ({i['country']}, {i['role']})" for i in event["institutions"])
                people = ", ".join(p["name"] for p in event["people"])
                print(f"  {event['type']} {event['date']} {event['mode']}: {parties}" + (f"; people: {people}" if people else ""))
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
