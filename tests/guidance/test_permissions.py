"""Who may do what in the guidance center, as (persona, page) -> HTTP status.

tina applied (teacher, School of Aerospace Engineering); mona mentors her application; tom is another
teacher; cora coordinates tina's faculty; victor is a viewer; sam and ada run the office; oscar has no role.
"""

import pytest
from django.urls import reverse

from accord.accounts.roles import ACTIONS, can, role_of
from accord.guidance.access import visible_applications

pytestmark = pytest.mark.django_db

PERSONAS = ["tina", "mona", "tom", "cora", "victor", "sam", "ada", "oscar"]
ALLOWED = {
    "application-detail": {"tina", "mona", "cora", "sam", "ada"},
    "application-update": {"tina", "mona", "sam", "ada"},
    "call-list": {"tina", "mona", "tom", "cora", "victor", "sam", "ada"},
    "call-detail": {"tina", "mona", "tom", "cora", "victor", "sam", "ada"},
    "apply": {"tina", "mona", "tom", "sam", "ada"},
    "call-create": {"sam", "ada"},
    "consultation-create": {"sam", "ada"},
}
CASES = [(persona, page, 200 if persona in allowed else 403) for page, allowed in ALLOWED.items() for persona in PERSONAS]


@pytest.fixture
def application(make_application, tina, mona):
    return make_application(tina, mentor=mona)


def url_of(page, application):
    return {
        "application-detail": reverse("guidance:application-detail", args=[application.pk]),
        "application-update": reverse("guidance:application-update", args=[application.pk]),
        "call-list": reverse("guidance:call-list"),
        "call-detail": application.call.get_absolute_url(),
        "apply": reverse("guidance:application-create") + f"?call={application.call.pk}",
        "call-create": reverse("guidance:call-create"),
        "consultation-create": reverse("guidance:consultation-create"),
    }[page]


@pytest.mark.parametrize("persona, page, status", CASES)
def test_the_permission_matrix(request, client_for, application, persona, page, status):
    user = request.getfixturevalue(persona)
    assert client_for(user).get(url_of(page, application)).status_code == status


def test_a_teacher_sees_only_their_own_applications(make_application, tina, tom):
    mine = make_application(tina, title="Mine")
    make_application(tom, title="Tom's")
    assert list(visible_applications(tina)) == [mine]


def test_the_mentor_and_the_office_see_the_applications_they_guide(make_application, tina, tom, mona, sam):
    guided = make_application(tina, mentor=mona)
    other = make_application(tom)
    assert list(visible_applications(mona)) == [guided]
    assert set(visible_applications(sam)) == {guided, other}


def test_my_applications_lists_only_mine(client_for, make_application, tina, tom):
    make_application(tina, title="Nozzle materials")
    make_application(tom, title="Satellite navigation")
    body = client_for(tina).get(reverse("guidance:my-applications")).content.decode()
    assert "Nozzle materials" in body and "Satellite navigation" not in body


def test_a_teacher_is_not_a_viewer_of_the_office_records(tina):
    assert role_of(tina) is None
    assert can(tina, "guidance.browse") and can(tina, "guidance.apply")
    assert not can(tina, "guidance.manage")
    assert not any(can(tina, action) for action in ACTIONS if not action.startswith("guidance."))


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(reverse("guidance:call-list"))["Location"].startswith(reverse("login"))
