"""Tokens are created and revoked on the profile page, stored as a hash, and open the API only while live."""

from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from accord.accounts.apitokens import ApiToken, digest
from accord.registry.models import Institution


def test_a_user_creates_a_token_on_the_profile_page_and_sees_it_once(client_for, victor):
    client = client_for(victor)
    response = client.post("/accounts/tokens/", {"name": "student information system"})
    assert response.status_code == 200
    raw = response.context["new_token"]
    assert raw.startswith("acc_") and raw.encode() in response.content
    token = ApiToken.objects.get(user=victor)
    assert token.name == "student information system"
    assert raw.encode() not in client.get("/accounts/profile/").content


def test_it_stores_only_a_hash_of_the_token(victor):
    token, raw = ApiToken.issue(victor, "map")
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert raw not in {str(value) for value in stored.values()}
    assert stored["token_hash"] == digest(raw) and len(stored["token_hash"]) == 64


def test_a_token_opens_the_api_until_it_is_revoked(client_for, victor, api_as):
    client = client_for(victor)
    raw = client.post("/accounts/tokens/", {"name": "ministry"}).context["new_token"]
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/institutions/", headers=headers).status_code == 200
    token = ApiToken.objects.get(user=victor)
    assert token.last_used_at is not None
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    client.logout()
    response = client.get("/api/v1/institutions/", headers=headers)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_it_rejects_a_made_up_token_and_a_missing_one(db, api_as):
    from tests.api.conftest import ApiClient

    assert ApiClient("acc_not-a-real-token").get("/api/v1/institutions/").status_code == 401
    assert api_as(None).get("/api/v1/agreements/").status_code == 401


def test_a_user_cannot_revoke_someone_elses_token(client_for, victor, sam):
    token, _raw = ApiToken.issue(sam, "sam's")
    response = client_for(victor).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_without_a_name_is_refused_with_the_field_named(client_for, victor):
    response = client_for(victor).post("/accounts/tokens/", {"name": ""})
    assert response.status_code == 400
    assert "name" in response.context["token_form"].errors
    assert not ApiToken.objects.exists()


def test_a_token_revoked_anywhere_stops_working_on_the_next_request(victor, api_as):
    api = api_as(victor)
    assert api.get("/api/v1/institutions/").status_code == 200
    # as another worker process would: straight in the database
    ApiToken.objects.filter(user=victor).update(revoked_at=timezone.now())
    assert api.get("/api/v1/institutions/").status_code == 401


def test_the_token_of_a_deactivated_user_stops_working(victor, api_as):
    api = api_as(victor)
    assert api.get("/api/v1/institutions/").status_code == 200
    User.objects.filter(pk=victor.pk).update(is_active=False)
    assert api.get("/api/v1/institutions/").status_code == 401


def test_a_role_given_or_taken_applies_from_the_next_request(oscar, api_as):
    api = api_as(oscar)
    assert api.get("/api/v1/institutions/").status_code == 403
    oscar.groups.add(Group.objects.get(name="viewer"))
    assert api.get("/api/v1/institutions/").status_code == 200
    oscar.groups.clear()
    assert api.get("/api/v1/institutions/").status_code == 403


def test_one_callers_role_never_carries_over_to_the_next_caller(sam, victor, api_as):
    staff, viewer = api_as(sam), api_as(victor)
    for i in range(3):
        assert staff.post("/api/v1/institutions/", {"name": f"Partner {i}"}).status_code == 201
        assert viewer.post("/api/v1/institutions/", {"name": f"Not created {i}"}).status_code == 403
    assert sorted(Institution.objects.filter(name__startswith="Partner ").values_list("name", flat=True)) == [
        "Partner 0", "Partner 1", "Partner 2"]
    assert not Institution.objects.filter(name__startswith="Not created").exists()


def test_a_change_through_a_token_is_recorded_in_the_history_under_its_owner(sam, api_as):
    response = api_as(sam).post("/api/v1/institutions/", {"name": "Tsinghua University"})
    assert response.status_code == 201
    record = Institution.history.get(id=response.json()["id"])
    assert record.history_user == sam


def test_last_use_is_written_at_most_once_a_minute(victor, api_as):
    api = api_as(victor)
    token = ApiToken.objects.get(user=victor)
    a_moment_ago = timezone.now() - timedelta(seconds=20)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_moment_ago)
    api.get("/api/v1/institutions/")
    token.refresh_from_db()
    assert token.last_used_at == a_moment_ago
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(minutes=2))
    api.get("/api/v1/institutions/")
    token.refresh_from_db()
    assert timezone.now() - token.last_used_at < timedelta(seconds=10)


def test_the_caller_of_a_token_is_the_whole_user(victor):
    _token, raw = ApiToken.issue(victor, "sis")
    user = ApiToken.authenticate(raw)
    assert (user.pk, user.username, user.is_active, user.is_superuser) == (victor.pk, "victor", True, False)
    assert user.date_joined == victor.date_joined and user.date_joined.tzinfo is not None  # loaded when asked for
