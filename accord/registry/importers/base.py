"""What every importer shares: the error type, row-error wording, validators, and the run wrapper.

An import is all-or-nothing, and it does not stop the office while it reads. `Importer.run()`
first lets the importer `prepare()` outside any transaction: read the file, check every record and
plan what to write, reading the registry as it is (the web, the API and other imports keep writing
meanwhile: SQLite runs in WAL mode with a busy timeout, see settings.py). Only then does it open one
`transaction.atomic()` in which `load()` writes the plan and an `ImportRun` is recorded, so the
write lock is held for the writing alone. If the registry changed while the file was being checked
in a way that touches the plan (`plan_is_stale()`: by default any change does), the file is checked
again (twice at most, then inside the transaction).
An importer that does not split its work (no `prepare()`) reads and writes in `load()`, inside the
transaction. Bad records are collected as `RowError`s (the importer stops writing at the first one
but keeps reading to report up to `MAX_ERRORS`); if there is any, `ImportFailed` is raised before
anything is written or inside the transaction, so nothing the importer wrote survives.

Importers register themselves by name in `IMPORTERS` (`@register`), and `ImportCommand` is the
thin management command that runs one of them by name.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, ClassVar, Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import Model
from django.utils import timezone
from tqdm import tqdm

from accord.lib import hooks
from accord.lib.dbstats import refresh_statistics
from accord.lib.limits import CHANGE_REASON_LENGTH, LISTED_IN_MESSAGE
from accord.lib.normalize import normalize_name
from accord.registry.models import Country, ExternalId, ImportRun, Institution
from accord.registry.signals import institutions_updated

MAX_ERRORS = 20
PREPARE_ATTEMPTS = 3  # checks of the file outside the transaction, while the registry keeps changing
# Keep every `__in` list under SQLite's historical limit of 999 bound variables.
IN_CHUNK = 900

IMPORTERS = hooks.REGISTRY_IMPORTERS


def register(cls: type["Importer"]) -> type["Importer"]:
    """Class decorator: make an importer available by its `name` (`accord import <name> FILE`)."""
    return IMPORTERS.register(cls.name, cls)


def get_importer(name: str) -> type["Importer"]:
    try:
        return IMPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(IMPORTERS))
        raise CommandError(f"unknown importer {name!r}; known importers: {known}") from None


# --- errors -------------------------------------------------------------------------------


class BadValue(ValueError):
    """A value in a record cannot be imported; `field` names the field as it is spelt in the file."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class RowError:
    file: str
    where: str  # "line 7", "record 17"
    field: str
    message: str

    def __str__(self):
        field = f", field {self.field}" if self.field else ""
        return f"{self.file} {self.where}{field}: {self.message}"


class ImportFailed(CommandError):
    """The file cannot be imported; nothing was written. `errors` lists the bad rows found."""

    def __init__(self, errors: list[RowError] | str, *, more: int = 0):
        self.errors = [errors] if isinstance(errors, str) else list(errors)
        lines = [str(e) for e in self.errors]
        if more:
            lines.append(f"... and {more} more errors")
        lines.append("nothing was imported")
        super().__init__("\n".join(lines))


# --- value checks shared by the importers -------------------------------------------------

# A cheap check (Django's URLValidator costs 75 µs a call: 0.8 s of a Hipo import): a scheme, a
# host with a dot, no spaces.
_URL = re.compile(r"^https?://(?:[^\s/?#@]+@)?(?:[^\s/?#.:]+\.)+[^\s/?#.:]+\.?(?::\d{1,5})?(?:[/?#]\S*)?$", re.I)


def text(value: Any, field: str, max_length: int, *, required: bool = False) -> str:
    """A string field: None -> "", stripped, length-checked."""
    if value.__class__ is str:  # the common case first: half a million calls in a large import
        value = value.strip()
        if (value or not required) and len(value) <= max_length:
            return value
    elif value is None:
        value = ""
    elif not isinstance(value, str):
        raise BadValue(field, f"expected text, got {type(value).__name__} {value!r}")
    value = value.strip()
    if required and not value:
        raise BadValue(field, "is required")
    if len(value) > max_length:
        raise BadValue(field, f"longer than {max_length} characters ({len(value)})")
    return value


