"""Viewers read the newsroom; staff ingest and review; people without a role are kept out."""

import pytest
from django.urls import reverse

from accord.newsroom.models import Proposal
from accord.newsroom.services.ingest import ingest_article
from tests.newsroom.test_review import make_lakeside_a_home_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(registry, article_text):
    return ingest_article(article_text).article.proposals.get(event_type="agreement_signing")


def test_a_viewer_reads_the_queue_and_the_article_but_sees_no_review_buttons(client_for, victor, proposal):
    client = client_for(victor)
    assert client.get(reverse("newsroom:article-list")).status_code == 200
    page = client.get(proposal.article.get_absolute_url())
    assert page.status_code == 200
    assert reverse("newsroom:proposal-accept", args=[proposal.pk]) not in page.content.decode()


@pytest.mark.parametrize("name", ["proposal-accept", "proposal-reject"])
def test_a_viewer_may_not_accept_or_reject(client_for, victor, proposal, name):
    response = client_for(victor).post(reverse(f"newsroom:{name}", args=[proposal.pk]))
    assert response.status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.PROPOSED


def test_a_viewer_may_not_paste_articles(client_for, victor):
    assert client_for(victor).get(reverse("newsroom:paste")).status_code == 403


@pytest.mark.parametrize("name", ["article-list", "paste", "upload"])
def test_an_outsider_is_refused(client_for, oscar, name):
    assert client_for(oscar).get(reverse(f"newsroom:{name}")).status_code == 403


def test_an_outsider_may_not_open_an_article(client_for, oscar, proposal):
    assert client_for(oscar).get(proposal.article.get_absolute_url()).status_code == 403


def test_staff_accept_and_land_on_the_record(client_for, sam, proposal, registry):
    make_lakeside_a_home_unit(registry)  # a signing becomes an agreement only with the home side in it
    response = client_for(sam).post(reverse("newsroom:proposal-accept", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert response.url == proposal.agreement.get_absolute_url()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("newsroom:article-list"))
    assert response.status_code == 302 and "/login/" in response.url
