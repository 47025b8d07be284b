"""Accept, edit, merge and reject: the records a proposal becomes, linked back to the article."""

import pytest

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement
from accord.agreements.models.agreements import Status
from accord.newsroom.models import Article, Proposal
from accord.newsroom.services import review
from accord.newsroom.services.ingest import ingest_article
from accord.registry.models import Institution

pytestmark = pytest.mark.django_db

URL = "https://news.lit.edu.cn/2024/0312/signing.html"


def make_lakeside_a_home_unit(registry):
    """A signing is kept only when the home side takes part: here Lakeside is one of the home
    university's institutes (set after extraction, so the pipeline sees the registry as written)."""
    Institution.objects.filter(pk=registry["lakeside"].pk).update(parent=registry["home"])


@pytest.fixture
def signing(registry, sam, article_text):
    article = ingest_article(article_text, url=URL, by=sam).article
    make_lakeside_a_home_unit(registry)
    return article.proposals.get(event_type="agreement_signing")


def make_proposal(article, event_type="visit_inbound", **fields):
    defaults = {
        "date": "2024-05-06", "date_precision": "day", "mode": "in_person", "evidence": "A delegation visited.",
        "evidence_start": 0, "evidence_end": 10,
        "payload": {"institutions": [], "people": [], "counts": {}},
    }
    defaults.update(fields)
    return Proposal.objects.create(article=article, event_type=event_type, **defaults)


def test_accepting_a_signing_creates_a_signed_agreement_with_parties_signatories_and_the_article_link(signing, sam, registry):
    agreement = review.accept(signing, by=sam)
    signing.refresh_from_db()
    assert isinstance(agreement, Agreement) and signing.agreement == agreement
    assert signing.status == Proposal.Status.ACCEPTED and signing.reviewed_by == sam
    assert agreement.status == Status.SIGNED and agreement.signed_on.isoformat() == "2024-03-08"
    assert agreement.signing_mode == "online"
    roles = {p.institution: p.role for p in agreement.parties.all()}
    assert roles == {registry["lakeside"]: "home", registry["northbridge"]: "partner"}
    assert {s.person.name for s in agreement.signatories.all()} >= {"Zhou Ming", "Alice Carter"}
    assert URL in agreement.notes and signing.evidence in agreement.notes
    assert agreement.history.first().history_change_reason.startswith(f"from newsroom article {signing.article_id}")
    assert signing.article.status == Article.Status.REVIEWED


def test_accepting_a_visit_creates_an_activity_with_the_source_url(registry, sam):
    article = Article.objects.create(text="x", content_hash="v", source_url=URL)
    proposal = make_proposal(article, payload={"institutions": [
        {"name": "Lakeside Institute of Technology", "country": "CN", "role": "home",
         "registry_id": registry["lakeside"].pk},
        {"name": "Northbridge University", "country": "GB", "role": "partner", "registry_id": registry["northbridge"].pk},
    ], "people": [{"name": "Alice Carter", "role": "Vice-Chancellor", "institution": "Northbridge University"}],
        "counts": {"participants": 12}})
    activity = review.accept(proposal, by=sam)
    assert isinstance(activity, Activity) and activity.kind == Activity.Kind.INBOUND
    assert activity.source_url == URL and activity.start_date.isoformat() == "2024-05-06"
    assert activity.participant_count == 12
    roles = {p.institution_id: p.role for p in activity.parties.all()}
    assert roles == {registry["lakeside"].pk: ActivityParty.Role.HOST, registry["northbridge"].pk: ActivityParty.Role.GUEST}
    assert activity.people.get().person.institution == registry["northbridge"]
    assert Proposal.objects.get(pk=proposal.pk).activity == activity


def test_accepting_creates_a_proposed_new_institution_in_the_registry(registry, sam):
    article = Article.objects.create(text="x", content_hash="n")
    proposal = make_proposal(article, event_type="forum_or_conference", date="2024-05", payload={"institutions": [
        {"name": "Lakeside Institute of Technology", "role": "home", "registry_id": registry["lakeside"].pk},
        {"name": "Institut Polaire de Brest", "country": "FR", "role": "partner", "proposed": True, "kind": "research"},
    ]})
    activity = review.accept(proposal, by=sam)
    created = Institution.objects.get(name="Institut Polaire de Brest")
    assert created.country_id == "FR" and created.kind == "research"
    assert activity.parties.filter(institution=created).exists()
    assert activity.date_precision == "month" and activity.start_date.isoformat() == "2024-05-01"


def test_editing_before_accepting_records_the_edited_fields(signing, sam, registry):
    agreement = review.accept(signing, by=sam, changes={
        "event_type": "agreement_signing", "date": "2024-03-09", "mode": "in_person",
        "institutions": [
            {"name": "Lakeside Institute of Technology", "country": "CN", "role": "home",
             "registry_id": registry["lakeside"].pk},
            {"name": "Université de Valmont", "country": "FR", "role": "partner", "registry_id": registry["valmont"].pk},
        ],
        "people": [],
    })
    assert agreement.signed_on.isoformat() == "2024-03-09" and agreement.signing_mode == "in_person"
    assert {p.institution for p in agreement.parties.all()} == {registry["lakeside"], registry["valmont"]}
    assert not agreement.signatories.exists()


def test_merging_links_the_proposal_to_an_existing_agreement_without_creating_one(signing, sam, registry):
    existing = Agreement.objects.create(title="LIT–Northbridge MoU", status=Status.SIGNED)
    record = review.merge(signing, by=sam, agreement=existing)
    signing.refresh_from_db()
    assert record == existing and signing.status == Proposal.Status.MERGED and signing.agreement == existing
    assert Agreement.objects.count() == 1 and existing.news_proposals.get() == signing


def test_merging_into_an_activity_gives_it_the_article_url(registry, sam):
    article = Article.objects.create(text="x", content_hash="m", source_url=URL)
    proposal = make_proposal(article)
    activity = Activity.objects.create(title="Delegation", start_date="2024-05-06")
    review.merge(proposal, by=sam, agreement=None, activity=activity)
    activity.refresh_from_db()
    assert activity.source_url == URL and activity.news_proposals.get() == proposal


def test_rejecting_creates_nothing(signing, sam):
    review.reject(signing, by=sam)
    signing.refresh_from_db()
    assert signing.status == Proposal.Status.REJECTED and not Agreement.objects.exists()


def test_a_proposal_is_reviewed_only_once(signing, sam):
    review.reject(signing, by=sam)
    with pytest.raises(review.ReviewError, match="already rejected"):
        review.accept(signing, by=sam)
    assert not Agreement.objects.exists()
