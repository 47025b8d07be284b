"""What the dashboard's scope filters select on the record lists (the SCOPE_FILTER hook).

The filters themselves (`accord.registry.scope.ScopeFilterMixin`) are mixed into the partner,
agreement, activity and mobility filtersets; this module says which records a scope (period,
faculty, group, partner_kind, region) holds, as `accord.insights.services.scope` counts them. A
filter the list already declares itself (e.g. the partner list's own `group` and `kind`) keeps its
own meaning.
"""

from dataclasses import replace

from accord.insights.services import scope as scopes
from accord.registry.periods import PeriodField, format_period, parse_period  # noqa: F401  (imported from here)
from accord.registry.scope import MobilityScopeFilterMixin, ScopeFilterMixin, home_units  # noqa: F401

TARGETS = {
    "partners": scopes.partners_in_period,
    "agreements": scopes.agreements_in_period,
    "activities": scopes.activities_in_period,
    "mobility": scopes.mobility_in_period,
}
# the ids of a target's records as a subquery, where there is a shorter way than TARGETS[...].values("pk")
IDS = {"partners": scopes.partner_pks}


def apply_scope(filterset, queryset, mine: dict):
    """`queryset` narrowed to the records the scope given in the filters (`mine`) counts."""
    start, end = parse_period(mine.get("period") or "")
    scope = scopes.Scope(
        start=start, end=end, faculty=mine.get("faculty"), group=mine.get("group"), kind=mine.get("partner_kind") or ""
    )
    for field, name in filterset.scope_aliases.items():
        value = filterset.form.cleaned_data.get(name)
        if value not in (None, "") and not getattr(scope, field):
            scope = replace(scope, **{field: value})
    if filterset.scope_target in IDS:
        return queryset.filter(pk__in=IDS[filterset.scope_target](scope))
    selected = TARGETS[filterset.scope_target](scope)
    if mine.get("region") and filterset.scope_target == "mobility":
        selected = selected.annotate(partner_region=scopes.mobility_region()).filter(partner_region=mine["region"])
    return queryset.filter(pk__in=selected.values("pk"))
