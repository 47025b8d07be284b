"""The review queue pages: the article is always text, the evidence is highlighted, nothing is |safe."""

import pytest
from django.urls import reverse

from accord.newsroom.models import Article, Proposal
from accord.newsroom.services.ingest import ingest_article

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Lakeside Institute of Technology signs agreement with Northbridge University <script>alert(1)</script>\n\n"
    "Lakeside Institute of Technology signed an agreement with Northbridge University on March 8, 2024 in "
    "Beijing. Fish &amp; chips were served <b>after</b> the ceremony.\n"
)


@pytest.fixture
def hostile_article(registry, sam):
    return ingest_article(HOSTILE, fmt="text", by=sam).article


def test_it_lists_articles_with_their_counts(client_for, victor, hostile_article):
    response = client_for(victor).get(reverse("newsroom:article-list"))
    assert response.status_code == 200
    row = response.context["object_list"][0]
    assert row == hostile_article and row.proposed == hostile_article.proposals.count() >= 1


def test_it_shows_the_article_text_beside_its_proposals_with_the_evidence_marked(client_for, sam, hostile_article):
    response = client_for(sam).get(hostile_article.get_absolute_url())
    body = response.content.decode()
    proposal = hostile_article.proposals.get()
    assert f'<mark id="evidence-{proposal.pk}">' in body
    assert reverse("newsroom:proposal-accept", args=[proposal.pk]) in body


@pytest.mark.parametrize("page", ["list", "detail", "edit", "merge"])
def test_it_escapes_markup_and_entities_in_article_text_on_every_page(client_for, sam, hostile_article, page):
    proposal = hostile_article.proposals.get()
    proposal.evidence = HOSTILE.splitlines()[0]
    proposal.save()
    url = {
        "list": reverse("newsroom:article-list"),
        "detail": hostile_article.get_absolute_url(),
        "edit": reverse("newsroom:proposal-edit", args=[proposal.pk]),
        "merge": reverse("newsroom:proposal-merge", args=[proposal.pk]),
    }[page]
    body = client_for(sam).get(url).content.decode()
    assert "<script>alert(1)</script>" not in body and "<b>after</b>" not in body
    if page != "list":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    if page == "detail":
        assert "Fish &amp;amp; chips" in body and "&lt;b&gt;after&lt;/b&gt;" in body


def test_staff_paste_an_article_and_land_on_it(client_for, sam, registry, article_text):
    response = client_for(sam).post(reverse("newsroom:paste"), {
        "title": "", "source_url": "https://news.lit.edu.cn/2024/0312/a.html", "published": "2024-03-12",
        "text": article_text,
    })
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    assert article.ingested_by == sam and article.source_url.startswith("https://news.lit.edu.cn/")
    assert article.proposals.filter(event_type="agreement_signing").exists()


def test_pasting_the_same_article_twice_leads_to_the_first_one(client_for, sam, registry, article_text):
    client = client_for(sam)
    first = client.post(reverse("newsroom:paste"), {"text": article_text})
    second = client.post(reverse("newsroom:paste"), {"text": article_text + "\n\n"})
    assert first.url == second.url and Article.objects.count() == 1


def test_it_ingests_an_uploaded_text_file(client_for, sam, registry, article_text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("story.txt", article_text.encode(), content_type="text/plain")
    response = client_for(sam).post(reverse("newsroom:upload"), {"file": upload})
    assert response.status_code == 302 and Article.objects.count() == 1


def test_it_rejects_an_uploaded_jsonl_file_with_a_bad_line_and_ingests_nothing(client_for, sam, registry):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = b'{"id": "a", "text": "Lakeside Institute of Technology hosted a forum."}\n{"id": "b"}\n'
    upload = SimpleUploadedFile("batch.jsonl", content, content_type="application/jsonl")
    response = client_for(sam).post(reverse("newsroom:upload"), {"file": upload})
    assert response.status_code == 200
    assert "line 2" in response.content.decode() and Article.objects.count() == 0


def test_it_refuses_an_unsupported_upload(client_for, sam):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("story.pdf", b"%PDF", content_type="application/pdf")
    response = client_for(sam).post(reverse("newsroom:upload"), {"file": upload})
    assert response.status_code == 200 and "Unsupported file type .pdf" in response.content.decode()
    assert Proposal.objects.count() == 0
