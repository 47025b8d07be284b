"""Newsroom work on the queue: reading articles (pasted, uploaded, `accord ingest`ed), one part each."""

from accord.jobs.queue import job_task
from accord.newsroom.models import Article
from accord.newsroom.services.ingest import parse_published, process_article


@job_task("newsroom.process", parts=True)
def read_article(job, article_id):
    partial = job.params.get("published", {}).get(str(article_id))  # YYYY or YYYY-MM
    if not process_article(article_id, job=job, published=parse_published(partial) if partial else None) and not Article.objects.filter(pk=article_id).exists():
        job.count_part(failed=True, error=f"article {article_id} was deleted before it was read")
