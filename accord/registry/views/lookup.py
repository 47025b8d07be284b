"""Typeahead (an htmx HTML fragment), a JSON endpoint over the lookup service, and the institution
picker's "Add …" (a new partner, after a duplicate check)."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.roles import can
from accord.registry.models import Country
from accord.registry.services.lookup import lookup
from accord.registry.services.partners import NAME_LENGTH, add_partner, similar_partners
from accord.registry.widgets import option_data, options_data

MAX_LIMIT = 50


def _params(request, *, picker=False):
    # the institution picker also serves teachers' applications (partner names, no partner pages)
    allowed = can(request.user, "registry.view") or (picker and can(request.user, "guidance.apply"))
    if not allowed:
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
    """GET ?q=...&country=XX&limit=N -> {"query": ..., "matches": [{"id", "name", "local_name", "country",
    "country_name", "kind", "kind_label", "score", "matched_name", "how", "url"}]}."""
    query, country, limit, only_country = _params(request, picker=True)
    matches = lookup(query, country=country, limit=limit, only_country=only_country) if query else []
    return JsonResponse({"query": query, "matches": _described(request, matches)},
                        json_dumps_params={"ensure_ascii": False})


def _described(request, matches) -> list[dict]:
    """Lookup matches with what the picker shows of each (local name, country name, kind label)."""
    data = options_data(m.id for m in matches)
    return [
        {
            **data.get(m.id, {"id": m.id, "name": m.name, "country": m.country}),
            "score": m.score,
            "matched_name": m.matched_name,
            "how": m.how,
            "url": request.build_absolute_uri(reverse("registry:institution-detail", args=[m.id])),
        }
        for m in matches
    ]


@require_POST
def picker_create(request):
    """POST name (country, confirm) -> 201 {"created": option} or 200 {"similar": [...], "message"}.

    Office staff only. A name like an existing partner's answers those partners first; the same name
    posted again with confirm=1 creates the new partner."""
    if not can(request.user, "registry.change"):
        raise PermissionDenied(_("Only the office adds partners from a form."))
    name = " ".join(request.POST.get("name", "").split())
    if not name or len(name) > NAME_LENGTH:
        return JsonResponse({"error": _("Give the partner's name (at most %(n)s characters).") % {"n": NAME_LENGTH}},
                            status=400)
    country = None
    code = request.POST.get("country", "").strip().upper()
    if code:
        country = Country.objects.filter(code=code).first()
        if country is None:
            return JsonResponse({"error": _("Unknown country code %(code)s.") % {"code": code[:3]}}, status=400)
    confirmed = request.POST.get("confirm") in {"1", "true", "yes", "on"}
    if not confirmed:
        similar = similar_partners(name, country=country.code if country else None)
        if similar:
            message = _("The registry already has a partner by a similar name. Choose it, or add the new partner "
                        "again to confirm.")
            return JsonResponse({"name": name, "similar": _described(request, similar), "message": message},
                                json_dumps_params={"ensure_ascii": False})
    institution = add_partner(name, by=request.user, country=country)
    return JsonResponse({"created": {**option_data(institution), "url": request.build_absolute_uri(
        institution.get_absolute_url())}}, status=201, json_dumps_params={"ensure_ascii": False})


urlpatterns = [
    path("lookup/", typeahead, name="lookup"),
    path("lookup.json", lookup_json, name="lookup-json"),
    path("picker/add/", picker_create, name="picker-create"),
]
