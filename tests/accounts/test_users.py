"""Administrators manage users inside Accord; every change is kept; nobody else may."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command

from accord.accounts.models import UserChange
from accord.accounts.roles import can, faculty_of, role_of
from accord.accounts.apitokens import ApiToken, digest

pytestmark = pytest.mark.django_db


def accord(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def fresh(user):
    return User.objects.get(pk=user.pk)


def test_an_admin_creates_a_coordinator_who_is_invited_to_set_a_password(ada, faculty, client, client_for):
    response = client_for(ada).post("/accounts/users/new/", {
        "username": "carl", "first_name": "Carl", "email": "carl@accord.test", "role": "coordinator",
        "faculty": faculty.pk, "send_link": "on",
    })
    assert response.status_code == 302
    carl = User.objects.get(username="carl")
    assert role_of(carl) == "coordinator" and faculty_of(carl) == faculty and not carl.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["carl@accord.test"]
    link = re.search(r"http://testserver(/password/\S+/)", message.body).group(1)
    client.logout()
    form = client.get(link, follow=True)
    assert b"Set your password" in form.content
    client.post(form.redirect_chain[-1][0] if form.redirect_chain else link,
                {"new_password1": "a long new passphrase 42", "new_password2": "a long new passphrase 42"})
    assert client.login(username="carl", password="a long new passphrase 42")
    changes = list(UserChange.objects.filter(user=carl).order_by("pk").values_list("change", "by__username"))
    assert changes[0] == ("created", "ada")
    assert ("role: — → coordinator", "ada") in changes and ("password link sent", "ada") in changes


def test_a_coordinator_needs_a_faculty(ada, client_for):
    response = client_for(ada).post("/accounts/users/new/", {"username": "carl", "role": "coordinator"})
    assert response.status_code == 400 and b"needs a faculty" in response.content
    assert not User.objects.filter(username="carl").exists()


def test_an_admin_changes_role_and_flags_and_the_history_says_so(ada, victor, client_for):
    client_for(ada).post(f"/accounts/users/{victor.pk}/", {"role": "staff", "mentor": "on", "email": victor.email, "first_name": "Victor"})
    victor = fresh(victor)
    assert role_of(victor) == "staff" and victor.groups.filter(name="mentor").exists()
    changes = set(UserChange.objects.filter(user=victor).values_list("change", flat=True))
    assert changes == {"role: viewer → staff", "mentor: on"}


def test_a_deactivated_user_can_no_longer_log_in_nor_use_a_token(ada, sam, client, client_for):
    _, raw = ApiToken.issue(sam, "script")
    client_for(ada).post(f"/accounts/users/{sam.pk}/active/", {"active": "0"})
    assert not fresh(sam).is_active
    assert ApiToken.authenticate(raw) is None
    client.logout()
    assert not client.login(username="sam", password="correct horse battery staple")
    assert UserChange.objects.filter(user=sam, change__startswith="deactivated", by=ada).exists()


def test_an_admin_cannot_deactivate_or_demote_themselves(ada, client_for):
    client = client_for(ada)
    client.post(f"/accounts/users/{ada.pk}/active/", {"active": "0"})
    client.post(f"/accounts/users/{ada.pk}/", {"role": "viewer"})
    ada = fresh(ada)
    assert ada.is_active and role_of(ada) == "admin"


@pytest.mark.parametrize("persona", ["sam", "cora", "victor", "oscar"])
def test_only_administrators_reach_the_user_pages(persona, request, client_for):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    assert client.get("/accounts/users/").status_code == 403
    assert client.post("/accounts/users/new/", {"username": "x", "role": "admin"}).status_code == 403
    assert client.post(f"/accounts/users/{user.pk}/", {"role": "admin"}).status_code == 403
    assert role_of(fresh(user)) != "admin" and not User.objects.filter(username="x").exists()


def test_the_users_link_is_in_the_header_for_admins_only(ada, sam, client_for):
    assert b'href="/accounts/users/"' in client_for(ada).get("/accounts/profile/").content
    assert b'href="/accounts/users/"' not in client_for(sam).get("/accounts/profile/").content


def test_the_command_line_creates_sets_the_role_of_and_deactivates_a_user(faculty):
    out = accord("user", "create", "carl", "--email", "carl@accord.test", "--role", "coordinator",
                 "--faculty", "school of aerospace engineering", "--password-link")
    assert "created carl: role coordinator, faculty School of Aerospace Engineering" in out
    assert "http://127.0.0.1:8000/password/" in out
    carl = User.objects.get(username="carl")
    assert "role: coordinator → staff; faculty" in accord("user", "set-role", "carl", "--role", "staff")
    assert role_of(fresh(carl)) == "staff" and faculty_of(fresh(carl)) is None
    assert "deactivated" in accord("user", "deactivate", "carl")
    assert not fresh(carl).is_active
    assert UserChange.objects.filter(user=carl, by=None).count() >= 4


def test_the_command_line_refuses_an_unknown_faculty_and_a_taken_username(sam):
    with pytest.raises(CommandError, match="No faculty named"):
        accord("user", "create", "carl", "--role", "coordinator", "--faculty", "Nowhere")
    with pytest.raises(CommandError, match="taken"):
        accord("user", "create", "SAM")


def test_a_token_created_on_the_command_line_is_printed_once_and_opens_the_api(sam):
    raw = accord("token", "create", "sam", "--name", "SIS").strip()
    token = ApiToken.objects.get(user=sam)
    assert token.name == "SIS" and token.token_hash == digest(raw) and raw not in token.token_hash
    assert ApiToken.authenticate(raw).pk == sam.pk


def test_no_token_for_an_unknown_user():
    with pytest.raises(CommandError, match="No user named"):
        accord("token", "create", "nobody")


def test_a_mentor_flag_lets_a_user_browse_the_guidance_center_and_be_chosen(ada, oscar, client_for):
    from accord.guidance.forms import guidance_people

    client_for(ada).post(f"/accounts/users/{oscar.pk}/", {"role": "", "mentor": "on"})
    oscar = fresh(oscar)
    assert can(oscar, "guidance.browse") and not can(oscar, "guidance.apply")
    assert guidance_people().filter(pk=oscar.pk).exists()


def test_the_command_line_invites_a_user_by_email():
    out = accord("user", "create", "dora", "--email", "dora@accord.test", "--teacher", "--email-link",
                 "--base-url", "https://accord.example.edu")
    assert "invitation e-mailed to dora@accord.test" in out
    [message] = mail.outbox
    assert "https://accord.example.edu/password/" in message.body
    assert User.objects.get(username="dora").groups.filter(name="teacher").exists()


def test_an_invitation_without_an_email_address_is_refused_before_the_user_is_created(db):
    with pytest.raises(CommandError, match="needs --email"):
        accord("user", "create", "erin", "--email-link")
    assert not User.objects.filter(username="erin").exists()
