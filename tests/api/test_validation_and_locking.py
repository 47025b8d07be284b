"""Bad input is a 422 naming the field; a stale version is a 409 that changes nothing."""

from accord.agreements.models import Agreement


def _locs(response):
    return [tuple(problem["loc"]) for problem in response.json()["detail"]]


def test_a_missing_field_is_named_in_the_error(sam, api_as):
    response = api_as(sam).post("/api/v1/institutions/", {"country": "FR"})
    assert response.status_code == 422
    assert any(loc[-1] == "name" for loc in _locs(response))


def test_a_model_rule_is_reported_against_its_field(sam, api_as):
    response = api_as(sam).post("/api/v1/agreements/", {"title": "Backwards", "valid_from": "2024-05-01",
                                                          "valid_until": "2023-05-01"})
    assert response.status_code == 422
    assert ("body", "valid_until") in _locs(response)
    assert not Agreement.objects.exists()


def test_an_unknown_reference_is_named_and_nothing_is_written(sam, api_as):
    response = api_as(sam).post("/api/v1/agreements/", {"title": "MoU", "faculty": 999999,
                                                          "parties": [{"institution": 888888}]})
    assert response.status_code == 422
    assert set(_locs(response)) == {("body", "faculty"), ("body", "parties", 0, "institution")}
    assert not Agreement.objects.exists()


def test_a_nul_character_is_refused_rather_than_sent_to_the_database(sam, api_as):
    response = api_as(sam).get("/api/v1/institutions/", q="a\x00b")
    assert response.status_code == 422
    assert ("query", "q") in _locs(response)


def test_a_bad_filter_value_names_the_filter(victor, api_as):
    response = api_as(victor).get("/api/v1/institutions/", country="ZZ")
    assert response.status_code == 422
    assert ("query", "country") in _locs(response)


def test_an_update_with_a_stale_version_is_refused_and_changes_nothing(sam, ada, api_as):
    agreement = Agreement.objects.create(title="Framework MoU")
    first = api_as(sam).patch(f"/api/v1/agreements/{agreement.pk}", {"notes": "first", "version": 1})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = api_as(ada).patch(f"/api/v1/agreements/{agreement.pk}", {"notes": "second", "title": "X", "version": 1})
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    agreement.refresh_from_db()
    assert (agreement.notes, agreement.title, agreement.version) == ("first", "Framework MoU", 2)


def test_a_stale_replace_leaves_the_parties_alone(sam, partner, api_as):
    agreement = Agreement.objects.create(title="MoU")
    agreement.parties.create(institution=partner)
    response = api_as(sam).put(f"/api/v1/agreements/{agreement.pk}", {"title": "MoU", "parties": [], "version": 7})
    assert response.status_code == 409
    assert list(agreement.parties.values_list("institution", flat=True)) == [partner.pk]


def test_an_update_without_a_version_is_refused(sam, api_as):
    agreement = Agreement.objects.create(title="MoU")
    response = api_as(sam).patch(f"/api/v1/agreements/{agreement.pk}", {"notes": "x"})
    assert response.status_code == 422
    assert ("body", "payload", "version") in _locs(response) or any(loc[-1] == "version" for loc in _locs(response))


def test_a_session_write_without_the_csrf_token_is_refused(sam, client):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(sam)
    response = browser.post("/api/v1/agreements/", {"title": "MoU"}, content_type="application/json")
    assert response.status_code in (401, 403)
    assert not Agreement.objects.exists()


def test_a_body_that_is_not_json_is_a_422_like_any_other_bad_input(sam, api_as, partner):
    agreement = Agreement.objects.create(title="MoU")
    client = api_as(sam)
    for method, url in [("patch", f"/api/v1/agreements/{agreement.pk}"), ("post", "/api/v1/institutions/"),
                        ("put", f"/api/v1/institutions/{partner.pk}")]:
        for body in [b'{"title": "half', b"\xff\xfe\x00", b"[" * 100_000]:
            response = getattr(client.client, method)(url, data=body, content_type="application/json",
                                                      headers=client.headers)
            assert response.status_code == 422, (method, url, body[:10], response.content)
            problem = response.json()["detail"][0]
            assert problem["loc"] == ["body"] and "not valid JSON" in problem["msg"]
    agreement.refresh_from_db()
    assert agreement.title == "MoU"


def test_a_patch_may_not_null_a_field_that_cannot_be_empty(sam, api_as, partner):
    response = api_as(sam).patch(f"/api/v1/institutions/{partner.pk}", {"website": None, "name": "x" * 301, "version": 1})
    assert response.status_code == 422
    assert set(_locs(response)) == {("body", "payload", "website"), ("body", "payload", "name")}
    partner.refresh_from_db()
    assert partner.website == "" and partner.name.startswith("Bauman")
