"""Article text is escaped on every page that shows it: an ingested article carrying a script and
HTML entities reaches the newsroom list, the article page, the proposal pages and the record
accepted from it only in escaped form."""

import pytest
from django.core.management import call_command

from accord.newsroom.models import Article, Proposal
from accord.newsroom.services import review
from accord.registry.models import Institution
from tests.newsroom.conftest import reference_data, registry  # noqa: F401  (fixtures)

SCRIPT = "<script>alert(1)</script>"
ENTITIES = "&amp;lt;b&amp;gt; &lt;i&gt;"
# what an escaping page shows for them: every & and < of the article escaped once more
SHOWN = {SCRIPT: "&lt;script&gt;alert(1)&lt;/script&gt;", ENTITIES: "&amp;amp;lt;b&amp;amp;gt; &amp;lt;i&amp;gt;"}

ARTICLE = f"""Lakeside Institute of Technology signs agreement with Northbridge University {SCRIPT}

March 12, 2024

Lakeside Institute of Technology (LIT) signed a memorandum of understanding {SCRIPT} with Northbridge University via video link on March 8 {ENTITIES}.
LIT President Zhou Ming and Northbridge Vice-Chancellor Alice Carter signed the agreement.
"""


@pytest.fixture
def ingested(registry, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    call_command("ingest", str(path))
    Institution.objects.filter(pk=registry["lakeside"].pk).update(parent=registry["home"])  # a signing needs the home side
    return Article.objects.get()


def test_an_ingested_article_with_a_script_and_entities_is_shown_escaped_on_every_page(ingested, client_for, sam):
    assert SCRIPT in ingested.text and ENTITIES in ingested.text  # stored as written, escaped when shown
    proposals = list(Proposal.objects.filter(article=ingested).order_by("pk"))
    assert len(proposals) >= 1, "the article should propose a record"
    client = client_for(sam)
    urls = ["/newsroom/", f"/newsroom/articles/{ingested.pk}/"]
    urls += [f"/newsroom/proposals/{p.pk}/{page}/" for p in proposals for page in ("edit", "merge")]
    shown = {url: client.get(url) for url in urls}  # proposal pages while they are still open
    record = review.accept(proposals[0], by=sam)
    for url in [record.get_absolute_url(), f"/newsroom/articles/{ingested.pk}/"]:
        shown[url] = client.get(url)
    for url, response in shown.items():
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "<script>alert(1)" not in body, url
        assert "&lt;i&gt;" not in body.replace("&amp;lt;i&amp;gt;", ""), url  # the entity is never decoded
    for url in [f"/newsroom/articles/{ingested.pk}/", f"/newsroom/proposals/{proposals[0].pk}/edit/"]:
        body = shown[url].content.decode()
        assert SHOWN[SCRIPT] in body and SHOWN[ENTITIES] in body, url
    assert SHOWN[SCRIPT] in shown["/newsroom/"].content.decode()  # the title, in the list
