"""Possible duplicates, and merging two institution records (staff: registry.merge)."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.accounts.roles import can
from accord.registry.models import Country, Institution, Status
from accord.registry.services.duplicates import find_duplicates
from accord.registry.services.lookup import lookup
from accord.registry.services.merge import MergeError, merge


def merge_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can(request.user, "registry.merge"):
            raise PermissionDenied("Your role may not merge records.")
        return view(request, *args, **kwargs)

    return wrapper


@merge_required
def duplicates(request):
    country = request.GET.get("country", "").strip().upper()[:2]
    pairs = find_duplicates(country=country or None, limit=200)
    return render(
        request,
        "registry/duplicates.html",
        {"pairs": pairs, "country": country, "countries": Country.objects.filter(institutions__isnull=False).distinct()},
    )


@merge_required
def merge_pick(request, pk):
    """"Merge with…": the records that may be the same as this one, by duplicate search and by name."""
    inst = get_object_or_404(Institution.objects.select_related("country"), pk=pk)
    query = request.GET.get("q", "").strip()[:200] or inst.name
    pairs = find_duplicates(country=inst.country_id, institution=inst, limit=20) if inst.country_id else []
    seen = {p.a for p in pairs} | {p.b for p in pairs}
    matches = [m for m in lookup(query, country=inst.country_id, limit=15, fuzzy=True) if m.id != inst.pk and m.id not in seen]
    return render(
        request, "registry/merge_pick.html", {"object": inst, "query": query, "pairs": pairs, "matches": matches}
    )


@merge_required
@require_http_methods(["GET", "POST"])
def merge_confirm(request, a, b):
    first = get_object_or_404(Institution.objects.select_related("country", "parent", "successor"), pk=a)
    second = get_object_or_404(Institution.objects.select_related("country", "parent", "successor"), pk=b)
    error = None
    if request.method == "POST":
        survivor_id = request.POST.get("survivor", "")
        if survivor_id not in {str(first.pk), str(second.pk)}:
            error = _("Choose which record survives.")
        else:
            survivor, duplicate = (first, second) if survivor_id == str(first.pk) else (second, first)
            try:
                merge(survivor, duplicate, by=request.user)
            except MergeError as exc:
                error = str(exc)
            else:
                messages.success(
                    request,
                    _("Merged #%(dup)s %(dup_name)s into this record.") % {"dup": duplicate.pk, "dup_name": duplicate.name},
                )
                return redirect(survivor)
    if first.pk == second.pk:
        error = error or _("An institution cannot be merged into itself.")
    if Status.MERGED in (first.status, second.status):
        error = error or _("One of these records has already been merged.")
    records = []
    for inst in (first, second):
        records.append(
            {
                "object": inst,
                "names": list(inst.names.all()),
                "external_ids": list(inst.external_ids.all()),
                "n_units": inst.units.count(),
                "n_memberships": inst.memberships.count(),
            }
        )
    suggested = _suggest_survivor(first, second)
    return render(
        request,
        "registry/merge_confirm.html",
        {"records": records, "first": first, "second": second, "suggested": suggested, "error": error},
        status=400 if error and request.method == "POST" else 200,
    )


def _suggest_survivor(first, second):
    """The record with more behind it: home, a ROR id, more names and links; otherwise the older one."""

    def weight(inst):
        return (inst.is_home, bool(inst.ror_id), inst.names.count() + inst.units.count() + inst.memberships.count(), -inst.pk)

    return first if weight(first) >= weight(second) else second


urlpatterns = [
    path("duplicates/", duplicates, name="duplicates"),
    path("merge/<int:a>/<int:b>/", merge_confirm, name="merge-confirm"),
    path("<int:pk>/merge/", merge_pick, name="merge-pick"),
]
