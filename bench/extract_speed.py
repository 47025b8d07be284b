"""Speed of the newsroom pipeline against spaCy's own NER, on the same text in the same run.

    .venv/bin/python bench/extract_speed.py [--megabytes 1]

Builds at least --megabytes of article text from the shared dev set and seed articles (repeated),
with the demo registry and the world-universities file in a temporary database, then prints
words/s and articles/s of the full pipeline (one process), articles/s in batch mode (2 processes), words/s of `nlp.pipe` with only the NER
component, and their ratio (goal >= 0.8), the same ratio in CPU time (steadier on a loaded machine),
plus the time of each pipeline step.
"""

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED") or ROOT.parent / "shared")  # ../shared beside the project


def articles(megabytes: float) -> list[dict]:
    base = [json.loads(line) for line in (SHARED / "corpus" / "news_dev.jsonl").open(encoding="utf-8")]
    base += [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted((SHARED / "seeds").glob("*.txt"))]
    out, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        item = base[n % len(base)]
        out.append({"id": f"{item['id']}-{n}", "text": item["text"], "title": item.get("title", ""),
                    "url": item.get("url", "")})
        size += len(item["text"].encode("utf-8"))
        n += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=1.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-extract-speed-") as tmp:
        os.environ.update({"DJANGO_SETTINGS_MODULE": "accord.settings", "ACCORD_DEBUG": "1",
                           "ACCORD_DATA_DIR": str(Path(tmp) / "data")})
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            call_command("migrate", verbosity=0)
            call_command("demo")
            call_command("import_hipo", str(SHARED / "data" / "world_universities_and_domains.json"), verbosity=0)
        from accord.newsroom.pipeline import Document, build_pipeline, get_resources, run
        from accord.newsroom.pipeline.nlp import get_nlp, get_parser

        from accord.registry.services.lookup import get_index

        nlp, resources = get_nlp(), get_resources()
        get_parser(), get_index()  # loaded once per process, as the model is: not part of any article's time
        items = articles(options.megabytes)
        words = sum(len(item["text"].split()) for item in items)
        megabytes = sum(len(item["text"].encode("utf-8")) for item in items) / 1e6

        ner_only = [name for name in nlp.pipe_names if name != "ner"]

        def ner_seconds_once() -> tuple[float, float]:
            started, cpu = time.perf_counter(), time.process_time()
            with nlp.select_pipes(disable=ner_only):
                for _ in nlp.pipe((item["text"] for item in items), batch_size=64):
                    pass
            return time.perf_counter() - started, time.process_time() - cpu

        ner_before, ner_cpu_before = ner_seconds_once()  # before and after the pipeline: the machine's load varies
        steps = build_pipeline()
        timings: dict[str, float] = {}
        started, cpu = time.perf_counter(), time.process_time()
        for item in items:
            doc = run(Document(raw=item["text"], title=item["title"], url=item["url"], resources=resources), steps,
                      timed=True)
            for name, seconds in doc.timings.items():
                timings[name] = timings.get(name, 0.0) + seconds
        pipeline_seconds = time.perf_counter() - started
        pipeline_cpu = time.process_time() - cpu

        ner_after, ner_cpu_after = ner_seconds_once()
        ner_seconds, ner_cpu = (ner_before + ner_after) / 2, (ner_cpu_before + ner_cpu_after) / 2

        from accord.newsroom.services.extract import extract_lines

        lines = [json.dumps(item) for item in items]
        started = time.perf_counter()
        for _ in extract_lines(lines, workers=2):
            pass
        batch_seconds = time.perf_counter() - started

    print(f"text                     {megabytes:.2f} MB, {words} words, {len(items)} articles")
    print(f"pipeline words/s         {words / pipeline_seconds:,.0f}")
    print(f"pipeline articles/s      {len(items) / pipeline_seconds:.1f}")
    print(f"batch (2 workers) art./s {len(items) / batch_seconds:.1f}  (accord extract --workers 2)")
    print(f"spaCy NER-only words/s   {words / ner_seconds:,.0f}")
    print(f"ratio pipeline / NER     {ner_seconds / pipeline_seconds:.2f}  (goal >= 0.8)")
    print(f"CPU time: pipeline {pipeline_cpu:.2f} s, NER only {ner_cpu:.2f} s, ratio {ner_cpu / pipeline_cpu:.2f}"
          "  (steadier than wall time on a loaded machine)")
    print("time per step:")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:12} {seconds:7.2f} s  {100 * seconds / pipeline_seconds:5.1f} %")


if __name__ == "__main__":
    main()
