"""Lists are paginated and filtered by the web lists' FilterSets; the public partner map shows public records only."""

import pytest

from accord.registry.models import Country, Institution


@pytest.fixture
def universities(db):
    fr, de = Country.objects.get(code="FR"), Country.objects.get(code="DE")
    return [
        Institution.objects.create(name=f"Université {i:02d}", country=fr if i % 2 else de, is_public=i < 3)
        for i in range(25)
    ]


def test_a_list_comes_in_pages_with_the_total(victor, universities, api_as):
    api = api_as(victor)
    first = api.get("/api/v1/institutions/").json()
    second = api.get("/api/v1/institutions/", page=2).json()
    assert first["count"] == second["count"] == 25
    assert len(first["items"]) == 20 and len(second["items"]) == 5
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert len(api.get("/api/v1/institutions/", page_size=7).json()["items"]) == 7


def test_filters_are_those_of_the_partner_list(victor, universities, api_as):
    api = api_as(victor)
    french = api.get("/api/v1/institutions/", country="FR", page_size=100).json()
    assert french["count"] == 12
    assert {item["country"] for item in french["items"]} == {"FR"}
    by_name = api.get("/api/v1/institutions/", q="universite 07").json()
    assert [item["name"] for item in by_name["items"]] == ["Université 07"]
    europe = api.get("/api/v1/institutions/", continent="EU").json()
    assert europe["count"] == 25


def test_the_public_partner_map_needs_no_token_and_shows_only_public_partners(universities, home, api_as):
    home.is_public = True
    home.save()
    response = api_as(None).get("/api/v1/public/partners")
    assert response.status_code == 200
    names = [row["name"] for row in response.json()]
    assert names == ["Université 00", "Université 01", "Université 02"]
    assert set(response.json()[1]) == {"id", "name", "local_name", "country", "country_name", "city", "latitude",
                                        "longitude", "website"}


def test_the_lookup_service_resolves_a_spelling(victor, partner, api_as):
    partner.names.create(name="BMSTU", kind="acronym")
    response = api_as(victor).get("/api/v1/lookup", q="BMSTU")
    assert response.status_code == 200
    assert response.json()[0]["id"] == partner.pk


def test_the_figures_are_those_of_accord_stats(victor, universities, home, api_as):
    import json
    from io import StringIO

    from django.core.management import call_command

    from accord.agreements.models import Agreement, AgreementParty

    agreement = Agreement.objects.create(title="Exchange", status="active", valid_from="2024-01-01")
    for party in (home, *universities[:5]):
        AgreementParty.objects.create(agreement=agreement, institution=party)
    response = api_as(victor).get("/api/v1/stats", year=2024)
    assert response.status_code == 200
    out = StringIO()
    call_command("stats", "--json", "--year", "2024", stdout=out)
    cli = json.loads(out.getvalue())
    assert response.json()["partners"] == cli["partners"] == cli["insights"]["partners"] == 5


def test_someone_without_a_role_cannot_look_up_or_count(oscar, api_as):
    api = api_as(oscar)
    assert api.get("/api/v1/lookup", q="x").status_code == 403
    assert api.get("/api/v1/stats").status_code == 403


def test_the_openapi_document_lists_every_resource(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for resource in ("institutions", "agreements", "activities", "mobility", "programs"):
        assert f"/api/v1/{resource}/" in paths and f"/api/v1/{resource}/{{pk}}" in paths
    assert {"/api/v1/lookup", "/api/v1/stats", "/api/v1/public/partners"} <= set(paths)


def test_a_page_far_beyond_the_last_is_refused_or_empty_never_a_server_error(victor, api_as):
    client = api_as(victor)
    assert client.get("/api/v1/institutions/", page=10**6).json()["items"] == []
    for page in (10**18, 2**63):
        response = client.get("/api/v1/institutions/", page=page)
        assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "page"


def test_the_openapi_document_is_built_once_per_process_and_served_whole_every_time(client):
    from accord.api.api import api

    first = client.get("/api/v1/openapi.json")
    second = client.get("/api/v1/openapi.json")
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert first.json()["openapi"].startswith("3.") and first.json()["info"]["title"] == "Accord API"
    operation_ids = [op["operationId"] for path in first.json()["paths"].values() for op in path.values()]
    assert len(operation_ids) == len(set(operation_ids)) and "list_institutions" in operation_ids
    assert api.get_openapi_schema(path_prefix="/api/v1/") is api.get_openapi_schema(path_prefix="/api/v1/")


def test_times_in_responses_keep_every_microsecond(victor, universities, api_as):
    from datetime import datetime

    item = api_as(victor).get("/api/v1/institutions/", page_size=1).json()["items"][0]
    stored = Institution.objects.get(pk=item["id"])
    assert datetime.fromisoformat(item["created_at"]) == stored.created_at
    assert datetime.fromisoformat(item["updated_at"]) == stored.updated_at
