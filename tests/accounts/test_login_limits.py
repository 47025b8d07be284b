"""Login limits hold on every login form, count usernames as Django compares them, and count the
client's own address (not a proxy's), so that an attack on one account or from one address does not
lock out everyone else."""

import pytest
from django.test import Client

from tests.conftest import PASSWORD

PROXY = {"REMOTE_ADDR": "127.0.0.1"}


@pytest.fixture
def behind_proxy(settings):
    settings.ACCORD_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.ACCORD_TRUSTED_PROXIES = ["127.0.0.1"]


def via_proxy(client_address):
    return {**PROXY, "HTTP_X_FORWARDED_FOR": f"10.9.9.9, {client_address}"}  # the first one is the client's word


def logged_in(client):
    return "_auth_user_id" in client.session


def test_the_admin_login_is_limited_like_accord_s_own(ada):
    ada.is_staff = True
    ada.save()
    client = Client()
    for _ in range(30):
        client.post("/admin/login/", {"username": ada.username, "password": "wrong", "next": "/admin/"})
    response = client.post("/admin/login/", {"username": ada.username, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 429
    assert not logged_in(client)


def test_failures_on_the_admin_login_count_on_accord_s_login_too(victor):
    client = Client()
    for _ in range(5):
        client.post("/admin/login/", {"username": "victor", "password": "wrong"})
    assert client.post("/login/", {"username": "victor", "password": PASSWORD}).status_code == 429


@pytest.mark.parametrize("look_alike", ["ｖictor", "Victor", "VICTOR", " victor"])
def test_a_look_alike_username_counts_against_the_same_account(victor, look_alike):
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "victor", "password": "wrong"})
    response = client.post("/login/", {"username": look_alike, "password": PASSWORD})
    assert response.status_code == 429
    assert not logged_in(client)


def test_a_look_alike_username_s_failures_lock_the_account(victor):
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "ｖICTOR", "password": "wrong"})
    assert client.post("/login/", {"username": "victor", "password": PASSWORD}).status_code == 429


def test_one_client_behind_the_proxy_does_not_lock_out_the_others(behind_proxy, victor):
    attacker = Client()
    for number in range(40):
        attacker.post("/login/", {"username": f"nobody{number}", "password": "wrong"}, **via_proxy("203.0.113.5"))
    assert attacker.post("/login/", {"username": "nobody", "password": "wrong"},
                         **via_proxy("203.0.113.5")).status_code == 429
    office = Client()
    assert office.post("/login/", {"username": "victor", "password": PASSWORD}, **via_proxy("198.51.100.7")).status_code == 302
    assert logged_in(office)


def test_an_address_sent_by_an_untrusted_client_is_not_believed(behind_proxy, victor):
    attacker = Client()
    for number in range(20):  # a new made-up address each time, sent directly (not through the proxy)
        attacker.post("/login/", {"username": f"nobody{number}", "password": "wrong"},
                      REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert attacker.post("/login/", {"username": "victor", "password": PASSWORD},
                         REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


def test_an_address_may_fail_for_several_usernames_before_it_is_stopped(victor, sam):
    client = Client()
    for name in ("alice", "bob", "carol"):
        for _ in range(4):
            client.post("/login/", {"username": name, "password": "wrong"})
    assert client.post("/login/", {"username": "sam", "password": PASSWORD}).status_code == 302


def test_a_correct_password_for_an_unattacked_account_keeps_working_during_an_attack(victor, sam):
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(10):
        attacker.post("/login/", {"username": "victor", "password": "wrong"})
    colleague = Client(REMOTE_ADDR="198.51.100.7")
    assert colleague.post("/login/", {"username": "sam", "password": PASSWORD}).status_code == 302
