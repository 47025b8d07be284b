"""Quality of the newsroom extractor on the shared dev set, cross-validated.

    .venv/bin/python bench/extract_quality.py [--folds 5] [--seed 16] [--errors] [--hold 0] [--keep DIR]
        [--gold tests/newsroom/challenge/guide_challenge.jsonl]

With the demo registry and the world-universities file imported into a temporary database (or into
--keep DIR, reused on the next run), runs `accord extract`'s code on ../shared/corpus/news_dev.jsonl
and scores it with ../shared/tools/score_extraction.py.

The articles are split into --folds folds (fixed --seed, stratified by whether the article reports an
event). The one setting the bench tunes, the least confidence an event needs to be proposed, is chosen
on the other folds and applied to each fold in turn; the pooled held-out folds give the
cross-validated figure of every metric, printed beside the whole-dev figure and each fold's figure.
The rules themselves are written from ANNOTATION.md and from error analysis on the folds other than
--hold (default 0): `--errors` prints every error of those folds, never of the held-out one.
Also prints the ten most frequent kinds of error over the whole set, and articles/s.

--gold scores another annotated file instead, such as tests/newsroom/challenge/guide_challenge.jsonl: 105 short
articles written by the project from ANNOTATION.md's definitions, in batches of 15-30; each batch's first
score, before any rule was changed for it, is the figure the README reports.

Goals (the issue's forecast for an unseen set): institution F1 >= 0.85, headline type recall >= 0.85,
event F1 >= 0.75, date accuracy >= 0.80, country >= 0.95, role >= 0.90, no-event clean >= 0.90.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import importlib.util
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED") or ROOT.parent / "shared")  # ../shared beside the project
GOLD = SHARED / "corpus" / "news_dev.jsonl"
METRICS = ["institution_f1", "institution_precision", "institution_recall", "primary_type_recall", "event_f1",
           "event_precision", "event_recall", "date_accuracy", "country_accuracy", "role_accuracy", "negative_clean"]
GOALS = {"institution_f1": 0.85, "primary_type_recall": 0.85, "event_f1": 0.75, "date_accuracy": 0.80,
         "country_accuracy": 0.95, "role_accuracy": 0.90, "negative_clean": 0.90}
THRESHOLDS = [0.0, 0.5, 0.55, 0.6, 0.65, 0.7]  # least confidence of a proposed event


def scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folds(rows: list[dict], k: int, seed: int) -> list[list[str]]:
    """k folds of article ids, stratified by has-event, the same for the same seed."""
    rng = random.Random(seed)
    out: list[list[str]] = [[] for _ in range(k)]
    at = 0
    for has_event in (True, False):
        ids = sorted(r["id"] for r in rows if bool(r["gold"]["events"]) == has_event)
        rng.shuffle(ids)
        for article in ids:
            out[at % k].append(article)
            at += 1
    return out


def kept(pred: dict, threshold: float) -> dict:
    return {"id": pred["id"], "events": [e for e in pred["events"] if (e.get("confidence") or 0) >= threshold]}


def objective(summary: dict) -> float:
    """How close to the goals: the mean of each goal metric over its goal, capped at 1."""
    return sum(min(1.0, summary[m] / g) for m, g in GOALS.items()) / len(GOALS)


def best_threshold(score, gold: list[dict], preds: dict) -> float:
    return max(THRESHOLDS, key=lambda t: (objective(score(gold, {i: kept(p, t) for i, p in preds.items()})), -t))


# -- error kinds ----------------------------------------------------------------------------------

def errors(module, row: dict, pred: dict) -> list[tuple[str, str]]:
    """(kind, detail) of every error in one article, by the scorer's own matching rules."""
    out = []
    aliases = row["meta"].get("aliases", {})
    gold_events, pred_events = row["gold"]["events"], pred["events"]
    primary = set(row["meta"].get("primary_event_indices", range(len(gold_events))))
    if not gold_events and pred_events:
        out.append(("event on a no-event article", ", ".join(e["type"] for e in pred_events)))
    used = set()
    for g_index, g in enumerate(gold_events):
        hit = None
        for p_index, p in enumerate(pred_events):
            if p_index in used or p["type"] != g["type"]:
                continue
            if module.match_institutions(p["institutions"], g["institutions"], aliases) or len(g["institutions"]) <= 1:
                hit = p_index
                break
        label = "headline" if g_index in primary else "background"
        if hit is None:
            same_type = [p for p in pred_events if p["type"] == g["type"]]
            if same_type:
                out.append((f"{label} event: type found, parties differ", g["type"]))
            elif pred_events:
                out.append((f"{label} event missed: other types found", f"{g['type']} vs {[p['type'] for p in pred_events]}"))
            else:
                out.append((f"{label} event missed: nothing found", g["type"]))
            continue
        used.add(hit)
        if g_index in primary and g.get("date"):
            predicted = pred_events[hit].get("date")
            if not module.date_agrees(predicted, g["date"]):
                out.append(("date: none" if not predicted else "date: wrong", f"{predicted} vs {g['date']}"))
    for p_index, p in enumerate(pred_events):
        if p_index not in used and gold_events:
            out.append(("spurious event", p["type"]))
    gold_parties = module.unique_parties(gold_events)
    pred_parties = module.unique_parties(pred_events)
    pairs = module.match_institutions(pred_parties, gold_parties, aliases)
    matched_gold = {id(g) for _, g in pairs}
    matched_pred = {id(p) for p, _ in pairs}
    for g in gold_parties:
        if id(g) not in matched_gold:
            out.append(("institution missed", f"{g['name']} ({g['country']})"))
    for p in pred_parties:
        if id(p) not in matched_pred:
            out.append(("institution spurious", f"{p['name']} ({p.get('country')})"))
    for p, g in pairs:
        if g.get("country") and (p.get("country") or "").upper() != g["country"]:
            out.append(("country: none" if not p.get("country") else "country: wrong",
                        f"{p['name']}: {p.get('country')} vs {g['country']}"))
        if g.get("role") and p.get("role") != g["role"]:
            out.append(("role wrong", f"{p['name']}: {p.get('role')} vs {g['role']}"))
    return out


