import pytest
from django.urls import reverse

from accord.guidance.models import Application, Stage
from accord.guidance.services import TRANSITIONS, StageNotAllowed, advance

pytestmark = pytest.mark.django_db

MOVES = [(old, new) for old, targets in TRANSITIONS.items() for new in targets]


@pytest.mark.parametrize("old, new", MOVES)
def test_every_allowed_move_changes_the_stage(make_application, tina, sam, old, new):
    application = make_application(tina, stage=old)
    advance(application, new, by=sam)
    assert Application.objects.get(pk=application.pk).stage == new


def test_every_stage_is_in_the_table_and_the_decisions_are_final():
    assert set(TRANSITIONS) == set(Stage.values)
    assert all(TRANSITIONS[s] == () for s in (Stage.AWARDED, Stage.REJECTED, Stage.WITHDRAWN))


def test_it_refuses_to_award_an_application_that_was_never_submitted(make_application, tina, sam):
    application = make_application(tina)
    with pytest.raises(StageNotAllowed, match="cannot go from Idea to Awarded"):
        advance(application, Stage.AWARDED, by=sam)
    assert Application.objects.get(pk=application.pk).stage == Stage.IDEA


def test_it_refuses_a_stage_that_does_not_exist(make_application, tina):
    with pytest.raises(StageNotAllowed):
        advance(make_application(tina), "celebrated", by=tina)


def test_history_records_who_moved_it_and_the_note(make_application, tina, mona):
    application = make_application(tina, mentor=mona)
    advance(application, Stage.CONSULTATION, by=mona, note="met on Tuesday")
    latest = application.history.order_by("-history_date").first()
    assert latest.history_user == mona
    assert latest.stage == Stage.CONSULTATION
    assert "idea → consultation" in latest.history_change_reason
    assert application.notes.get().text.endswith("met on Tuesday")


def test_a_new_application_gets_the_calls_steps_as_its_checklist(make_application, tina):
    application = make_application(tina)
    assert list(application.steps.values_list("title", flat=True)) == ["Consult the center", "Draft", "Submit"]
    assert application.faculty.name == "School of Aerospace Engineering"


def test_the_stage_buttons_post_through_the_service(client_for, make_application, tina):
    application = make_application(tina)
    client = client_for(tina)
    url = reverse("guidance:application-advance", args=[application.pk])
    assert client.get(url).status_code == 405
    client.post(url, {"to": Stage.DRAFTING, "note": ""})
    assert Application.objects.get(pk=application.pk).stage == Stage.DRAFTING


def test_only_the_office_records_the_funders_decision(client_for, make_application, tina, sam):
    application = make_application(tina, stage=Stage.SUBMITTED)
    url = reverse("guidance:application-advance", args=[application.pk])
    assert client_for(tina).post(url, {"to": Stage.AWARDED}).status_code == 403
    client_for(sam).post(url, {"to": Stage.AWARDED})
    assert Application.objects.get(pk=application.pk).stage == Stage.AWARDED
