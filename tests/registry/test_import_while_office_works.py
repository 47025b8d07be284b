"""An import does not stop the office: it reads and checks its file outside the write transaction,
writes in one short transaction, and stays all-or-nothing."""

import csv
import json
import subprocess
import sys
import time

import pytest
from django.db import connection

from accord.registry.importers import get_importer
from accord.registry.importers.csvio import CsvImporter
from accord.registry.models import Country, Institution
from tests.api.processes import ROOT, copy_database, environment, migrated_template, python, start
from tests.registry.import_helpers import snapshot

EXISTING = 30_000  # institutions already in the registry, all of them in the file
NEW = 2_000  # rows of the file that add an institution


def write_csv(path, rows, columns=("name", "country", "city")):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


# -- in one process ---------------------------------------------------------------------------


def test_an_import_holds_the_write_transaction_only_while_it_writes(db, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "new.csv", [(f"Institute {i}", "FR", "Lyon") for i in range(50)])
    importer = get_importer("csv")(path, progress=False)
    states = []
    original = CsvImporter.prepare

    def prepare(self):
        states.append(len(connection.savepoint_ids))
        original(self)

    monkeypatch.setattr(CsvImporter, "prepare", prepare)
    outer = len(connection.savepoint_ids)  # the test's own transaction, if any
    run = importer.run()
    assert run.created == 50
    assert states == [outer]  # prepare() ran once, in no transaction (or savepoint) of the import's own
    assert importer.write_seconds is not None


def test_a_row_is_checked_again_when_someone_adds_the_same_institution_while_the_file_is_read(
    db, tmp_path, monkeypatch
):
    path = write_csv(tmp_path / "kazan.csv", [("Kazan Federal University", "RU", "Kazan")])
    calls = []
    original = CsvImporter.prepare

    def prepare(self):
        original(self)
        calls.append(1)
        if len(calls) == 1:  # a colleague adds it on the web meanwhile
            Institution.objects.create(name="Kazan Federal University", country=Country.objects.get(code="RU"))

    monkeypatch.setattr(CsvImporter, "prepare", prepare)
    run = get_importer("csv")(path, progress=False).run()
    assert len(calls) == 2
    assert (run.created, run.updated) == (0, 1)
    assert Institution.objects.filter(name="Kazan Federal University").count() == 1
    assert Institution.objects.get(name="Kazan Federal University").city == "Kazan"


def test_an_edit_elsewhere_in_the_registry_does_not_make_the_import_read_its_file_again(db, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "kazan.csv", [("Kazan Federal University", "RU", "Kazan")])
    calls = []
    original = CsvImporter.prepare

    def prepare(self):
        original(self)
        calls.append(1)
        Institution.objects.create(name="Somewhere Else College", country=Country.objects.get(code="GB"))

    monkeypatch.setattr(CsvImporter, "prepare", prepare)
    assert get_importer("csv")(path, progress=False).run().created == 1
    assert len(calls) == 1


def test_an_import_that_fails_while_writing_writes_nothing(db, tmp_path, monkeypatch):
    Institution.objects.create(name="Kept", country=Country.objects.get(code="FR"))
    path = write_csv(tmp_path / "half.csv", [(f"Institute {i}", "FR", "Lyon") for i in range(3000)])
    before = snapshot()

    def names_fail(*args, **kwargs):
        raise RuntimeError("the disk is full")

    importer = get_importer("csv")(path, progress=False)
    original = importer.load

    def load():
        original()  # every institution written, then the last step fails
        names_fail()

    importer.load = load
    with pytest.raises(RuntimeError, match="the disk is full"):
        importer.run()
    assert snapshot() == before
    assert importer.stage is None  # the staging file is gone


# -- an import in one process, the office in another ----------------------------------------

FILL = f"""
from django.contrib.auth.models import User
from accord.lib.normalize import normalize_name
from accord.registry.models import Institution
Institution.objects.bulk_create(
    [Institution(name=f"College {{i}}", country_id="FR", city="Lyon", search_key=normalize_name(f"College {{i}}"))
     for i in range({EXISTING})], batch_size=2000)
User.objects.create_user("clerk", password="a long enough password")
print(",".join(map(str, Institution.objects.order_by("pk").values_list("pk", flat=True))))
"""

