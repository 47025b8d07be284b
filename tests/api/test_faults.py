"""No lost data: an import killed half-way leaves the database as it was; a backup restores every record
and every uploaded file, and a damaged backup restores nothing."""

import io
import json
import signal
import time

import pytest

from tests.api.processes import accord, copy_database, holds_write_lock, migrated_template, python, start
from tests.conftest import shared_file

COUNT = "from accord.registry.models import Institution; print(Institution.objects.count())"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """An empty migrated SQLite database, copied by each test; made once per set of migrations and kept in the
    temporary directory, so the second run of the suite (SQLite, then PostgreSQL) does not migrate again."""
    return migrated_template(tmp_path_factory)


def test_an_import_killed_half_way_leaves_the_registry_as_it_was(migrated, tmp_path):
    data = copy_database(migrated, tmp_path / "db")
    before = int(python(data, "from accord.registry.models import Institution, Country\n"
                              "Institution.objects.create(name='Already here', country=Country.objects.get(code='FR'))\n"
                              + COUNT))
    importer = start(data, "import", "hipo", str(shared_file("data", "world_universities_and_domains.json")))
    in_transaction = False
    deadline = time.monotonic() + 120
    while importer.poll() is None and time.monotonic() < deadline:
        if holds_write_lock(data):
            time.sleep(0.2)
            if holds_write_lock(data):  # still held: the import's one transaction, not a lone write
                in_transaction = True
                break
        time.sleep(0.02)
    still_running = importer.poll() is None
    importer.send_signal(signal.SIGKILL)
    importer.wait(timeout=30)
    assert in_transaction and still_running, f"the import ended before it could be killed:\n{importer.stdout.read()}"
    count, integrity = python(data, COUNT + "\nfrom django.db import connection\n"
                                    "c = connection.cursor(); c.execute('PRAGMA integrity_check'); print(c.fetchone()[0])").split()
    assert int(count) == before == 1
    assert integrity == "ok"


DUMP_EVERYTHING = """
import json
from django.apps import apps
rows = {}
for model in apps.get_models():
    if model._meta.app_label in {"sessions", "admin", "contenttypes"} or model._meta.label == "auth.Permission":
        continue
    rows[model._meta.label] = [
        {k: str(v) for k, v in row.items()} for row in model._default_manager.order_by("pk").values()
    ]
print(json.dumps(rows))
"""


UPLOADS = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
for name, content in [("agreements/2024/mou-scan.pdf", b"%PDF-1.4 " + bytes(range(256)) * 40),
                      ("guidance/applications/2025/plan.docx", b"PK\\x03\\x04 plan"),
                      ("guidance/calls/2025/call notice \u00e9t\u00e9.pdf", b"%PDF-1.7 call")]:
    default_storage.save(name, ContentFile(content))
"""


def media_of(data) -> dict[str, bytes]:
    root = data / "media"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def filled(migrated, tmp_path_factory):
    """The demo data set, an API token and some history: a database worth backing up."""
    data = copy_database(migrated, tmp_path_factory.mktemp("filled"))
    python(data, "from django.core.management import call_command\ncall_command('demo')\n"  # one process, not two
                 "from django.contrib.auth.models import User\nfrom accord.accounts.apitokens import ApiToken\n"
                 "ApiToken.issue(User.objects.order_by('pk').first(), 'backup test')\n" + UPLOADS)
    return data


@pytest.fixture(scope="module")
def original(filled):
    """Every record of the filled database, as DUMP_EVERYTHING prints them."""
    return json.loads(python(filled, DUMP_EVERYTHING))


@pytest.fixture(scope="module")
def backup_of(filled, tmp_path_factory):
    """backup_of(name): `accord backup` of the filled database to a file of that name, made once."""
    made = {}

    def make(name):
        if name not in made:
            made[name] = tmp_path_factory.mktemp("backups") / name
            accord(filled, "backup", str(made[name]))
        return made[name]

    return make


@pytest.mark.parametrize("name", ["accord-backup.json.tar.gz", "accord-backup.tar"])
def test_a_backup_restores_every_record_of_every_model_and_every_file(original, filled, backup_of, migrated, tmp_path,
                                                                        name):
    assert sum(len(rows) for rows in original.values()) > 100
    assert original["accounts.ApiToken"] and original["registry.Institution"] and original["auth.User"]
    fresh = copy_database(migrated, tmp_path / "fresh")
    # the restore command and the dump in one process (`accord restore` itself runs in the tests below)
    restored = json.loads(python(fresh, f"import io\nfrom django.core.management import call_command\n"
                                        f"call_command('restore', {str(backup_of(name))!r}, stdout=io.StringIO())\n"
                                        + DUMP_EVERYTHING))
    differing = {label: (len(rows), len(restored.get(label, []))) for label, rows in original.items()
                 if restored.get(label) != rows}
    assert not differing, f"models whose records differ after the restore (rows before, after): {differing}"
    assert len(media_of(filled)) == 3
    assert media_of(fresh) == media_of(filled)  # every file, byte for byte


def test_a_damaged_backup_restores_nothing_at_all(backup_of, migrated, tmp_path):
    import tarfile

    good = backup_of("accord-backup.tar")
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(good) as source, tarfile.open(damaged, "w") as target:
        for member in source:
            content = source.extractfile(member).read()
            if member.name.endswith("mou-scan.pdf"):
                content = content[:100] + b"X" + content[101:]  # one byte changed, same size
            target.addfile(member, io.BytesIO(content))
    fresh = copy_database(migrated, tmp_path / "fresh")
    result = accord(fresh, "restore", str(damaged), check=False)
    assert result.returncode != 0 and "mou-scan.pdf" in result.stderr and "checksum" in result.stderr
    assert python(fresh, COUNT).strip() == "0"
    assert media_of(fresh) == {}


def test_a_restore_refuses_a_database_that_holds_records(filled, backup_of, original):
    result = accord(filled, "restore", str(backup_of("accord-backup.json.tar.gz")), check=False)
    assert result.returncode != 0 and "empty database" in result.stderr
    assert json.loads(python(filled, DUMP_EVERYTHING)) == original  # not a record changed


def test_a_broken_backup_file_restores_nothing(migrated, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('[{"model": "registry.institution", "pk": 1, "fields": {"name": "Half"}}, {"model": "nope"')
    fresh = copy_database(migrated, tmp_path / "fresh")
    result = accord(fresh, "restore", str(broken), check=False)
    assert result.returncode != 0
    assert python(fresh, COUNT).strip() == "0"
