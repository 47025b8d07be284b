"""An article keeps a source address only when it is an http(s) URL, whichever way it came in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.newsroom.models import Article
from accord.newsroom.services.ingest import InputError, ingest_article, parse_record

NOT_WEB = ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
           "file:///etc/passwd", "ftp://files.example.org/a.txt", "//evil.test/a", "https:nohost"]


@pytest.mark.parametrize("url", NOT_WEB)
def test_a_jsonl_record_with_a_non_web_url_is_refused_naming_the_field(url):
    with pytest.raises(InputError, match="url"):
        parse_record({"id": "a", "text": "A forum.", "url": url})


def test_a_jsonl_record_with_a_web_url_keeps_it():
    assert parse_record({"text": "A forum.", "url": " https://news.example.edu/a "})["url"] == "https://news.example.edu/a"


@pytest.mark.django_db
@pytest.mark.parametrize("url", NOT_WEB[:3])
def test_the_ingest_service_stores_no_non_web_url(url):
    with pytest.raises(InputError):
        ingest_article("Lakeside Institute of Technology hosted a forum.", url=url)
    assert not Article.objects.exists()


def test_an_uploaded_jsonl_file_with_a_javascript_url_ingests_nothing(client_for, sam, registry):
    content = b'{"id": "a", "text": "Lakeside Institute of Technology hosted a forum.", "url": "javascript:alert(1)"}\n'
    upload = SimpleUploadedFile("batch.jsonl", content, content_type="application/jsonl")
    response = client_for(sam).post(reverse("newsroom:upload"), {"file": upload})
    assert response.status_code == 200 and "line 1" in response.content.decode()
    assert not Article.objects.exists()


def test_a_pasted_article_with_an_ftp_url_is_refused(client_for, sam, registry, article_text):
    response = client_for(sam).post(reverse("newsroom:paste"), {"source_url": "ftp://files.example.org/a.txt",
                                                               "text": article_text})
    assert response.status_code == 200 and not Article.objects.exists()
