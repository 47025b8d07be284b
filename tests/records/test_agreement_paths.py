"""Every path that writes an agreement refuses the same bad agreement with the same words: the web
form, the workflow button, the API, the table import and the newsroom's accept all call the
agreements service (accord.agreements.services)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.services import NEEDS_HOME_PARTY, NEEDS_SIGNING_DATE, SIGNED_IN_FUTURE, create_agreements
from accord.accounts.apitokens import ApiToken
from accord.newsroom.models import Article, Proposal
from accord.newsroom.services import review
from accord.records.tableimport import get_import
from accord.registry.importers.base import ImportFailed
from accord.registry.models import Country, Institution
from tests.agreements.conftest import form_data
from tests.api.conftest import ApiClient


@pytest.fixture
def milan(db):
    return Institution.objects.create(name="Polytechnic University of Milan", country=Country.objects.get(code="IT"))


@pytest.fixture
def bauman(db):
    return Institution.objects.create(name="Bauman Moscow State Technical University", country=Country.objects.get(code="RU"))


def _signed(home, milan, **fields):
    agreement = Agreement.objects.create(title="Exchange with Milan", status="signed", signed_on=date(2024, 5, 1), **fields)
    AgreementParty.objects.create(agreement=agreement, institution=home, role="home")
    AgreementParty.objects.create(agreement=agreement, institution=milan, role="partner")
    return agreement


def _snapshot():
    return sorted(Agreement.objects.values_list("pk", "status", "signed_on", "version"))


# -- each path, given the bad agreement: (home, milan, bauman, sam, tmp_path, client) -> the refusal text

def by_form(case, home, milan, bauman, sam, tmp_path, client):
    agreement = _signed(home, milan)
    fields = {"title": agreement.title, "version": "1", "signed_on": (timezone.localdate() + timedelta(days=30)).isoformat()}
    if case == "no home party":
        fields.update({"signed_on": "2024-05-01", "parties-TOTAL_FORMS": "2", "parties-INITIAL_FORMS": "2"})
        for i, party in enumerate(agreement.parties.order_by("pk")):
            fields.update({f"parties-{i}-id": party.pk, f"parties-{i}-institution": party.institution_id,
                           f"parties-{i}-role": party.role})
        fields.update({"parties-0-institution": bauman.pk, "parties-0-role": "partner"})
    client.force_login(sam)
    before = _snapshot()
    response = client.post(f"/agreements/{agreement.pk}/edit/", form_data(**fields))
    assert response.status_code == 200
    assert _snapshot() == before
    assert agreement.parties.filter(institution=home).exists()
    return response.content.decode()


def by_button(case, home, milan, bauman, sam, tmp_path, client):
    signed_on = {"signed in the future": timezone.localdate() + timedelta(days=30), "no signing date": None}.get(
        case, date(2024, 5, 1))
    agreement = Agreement.objects.create(title="Exchange with Milan", status="under_negotiation", signed_on=signed_on)
    AgreementParty.objects.create(agreement=agreement, institution=milan if case == "no home party" else home)
    AgreementParty.objects.create(agreement=agreement, institution=bauman if case == "no home party" else milan)
    client.force_login(sam)
    response = client.post(f"/agreements/{agreement.pk}/transition/", {"to": "signed", "from": "under_negotiation"},
                           follow=True)
    agreement.refresh_from_db()
    assert agreement.status == "under_negotiation"
    return response.content.decode()


def by_api(case, home, milan, bauman, sam, tmp_path, client):
    agreement = _signed(home, milan)
    body = {"version": 1}
    if case == "signed in the future":
        body["signed_on"] = (timezone.localdate() + timedelta(days=30)).isoformat()
    elif case == "no signing date":
        body["signed_on"] = None
    else:
        body["parties"] = [{"institution": milan.pk, "role": "partner"}, {"institution": bauman.pk, "role": "partner"}]
    _token, raw = ApiToken.issue(sam, "tests")
    before = _snapshot()
    response = ApiClient(raw).patch(f"/api/v1/agreements/{agreement.pk}", body)
    assert response.status_code == 422, response.content
    assert _snapshot() == before
    assert agreement.parties.filter(institution=home).exists()
    return " ".join(problem["msg"] for problem in response.json()["detail"])


def by_import(case, home, milan, bauman, sam, tmp_path, client):
    signed_on = (timezone.localdate() + timedelta(days=30)).isoformat() if case == "signed in the future" else ""
    path = tmp_path / "agreements.csv"
    path.write_text(f"title,kind,status,partners,signed_on\nExchange with Milan,framework,signed,{milan.name},{signed_on}\n")
    preview = get_import("agreements").validate(path)
    with pytest.raises(ImportFailed):
        get_import("agreements").commit(path, sam)
    assert not Agreement.objects.exists()
    return " ".join(preview.messages())


def by_newsroom(case, home, milan, bauman, sam, tmp_path, client):
    article = Article.objects.create(text="x", content_hash="h")
    date_text = {"signed in the future": (timezone.localdate() + timedelta(days=30)).isoformat(),
                 "no signing date": ""}.get(case, "2024-05-01")
    first = bauman if case == "no home party" else home
    proposal = Proposal.objects.create(
        article=article, event_type="agreement_signing", date=date_text, evidence="They signed.",
        evidence_start=0, evidence_end=10,
        payload={"institutions": [
            {"name": first.name, "registry_id": first.pk, "role": "home"},
            {"name": milan.name, "registry_id": milan.pk, "role": "partner"},
        ], "people": [], "counts": {}},
    )
    with pytest.raises(review.ReviewError) as refused:
        review.accept(proposal, by=sam)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PROPOSED
    assert not Agreement.objects.exists()
    return str(refused.value)


def by_bulk(case, home, milan, bauman, sam, tmp_path, client):
    """The bulk path (the demo office, large imports): one bad agreement among good ones writes none."""
    signed_on = {"signed in the future": timezone.localdate() + timedelta(days=30), "no signing date": None}.get(
        case, date(2024, 5, 1))
    good = Agreement(title="Exchange with Bauman", status="signed", signed_on=date(2024, 5, 1))
    bad = Agreement(title="Exchange with Milan", status="signed", signed_on=signed_on)
    bad_parties = [(bauman, "partner"), (milan, "partner")] if case == "no home party" else [(home, "home"), (milan, "partner")]
    with pytest.raises(ValidationError) as refused:
        create_agreements([(good, [(home, "home"), (bauman, "partner")]), (bad, bad_parties)], by=sam)
    assert not Agreement.objects.exists() and not AgreementParty.objects.exists()
    return " ".join(refused.value.messages)


PATHS = {"form": by_form, "button": by_button, "api": by_api, "import": by_import, "newsroom": by_newsroom,
         "bulk": by_bulk}
CASES = {
    "signed in the future": (SIGNED_IN_FUTURE, ["form", "button", "api", "import", "newsroom", "bulk"]),
    "no signing date": (NEEDS_SIGNING_DATE, ["button", "api", "import", "newsroom", "bulk"]),
    "no home party": (NEEDS_HOME_PARTY, ["form", "button", "api", "newsroom", "bulk"]),
}


@pytest.mark.parametrize(("case", "path"), [(case, path) for case, (_, paths) in CASES.items() for path in paths])
def test_every_path_refuses_the_same_bad_agreement_the_same_way(case, path, home, milan, bauman, sam, tmp_path, client):
    text = PATHS[path](case, home, milan, bauman, sam, tmp_path, client)
    message = str(CASES[case][0])
    assert message in text.replace("&#x27;", "'").replace("&quot;", '"')


def test_an_agreement_that_meets_the_rules_is_signed(home, milan, sam):
    agreement = Agreement.objects.create(title="Exchange", status="under_negotiation", signed_on=date(2024, 5, 1))
    AgreementParty.objects.create(agreement=agreement, institution=home, role="home")
    AgreementParty.objects.create(agreement=agreement, institution=milan, role="partner")
    from accord.agreements.services import transition

    transition(agreement, "signed", by=sam)
    assert Agreement.objects.get(pk=agreement.pk).status == "signed"


def test_a_unit_of_the_home_university_counts_as_the_home_side(faculty, milan, sam):
    from accord.agreements.services import create_agreement

    agreement = create_agreement(by=sam, parties=[(faculty, "home"), (milan, "partner")], title="Faculty exchange",
                                 status="signed", signed_on=date(2024, 5, 1), signed_precision="year")
    assert agreement.parties.count() == 2 and agreement.status == "signed"
