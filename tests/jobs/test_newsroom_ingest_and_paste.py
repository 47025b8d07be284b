"""`accord ingest` and the web's Paste take one code path: the article is in the newsroom at once,
its page shows it being read (polling), and the same queued task reads it and shows its proposals."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accord.jobs.models import Job
from accord.newsroom.models import Article
from accord.registry.models import Country, Institution

from .conftest import wait_until

STORY = (
    "Lakeside Institute of Technology signs agreement with Northbridge University\n\n"
    "March 12, 2024\n\n"
    "Lakeside Institute of Technology signed a memorandum of understanding with Northbridge University "
    "in Beijing on March {day}.\n"
)


@pytest.fixture
def partners(queue):
    for name, country in [("Lakeside Institute of Technology", "CN"), ("Northbridge University", "GB")]:
        Institution.objects.create(name=name, country=Country.objects.get(code=country))


def test_an_ingested_and_a_pasted_article_are_read_by_the_same_task_and_their_pages_follow_it(
        request, tmp_path, client_for, sam, partners, capsys):
    (tmp_path / "story.txt").write_text(STORY.format(day=8), encoding="utf-8")
    call_command("ingest", str(tmp_path / "story.txt"), "--no-wait")
    assert "1 articles added to the review queue" in capsys.readouterr().out
    client = client_for(sam)
    client.post(reverse("newsroom:paste"), {"text": STORY.format(day=9)})
    ingested, pasted = Article.objects.order_by("pk")
    assert ingested.job.kind == pasted.job.kind == "newsroom.process"
    for article in (ingested, pasted):
        assert article.status == Article.Status.PROCESSING and article.job.status == Job.Status.QUEUED
        page = client.get(article.get_absolute_url()).content.decode()
        assert "reading this article" in page and 'hx-trigger="every 1s"' in page and "<progress" in page
        polled = client.get(article.get_absolute_url(), HTTP_HX_REQUEST="true")
        assert polled.status_code == 200 and "Waiting for a worker" in polled.content.decode()  # the job's progress

    request.getfixturevalue("worker")
    for article in (ingested, pasted):
        wait_until(lambda: Job.objects.filter(pk=article.job_id, status=Job.Status.DONE).exists(), what="the job")
        polled = client.get(article.get_absolute_url(), HTTP_HX_REQUEST="true")
        assert polled.status_code == 204 and polled["HX-Refresh"] == "true"  # the page reloads itself once
        page = client.get(article.get_absolute_url()).content.decode()
        assert "reading this article" not in page and "Agreement signing" in page
    assert [a.proposals.get().date for a in Article.objects.order_by("pk")] == ["2024-03-08", "2024-03-09"]
