"""Sections of `accord stats --json`: other apps add their figures by registering a section in their
AppConfig.ready(): `stats.register_section("guidance", fn)`, where fn(year=None, group=None) returns a
JSON-serialisable dict. The headline figures themselves are insights' (accord.insights.services.stats):
one definition of a partner for the command, the dashboard, the reports and the API.
"""

from collections.abc import Callable

SECTIONS: dict[str, Callable[..., dict]] = {}


def register_section(name: str, fn: Callable[..., dict]) -> None:
    SECTIONS[name] = fn
