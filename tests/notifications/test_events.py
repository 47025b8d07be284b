"""Each event reaches the right people once, in the app and by e-mail (unless they turned it off)."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from accord.guidance.models import Stage
from accord.guidance.services import add_note, advance
from accord.newsroom.services.ingest import ingest_article
from accord.notifications.models import Notification
from accord.notifications.services import notify, set_email

pytestmark = pytest.mark.django_db


def remind(*args):
    call_command("remind", *args, stdout=StringIO())


def test_the_mentor_of_a_new_application_is_told_in_the_app_and_by_email(
        tina, mona, make_application, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = make_application(tina, mentor=mona)
    notification = Notification.objects.get(user=mona)
    assert "Reusable nozzle materials" in notification.title
    assert notification.url == application.get_absolute_url()
    assert not Notification.objects.filter(user=tina).exists()
    assert [m.to for m in mail.outbox] == [["mona@accord.test"]]
    assert "Reusable nozzle materials" in mail.outbox[0].subject
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_user_who_turned_email_off_is_told_only_in_the_app(
        tina, mona, make_application, django_capture_on_commit_callbacks):
    set_email(mona, False)
    with django_capture_on_commit_callbacks(execute=True):
        make_application(tina, mentor=mona)
    assert Notification.objects.filter(user=mona).count() == 1
    assert mail.outbox == []


def test_the_applicant_hears_of_each_stage_change_made_by_someone_else(tina, mona, sam, make_application):
    application = make_application(tina, mentor=mona)
    advance(application, Stage.CONSULTATION, by=mona)
    advance(application, Stage.DRAFTING, by=tina)  # their own move: no notification
    advance(application, Stage.INTERNAL_REVIEW, by=sam)
    titles = list(Notification.objects.filter(user=tina).order_by("pk").values_list("title", flat=True))
    assert len(titles) == 2
    assert "Consultation" in titles[0] and "Internal review" in titles[1]


def test_moving_back_and_forth_notifies_each_move(tina, mona, make_application):
    application = make_application(tina, mentor=mona)
    advance(application, Stage.CONSULTATION, by=mona)
    advance(application, Stage.IDEA, by=mona)
    advance(application, Stage.CONSULTATION, by=mona)
    assert Notification.objects.filter(user=tina, kind="application.stage").count() == 3


def test_the_applicant_hears_of_their_mentors_comments_but_not_of_their_own(tina, mona, sam, make_application):
    application = make_application(tina, mentor=mona)
    add_note(application, "Add a letter of support from the partner.", by=mona)
    add_note(application, "Letter requested.", by=tina)
    add_note(application, "Office note.", by=sam)
    rows = Notification.objects.filter(user=tina, kind="application.comment")
    assert [n.body for n in rows] == ["Add a letter of support from the partner."]


def test_a_new_mentor_set_on_the_edit_page_is_told(tina, mona, tom, make_application, client_for):
    application = make_application(tina)
    client = client_for(tina)
    response = client.post(f"/guidance/applications/{application.pk}/edit/", {
        "title": application.title, "discipline": "", "research_direction": "", "mentor": mona.pk, "version": "1",
    })
    assert response.status_code == 302
    assert Notification.objects.filter(user=mona, kind="application.mentor").count() == 1
    client.post(f"/guidance/applications/{application.pk}/edit/", {
        "title": "Renamed", "discipline": "", "research_direction": "", "mentor": mona.pk, "version": "2",
    })
    assert Notification.objects.filter(user=mona, kind="application.mentor").count() == 1


def test_owners_hear_once_that_an_agreement_entered_its_notice_period_however_often_remind_runs(
        make_agreement, sam, cora):
    due = make_agreement("Exchange with Milan", status="active", owner=sam, renewal_notice_days=60,
                         valid_until=date.today() + timedelta(days=30))
    make_agreement("Not yet", status="active", owner=cora, renewal_notice_days=30,
                   valid_until=date.today() + timedelta(days=45))
    remind()
    remind()
    remind("--date", (date.today() + timedelta(days=1)).isoformat())
    rows = Notification.objects.filter(kind="agreements")
    assert [(n.user, n.url) for n in rows] == [(sam, f"/agreements/{due.pk}/")]
    assert "Exchange with Milan" in rows[0].title


def test_a_dry_run_of_remind_files_no_notification(make_agreement, sam):
    make_agreement("Exchange with Milan", status="active", owner=sam, renewal_notice_days=60,
                   valid_until=date.today() + timedelta(days=30))
    remind("--dry-run")
    assert not Notification.objects.exists()


def test_remind_sends_no_digest_to_an_owner_who_turned_email_off(make_agreement, sam):
    make_agreement("Exchange with Milan", status="active", owner=sam, renewal_notice_days=60,
                   valid_until=date.today() + timedelta(days=30))
    set_email(sam, False)
    remind()
    assert mail.outbox == []
    assert Notification.objects.filter(user=sam).count() == 1


def test_a_teacher_is_reminded_once_of_each_deadline_of_a_call_they_applied_to(tina, make_application, make_call):
    make_application(tina, call=make_call(internal=5, external=12))
    remind()
    remind()
    rows = Notification.objects.filter(user=tina, kind="guidance-deadlines")
    assert rows.count() == 2  # the internal and the external deadline
    assert {"Internal deadline", "External deadline"} == {n.title.split(" ")[0] + " " + n.title.split(" ")[1]
                                                           for n in rows}


def test_office_staff_hear_when_the_newsroom_proposes_records_and_others_do_not(
        registry, article_text, ada, sam, cora, victor, tina):
    article = ingest_article(article_text, fmt="text", by=None).article
    assert article.proposals.exists()
    told = set(Notification.objects.filter(kind="newsroom.proposals").values_list("user__username", flat=True))
    assert told == {"ada", "sam"}
    ingest_article(article_text, fmt="text", by=None)  # the same article again: nothing new
    assert Notification.objects.filter(kind="newsroom.proposals").count() == 2


def test_the_same_event_notifies_a_user_once(sam):
    assert len(notify(sam, key="event:1", title="First")) == 1
    assert notify(sam, key="event:1", title="Again") == []
    assert Notification.objects.get(user=sam).title == "First"


def test_inactive_users_are_not_notified(sam):
    sam.is_active = False
    sam.save()
    assert notify(sam, key="event:1", title="Hello") == []


def test_notifications_made_without_email_are_kept_but_not_sent(sam, django_capture_on_commit_callbacks):
    from accord.notifications.services import without_email

    with django_capture_on_commit_callbacks(execute=True), without_email():
        notify(sam, key="demo:1", title="Quiet")
    with django_capture_on_commit_callbacks(execute=True):
        notify(sam, key="demo:2", title="Loud")
    assert Notification.objects.filter(user=sam).count() == 2
    assert [m.subject for m in mail.outbox] == ["Accord: Loud"]
