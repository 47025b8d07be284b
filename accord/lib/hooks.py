"""The one way an app plugs into a layer below it: named hooks, filled in AppConfig.ready().

A lower layer declares what it asks for (a hook below); an upper app registers an implementation
under its own name: `hooks.TIMELINE.register("agreements", entries)`. The lower layer then calls
every implementation, in registration order, without importing the app. No Django here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


class Hook(dict):
    """name -> implementation; `register()` adds one (also usable as a decorator)."""

    def __init__(self, name: str, contract: str):
        super().__init__()
        self.name = name
        self.contract = contract  # what an implementation takes and returns

    def register(self, key: str, implementation=None):
        if implementation is None:
            return lambda fn: self.register(key, fn) or fn
        self[key] = implementation
        return implementation

    def __repr__(self):
        return f"<Hook {self.name}: {', '.join(self) or 'empty'}>"


TIMELINE = Hook("timeline", "fn(institution) -> Iterable[registry.timeline.TimelineEntry]: a partner's records")
STATS_SECTIONS = Hook("stats sections", "fn(*, year=None, group=None) -> dict: a section of `accord stats --json`")
DEADLINES = Hook("dashboard deadlines", "fn(*, today, within_days, scope) -> list[lib.hooks.Deadline]")
REMINDERS = Hook("reminders", "fn(today) -> Iterable[Reminder]: what `accord remind` e-mails")
TABLE_IMPORTS = Hook("table imports", "dotted path of a records.tableimport.TableImport subclass")
SCOPE_FILTER = Hook("scope filter", "fn(filterset, queryset, values: dict) -> queryset: a list narrowed to a figure")
REGISTRY_IMPORTERS = Hook("registry importers", "an Importer subclass: `accord import <name> FILE`")
DEMO_STEPS = Hook(
    "demo steps",
    "fn() -> dict[str, int]: one part of `accord demo` (idempotent), what it holds by name; run in registration "
    "order, which is INSTALLED_APPS order, so a lower layer's step runs before the steps that build on it",
)

ALL = [TIMELINE, STATS_SECTIONS, DEADLINES, REMINDERS, TABLE_IMPORTS, SCOPE_FILTER, REGISTRY_IMPORTERS, DEMO_STEPS]


def call_all(hook: Hook, *args, **kwargs) -> dict:
    """{name: result} of every implementation of `hook`."""
    return {name: fn(*args, **kwargs) for name, fn in hook.items()}


def first(hook: Hook) -> Callable | None:
    return next(iter(hook.values()), None)


@dataclass(frozen=True)
class Deadline:
    """One dated item on the dashboard's deadlines (the DEADLINES hook)."""

    day: date
    title: str
    what: str  # e.g. "Agreement expires", "Call closes"
    url: str = ""

    def as_dict(self) -> dict:
        return {"date": self.day.isoformat(), "title": self.title, "what": self.what, "url": self.url}
