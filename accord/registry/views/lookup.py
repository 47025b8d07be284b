"""Typeahead (an htmx HTML fragment) and a JSON endpoint over the lookup service."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path, reverse

from accord.accounts.roles import can
from accord.registry.services.lookup import lookup

MAX_LIMIT = 50


def _params(request):
    if not can(request.user, "registry.view"):
        raise PermissionDenied("Your role may not view the registry.")
    query = request.GET.get("q", "").strip()[:200]
    country = request.GET.get("country", "").strip().upper()[:2] or None
    try:
        limit = max(1, min(int(request.GET.get("limit", 8)), MAX_LIMIT))
    except ValueError:
        limit = 8
    only_country = request.GET.get("only_country") in {"1", "true", "yes", "on"}
    return query, country, limit, only_country


def typeahead(request):
    """The best matches as links to partner pages: an HTML fragment for hx-get."""
    query, country, limit, only_country = _params(request)
    matches = lookup(query, country=country, limit=limit, only_country=only_country) if query else []
    return render(request, "registry/_typeahead.html", {"query": query, "matches": matches})


def lookup_json(request):
    """GET ?q=...&country=XX&limit=N -> {"query": ..., "matches": [{"id", "name", "country", "score", ...}]}."""
    query, country, limit, only_country = _params(request)
    matches = lookup(query, country=country, limit=limit, only_country=only_country) if query else []
    return JsonResponse(
        {
            "query": query,
            "matches": [
                {
                    "id": m.id,
                    "name": m.name,
                    "country": m.country,
                    "score": m.score,
                    "matched_name": m.matched_name,
                    "how": m.how,
                    "url": request.build_absolute_uri(reverse("registry:institution-detail", args=[m.id])),
                }
                for m in matches
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


urlpatterns = [
    path("lookup/", typeahead, name="lookup"),
    path("lookup.json", lookup_json, name="lookup-json"),
]
