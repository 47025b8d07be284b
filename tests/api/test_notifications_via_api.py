"""The API's business actions notify as the web does."""

import pytest

from accord.notifications.models import Notification
from tests.guidance.conftest import make_application, make_call, mona, tina, tom  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def test_a_mentor_set_through_the_api_is_told_once(api_as, tina, mona, make_application):
    application = make_application(tina)
    for version in (1, 2):
        response = api_as(tina).patch(f"/api/v1/applications/{application.pk}", {"mentor": mona.pk, "version": version})
        assert response.status_code == 200
    assert Notification.objects.filter(user=mona, kind="application.mentor").count() == 1


def test_a_stage_moved_through_the_api_by_the_mentor_tells_the_applicant(api_as, tina, mona, make_application):
    application = make_application(tina, mentor=mona)
    response = api_as(mona).post(f"/api/v1/applications/{application.pk}/stage", {"to": "consultation"})
    assert response.status_code == 200
    assert Notification.objects.filter(user=tina, kind="application.stage").count() == 1
