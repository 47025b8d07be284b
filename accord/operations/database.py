"""Whether the database is set up: the `accord` verbs on a fresh data folder name `accord migrate`
instead of failing with "no such table"."""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def unapplied_migrations() -> int:
    """How many migrations the default database lacks (all of them on a fresh data folder)."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def never_migrated() -> bool:
    """No migration ever ran on it (a quick look at its tables, not at every migration)."""
    return "django_migrations" not in connections[DEFAULT_DB_ALIAS].introspection.table_names()


def not_set_up_message() -> str:
    database = settings.DATABASES["default"]
    where = database["NAME"] if database["ENGINE"].endswith("sqlite3") else f"database {database['NAME']}"
    return (f"the database ({where}) is not set up yet: run `accord migrate` first "
            "(and `accord demo` for the demonstration data)")
