"""Backup and restore of the whole database.

Two formats: a SQLite file made with SQLite's online backup API (a consistent copy while Accord
runs), and a JSON dump through Django's serializers that any database can load. A restore goes
into an empty database (freshly migrated) and is all-or-nothing.
"""

import sqlite3
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from accord.operations import fulljson

JSON_SUFFIXES = {".json"}


class BackupError(Exception):
    pass


def labels() -> list[str]:
    """What a backup holds: users and groups, and every model (with its history) of every Accord app."""
    ours = [config.label for config in apps.get_app_configs() if config.name.startswith("accord.")]
    return ["auth.group", "auth.user", *ours]


def is_json(path: Path) -> bool:
    return path.suffix.lower() in JSON_SUFFIXES or connection.vendor != "sqlite"


def backup(path: Path) -> str:
    path = Path(path)
    if is_json(path):
        tmp = path.with_name(path.name + ".partial")
        serializers.register_serializer(fulljson.FORMAT, "accord.operations.fulljson")  # plain JSON, to the microsecond
        call_command("dumpdata", *labels(), format=fulljson.FORMAT, natural_foreign=True, indent=None, output=str(tmp),
                     verbosity=0)
        tmp.replace(path)  # a crash mid-dump never leaves a half-written backup under the real name
        return "json"
    connection.ensure_connection()
    tmp = path.with_name(path.name + ".partial")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(tmp)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    tmp.replace(path)
    return "sqlite"


def database_is_empty() -> bool:
    from django.contrib.auth.models import User

    from accord.registry.models import Institution

    return not User.objects.exists() and not Institution.objects.exists()


def restore(path: Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if not database_is_empty():
        raise BackupError("restore needs an empty database: point ACCORD_DATA_DIR or ACCORD_DATABASE_URL at a new "
                          "one and run `accord migrate` first")
    if path.suffix.lower() in JSON_SUFFIXES:
        # The dump holds the history already: loading many-to-many fields must not record it a second time
        # (simple_history's m2m_changed receiver honours SIMPLE_HISTORY_ENABLED; post_save skips raw saves).
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
            call_command("loaddata", str(path), verbosity=0)
        return "json"
    if connection.vendor != "sqlite":
        raise BackupError("a SQLite backup restores into SQLite only; use a .json backup for PostgreSQL")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "django_migrations" not in tables or "registry_institution" not in tables:
            raise BackupError(f"{path} is not an Accord SQLite backup")
        connection.ensure_connection()
        source.backup(connection.connection)  # replaces the database in one step
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: {error}") from None
    finally:
        source.close()
    return "sqlite"
