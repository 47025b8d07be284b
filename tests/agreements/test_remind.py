from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from accord.agreements import reminders
from accord.agreements.models import Agreement
from accord.agreements.reminders import Reminder


def remind(*args):
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def due(make_agreement, sam):
    return make_agreement("Exchange with Milan", status="active", owner=sam, renewal_notice_days=60,
                          valid_until=date.today() + timedelta(days=30))


def test_it_emails_each_owner_once_about_agreements_within_their_notice_period(due, make_agreement, sam, cora):
    make_agreement("Not yet", status="active", owner=cora, renewal_notice_days=30,
                   valid_until=date.today() + timedelta(days=45))
    output = remind()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sam@accord.test"]
    assert "1 agreement expires soon" in message.subject
    assert "Exchange with Milan" in message.body and f"/agreements/{due.pk}/" in message.body
    assert "1 reminder sent" in output


def test_it_sends_nothing_more_the_same_day(due):
    remind()
    remind()
    assert len(mail.outbox) == 1


def test_it_first_moves_agreements_into_expiring(due):
    remind()
    assert Agreement.objects.get(pk=due.pk).status == "expiring"


def test_dry_run_prints_the_emails_and_sends_and_changes_nothing(due):
    output = remind("--dry-run")
    assert mail.outbox == []
    assert "To: sam@accord.test" in output and "Exchange with Milan" in output
    assert Agreement.objects.get(pk=due.pk).status == "active"
    remind()
    assert len(mail.outbox) == 1


def test_other_apps_can_add_a_reminder_source(db, victor, monkeypatch):
    monkeypatch.setitem(
        reminders.SOURCES, "guidance", lambda today: [Reminder(victor, "Call closes Friday", ["- NSFC call"])]
    )
    remind()
    assert [m.subject for m in mail.outbox] == ["Call closes Friday"]


def test_a_bad_date_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        remind("--date", "tomorrow")
