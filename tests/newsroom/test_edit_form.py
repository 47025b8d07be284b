""""Edit and accept": the record's kind, title, faculty and dates, parties and people as rows; what
staff set is what the record gets, bad rows are named, the input is kept, nothing is written twice."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement
from accord.newsroom.forms import ProposalEditForm
from accord.newsroom.models import Article, Proposal
from accord.newsroom.services import review
from accord.registry.models import Institution

from .test_review import URL, make_lakeside_a_home_unit, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def signing(registry, sam, article_text):
    from accord.newsroom.services.ingest import ingest_article

    article = ingest_article(article_text, url=URL, by=sam).article
    make_lakeside_a_home_unit(registry)
    return article.proposals.get(event_type="agreement_signing")


def edit_url(proposal):
    return reverse("newsroom:proposal-edit", args=[proposal.pk])


def as_posted(form, **changes) -> dict:
    """What the browser sends for the form as it was shown, with `changes` (field names with prefixes)."""
    data = {}
    for bound in [form, *form.parties.forms, *form.people.forms]:
        for field in bound:
            value = field.value()
            if field.name == "DELETE":
                continue
            data[field.html_name] = "" if value is None else value.isoformat() if isinstance(value, date) else value
    for formset in (form.parties, form.people):
        for field in formset.management_form:
            data[field.html_name] = field.value()
    data.update(changes)
    return data


def add_row(data: dict, prefix: str, **fields) -> dict:
    number = int(data[f"{prefix}-TOTAL_FORMS"])
    data = {**data, f"{prefix}-TOTAL_FORMS": number + 1}
    data.update({f"{prefix}-{number}-{name}": value for name, value in fields.items()})
    return data


def opened(client, proposal):
    response = client.get(edit_url(proposal))
    assert response.status_code == 200
    return response.context["form"]


def test_the_form_opens_with_the_record_accepting_would_create(client_for, sam, signing, registry):
    form = opened(client_for(sam), signing)
    assert form.initial["kind"] == "agreement:framework"
    assert form.initial["title"] == "Agreement signing: Northbridge University"
    assert form.initial["faculty"] == registry["lakeside"].pk  # the home unit among the parties
    assert form.initial["start_date"] == date(2024, 3, 8) and form.initial["date_precision"] == "day"
    parties = {row["institution"]: row["role"] for row in form.parties.initial}
    assert parties == {registry["lakeside"].pk: "home", registry["northbridge"].pk: "partner"}
    people = {row["name"]: row["institution"] for row in form.people.initial}
    assert people["Zhou Ming"] == registry["lakeside"].pk  # the person's institution found among the parties
    assert list(form.fields["faculty"].queryset) == [registry["lakeside"]]  # home units only


def test_staff_set_kind_title_faculty_dates_and_a_new_party_and_get_that_activity(client_for, sam, signing, registry):
    client = client_for(sam)
    data = as_posted(opened(client, signing), kind="activity:signing_ceremony", title="LIT and Northbridge sign an MoU",
                     start_date="2024-03-08", end_date="2024-03-09", **{"people-0-DELETE": "on"})
    data = add_row(data, "parties", institution=registry["valmont"].pk, role="partner")
    response = client.post(edit_url(signing), data)
    assert response.status_code == 302, (lambda f: (f.errors, f.parties.errors, f.parties.non_form_errors(), f.people.errors, f.people.non_form_errors()))(response.context["form"])
    activity = Activity.objects.get()
    assert response.status_code == 302 and response.url == activity.get_absolute_url()
    assert activity.kind == Activity.Kind.SIGNING and activity.title == "LIT and Northbridge sign an MoU"
    assert activity.faculty == registry["lakeside"]
    assert (activity.start_date, activity.end_date) == (date(2024, 3, 8), date(2024, 3, 9))
    roles = {p.institution: p.role for p in activity.parties.all()}
    assert roles == {registry["lakeside"]: ActivityParty.Role.ORGANIZER,
                     registry["northbridge"]: ActivityParty.Role.PARTICIPANT,
                     registry["valmont"]: ActivityParty.Role.PARTICIPANT}
    assert "Zhou Ming" not in {p.person.name for p in activity.people.all()}  # the removed row is gone
    assert not Agreement.objects.exists()
    signing.refresh_from_db()
    assert signing.activity == activity and signing.status == Proposal.Status.ACCEPTED


def test_an_agreement_gets_the_kind_faculty_and_date_precision_chosen(client_for, sam, signing, registry):
    client = client_for(sam)
    data = as_posted(opened(client, signing), kind="agreement:student_exchange", start_date="2024-03-01",
                     date_precision="month", mode="in_person", faculty="")
    client.post(edit_url(signing), data)
    agreement = Agreement.objects.get()
    assert agreement.kind == "student_exchange" and agreement.faculty is None
    assert agreement.signed_on == date(2024, 3, 1) and agreement.signed_precision == "month"
    assert agreement.signing_mode == "in_person" and agreement.status == "signed"
    assert agreement.title == "Agreement signing: Northbridge University"


def test_an_unmatched_name_is_shown_and_picking_an_institution_uses_it(client_for, sam, registry):
    article = Article.objects.create(text="x", content_hash="u", published=date(2024, 5, 7))
    proposal = make_proposal(article, event_type="forum_or_conference", payload={"institutions": [
        {"name": "BIT", "role": "home", "registry_id": registry["home"].pk, "country": "CN"},
        {"name": "Univ. of Valmont", "role": "partner", "country": "FR"},
        {"name": "Institut Polaire de Brest", "role": "partner", "country": "FR", "kind": "research"},
    ], "people": [], "counts": {}})
    client = client_for(sam)
    response = client.get(edit_url(proposal))
    body = response.content.decode()
    assert "Not found in the registry" in body and "Univ. of Valmont" in body and "Institut Polaire de Brest" in body
    assert 'value="Univ. of Valmont"' in body and 'class="unmatched"' in body
    data = as_posted(response.context["form"], **{"parties-1-institution": registry["valmont"].pk})
    client.post(edit_url(proposal), data)
    activity = Activity.objects.get()
    added = Institution.objects.get(name="Institut Polaire de Brest")  # left unpicked: added to the registry
    assert added.kind == "research" and added.country_id == "FR"
    assert set(activity.institutions.all()) == {registry["home"], registry["valmont"], added}
    assert not Institution.objects.filter(name="Univ. of Valmont").exists()


def test_a_row_removed_in_place_is_no_party(client_for, sam, signing, registry):
    client = client_for(sam)
    data = as_posted(opened(client, signing), kind="activity:visit")
    for key in [k for k in data if k.startswith("parties-1-")]:  # the row's inputs left the page with it
        del data[key]
    assert client.post(edit_url(signing), data).status_code == 302
    assert [p.institution for p in Activity.objects.get().parties.all()] == [registry["lakeside"]]


@pytest.mark.parametrize("rows, message", [
    ({"parties-1-institution": "999999"}, "Select a valid choice"),
    ({"parties-1-institution": "LAKESIDE"}, "is already a party"),
    ({"parties-0-name": "", "parties-0-institution": "", "parties-1-name": "", "parties-1-institution": ""},
     "Name at least one party."),
    ({"people-1-name": "", "people-1-role": "Dean"}, "People row 2: the name is missing."),
    ({"people-2-role": "Dean"}, "People row 3: the name is missing."),  # the spare row, only a title typed
    ({"parties-0-role": "boss"}, "Select a valid choice"),
])
def test_a_bad_row_is_named_and_the_input_kept(client_for, sam, signing, registry, rows, message):
    client = client_for(sam)
    form = opened(client, signing)
    rows = {k: registry["lakeside"].pk if v == "LAKESIDE" else v for k, v in rows.items()}
    response = client.post(edit_url(signing), as_posted(form, title="Kept title", **rows))
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert 'value="Kept title"' in body
    assert not Agreement.objects.exists() and not Activity.objects.exists()
    assert Proposal.objects.get(pk=signing.pk).status == Proposal.Status.PROPOSED


def test_the_records_own_rules_are_told_beside_their_field(client_for, sam, signing):
    client = client_for(sam)
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    response = client.post(edit_url(signing), as_posted(opened(client, signing), start_date=tomorrow))
    form = response.context["form"]
    assert "The signing date cannot be in the future." in form.errors["start_date"]
    assert not Agreement.objects.exists()


def test_an_agreement_takes_no_end_date_and_an_activity_no_end_before_its_start(client_for, sam, signing):
    client = client_for(sam)
    form = opened(client, signing)
    response = client.post(edit_url(signing), as_posted(form, end_date="2024-04-01"))
    assert "set its validity on the agreement" in response.context["form"].errors["end_date"][0]
    response = client.post(edit_url(signing), as_posted(form, kind="activity:visit", end_date="2024-03-01"))
    assert response.context["form"].errors["end_date"] == ["An activity cannot end before it starts."]
    assert not Activity.objects.exists() and not Agreement.objects.exists()


def test_a_proposal_accepted_meanwhile_is_not_accepted_twice_and_the_edit_is_kept_on_the_page(
        client_for, sam, ada, signing):
    client = client_for(sam)
    form = opened(client, signing)
    review.accept(signing, by=ada)  # another reviewer, between opening the form and sending it
    response = client.post(edit_url(signing), as_posted(form, title="My title"))
    body = response.content.decode()
    assert "This proposal was already accepted." in body and 'value="My title"' in body
    assert Agreement.objects.count() == 1 and Agreement.objects.get().title != "My title"


def test_the_proposals_history_keeps_what_the_reviewer_changed(client_for, sam, signing, registry):
    client = client_for(sam)
    data = add_row(as_posted(opened(client, signing)), "parties", institution=registry["valmont"].pk, role="partner")
    client.post(edit_url(signing), data)
    versions = list(signing.history.order_by("history_date"))
    before, after = versions[0], versions[-1]
    assert len(versions) >= 2 and after.history_user == sam and after.status == "accepted"
    assert [r.get("registry_id") for r in after.payload["institutions"]][-1] == registry["valmont"].pk
    assert registry["valmont"].pk not in [r.get("registry_id") for r in before.payload["institutions"]]


def test_every_row_of_the_form_is_text_never_markup(client_for, sam, registry):
    article = Article.objects.create(text="x", content_hash="h")
    proposal = make_proposal(article, evidence="<script>alert(1)</script>", payload={"institutions": [
        {"name": "<b>Evil</b> University", "role": "partner"}], "people": [{"name": "<i>Eve</i>", "role": "x"}]})
    body = client_for(sam).get(edit_url(proposal)).content.decode()
    assert "<script>alert(1)</script>" not in body and "<b>Evil</b>" not in body and "<i>Eve</i>" not in body
    assert "&lt;b&gt;Evil&lt;/b&gt; University" in body


def test_the_form_builds_the_services_changes(signing, registry):
    form = ProposalEditForm(proposal=signing)
    data = as_posted(form, kind="activity:inbound_delegation", **{"people-0-institution": registry["northbridge"].pk})
    form = ProposalEditForm(data, proposal=signing)
    assert form.is_valid(), (form.errors, form.parties.errors, form.people.errors)
    changes = form.changes()
    assert changes["record"] == "activity" and changes["kind"] == "inbound_delegation"
    assert changes["institutions"][0] == {"name": "Lakeside Institute of Technology", "role": "home",
                                          "country": "CN", "registry_id": registry["lakeside"].pk}
    assert changes["people"][0]["institution_id"] == registry["northbridge"].pk
    activity = review.accept(signing, by=None, changes=changes)
    roles = {p.institution: p.role for p in activity.parties.all()}
    assert roles[registry["lakeside"]] == ActivityParty.Role.HOST  # the home side hosts an inbound delegation


@pytest.mark.parametrize("record, kind", [("agreement", "forum"), ("activity", "framework"), ("article", "other")])
def test_the_service_refuses_a_record_kind_that_does_not_exist(signing, sam, record, kind):
    with pytest.raises(review.ReviewError, match="kind of record"):
        review.accept(signing, by=sam, changes={"record": record, "kind": kind})
    assert Proposal.objects.get(pk=signing.pk).status == Proposal.Status.PROPOSED