def url(value: Any, field: str, max_length: int = 300) -> str:
    value = text(value, field, max_length)
    if value:
        if not _URL.match(value):
            raise BadValue(field, f"not a valid http(s) URL: {value!r}")
    return value


def string_list(value: Any, field: str, max_length: int = 253) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadValue(field, f"expected a list, got {type(value).__name__}")
    out = []
    for item in value:
        item = text(item, field, max_length)
        if item and item not in out:
            out.append(item)
    return out


def year(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise BadValue(field, f"expected a year, got {value!r}")
    try:
        number = int(value)
    except ValueError:
        raise BadValue(field, f"expected a year, got {value!r}") from None
    if not 0 < number <= 32767:
        raise BadValue(field, f"{number} is not a plausible year")
    return number


def coordinate(value: Any, field: str, limit: float) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadValue(field, f"expected a number, got {value!r}") from None
    if isinstance(value, bool) or not math.isfinite(number) or not -limit <= number <= limit:
        raise BadValue(field, f"{value!r} is outside -{limit:g}..{limit:g}")
    return number


def chunked(items: list, size: int = IN_CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- the run wrapper ----------------------------------------------------------------------


class Importer:
    """Base class: subclasses set `name` and `formats` and implement `load()`."""

    name: ClassVar[str] = ""
    formats: ClassVar[tuple[str, ...]] = ()
    batch_size: ClassVar[int] = 1000
    # Historical rows for the names and external ids an import writes. Off: institutions get a
    # historical row per change (with the import as change reason) and every import an
    # ImportRun, which is what the history pages show; the 612,000 extra rows a 150,000-record
    # ROR dump would add cost 10 s of a 60 s budget. Names deleted by an import still get their
    # "-" row (through simple_history's signals).
    child_history: ClassVar[bool] = False
    # SQLite page cache while writing (see large_sqlite_cache)
    sqlite_cache_mb: ClassVar[int] = 256

    def __init__(self, path, *, progress: bool = True, started_by: str = "command line"):
        self.path = Path(path)
        self.file_name = self.path.name
        self.show_progress = progress
        self.started_by = started_by
        self.errors: list[RowError] = []
        self.more_errors = 0
        self.warnings: list[str] = []
        self.records = self.created = self.updated = self.unchanged = 0
        self.now = timezone.now()
        self._countries: set[str] | None = None
        self.prepared = True  # prepare() did the reading and checking (the base class's says it did not)
        self.write_seconds: float | None = None  # how long the writing transaction held the lock

    # -- for subclasses

    def prepare(self) -> None:
        """Read and check the file and plan the writes, outside any transaction (optional).
        May run again (after `reset()`) when the registry changed meanwhile."""
        self.prepared = False

    def load(self) -> None:
        """Write (what `prepare()` planned), inside the import's one transaction."""
        raise NotImplementedError

    def plan_is_stale(self, since) -> bool:
        """Whether changes made to the registry since `since` (while prepare() ran) may invalidate its
        plan. Called inside the transaction, so nothing changes any more until the plan is written."""
        return True

    def reset(self) -> None:
        """Forget what a previous `prepare()` found, before it runs again."""
        self.errors, self.more_errors, self.warnings = [], 0, []
        self.records = self.created = self.updated = self.unchanged = 0

    @property
    def file_format(self) -> str:
        return self.path.suffix.lower().lstrip(".")

    @property
    def change_reason(self) -> str:
        return f"{self.name} import of {self.file_name}"[:CHANGE_REASON_LENGTH]

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def error(self, where: str, field: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(self.file_name, where, field, message))
        else:
            self.more_errors += 1

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def check(self, where: str, build: Callable[[], Any]) -> Any:
        """Run `build()`; a BadValue becomes a row error at `where` and None is returned."""
        try:
            return build()
        except BadValue as bad:
            self.error(where, bad.field, bad.message)
            return None

    def country(self, code: Any, field: str) -> str | None:
        if self._countries is None:
            self._countries = set(Country.objects.values_list("code", flat=True))
        if code is None or code == "":
            return None
        if not isinstance(code, str) or code.strip().upper() not in self._countries:
            raise BadValue(field, f"unknown country code {code!r}")
        return code.strip().upper()

    def progress(self, **kwargs) -> tqdm:
        kwargs.setdefault("desc", f"{self.name} {self.file_name}")
        return tqdm(disable=not self.show_progress, mininterval=0.5, dynamic_ncols=True, **kwargs)

    def fail(self, message: str) -> None:
        """The whole file is unusable (not JSON, wrong shape): stop now."""
        raise ImportFailed(f"{self.file_name}: {message}")

    # -- the wrapper

    def run(self) -> ImportRun:
        if not self.path.is_file():
            raise ImportFailed(f"{self.path}: no such file")
        if self.formats and self.file_format not in self.formats:
            raise ImportFailed(
                f"{self.file_name}: a {self.name} import reads {' or '.join('.' + f for f in self.formats)} files"
            )
        started = time.monotonic()
        try:
            for attempt in range(PREPARE_ATTEMPTS):
                outside = attempt < PREPARE_ATTEMPTS - 1
                if attempt:
                    self.reset()
                if outside:
                    # a minute's margin: a web transaction under way now writes an earlier history_date
                    since, version = timezone.now() - timedelta(minutes=1), registry_version()
                    self.prepare()
                    self.raise_errors()
                with transaction.atomic(), large_sqlite_cache(self.sqlite_cache_mb):
                    locked = time.monotonic()
                    if not outside:
                        self.prepare()
                        self.raise_errors()
                    elif self.prepared and registry_version() != version and self.plan_is_stale(since):
                        continue  # the registry changed under the plan while the file was checked: again
                    self.load()
                    self.raise_errors()
                    run = self.record_run(started)
                    self.write_seconds = time.monotonic() - locked
                break
            refresh_statistics()  # thousands of new rows: the planner should know
            return run
        except DatabaseError as exc:
            # A constraint the checks above did not foresee; the transaction is rolled back.
            raise ImportFailed(f"{self.file_name}: the database refused the import: {exc}") from exc
        finally:
            self.cleanup()

    def cleanup(self) -> None:
        """Let go of what prepare() kept (a staging file); called once the import ended either way."""

    def raise_errors(self) -> None:
        if self.errors:
            raise ImportFailed(self.errors, more=self.more_errors)

    def record_run(self, started: float) -> ImportRun:
        return ImportRun.objects.create(
            importer=self.name,
            file_name=str(self.path)[-500:],
            file_format=self.file_format,
            started_by=self.started_by,
            started_at=self.now,
            duration=timedelta(seconds=time.monotonic() - started),
            records=self.records,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            notes="\n".join(self.warnings),
        )


class Staging:
    """What `prepare()` plans to write, kept in a temporary SQLite file (not the registry's database,
    so writing it takes no lock) instead of in memory: a million planned rows cost disk, not RAM.
    Items are pickled; the file is private (mode 0600) and deleted by `close()`."""

    def __init__(self):
        fd, self.path = tempfile.mkstemp(prefix="accord-import-", suffix=".sqlite3")
        os.close(fd)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.counts: dict[str, int] = {}

    def add(self, table: str, items: Iterable) -> None:
        if table not in self.counts:
            self.db.execute(f"CREATE TABLE {table} (item BLOB)")
            self.counts[table] = 0
        rows = [(pickle.dumps(item, pickle.HIGHEST_PROTOCOL),) for item in items]
        self.db.executemany(f"INSERT INTO {table} VALUES (?)", rows)
        self.db.commit()
        self.counts[table] += len(rows)

    def add_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        """Plain rows, ready for the registry's database, for `copy_staged()` to INSERT ... SELECT."""
        if table not in self.counts:
            self.db.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            self.counts[table] = 0
        self.db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})", rows)
        self.db.commit()
        self.counts[table] += len(rows)

    def count(self, table: str) -> int:
        return self.counts.get(table, 0)

    def read(self, table: str, size: int = 2000) -> Iterable[list]:
        """The items of `table` in the order they were added, `size` at a time."""
        if table not in self.counts:
            return
        cursor = self.db.execute(f"SELECT item FROM {table} ORDER BY rowid")
        while rows := cursor.fetchmany(size):
            yield [pickle.loads(item) for (item,) in rows]

    def close(self) -> None:
        self.db.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


