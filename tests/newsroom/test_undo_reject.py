"""A rejection can be taken back for a few minutes by whoever made it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accord.newsroom.models import Article, Proposal
from accord.newsroom.services import review
from accord.newsroom.services.ingest import ingest_article
from tests.newsroom.test_review import make_lakeside_a_home_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(registry, sam, article_text):
    return ingest_article(article_text, by=sam).article.proposals.order_by("pk").first()


def test_the_reviewer_undoes_a_rejection_within_ten_minutes_and_the_article_is_queued_again(proposal, sam, client_for):
    client = client_for(sam)
    for p in proposal.article.proposals.all():
        client.post(f"/newsroom/proposals/{p.pk}/reject/")
    assert Article.objects.get(pk=proposal.article_id).status == Article.Status.REVIEWED
    page = client.get(proposal.article.get_absolute_url()).content.decode()
    assert "Undo rejection" in page
    client.post(f"/newsroom/proposals/{proposal.pk}/undo-reject/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PROPOSED and proposal.reviewed_by is None
    assert Article.objects.get(pk=proposal.article_id).status == Article.Status.QUEUED


def test_a_rejection_older_than_ten_minutes_stays(proposal, sam):
    review.reject(proposal, by=sam)
    with pytest.raises(review.ReviewError):
        review.undo_reject(proposal, by=sam, now=timezone.now() + timedelta(minutes=11))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED


def test_another_reviewer_cannot_undo_someone_elses_rejection(proposal, sam, ada):
    review.reject(proposal, by=sam)
    with pytest.raises(review.ReviewError):
        review.undo_reject(proposal, by=ada)


def test_an_accepted_proposal_cannot_be_undone_as_a_rejection(proposal, sam, registry):
    make_lakeside_a_home_unit(registry)  # a signing becomes an agreement only with the home side in it
    review.accept(proposal, by=sam)
    with pytest.raises(review.ReviewError):
        review.undo_reject(proposal, by=sam)


def test_the_reject_button_asks_first_saying_what_will_happen(proposal, sam, client_for):
    page = client_for(sam).get(proposal.article.get_absolute_url()).content.decode()
    assert 'data-confirm="No record is created from it' in page