# -- running the extractor ------------------------------------------------------------------------

def prepare(data_dir: Path) -> None:
    os.environ.update({"DJANGO_SETTINGS_MODULE": "accord.settings", "ACCORD_DEBUG": "1",
                       "ACCORD_DATA_DIR": str(data_dir)})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    ready = data_dir / ".bench-ready"
    if ready.exists():
        return
    with open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0)
        call_command("demo", stdout=quiet)
        call_command("import_hipo", str(SHARED / "data" / "world_universities_and_domains.json"), verbosity=0,
                     stdout=quiet)
    ready.touch()


def extract(rows: list[dict]) -> tuple[dict, float]:
    from accord.newsroom.pipeline import get_resources
    from accord.newsroom.pipeline.nlp import get_nlp, get_parser
    from accord.newsroom.services.extract import extract_lines

    get_nlp(), get_parser(), get_resources()  # loaded once per process, as `accord extract` does
    lines = [json.dumps({k: r[k] for k in ("id", "text", "title", "url", "published") if k in r}) for r in rows]
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet, contextlib.redirect_stderr(quiet):
        preds = {p["id"]: p for p in extract_lines(lines)}
    return preds, len(rows) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--hold", type=int, default=0,
                        help="the fold never looked at while writing rules (-1: none, every error is shown)")
    parser.add_argument("--errors", action="store_true", help="print every error of the folds other than --hold")
    parser.add_argument("--keep", help="a data directory kept (and reused) between runs")
    parser.add_argument("--save", help="write the predictions (JSONL) to this file")
    parser.add_argument("--gold", default=str(GOLD), help="annotated articles (JSONL, ANNOTATION.md's format)")
    options = parser.parse_args()
    module = scorer()
    gold_path = Path(options.gold)
    rows = module.read_jsonl(str(gold_path))
    by_id = {r["id"]: r for r in rows}
    with contextlib.ExitStack() as stack:
        if options.keep:
            data_dir = Path(options.keep)
            data_dir.mkdir(parents=True, exist_ok=True)
        else:
            data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="accord-extract-quality-")))
        prepare(data_dir)
        preds, rate = extract(rows)
    if options.save:
        with open(options.save, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(preds[row["id"]], ensure_ascii=False) + "\n")

    score = module.score
    split = folds(rows, options.folds, options.seed)
    held_out: dict[str, dict] = {}
    per_fold = []
    for k, fold in enumerate(split):
        train = [by_id[i] for r_fold in split if r_fold is not fold for i in r_fold]
        threshold = best_threshold(score, train, {r["id"]: preds[r["id"]] for r in train})
        for i in fold:
            held_out[i] = kept(preds[i], threshold)
        per_fold.append((threshold, score([by_id[i] for i in fold], {i: held_out[i] for i in fold})))
    cross = score(rows, held_out)
    whole_threshold = best_threshold(score, rows, preds)
    whole = score(rows, {i: kept(p, whole_threshold) for i, p in preds.items()})

    print(f"== {gold_path.name}: {len(rows)} articles, {options.folds} folds (seed {options.seed}, stratified by has-event)")
    header = f"{'metric':22} {'cross-val':>9} {'whole':>7} {'goal':>5}  " + " ".join(f"{'f' + str(k):>5}" for k in range(len(split)))
    print(header)
    for metric in METRICS:
        goal = GOALS.get(metric)
        mark = "" if goal is None else ("  ok" if cross[metric] >= goal else "  below")
        print(f"{metric:22} {cross[metric]:9.3f} {whole[metric]:7.3f} {goal or '':>5}  "
              + " ".join(f"{s[metric]:5.2f}" for _, s in per_fold) + mark)
    print(f"{'least confidence':22} {'per fold':>9} {whole_threshold:7.2f} {'':>5}  "
          + " ".join(f"{t:5.2f}" for t, _ in per_fold))
    if 0 <= options.hold < len(per_fold):
        print(f"held-out fold f{options.hold} (never read while writing rules): "
              + ", ".join(f"{m} {per_fold[options.hold][1][m]:.2f}" for m in GOALS))
    print(f"articles/s               {rate:.2f}")

    kinds = collections.Counter()
    details = []
    for k, fold in enumerate(split):
        for i in fold:
            for kind, detail in errors(module, by_id[i], kept(preds[i], whole_threshold)):
                kinds[kind] += 1
                if k != options.hold:
                    details.append((i, kind, detail))
    print("== the ten most frequent kinds of error (whole set)")
    for kind, count in kinds.most_common(10):
        print(f"{count:5}  {kind}")
    if options.errors:
        print(f"== errors of the folds other than f{options.hold}")
        for article, kind, detail in sorted(details):
            print(f"{article}  {kind}: {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