# -- SQLite: new institutions copied from the staging file by the database itself ---------------
#
# Converting a million rows to parameters and binding them costs minutes of Python, which would
# all be spent holding SQLite's database-wide write lock. Instead prepare() writes the new rows,
# already in the database's formats, into the staging file; the registry's connection ATTACHes it
# (outside any transaction) and the transaction copies them with a few INSERT ... SELECT statements.
# (PostgreSQL locks rows, not the database: there the rows are written from Python as usual.)

STAGED_ALIAS = "accord_staging"


def staged_columns(importer: Importer, model) -> tuple[list[str], list[Callable]]:
    """The columns of `model` (its id aside) and, for each, obj -> the value the database stores."""
    connection = _db()
    columns, getters = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            getters.append(_getter(field, importer.now, fixed=True))
        else:
            getters.append(_getter(field))
    return columns, getters


def stage_institutions(importer: Importer, stage: Staging, objs: list, names: list[tuple[int, str, str]]) -> None:
    """New institutions (and the names of the n-th of them: (n, name, kind)), for copy_staged()."""
    _before_write(objs)
    columns, getters = staged_columns(importer, Institution)
    stage.add_rows("new_institutions", columns, [tuple(get(obj) for get in getters) for obj in objs])
    stage.add_rows("new_institution_names", ["n", "name", "kind", "search_key"],
                   [(n, name, kind, normalize_name(name)) for n, name, kind in names])


