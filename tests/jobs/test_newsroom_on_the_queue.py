"""The newsroom on a real queue: a pasted article is taken at once, a worker reads it, the page shows
its proposals when the worker is done; a part read twice writes once; a failure reaches its starter."""

import pytest
from django.urls import reverse

from accord.jobs.models import Job
from accord.newsroom import tasks
from accord.newsroom.models import Article, Proposal
from accord.newsroom.services.ingest import process_article, queue_articles
from accord.registry.models import Country, Institution

from .conftest import wait_until

STORY = (
    "Lakeside Institute of Technology signs agreement with Northbridge University\n\n"
    "March 12, 2024\n\n"
    "Lakeside Institute of Technology signed a memorandum of understanding with Northbridge University "
    "in Beijing on March 8.\n"
)


@pytest.fixture
def partners(queue):
    for name, country in [("Lakeside Institute of Technology", "CN"), ("Northbridge University", "GB")]:
        Institution.objects.create(name=name, country=Country.objects.get(code=country))


def story(n):
    return STORY.replace("March 8", f"March {n}")


def test_a_pasted_article_is_taken_at_once_and_shows_its_proposals_when_the_worker_is_done(
        request, client_for, sam, partners):
    client = client_for(sam)
    response = client.post(reverse("newsroom:paste"), {"text": STORY})
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    assert article.status == Article.Status.PROCESSING and article.job.status == Job.Status.QUEUED

    page = client.get(article.get_absolute_url()).content.decode()
    assert "reading this article" in page and 'hx-trigger="every 1s"' in page
    assert client.get(article.get_absolute_url(), HTTP_HX_REQUEST="true").status_code == 200  # still polling

    request.getfixturevalue("worker")
    job = wait_until(lambda: Job.objects.filter(pk=article.job_id, status=Job.Status.DONE).first(), what="the job")
    assert job.done == 1 and job.started_by == sam
    polled = client.get(article.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert polled.status_code == 204 and polled["HX-Refresh"] == "true"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "reading this article" not in page and "Agreement signing" in page
    assert Article.objects.get().proposals.filter(event_type="agreement_signing").exists()


def test_a_batch_is_read_by_the_workers_each_article_once_even_when_its_parts_arrive_twice(worker, partners, sam):
    job, articles, created = queue_articles([{"text": story(n)} for n in range(1, 7)], by=sam)
    assert created == 6 and job.total == 6
    for article in articles[:3]:  # the same parts delivered again (a retry, a requeued stalled job)
        tasks.read_article(job.pk, article.pk)
    job = wait_until(lambda: Job.objects.filter(pk=job.pk, status=Job.Status.DONE).first(), what="the batch")
    assert job.done == 6 and job.failed == 0
    assert not Article.objects.filter(status=Article.Status.PROCESSING).exists()
    per_article = [Proposal.objects.filter(article=a, event_type="agreement_signing").count() for a in articles]
    assert per_article == [1] * 6
    assert process_article(articles[0].pk) is False  # already read: nothing written


def test_a_job_that_fails_tells_the_user_who_started_it_on_its_page(worker, client_for, sam, victor, partners,
                                                                    monkeypatch):
    def broken_step(doc):
        raise RuntimeError("the gazetteer is unreadable")

    monkeypatch.setattr("accord.newsroom.services.ingest.build_pipeline", lambda: [("broken", broken_step)])
    monkeypatch.setitem(tasks.read_article.settings, "retry_delay", 0)
    client = client_for(sam)
    client.post(reverse("newsroom:paste"), {"text": STORY})
    article = Article.objects.get()
    job = wait_until(lambda: Job.objects.filter(pk=article.job_id, status=Job.Status.FAILED).first(), what="failure")
    assert job.failed == 1 and "the gazetteer is unreadable" in job.error
    page = client.get(job.get_absolute_url()).content.decode()
    assert "What went wrong" in page and "the gazetteer is unreadable" in page and "hx-trigger" not in page
    assert "could not read this article" in client.get(article.get_absolute_url()).content.decode()
    assert client_for(victor).get(job.get_absolute_url()).status_code == 404  # not theirs to see