# The office: log in and add an institution every 0.2 s until told to stop, each within 5 s (the
# settings give the web 20 s; 5 s is already longer than any write should wait).
OFFICE = """
import json, os, sys, time
import django
django.setup()
from django.db import connection
connection.settings_dict["OPTIONS"]["timeout"] = 5
from django.test import Client
from accord.registry.models import Institution
stop, results, i = sys.argv[1], [], 0
while not os.path.exists(stop):
    i += 1
    began = time.time()
    try:
        client = Client()
        assert client.login(username="clerk", password="a long enough password")
        Institution.objects.create(name=f"Walk-in partner {i}", country_id="GB")
        results.append({"at": began, "ok": True, "seconds": time.time() - began})
    except Exception as exc:
        results.append({"at": began, "ok": False, "error": repr(exc)[:200], "seconds": time.time() - began})
    connection.close()
    time.sleep(0.2)
print(json.dumps(results))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the database-wide write lock is SQLite's")
def test_the_office_logs_in_and_writes_while_a_large_csv_import_runs(tmp_path, tmp_path_factory):
    data = copy_database(migrated_template(tmp_path_factory), tmp_path / "db")
    pks = python(data, FILL).strip().split(",")
    rows = [(pk, f"College {i}", "FR", "Lyon" if i % 100 else "Villeurbanne") for i, pk in enumerate(pks)]
    rows += [("", f"New Institute {i}", "DE", "Jena") for i in range(NEW)]
    path = write_csv(tmp_path / "big.csv", rows, columns=("id", "name", "country", "city"))

    stop = tmp_path / "stop"
    office = subprocess.Popen([sys.executable, "-c", OFFICE, str(stop)], cwd=ROOT, env=environment(data),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    importer = start(data, "import", "csv", "--no-progress", str(path))
    output, _ = importer.communicate(timeout=600)
    finished = time.time()
    stop.touch()
    results, errors = office.communicate(timeout=120)
    assert importer.returncode == 0, output
    assert f"{EXISTING + NEW} records, {NEW} created, {EXISTING // 100} updated" in output
    results = json.loads(results or "[]")
    during = [r for r in results if r["at"] < finished]
    assert len(during) >= 3, f"the office wrote too little while the import ran: {results} {errors}"
    assert all(r["ok"] for r in results), [r for r in results if not r["ok"]]
    count = python(data, "from accord.registry.models import Institution\n"
                         "print(Institution.objects.filter(name__startswith='Walk-in').count())")
    assert int(count) == len(results)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the staged copy is SQLite's way to keep the lock short")
def test_new_institutions_copied_by_sqlite_itself_get_fresh_ids_history_and_names(transactional_db, tmp_path):
    gone = Institution.objects.create(name="Closed Institute", country=Country.objects.get(code="FR"))
    gone_id = gone.pk
    gone.delete()
    path = write_csv(
        tmp_path / "two.csv",
        [("Kazan Federal University", "RU", "kpfu.ru", "KFU", "Kazan University;KU", "university"),
         ("Jena Institute", "DE", "", "", "", "research")],
        columns=("name", "country", "domains", "acronyms", "aliases", "kind"),
    )
    importer = get_importer("csv")(path, progress=False)
    run = importer.run()
    assert importer.bulk and run.created == 2
    kazan = Institution.objects.get(name="Kazan Federal University")
    jena = Institution.objects.get(name="Jena Institute")
    assert gone_id < kazan.pk < jena.pk  # an id SQLite gave once is not given again
    assert (kazan.domains, kazan.kind, kazan.search_key, kazan.status) == (
        ["kpfu.ru"], "university", "kazan federal university", "active"
    )
    assert sorted(kazan.names.values_list("name", "kind", "search_key")) == [
        ("KFU", "acronym", "kfu"), ("KU", "alias", "ku"), ("Kazan University", "alias", "kazan university")
    ]
    assert list(jena.history.values_list("history_type", "history_change_reason")) == [("+", "csv import of two.csv")]
    assert Institution.objects.create(name="Next", country=Country.objects.get(code="FR")).pk > jena.pk
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA database_list")
        assert "accord_staging" not in [row[1] for row in cursor.fetchall()]  # the staging file is detached
