"""A user's language: chosen on their own profile page or by an administrator on the users page,
kept in their history, and switched to when they log in (a user who never chose keeps the language
of their browser session)."""

from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

from accord.accounts import users
from accord.accounts.language import language_of
from accord.accounts.models import UserChange
from tests.conftest import PASSWORD


def test_a_user_who_never_chose_is_written_to_in_the_site_s_language(victor):
    assert language_of(victor) == settings.LANGUAGE_CODE == "en"


def test_a_user_chooses_chinese_on_their_profile_and_the_pages_switch_at_once(victor, client_for):
    client = client_for(victor)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="language"' in page and "简体中文" in page
    response = client.post(reverse("accounts:language"), {"language": "zh-hans"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert language_of(victor) == "zh-hans"
    assert "个人资料" in client.get(reverse("accounts:profile")).content.decode()
    assert UserChange.objects.filter(user=victor, change="language: — → zh-hans").exists()


def test_an_unknown_language_is_refused(victor, client_for):
    response = client_for(victor).post(reverse("accounts:language"), {"language": "fr"})
    assert response.status_code == 400 and language_of(victor) == "en"


def test_an_administrator_sets_a_user_s_language_on_the_users_page(ada, victor, client_for):
    client = client_for(ada)
    url = reverse("accounts:user-detail", args=[victor.pk])
    assert 'name="language"' in client.get(url).content.decode()
    response = client.post(url, {"first_name": "Victor", "last_name": "", "email": victor.email, "role": "viewer",
                                 "language": "zh-hans"})
    assert response.status_code == 302
    assert language_of(victor) == "zh-hans"
    assert UserChange.objects.get(user=victor, change__startswith="language").by == ada


def test_an_administrator_creates_a_user_who_reads_chinese(ada, client_for):
    client_for(ada).post(reverse("accounts:user-create"), {"username": "li", "email": "li@accord.test",
                                                            "role": "viewer", "language": "zh-hans"})
    assert language_of(User.objects.get(username="li")) == "zh-hans"


def test_logging_in_switches_the_pages_to_the_chosen_language(victor, client):
    users.set_language(victor, "zh-hans")
    response = client.post(reverse("login"), {"username": "victor", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert "数据概览" in client.get(response["Location"], follow=True).content.decode()


def test_logging_in_without_a_choice_keeps_the_session_s_language(victor, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    response = client.post(reverse("login"), {"username": "victor", "password": PASSWORD})
    assert response.status_code == 302 and settings.LANGUAGE_COOKIE_NAME not in response.cookies
