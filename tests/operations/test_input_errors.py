"""No 500s from input: a number too large for any column is a 400 on the web and a 422 in the API,
and the API answers JSON for every error."""

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.apitokens import ApiToken
from accord.guidance.models import Application
from tests.guidance.conftest import make_application, make_call, mona, tina, tom  # noqa: F401  (fixtures)

HUGE = "9" * 30


@pytest.fixture
def api(sam):
    return Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(sam, 'test')[1]}", raise_request_exception=False)


@pytest.mark.parametrize("path", [f"/activities/?partner={HUGE}", f"/partners/?country_group={HUGE}",
                                  f"/agreements/?faculty={HUGE}", f"/people/?program={HUGE}",
                                  f"/partners/{HUGE}/", f"/insights/?faculty={HUGE}"])
def test_a_huge_number_in_a_web_filter_or_path_is_no_server_error(client_for, sam, path):
    client = client_for(sam)
    client.raise_request_exception = False
    assert client.get(path).status_code in {200, 400, 404}


def test_a_huge_number_that_reaches_the_database_is_a_400_on_the_web(client_for, sam):
    client = client_for(sam)
    client.raise_request_exception = False
    assert client.get(f"/activities/?partner={HUGE}").status_code == 400


@pytest.mark.parametrize("path", [f"/api/v1/activities/?partner={HUGE}", f"/api/v1/institutions/{HUGE}",
                                  f"/api/v1/institutions/?country_group={HUGE}", f"/api/v1/agreements/?faculty={HUGE}",
                                  f"/api/v1/institutions/?page={HUGE}"])
def test_a_huge_number_in_an_api_parameter_is_json_and_never_a_server_error(api, path):
    response = api.get(path)
    assert response.status_code in {200, 422}, response.content
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("method, path, status", [("get", "/api/v1/no-such-thing", 404),
                                                  ("delete", "/api/v1/stats", 405)])
def test_the_api_answers_json_for_every_error(api, method, path, status):
    response = getattr(api, method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json") and "detail" in response.json()


def test_a_mentor_who_changes_an_application_s_mentor_is_refused_and_nothing_is_saved_on_the_web(
        client_for, make_application, tina, mona, tom, sam):
    application = make_application(tina, mentor=mona)
    client = client_for(mona)
    form = {"title": "Taken over", "discipline": application.discipline or "", "research_direction": "x",
            "mentor": tom.pk}
    response = client.post(reverse("guidance:application-update", args=[application.pk]), form)
    assert response.status_code == 403
    application.refresh_from_db()
    assert (application.mentor_id, application.title) == (mona.pk, "Reusable nozzle materials")


def test_a_mentor_who_changes_an_application_s_mentor_is_refused_and_nothing_is_saved_in_the_api(
        make_application, tina, mona, tom):
    application = make_application(tina, mentor=mona)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(mona, 'test')[1]}")
    response = client.patch(f"/api/v1/applications/{application.pk}", {"mentor": tom.pk, "title": "Taken over"},
                            content_type="application/json")
    assert response.status_code == 403 and response.json()["detail"]
    application.refresh_from_db()
    assert (application.mentor_id, application.title) == (mona.pk, "Reusable nozzle materials")


def test_the_mentor_still_edits_other_fields_and_the_applicant_may_change_the_mentor(make_application, tina, mona, tom):
    application = make_application(tina, mentor=mona)
    as_mona = Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(mona, 'test')[1]}")
    assert as_mona.patch(f"/api/v1/applications/{application.pk}", {"title": "Better title", "mentor": mona.pk},
                         content_type="application/json").status_code == 200
    as_tina = Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(tina, 'test')[1]}")
    assert as_tina.patch(f"/api/v1/applications/{application.pk}", {"mentor": tom.pk},
                         content_type="application/json").status_code == 200
    assert Application.objects.get(pk=application.pk).mentor_id == tom.pk
