from datetime import date

import pytest

from accord.agreements.models import Agreement
from accord.agreements.services import TRANSITIONS, TransitionNotAllowed, allowed_transitions, transition

ALLOWED = [(old, new) for old, targets in TRANSITIONS.items() for new in targets if new != "renewed"]


@pytest.mark.parametrize(("old", "new"), ALLOWED)
def test_every_allowed_transition_moves_the_agreement_and_records_who(make_agreement, sam, old, new):
    agreement = make_agreement(status=old, signed_on=date(2024, 5, 1))
    transition(agreement, new, by=sam, note="as agreed")
    agreement.refresh_from_db()
    assert agreement.status == new
    last = agreement.history.order_by("-history_date", "-history_id").first()
    assert last.history_user == sam
    assert last.history_change_reason == f"status: {old} → {new} — as agreed"


def test_a_disallowed_transition_is_refused_and_nothing_changes(make_agreement, sam):
    agreement = make_agreement(status="draft")
    before = agreement.history.count()
    with pytest.raises(TransitionNotAllowed, match="cannot go from Draft to Active"):
        transition(agreement, "active", by=sam)
    agreement.refresh_from_db()
    assert agreement.status == "draft"
    assert agreement.version == 1
    assert agreement.history.count() == before


def test_renewed_is_reached_only_through_renew(make_agreement, sam):
    agreement = make_agreement(status="active")
    with pytest.raises(TransitionNotAllowed, match="renewal form"):
        transition(agreement, "renewed", by=sam)


def test_an_unknown_status_is_refused(make_agreement, sam):
    with pytest.raises(TransitionNotAllowed):
        transition(make_agreement(), "lost", by=sam)


def test_a_transition_from_a_status_that_has_moved_on_is_refused(make_agreement, sam):
    agreement = make_agreement(status="draft")
    Agreement.objects.filter(pk=agreement.pk).update(status="under_negotiation")
    with pytest.raises(TransitionNotAllowed, match="now Under negotiation"):
        transition(agreement, "under_negotiation", by=sam, expected="draft")


def test_each_transition_bumps_the_version(make_agreement, sam):
    agreement = make_agreement(status="draft", signed_on=date(2024, 5, 1))
    transition(agreement, "under_negotiation", by=sam)
    transition(agreement, "signed", by=sam)
    assert agreement.version == 3
    assert Agreement.objects.get(pk=agreement.pk).version == 3


def test_the_buttons_offered_exclude_renewal(make_agreement):
    assert allowed_transitions(make_agreement(status="active")) == ["expiring", "terminated"]
    assert allowed_transitions(make_agreement("b", status="renewed")) == []


def test_the_transition_button_posts_and_the_history_shows_who(client_for, sam, make_agreement):
    agreement = make_agreement(status="draft")
    client = client_for(sam)
    response = client.post(f"/agreements/{agreement.pk}/transition/", {"to": "under_negotiation", "from": "draft"})
    assert response.status_code == 302
    page = client.get(f"/agreements/{agreement.pk}/").content.decode()
    assert "Under negotiation" in page
    assert "status: draft → under_negotiation" in page
    assert ">sam<" in page


def test_a_transition_cannot_be_made_with_get(client_for, sam, make_agreement):
    agreement = make_agreement(status="draft")
    assert client_for(sam).get(f"/agreements/{agreement.pk}/transition/?to=under_negotiation").status_code == 405


def test_a_refused_transition_through_the_web_shows_the_reason(client_for, sam, make_agreement):
    agreement = make_agreement(status="draft")
    response = client_for(sam).post(f"/agreements/{agreement.pk}/transition/", {"to": "expired"}, follow=True)
    assert "cannot go from Draft to Expired" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "draft"
