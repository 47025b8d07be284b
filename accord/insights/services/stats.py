"""The insights section of `accord stats --json`: the dashboard's figures for a year and group."""

from accord.insights.services.figures import figures
from accord.insights.services.scope import Scope


def section(*, year=None, group=None, faculty=None) -> dict:
    return figures(Scope.for_year(year, group=group, faculty=faculty))
