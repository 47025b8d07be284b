"""Articles into the review queue: clean, de-duplicate by content hash, extract proposals."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accord.lib.limits import fit
from accord.newsroom import notices
from accord.newsroom.models import Article, Proposal
from accord.newsroom.pipeline import Document, build_pipeline, get_resources, run
from accord.newsroom.pipeline.clean import clean_text
from accord.newsroom.pipeline.document import DateValue

log = logging.getLogger(__name__)

SUFFIX_FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".md": "markdown",
                  ".markdown": "markdown"}
SUPPORTED = (*SUFFIX_FORMATS, ".jsonl")


class InputError(ValueError):
    """An input record the newsroom cannot read; the message names the field."""


WEB_SCHEMES = {"http", "https"}


def web_address(url: str) -> str:
    """An article's source address: empty, or an http(s) URL with a host (never javascript:, data:, file:)."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        raise InputError('"url" must be an http:// or https:// address')
    return url


def content_hash(text: str) -> str:
    """The same article twice (spacing and case aside) has the same hash."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def parse_published(value: str) -> date | DateValue:
    """A publication date: YYYY-MM-DD (a time after it is ignored), or a partial YYYY-MM or YYYY, which
    the pipeline takes as an anchor of that precision."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2}))?\s*", value)
    if m and (m.group(2) is None or 1 <= int(m.group(2)) <= 12):
        return DateValue(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError('"published" must be a date written YYYY-MM-DD, YYYY-MM or YYYY') from None


def parse_record(record) -> dict:
    """Validate one input record {"id", "text", "title"?, "url"?, "published"?}: the fields, or InputError."""
    if not isinstance(record, dict):
        raise InputError("expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('"text" must be a non-empty string')
    if "id" in record and not isinstance(record["id"], (str, int)):
        raise InputError('"id" must be a string or a number')
    for field in ("title", "url"):
        if record.get(field) is not None and not isinstance(record[field], str):
            raise InputError(f'"{field}" must be a string')
    published = record.get("published")
    if published:
        published = parse_published(str(published))
    return {
        "id": str(record.get("id", "")),
        "text": text,
        "title": record.get("title") or "",
        "url": web_address(record.get("url") or ""),
        "published": published or None,
    }


@dataclass
class IngestResult:
    article: Article
    created: bool


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def receive_article(text: str, *, title: str = "", url: str = "", published: date | DateValue | None = None,
                    fmt: str = "", by=None) -> IngestResult:
    """Put an article in the newsroom at once, waiting to be read (`process_article`); an article
    already there (same content hash) is returned as is. InputError when `url` is not an http(s) address."""
    url = web_address(url)
    cleaned, fmt = clean_text(text, fmt)
    digest = content_hash(cleaned)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return IngestResult(existing, False)
    day = published if isinstance(published, date) else None  # a partial date reaches the pipeline through the job
    article = Article(source_url=fit(Article, "source_url", url), title=fit(Article, "title", title), published=day, text=cleaned, raw=text,
                      original_format=fmt, content_hash=digest, ingested_by=_user(by),
                      status=Article.Status.PROCESSING)
    article._history_user = _user(by)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:  # the same article arrived by another way meanwhile
        return IngestResult(Article.objects.get(content_hash=digest), False)
    return IngestResult(article, True)


def process_article(article_id: int, *, resources=None, job=None, published: DateValue | None = None) -> bool:
    """Read an article that is waiting and write its proposals; idempotent: an article already read
    is left alone (False), so a repeated run never writes its proposals twice. With `job`, the job's
    progress is counted in the same transaction."""
    article = Article.objects.filter(pk=article_id, status=Article.Status.PROCESSING).first()
    if article is None:
        return False
    doc = run(Document(raw=article.raw or article.text, title=article.title, url=article.source_url,
                       published=article.published or published, format=article.original_format,
                       resources=resources or get_resources()), build_pipeline())
    with transaction.atomic():
        # the row lock (PostgreSQL) or the write lock (SQLite, IMMEDIATE) makes two workers queue here
        locked = Article.objects.select_for_update().filter(pk=article_id, status=Article.Status.PROCESSING).first()
        if locked is None:
            return False
        locked.title = fit(Article, "title", locked.title or doc.title or _first_line(doc.text))
        locked.published = locked.published or (doc.anchor if doc.anchor_precision == "day" else None)
        locked.text, locked.raw = doc.text, ""
        locked.status = Article.Status.QUEUED if doc.proposals else Article.Status.NO_EVENTS
        locked._history_user = locked.ingested_by
        locked.save(update_fields=["title", "published", "text", "raw", "status"])
        for proposal in doc.proposals:
            Proposal.objects.create(**proposal_fields(locked, proposal))
        if job is not None:
            job.count_part()
    # Told after the commit: the queries and the notices' own writes stay out of the one write lock that
    # the queue's workers share on SQLite (a third of an article's work was spent holding it). Keyed by
    # article: filed once. The article is read and counted by now: a notice that fails is logged, the
    # part does not fail (it would be counted twice).
    try:
        notices.proposals_ready(locked, by=locked.ingested_by)
    except DatabaseError:
        log.warning("article %s: could not tell the office about its proposals", article_id, exc_info=True)
    return True


def ingest_article(text: str, *, title: str = "", url: str = "", published: date | DateValue | None = None,
                   fmt: str = "", by=None, resources=None) -> IngestResult:
    """Add an article to the review queue and read it here and now (the queue's task does the same)."""
    result = receive_article(text, title=title, url=url, published=published, fmt=fmt, by=by)
    if result.created:
        process_article(result.article.pk, resources=resources,
                        published=published if isinstance(published, DateValue) else None)
        result.article.refresh_from_db()
    return result


def queue_articles(records, *, by=None, label: str = ""):
    """Receive articles (dicts with text, title, url, published, format) and queue one job that reads
    the new ones, each a part. Returns (job or None, articles in input order, how many were new)."""
    from accord.jobs.queue import start

    with transaction.atomic():  # the job is queued when its articles point to it
        return _queue_articles(records, by, label, start)


def _queue_articles(records, by, label, start):
    results = [receive_article(r["text"], title=r.get("title") or "", url=r.get("url") or "",
                               published=r.get("published"), fmt=r.get("format", ""), by=by) for r in records]
    new = [r.article.pk for r in results if r.created]
    job = None
    if new:
        url = reverse("newsroom:article-detail", args=[new[0]]) if len(new) == 1 else reverse("newsroom:article-list")
        partial = {str(r.article.pk): _partial(rec.get("published")) for r, rec in zip(results, records)
                   if r.created and isinstance(rec.get("published"), DateValue)}
        job = start("newsroom.process", by=by, parts=new, url=url, params={"published": partial} if partial else None,
                    label=label or (_("Reading %(n)s articles") % {"n": len(new)} if len(new) > 1
                                    else _("Reading an article")))
        Article.objects.filter(pk__in=new).update(job=job)
    fresh = Article.objects.in_bulk(new) if len(new) <= 1 else {}  # one article: its page is shown next
    articles = [fresh.get(r.article.pk, r.article) for r in results]
    return job, articles, len(new)


def _partial(value: DateValue) -> str:
    return f"{value.year:04d}" + (f"-{value.month:02d}" if value.month else "")


def proposal_fields(article, proposal: dict) -> dict:
    start, end = proposal.get("evidence_span") or (None, None)
    return {
        "article": article,
        "event_type": proposal["type"],
        "date": proposal.get("date") or "",
        "date_precision": proposal.get("date_precision") or "",
        "mode": proposal.get("mode") or "",
        "confidence": proposal.get("confidence") or 0.5,
        "payload": {
            "institutions": proposal.get("institutions", []),
            "people": proposal.get("people", []),
            "counts": proposal.get("counts", {}),
            "field_evidence": proposal.get("field_evidence", {}),
        },
        "evidence": proposal.get("evidence") or "",
        "evidence_start": start,
        "evidence_end": end,
    }


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def article_sources(paths):
    """(label, record dict or InputError) for every article in files and folders."""
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix not in SUPPORTED:
                yield str(file), InputError(f"unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED)}")
                continue
            if suffix == ".jsonl":
                with file.open(encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if not line.strip():
                            continue
                        label = f"{file}:{number}"
                        try:
                            yield label, parse_record(json.loads(line))
                        except (json.JSONDecodeError, InputError) as error:
                            yield label, InputError(str(error))
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                yield str(file), InputError(f"cannot read: {error}")
                continue
            yield str(file), {"id": file.stem, "text": text, "title": "", "url": "", "published": None,
                              "format": SUFFIX_FORMATS[suffix]}
