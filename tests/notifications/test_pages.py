"""The bell, the list, marking read and the e-mail switch: each user sees only their own."""

import pytest

from accord.notifications.models import Notification, Preference
from accord.notifications.services import notify

pytestmark = pytest.mark.django_db


def test_the_header_bell_shows_the_unread_count(sam, client_for):
    notify(sam, key="a", title="One", email=False)
    notify(sam, key="b", title="Two", email=False)
    page = client_for(sam).get("/notifications/").content.decode()
    assert 'id="bell"' in page and "Notifications: 2 unread" in page


def test_a_user_sees_only_their_own_notifications(sam, victor, client_for):
    notify(sam, key="a", title="For Sam only", email=False)
    page = client_for(victor).get("/notifications/").content.decode()
    assert "For Sam only" not in page


def test_opening_a_notification_marks_it_read_and_leads_to_its_page(sam, client_for):
    [n] = notify(sam, key="a", title="One", url="/agreements/", email=False)
    response = client_for(sam).post(f"/notifications/{n.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/agreements/"
    n.refresh_from_db()
    assert n.is_read


def test_nobody_opens_or_marks_another_users_notification(sam, victor, client_for):
    [n] = notify(sam, key="a", title="One", url="/agreements/", email=False)
    assert client_for(victor).post(f"/notifications/{n.pk}/open/").status_code == 404
    n.refresh_from_db()
    assert not n.is_read


def test_mark_all_read_marks_only_the_users_own(sam, victor, client_for):
    notify([sam, victor], key="a", title="One", email=False)
    client_for(sam).post("/notifications/read/")
    assert Notification.objects.get(user=sam).is_read
    assert not Notification.objects.get(user=victor).is_read


def test_a_notification_pointing_elsewhere_does_not_redirect_off_site(sam, client_for):
    [n] = notify(sam, key="a", title="One", url="https://evil.example/", email=False)
    response = client_for(sam).post(f"/notifications/{n.pk}/open/")
    assert response["Location"] == "/notifications/"


def test_a_user_turns_email_off_and_on(sam, client_for):
    client = client_for(sam)
    client.post("/notifications/preference/", {})
    assert Preference.objects.get(user=sam).email is False
    client.post("/notifications/preference/", {"email": "on"})
    assert Preference.objects.get(user=sam).email is True


def test_notification_text_is_escaped(sam, client_for):
    notify(sam, key="a", title="<script>alert(1)</script>", body="<b>x</b>", email=False)
    page = client_for(sam).get("/notifications/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    assert client.get("/notifications/")["Location"].startswith("/login/")