def attach(stage: Staging) -> bool:
    """ATTACH the staging file to the registry's SQLite connection (impossible inside a transaction)."""
    connection = _db()
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"ATTACH DATABASE %s AS {STAGED_ALIAS}", [stage.path])
    return True


def detach() -> None:
    connection = _db()
    if connection.vendor == "sqlite" and not connection.in_atomic_block and connection.connection is not None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA database_list")
            if any(row[1] == STAGED_ALIAS for row in cursor.fetchall()):
                cursor.execute(f"DETACH DATABASE {STAGED_ALIAS}")


def copy_staged(importer: Importer, stage: Staging) -> int:
    """Inside the transaction: INSERT ... SELECT the staged institutions, their history and names,
    with ids after every id SQLite ever gave (AUTOINCREMENT). Returns how many institutions."""
    count = stage.count("new_institutions")
    if not count:
        return 0
    connection = _db()
    q = connection.ops.quote_name
    table = Institution._meta.db_table
    columns, _ = staged_columns(importer, Institution)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {q(table)}")
        (base,) = cursor.fetchone()
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        base = max(base, row[0] if row else 0)
        listed = ", ".join(q(c) for c in columns)
        cursor.execute(
            f"INSERT INTO {q(table)} (id, {listed}) "
            f"SELECT %s + rowid, {listed} FROM {STAGED_ALIAS}.new_institutions ORDER BY rowid",
            [base],
        )
        if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            history = Institution.history.model
            tracked = {f.attname: f.column for f in Institution.history.model.tracked_fields}
            fixed = {
                "history_date": importer.now, "history_change_reason": importer.change_reason,
                "history_type": "+", "history_user_id": None,
            }  # fmt: skip
            targets, sources, params = [], [], []
            for field in history._meta.concrete_fields:
                if field.primary_key:
                    continue
                targets.append(q(field.column))
                if field.attname in fixed:
                    sources.append("%s")
                    params.append(field.get_db_prep_save(fixed[field.attname], connection))
                elif field.attname == "id":
                    sources.append("%s + rowid")
                    params.append(base)
                else:
                    sources.append(q(tracked[field.attname]))
            cursor.execute(
                f"INSERT INTO {q(history._meta.db_table)} ({', '.join(targets)}) "
                f"SELECT {', '.join(sources)} FROM {STAGED_ALIAS}.new_institutions ORDER BY rowid",
                params,
            )
        if stage.count("new_institution_names"):
            from accord.registry.models import InstitutionName

            cursor.execute(
                f"INSERT INTO {q(InstitutionName._meta.db_table)} (institution_id, name, language, kind, search_key) "
                f"SELECT %s + n, name, '', kind, search_key FROM {STAGED_ALIAS}.new_institution_names ORDER BY rowid",
                [base],
            )
    return count


