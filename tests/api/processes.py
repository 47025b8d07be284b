"""Run `accord` in a separate process against its own throwaway SQLite database."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACCORD = [sys.executable, "-m", "accord.cli"]


def environment(data_dir: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_") and k != "DJANGO_SETTINGS_MODULE"}
    env.update(ACCORD_DATA_DIR=str(data_dir), ACCORD_DEBUG="1", DJANGO_SETTINGS_MODULE="accord.settings", **extra)
    return env


def accord(data_dir: Path, *args, check=True, **extra) -> subprocess.CompletedProcess:
    result = subprocess.run([*ACCORD, *args], cwd=ROOT, env=environment(data_dir, **extra), capture_output=True,
                            text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"accord {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def start(data_dir: Path, *args) -> subprocess.Popen:
    return subprocess.Popen([*ACCORD, *args], cwd=ROOT, env=environment(data_dir), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def python(data_dir: Path, code: str) -> str:
    """Run Python with Django set up against that database; returns what it prints."""
    script = "import django; django.setup()\n" + code
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment(data_dir),
                            capture_output=True, text=True, timeout=120)
    if result.returncode:
        raise AssertionError(result.stderr)
    return result.stdout


def copy_database(template: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(template / "accord.sqlite3", target / "accord.sqlite3")
    return target


def holds_write_lock(data_dir: Path) -> bool:
    """Whether some connection is inside a write transaction on that SQLite database (Accord begins its
    transactions IMMEDIATE, so an open transaction holds the lock from its first statement)."""
    probe = sqlite3.connect(data_dir / "accord.sqlite3", timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def migrations_digest() -> str:
    """Changes whenever a migration, Python or a package that brings migrations changes."""
    packages = ("django", "django-simple-history", "django-cas-ng", "django-axes")  # those whose migrations Accord runs
    h = hashlib.sha256(f"{sys.version}{[version(name) for name in packages]}".encode())
    for path in sorted((ROOT / "accord").glob("*/migrations/*.py")):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def migrated_template(tmp_path_factory) -> Path:
    """An empty, migrated SQLite database folder (made once per set of migrations, then reused)."""
    kept = Path(tempfile.gettempdir()) / f"accord-test-migrated-{migrations_digest()}"
    if (kept / "accord.sqlite3").exists():
        return kept
    folder = tmp_path_factory.mktemp("migrated")
    accord(folder, "migrate", "--noinput", "-v", "0")
    partial = kept.with_name(kept.name + f".{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    shutil.copy(folder / "accord.sqlite3", partial / "accord.sqlite3")
    try:
        partial.rename(kept)  # atomic: a concurrent run sees a whole template or none
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # another run kept one first
    return kept
