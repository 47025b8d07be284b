from datetime import date

import pytest
from django.urls import reverse

from accord.activities.models import Activity
from tests.mobility.matrix import CASES, user_for

URLS = {
    "list": lambda a: reverse("activities:activity-list"),
    "detail": lambda a: a.get_absolute_url(),
    "create": lambda a: reverse("activities:activity-create"),
    "edit": lambda a: reverse("activities:activity-update", args=[a.pk]),
    "delete": lambda a: reverse("activities:activity-delete", args=[a.pk]),
}


@pytest.fixture
def activities(faculty, other_faculty):
    day = date(2022, 4, 1)
    return {
        "own": Activity.objects.create(title="Payload competition", kind="competition", start_date=day, faculty=faculty),
        "other": Activity.objects.create(title="Robot workshop", kind="workshop", start_date=day, faculty=other_faculty),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("persona, action, status", CASES)
def test_each_role_may_do_what_the_matrix_says_with_an_activity(
    request, client_for, activities, persona, action, status
):
    record = activities["other"] if persona.endswith("-other") else activities["own"]
    client = client_for(user_for(persona, request))
    assert client.get(URLS[action](record)).status_code == status


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client, activities):
    response = client.get(reverse("activities:activity-list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_a_coordinator_cannot_post_changes_to_another_faculty_s_activity(client_for, cora, activities):
    other = activities["other"]
    response = client_for(cora).post(
        reverse("activities:activity-update", args=[other.pk]), {"title": "Renamed", "kind": "other"}
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.title == "Robot workshop"


@pytest.mark.django_db
def test_only_an_admin_deletes_an_activity(client_for, ada, sam, activities):
    own = activities["own"]
    assert client_for(sam).post(reverse("activities:activity-delete", args=[own.pk])).status_code == 403
    response = client_for(ada).post(reverse("activities:activity-delete", args=[own.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("activities:activity-list")
    assert not Activity.objects.filter(pk=own.pk).exists()
    assert own.history.filter(history_type="-", history_user=ada).exists()
