"""Backup and restore of the whole installation: the database and every uploaded file.

`backup` writes one tar archive (gzip-compressed when its name ends in .gz or .tgz) holding
- the database: a SQLite file made with SQLite's online backup API (a consistent copy while Accord
  runs), or a JSON dump through Django's serializers that any database can load (`--json`, a name
  ending in .json, or any database other than SQLite);
- every file under MEDIA_ROOT (agreement scans, application and call documents), as media/<path>;
- manifest.json: the SHA-256 and size of every other member.

`restore` reads the whole archive and checks every member against the manifest before it writes
anything; then it loads the database into an empty, freshly migrated one (all or nothing) and puts
the files back. A plain .json or .sqlite3 file of older versions restores too (database only).
"""

import hashlib
import json
import shutil
import sqlite3
import tarfile
import tempfile
from zlib import error as zlib_error
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils import timezone

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


MANIFEST = "manifest.json"
FORMAT = "accord-backup"
VERSION = 1
MEDIA = "media"


def is_json(path: Path) -> bool:
    return any(suffix.lower() in JSON_SUFFIXES for suffix in Path(path).suffixes) or connection.vendor != "sqlite"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def backup(path: Path, *, as_json: bool = False) -> str:
    """Write the archive to `path` (under a temporary name until it is complete); return the database format."""
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="accord-backup-", dir=path.parent) as work:
        kind = dump_database(Path(work) / "database", as_json=as_json or is_json(path))
        database = next(Path(work).glob("database.*"))
        members = {database.name: database}
        root = Path(settings.MEDIA_ROOT)
        members.update({f"{MEDIA}/{file.relative_to(root).as_posix()}": file for file in media_files()})
        manifest = {"format": FORMAT, "version": VERSION, "created": timezone.now().isoformat(), "database": database.name,
                    "files": {name: {"sha256": sha256(file), "size": file.stat().st_size} for name, file in members.items()}}
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        mode = "w:gz" if path.name.lower().endswith((".gz", ".tgz")) else "w"
        with tarfile.open(tmp, mode) as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            for name, file in members.items():
                archive.add(file, arcname=name)
    tmp.replace(path)  # a crash mid-backup never leaves a half-written backup under the real name
    return kind


def dump_database(stem: Path, *, as_json: bool) -> str:
    """The database to stem.json or stem.sqlite3."""
    path = stem.with_suffix(".json" if as_json else ".sqlite3")
    if as_json:
        serializers.register_serializer(fulljson.FORMAT, "accord.operations.fulljson")  # plain JSON, to the microsecond
        call_command("dumpdata", *labels(), format=fulljson.FORMAT, natural_foreign=True, indent=None, output=str(path),
                     verbosity=0)
        return "json"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return "sqlite"


def database_is_empty() -> bool:
    from django.contrib.auth.models import User

    from accord.registry.models import Institution

    return not User.objects.exists() and not Institution.objects.exists()


def restore(path: Path) -> tuple[str, int]:
    """Restore an archive made by `backup`: (database format, number of files put back)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if not tarfile.is_tarfile(path):
        return restore_database(path), 0  # a plain database backup of an older version
    data_dir = Path(settings.MEDIA_ROOT).parent
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".accord-restore-", dir=data_dir) as work:
        database, files = unpack_verified(path, Path(work))
        root = Path(settings.MEDIA_ROOT)
        clashes = [name for name, file in files.items() if (root / name).exists() and sha256(root / name) != sha256(file)]
        if clashes:
            raise BackupError(f"MEDIA_ROOT ({root}) already holds other files of the same names, e.g. {clashes[0]}: "
                              "restore into a new ACCORD_DATA_DIR")
        kind = restore_database(database)
        for name, file in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(file, root / name)
    return kind, len(files)


def _safe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts


def unpack_verified(path: Path, work: Path) -> tuple[Path, dict[str, Path]]:
    """Unpack the archive into `work`, checking every member against the manifest (nothing else is
    written): the database file and {path under MEDIA_ROOT: unpacked file}, or BackupError."""
    try:
        with tarfile.open(path) as archive:
            try:
                manifest = json.load(archive.extractfile(MANIFEST))
                expected, database = manifest["files"], manifest["database"]
            except (KeyError, ValueError, TypeError, AttributeError):
                raise BackupError(f"{path}: not an Accord backup (no readable {MANIFEST})") from None
            if manifest.get("format") != FORMAT or manifest.get("version", 0) > VERSION:
                raise BackupError(f"{path}: not an Accord backup this version can read")
            seen = set()
            for member in archive:
                name = member.name
                if name == MANIFEST:
                    continue
                if not member.isfile() or name not in expected or not _safe(name):
                    raise BackupError(f"{path}: {name} is not in the manifest; the archive was changed")
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                with archive.extractfile(member) as source, open(target, "wb") as out:
                    for block in iter(lambda: source.read(1 << 20), b""):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
                if digest.hexdigest() != expected[name]["sha256"] or size != expected[name]["size"]:
                    raise BackupError(f"{path}: {name} does not match its checksum in the manifest; the archive is "
                                      "damaged and nothing was restored")
                seen.add(name)
    except (tarfile.TarError, EOFError, OSError, zlib_error) as error:
        raise BackupError(f"{path}: the archive cannot be read ({error}); nothing was restored") from None
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"{path}: {missing[0]} is missing from the archive; nothing was restored")
    if database not in seen:
        raise BackupError(f"{path}: the archive holds no database")
    files = {name.removeprefix(MEDIA + "/"): work / name for name in seen if name.startswith(MEDIA + "/")}
    return work / database, files


def clear_derived_tables() -> None:
    """`accord migrate` fills the partners-per-year table of the empty database (post_migrate); the
    dump holds the one of the backed-up database, which replaces it."""
    from accord.insights.models import PartnerYear, PartnerYearCoverage

    PartnerYear.objects.all().delete()
    PartnerYearCoverage.objects.all().delete()


def restore_database(path: Path) -> str:
    if not database_is_empty():
        raise BackupError("restore needs an empty database: point ACCORD_DATA_DIR or ACCORD_DATABASE_URL at a new "
                          "one and run `accord migrate` first")
    if path.suffix.lower() in JSON_SUFFIXES:
        # The dump holds the history already: loading many-to-many fields must not record it a second time
        # (simple_history's m2m_changed receiver honours SIMPLE_HISTORY_ENABLED; post_save skips raw saves).
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic():
            clear_derived_tables()
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