def registry_version() -> tuple:
    """Changes whenever institutions, their names or their external ids change (a few index reads)."""
    from accord.registry.services.lookup import registry_stamp

    return (*registry_stamp(), ExternalId.objects.order_by("-pk").values_list("pk", flat=True).first())


@contextmanager
def large_sqlite_cache(megabytes: int = 256):
    """On SQLite, a page cache large enough for the indexes an import updates: the default 2 MB
    makes a 150,000-record ROR import spill index pages to disk and run a third slower. The cache
    grows only as pages are used, and shrinks back afterwards."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-megabytes * 1024}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


class ImportCommand(BaseCommand):
    """A thin `import_<name>` command: `accord import <name> FILE`."""

    importer_name: ClassVar[str] = ""

    @property
    def help(self):
        return f"Import institutions from a {self.importer_name} file (all or nothing; re-importing updates)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file to import")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def handle(self, *args, **options):
        from accord.registry import importers  # noqa: F401  (fills IMPORTERS)

        importer = get_importer(self.importer_name)(
            options["file"], progress=not options["no_progress"] and options["verbosity"] > 0
        )
        run = importer.run()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{run.importer} import of {importer.file_name}: {run.records} records, {run.created} created, "
                f"{run.updated} updated, {run.unchanged} unchanged in {run.duration.total_seconds():.1f} s "
                f"(import run #{run.pk})"
            )
            for warning in importer.warnings[:LISTED_IN_MESSAGE]:
                self.stderr.write(f"warning: {warning}")
            if len(importer.warnings) > LISTED_IN_MESSAGE:
                self.stderr.write(f"... and {len(importer.warnings) - LISTED_IN_MESSAGE} more warnings "
                                  f"(see import run #{run.pk})")


# --- writing rows fast, with their history -------------------------------------------------

# Django's bulk_create/bulk_update spend most of an import preparing values one by one (and
# bulk_update builds a CASE expression per object and field); simple_history's
# bulk_history_create builds a model instance per row. Measured on the 10,251 Hipo records:
# 2.0 s to bulk_create, 2.7 s for the history; on 150,000 ROR records, over two minutes in all.
# These helpers write the same rows with plain parameterised SQL that SQLite and PostgreSQL both
# accept (INSERT ... VALUES ... RETURNING, executemany UPDATE), preparing only the values that
# need it (JSON, dates). They do what Model.save() would: search_key, created_at/updated_at,
# empty unique codes as NULL; and they write simple_history's rows, with the import as reason.
_PREPARED_TYPES = {"JSONField", "DateTimeField", "DateField", "DecimalField", "UUIDField", "DurationField"}


def _cursor() -> CursorWrapper:
    """A cursor that leaves the statements out of DEBUG's query log: logging a multi-row INSERT
    costs SQLite a second query to quote its parameters (a third of an import's time)."""
    db = _db()
    db.ensure_connection()
    with db.wrap_database_errors:
        return CursorWrapper(db.create_cursor(), db)


def _db():
    """The connection itself rather than the `connection` proxy, whose every attribute access
    costs a context-local lookup (a million of them in a large import)."""
    return connections[DEFAULT_DB_ALIAS]


def _getter(field, value=None, *, fixed=False):
    """A function obj -> the database value of `field` (or of the constant `value`)."""
    db = _db()
    kind = field.get_internal_type()
    if fixed:
        return (lambda obj, v=field.get_db_prep_save(value, db): v) if kind in _PREPARED_TYPES else (lambda obj: value)
    attname = field.attname
    get = attrgetter(attname)
    if kind == "JSONField":
        adapt, encoder = db.ops.adapt_json_value, field.encoder
        return lambda obj: adapt(get(obj), encoder)
    if kind in _PREPARED_TYPES:
        last = [object(), None]  # imports stamp thousands of rows with one datetime: prepare it once

        def prepared(obj):
            v = get(obj)
            if v is not last[0]:
                last[0], last[1] = v, field.get_db_prep_save(v, db)
            return last[1]

        return prepared
    if not field.choices:
        return get

    def choice(obj):  # Kind.UNIVERSITY -> "university"
        v = get(obj)
        return v.value if isinstance(v, Enum) else v

    return choice


class Row(SimpleNamespace):
    """A row to insert that needs no model instance (names, external ids): cheaper to build."""

    @property
    def pk(self):
        return self.id

    @pk.setter
    def pk(self, value):
        self.id = value


def _rows_per_statement(columns: int, head: str) -> int:
    """Rows per multi-row INSERT: under SQLite's historical 999 bound variables, and short enough
    (4 kB) for psycopg to cache how it splits the statement; splitting an uncached 13,000-value
    statement costs psycopg more than PostgreSQL takes to run it."""
    row = 2 + 4 * columns  # "(%s, %s), "
    return max(1, min(999 // columns, (4000 - len(head) - 40) // row))


def insert_rows(importer: Importer, model, objs: list) -> None:
    """INSERT `objs` and set their primary keys (RETURNING, as bulk_create does)."""
    connection = _db()
    if not objs:
        return
    now = importer.now
    columns, getters = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key and field.attname == "id":
            continue
        columns.append(connection.ops.quote_name(field.column))
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            getters.append(_getter(field, now, fixed=True))
            for obj in objs:
                setattr(obj, field.attname, now)
        else:
            getters.append(_getter(field))
    pk = model._meta.pk
    row_sql = f"({', '.join(['%s'] * len(columns))})"
    head = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(columns)}) VALUES "
    tail = f" RETURNING {connection.ops.quote_name(pk.column)}"
    size = _rows_per_statement(len(columns), head)
    with _cursor() as cursor:
        for chunk in chunked(objs, size):
            params = [get(obj) for obj in chunk for get in getters]
            cursor.execute(head + ", ".join([row_sql] * len(chunk)) + tail, params)
            for obj, (value,) in zip(chunk, cursor.fetchall()):
                obj.pk = value
                if isinstance(obj, Model):
                    obj._state.adding = False
                    obj._state.db = connection.alias


def update_rows(importer: Importer, model, objs: list, fields: Iterable[str]) -> None:
    """UPDATE `fields` (and auto_now fields) of `objs`, one executemany."""
    connection = _db()
    if not objs:
        return
    meta = model._meta
    chosen = {meta.get_field(name) for name in fields}
    chosen |= {f for f in meta.concrete_fields if getattr(f, "auto_now", False)}
    chosen = sorted(chosen, key=lambda f: f.column)
    getters = []
    for field in chosen:
        if getattr(field, "auto_now", False):
            getters.append(_getter(field, importer.now, fixed=True))
            for obj in objs:
                setattr(obj, field.attname, importer.now)
        else:
            getters.append(_getter(field))
    assignments = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in chosen)
    sql = (
        f"UPDATE {connection.ops.quote_name(meta.db_table)} SET {assignments} "
        f"WHERE {connection.ops.quote_name(meta.pk.column)} = %s"
    )
    with _cursor() as cursor:
        for chunk in chunked(objs, 2000):
            cursor.executemany(sql, [[*[get(obj) for get in getters], obj.pk] for obj in chunk])


