"""Accord writes to each user in their own language (Profile.language, else the site's): the reminder
digests of one `accord remind` run, the notifications and their e-mails, and the password-set link."""

import re
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from accord.accounts import users
from accord.guidance.models import Stage
from accord.guidance.services import advance
from accord.notifications.models import Notification

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u4e00-\u9fff]")


def chinese(text: str) -> bool:
    return bool(HAN.search(text))


def test_one_remind_run_writes_to_a_chinese_owner_in_chinese_and_to_an_english_owner_in_english(
        make_agreement, sam, cora):
    users.set_language(cora, "zh-hans")
    soon = date.today() + timedelta(days=30)
    make_agreement("Exchange with Milan", status="active", owner=sam, renewal_notice_days=60, valid_until=soon)
    make_agreement("Exchange with Turin", status="active", owner=cora, renewal_notice_days=60, valid_until=soon,
                   auto_renew=True)
    with translation.override("en"):
        call_command("remind", stdout=StringIO())
    by_user = {m.to[0]: m for m in mail.outbox}
    english, chinese_mail = by_user["sam@accord.test"], by_user["cora@accord.test"]
    assert english.subject == "Accord: 1 agreement expires soon"
    assert "Exchange with Milan: ends" in english.body and "(in 30 days)" in english.body
    assert not chinese(english.subject + english.body)
    assert chinese_mail.subject == "Accord：1 项协议即将到期"
    assert "Exchange with Turin：" in chinese_mail.body and "30 天后" in chinese_mail.body and "自动续签" in chinese_mail.body
    assert chinese(Notification.objects.get(user=cora).title) and not chinese(Notification.objects.get(user=sam).title)


def test_a_chinese_teacher_s_deadline_digest_is_in_chinese(tina, make_application, make_call):
    users.set_language(tina, "zh-hans")
    make_application(tina, call=make_call(internal=5, external=12))
    call_command("remind", stdout=StringIO())
    [message] = [m for m in mail.outbox if m.to == ["tina@accord.test"]]
    assert message.subject.startswith("Accord：") and "申报指导截止日期" in message.subject
    assert "校内截止日期" in message.body and "外部截止日期" in message.body and "5 天后" in message.body


def test_the_applicant_is_told_of_a_stage_change_in_their_language_whoever_moved_it(
        tina, mona, make_application, django_capture_on_commit_callbacks):
    users.set_language(tina, "zh-hans")
    application = make_application(tina, mentor=mona)
    mail.outbox.clear()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        advance(application, Stage.CONSULTATION, by=mona)
    [message] = mail.outbox
    assert message.to == ["tina@accord.test"]
    assert message.subject.startswith("Accord：") and chinese(message.subject) and chinese(message.body)
    assert "Consultation" not in message.subject


def test_the_mentor_with_no_choice_is_told_in_the_site_s_language_even_from_a_chinese_page(
        tina, mona, make_application, django_capture_on_commit_callbacks):
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        make_application(tina, mentor=mona)
    [message] = mail.outbox
    assert message.to == ["mona@accord.test"]
    assert message.subject.startswith("Accord: New application to mentor") and not chinese(message.body)


def test_the_password_link_is_e_mailed_in_the_user_s_language(sam, ada):
    users.set_language(sam, "zh-hans")
    users.send_password_link(sam, "http://accord.test", by=ada)
    users.send_password_link(ada, "http://accord.test")
    zh, en = mail.outbox
    assert zh.subject == "Accord：设置您的密码" and chinese(zh.body)
    assert en.subject == "Accord: set your password" and not chinese(en.body)


def test_an_account_created_on_the_command_line_for_a_chinese_reader_gets_a_chinese_invitation(db):
    call_command("user", "create", "li", "--email", "li@accord.test", "--role", "viewer", "--language", "zh-hans",
                 "--email-link", stdout=StringIO())
    [message] = mail.outbox
    assert message.to == ["li@accord.test"] and message.subject == "Accord：设置您的密码"
