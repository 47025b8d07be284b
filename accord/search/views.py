from django.shortcuts import render
from django.utils.translation import gettext as _

from accord.accounts.roles import can
from accord.registry.services.lookup import lookup
from accord.search.sections import SECTIONS, Query

MAX_QUERY = 200


def results(request):
    """Everything the user may open that matches `q`, grouped (partners by any spelling via the lookup)."""
    text = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    groups = []
    if text:
        partner_ids = [m.id for m in lookup(text, limit=10)] if can(request.user, "registry.view") else []
        query = Query(request.user, text, partner_ids)
        for name, (label, find) in SECTIONS.items():
            hits = find(query)
            if hits:
                groups.append({"name": name, "label": label, "hits": hits})
    return render(request, "search/results.html", {
        "search_query": text,
        "groups": groups,
        "total": sum(len(g["hits"]) for g in groups),
        "title": _("Search: %(q)s") % {"q": text} if text else _("Search"),
    })
