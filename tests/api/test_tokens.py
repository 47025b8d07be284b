"""Tokens are created and revoked on the profile page, stored as a hash, and open the API only while live."""

from accord.api.models import ApiToken, digest


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
