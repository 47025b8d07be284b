"""`accord stats` and /api/v1/stats: the dashboard's figures for a scope (accord.insights.services.
figures, the one definition of a partner), printed in the shape the command has always had at the top
level, with the whole figures under "insights" and the other apps' registered sections beside them."""

from django.utils.translation import gettext as _

from accord.insights.filters import format_period
from accord.insights.services.figures import figures, labels
from accord.insights.services.scope import Scope
from accord.registry.services.stats import SECTIONS

OWN_SECTION = "insights"


def describe_period(scope: Scope) -> str:
    """The period in words, as `accord stats` states it."""
    if scope.start is None and scope.end is None:
        return _("all years (every agreement ever in force and every activity ever held)")
    if scope.year is not None:
        return _("%(year)s (agreements in force and activities held during that year)") % {"year": scope.year}
    return _("%(period)s (agreements in force and activities held during it)") % {
        "period": format_period(scope.start, scope.end)}


def all_figures(scope: Scope) -> dict:
    """The figures of the scope. The top-level numbers are read from the same `figures(scope)` that
    the dashboard and the reports show, so they cannot disagree with its "insights" section."""
    data = figures(scope)
    names = labels()
    result = {
        "period": {**data["period"], "label": format_period(scope.start, scope.end),
                   "description": describe_period(scope)},
        "filters": {
            "faculty": scope.faculty.name if scope.faculty is not None else None,
            "group": scope.group.name if scope.group is not None else None,
            "kind": scope.kind or None,
        },
        "partners": data["partners"],
        "countries": data["countries"],
        "continents": data["continents"],
        "by_continent": {str(names["continent"].get(code, code)): n for code, n in data["by_continent"].items()},
        "by_kind": data["by_kind"],
        "groups": {g["name"]: {"partners": g["partners"], "countries": g["countries"]} for g in data["groups"]},
        "networks": {n["name"]: n["partners"] for n in data["networks"]},
        OWN_SECTION: data,
    }
    for name, section in SECTIONS.items():
        if name != OWN_SECTION:
            result[name] = section(year=scope.year, group=scope.group)
    return result