def write_history(importer: Importer, model, objs: list, history_type: str) -> None:
    """Historical rows for `objs` ("+" created, "~" changed), as simple_history would write them."""
    connection = _db()
    if not objs or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history = model.history.model
    tracked = {field.attname for field in history.tracked_fields}
    fixed = {
        "history_date": importer.now,
        "history_change_reason": importer.change_reason,
        "history_type": history_type,
        "history_user_id": None,
    }
    columns, getters = [], []
    for field in history._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.attname in fixed:
            getters.append(_getter(field, fixed[field.attname], fixed=True))
        elif field.attname in tracked:
            getters.append(_getter(field))
        else:
            raise ImproperlyConfigured(f"cannot fill {history._meta.label}.{field.attname} in a bulk import")
        columns.append(connection.ops.quote_name(field.column))
    head = f"INSERT INTO {connection.ops.quote_name(history._meta.db_table)} ({', '.join(columns)}) VALUES "
    row_sql = f"({', '.join(['%s'] * len(columns))})"
    size = _rows_per_statement(len(columns), head)
    with _cursor() as cursor:
        for chunk in chunked(objs, size):
            cursor.execute(head + ", ".join([row_sql] * len(chunk)), [get(obj) for obj in chunk for get in getters])


@lru_cache(maxsize=1)
def _institution_defaults() -> tuple[dict[str, Any], tuple]:
    fields = [f for f in Institution._meta.concrete_fields if not f.primary_key]
    computed = tuple(f for f in fields if f.has_default() and callable(f.default))
    constant = {f.attname: f.get_default() for f in fields if f not in computed}
    return constant, computed


