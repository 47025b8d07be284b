from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accord.guidance.calendar import token_for

pytestmark = pytest.mark.django_db


def remind():
    out = StringIO()
    call_command("remind", stdout=out)
    return out.getvalue()


@pytest.fixture
def soon(make_call, tina):
    call = make_call("Belarus joint fund; round 2", internal=5, external=40)
    call.followers.add(tina)
    return call


def test_it_emails_a_teacher_about_deadlines_within_the_reminder_window(soon, make_call, tina, tom):
    far = make_call("Far away call", internal=60, external=90)
    far.followers.add(tom)
    remind()
    [message] = [m for m in mail.outbox if "guidance" in m.subject]
    assert message.to == ["tina@accord.test"]
    assert "Belarus joint fund; round 2" in message.body and f"/guidance/calls/{soon.pk}/" in message.body
    assert (date.today() + timedelta(days=5)).isoformat() in message.body


def test_the_reminder_goes_once_a_day(soon):
    remind()
    remind()
    assert len([m for m in mail.outbox if "guidance" in m.subject]) == 1


def test_an_application_brings_its_call_and_next_step_into_my_deadlines(client_for, make_application, make_call, tina):
    call = make_call("Sino-Russian program", internal=8, external=21)
    application = make_application(tina, call=call)
    step = application.steps.first()
    step.due_date = date.today() + timedelta(days=3)
    step.save()
    body = client_for(tina).get(reverse("guidance:deadlines")).content.decode()
    assert "Internal deadline" in body and "Sino-Russian program" in body
    assert "Consult the center" in body


def test_the_feed_lists_the_deadlines_without_a_session(client, soon, tina):
    response = client.get(f"/guidance/calendar/{token_for(tina)}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 2
    assert f"UID:guidance-call-{soon.pk}-internal@testserver" in body
    assert f"DTSTART;VALUE=DATE:{date.today() + timedelta(days=5):%Y%m%d}" in body
    assert "Belarus joint fund\\; round 2" in body.replace("\r\n ", "")
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))


def test_a_wrong_token_or_an_outsider_gets_no_feed(client, tina, oscar):
    assert client.get(f"/guidance/calendar/{token_for(tina)[:-2]}xx.ics").status_code == 404
    assert client.get(f"/guidance/calendar/{token_for(oscar)}.ics").status_code == 404


def test_the_agreements_feed_token_does_not_open_the_guidance_feed(client, tina):
    from accord.agreements.ical import token_for as agreements_token

    assert client.get(f"/guidance/calendar/{agreements_token(tina)}.ics").status_code == 404
