"""Who may do what with agreements: roles × views, through accord.accounts.roles.can."""

import pytest

from accord.agreements.models import Agreement
from tests.agreements.conftest import form_data

ALLOWED = {
    # persona: (list, detail, create, edit, transition, delete)
    "viewer": (True, True, False, False, False, False),
    "coordinator_own": (True, True, True, True, True, False),
    "coordinator_other": (True, True, True, False, False, False),
    "staff": (True, True, True, True, True, False),
    "admin": (True, True, True, True, True, True),
    "outsider": (False, False, False, False, False, False),
}
VIEWS = ("list", "detail", "create", "edit", "transition", "delete")


@pytest.fixture
def setup(request, make_agreement, faculty, other_faculty, victor, cora, sam, ada, oscar):
    persona = request.param
    user = {"viewer": victor, "coordinator_own": cora, "coordinator_other": cora, "staff": sam, "admin": ada,
            "outsider": oscar}[persona]
    owner = other_faculty if persona == "coordinator_other" else faculty
    return persona, user, make_agreement(faculty=owner)


def attempt(client, view, agreement):
    base = f"/agreements/{agreement.pk}/"
    if view == "list":
        return client.get("/agreements/")
    if view == "detail":
        return client.get(base)
    if view == "create":
        return client.post("/agreements/new/", form_data(title="Created"))
    if view == "edit":
        return client.post(f"{base}edit/", form_data(title="Edited", version=str(agreement.version)))
    if view == "transition":
        return client.post(f"{base}transition/", {"to": "under_negotiation"})
    return client.post(f"{base}delete/")


CASES = [(persona, view, ALLOWED[persona][i]) for persona in ALLOWED for i, view in enumerate(VIEWS)]


@pytest.mark.parametrize(("setup", "view", "allowed"), CASES, indirect=["setup"],
                         ids=[f"{p}-{v}" for p, v, _ in CASES])
def test_each_role_may_use_exactly_the_views_its_role_allows(client_for, setup, view, allowed):
    persona, user, agreement = setup
    response = attempt(client_for(user), view, agreement)
    if allowed:
        assert response.status_code in (200, 302), response.content[:300]
    else:
        assert response.status_code == 403
    stored = Agreement.objects.filter(pk=agreement.pk).first()
    if view == "edit":
        assert (stored.title == "Edited") is allowed
    if view == "transition":
        assert (stored.status == "under_negotiation") is allowed
    if view == "delete":
        assert (stored is None) is allowed
    if view == "create":
        assert Agreement.objects.filter(title="Created").exists() is allowed


def test_anonymous_visitors_are_sent_to_the_login_page(client, make_agreement):
    agreement = make_agreement()
    for url in ("/agreements/", f"/agreements/{agreement.pk}/", "/agreements/new/", "/agreements/expiring/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/login/")


def test_a_coordinator_cannot_move_their_agreement_to_another_faculty(client_for, cora, make_agreement, faculty,
                                                                      other_faculty):
    agreement = make_agreement(faculty=faculty)
    client_for(cora).post(f"/agreements/{agreement.pk}/edit/",
                          form_data(faculty=str(other_faculty.pk), version=str(agreement.version)))
    assert Agreement.objects.get(pk=agreement.pk).faculty == faculty


def test_buttons_are_shown_only_to_who_may_use_them(client_for, victor, sam, make_agreement):
    agreement = make_agreement()
    assert "Start negotiation" not in client_for(victor).get(f"/agreements/{agreement.pk}/").content.decode()
    page = client_for(sam).get(f"/agreements/{agreement.pk}/").content.decode()
    assert "Start negotiation" in page and 'method="post"' in page and "csrfmiddlewaretoken" in page