def new_institution(**values) -> Row:
    """A new institution as a Row: Institution() costs 80 µs (defaults, descriptors); a Row 2."""
    constant, computed = _institution_defaults()
    row = Row(id=None, **constant)
    for field in computed:  # domains=list: a fresh list each
        setattr(row, field.attname, field.get_default())
    row.__dict__.update(values)
    return row


def _before_write(objs: list) -> None:
    """What Institution.save() does before writing."""
    for obj in objs:
        obj.search_key = normalize_name(obj.name)
        for field in ("ror_id", "schac", "erasmus_code"):
            if getattr(obj, field) == "":
                setattr(obj, field, None)


def create_institutions(importer: Importer, objs: list) -> None:
    _before_write(objs)
    insert_rows(importer, Institution, objs)
    write_history(importer, Institution, objs, "+")


def update_institutions(importer: Importer, objs: list, fields: Iterable[str]) -> None:
    if not objs:
        return
    fields = {f[:-3] if f.endswith("_id") else f for f in fields}
    if "name" in fields:
        fields.add("search_key")
    _before_write(objs)
    update_rows(importer, Institution, objs, fields)
    write_history(importer, Institution, objs, "~")
    institutions_updated.send(sender=Institution, ids=[obj.pk for obj in objs], fields=frozenset(fields))


def insert_children(importer: Importer, model, objs: list) -> None:
    """Names, external ids: INSERT, with historical rows only if the importer keeps them."""
    insert_rows(importer, model, objs)
    if importer.child_history:
        write_history(importer, model, objs, "+")


def update_children(importer: Importer, model, objs: list, fields: Iterable[str]) -> None:
    update_rows(importer, model, objs, fields)
    if importer.child_history:
        write_history(importer, model, objs, "~")


def changed_fields(obj, values: dict[str, Any]) -> list[str]:
    """Set `values` on `obj`; return the names of the attributes that actually changed."""
    changed = []
    for attr, value in values.items():
        if getattr(obj, attr) != value:
            setattr(obj, attr, value)
            changed.append(attr)
    return changed
