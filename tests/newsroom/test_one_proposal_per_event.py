"""An article that reports several events gives one proposal for each, and the review page lists each
with its own evidence and its own actions."""

import pytest
from django.urls import reverse

from accord.newsroom.services.ingest import ingest_article

pytestmark = pytest.mark.django_db

TWO_EVENTS = (
    "Northbridge University delegation visits BIT\n\n"
    "March 12, 2024\n\n"
    "On March 8, a delegation led by Alice Carter, Vice-Chancellor of Northbridge University, visited "
    "Beijing Institute of Technology.\n"
    "On March 10, Beijing Institute of Technology hosted the International Forum on Green Energy, attended by "
    "Université de Valmont and 30 universities from 12 countries.\n"
)


def test_an_article_reporting_two_events_gives_two_proposals_each_listed_for_review(client_for, sam, registry):
    article = ingest_article(TWO_EVENTS, by=sam).article
    proposals = list(article.proposals.order_by("evidence_start"))
    assert [(p.event_type, p.date) for p in proposals] == [
        ("visit_inbound", "2024-03-08"), ("forum_or_conference", "2024-03-10")]
    assert "visited" in proposals[0].evidence and "Forum" in proposals[1].evidence
    assert registry["valmont"].pk in [r.get("registry_id") for r in proposals[1].institutions]

    body = client_for(sam).get(article.get_absolute_url()).content.decode()
    for proposal in proposals:
        assert f'id="proposal-{proposal.pk}"' in body and f'<mark id="evidence-{proposal.pk}">' in body
        assert reverse("newsroom:proposal-edit", args=[proposal.pk]) in body
    assert body.count('class="proposal proposed"') == 2
