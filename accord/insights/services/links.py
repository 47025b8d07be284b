"""The list behind each figure: URLs of the partner, agreement, activity and mobility lists with
the filters (accord.insights.filters.ScopeFilterMixin) that select exactly what was counted."""

from functools import lru_cache
from urllib.parse import urlencode

from django.urls import get_script_prefix, reverse

from accord.insights.filters import format_period
from accord.insights.services.scope import Scope

LISTS = {
    "partners": "registry:institution-list",
    "agreements": "agreements:agreement-list",
    "activities": "activities:activity-list",
    "mobility": "mobility:mobility-list",
}
# How each list names the partner kind: the partner list filters institutions by their own kind.
KIND_PARAM = {"partners": "kind"}


def scope_params(scope: Scope, target: str) -> dict:
    params = {"period": format_period(scope.start, scope.end)}
    if scope.faculty is not None:
        params["faculty"] = scope.faculty.pk
    if scope.group is not None:
        params["group"] = scope.group.slug
    if scope.kind:
        params[KIND_PARAM.get(target, "partner_kind")] = scope.kind
    return params


@lru_cache(maxsize=64)
def _path(target: str, prefix: str) -> str:
    return reverse(LISTS[target])


def list_url(target: str, scope: Scope, **extra) -> str:
    params = {**scope_params(scope, target), **{k: v for k, v in extra.items() if v not in (None, "")}}
    return f"{_path(target, get_script_prefix())}?{urlencode(params)}"  # a dashboard has ~100 links
