import json
import re
import struct
import zipfile
import zlib

import pytest
from django.core.management import CommandError, call_command

from accord.registry.importers import get_importer
from accord.registry.models import ExternalId, ImportRun, Institution, InstitutionName, Kind, Status
from tests.conftest import shared_file
from tests.registry.import_helpers import FIXTURES, snapshot, write_json

pytestmark = pytest.mark.django_db

SMALL = FIXTURES / "ror_small.json"
NORTHBRIDGE, MARINE, LINDENAU, POLYTECHNIC, TRUST, HOSPITAL, FUND = (
    "05nb3xq21", "01ab2cd34", "03kmd7h56", "02pkx8m78", "04wdr9t90", "06vkx5z13", "07gvm4q47",
)  # fmt: skip


def run_ror(path, **kwargs):
    return get_importer("ror")(path, progress=False, **kwargs).run()


def small_records():
    return json.loads(SMALL.read_text(encoding="utf-8"))


def names_of(institution):
    return sorted(institution.names.values_list("name", "kind", "language"))


def test_the_small_dump_imports_every_field():
    run = run_ror(SMALL)
    assert (run.records, run.created, run.updated, run.unchanged) == (7, 7, 0, 0)
    uni = Institution.objects.get(ror_id=NORTHBRIDGE)
    assert (uni.name, uni.kind, uni.country_id, uni.city, uni.region) == (
        "University of Northbridge", Kind.UNIVERSITY, "GB", "Northbridge", "England",
    )  # fmt: skip
    assert (uni.latitude, uni.longitude, uni.website, uni.domains, uni.established, uni.status) == (
        54.9783, -1.6174, "https://www.northbridge.ac.uk/", ["northbridge.ac.uk", "nb.ac.uk"], 1892, Status.ACTIVE,
    )  # fmt: skip
    assert names_of(uni) == [
        ("Northbridge University", "alias", ""),
        ("Prifysgol Northbridge", "label", "cy"),
        ("UNB", "acronym", ""),
    ]
    assert uni.local_name == ""  # Welsh is not an official language of GB for babel
    ids = {(e.scheme, e.value): e.preferred for e in uni.external_ids.all()}
    assert ids == {
        ("isni", "0000 0004 1936 7001"): False,
        ("fundref", "501100000871"): True,
        ("fundref", "501100007312"): False,
        ("wikidata", "Q98765400"): False,
        ("grid", "grid.448711.2"): True,
    }


def test_labels_in_the_countrys_language_become_the_local_name():
    run_ror(SMALL)
    lindenau = Institution.objects.get(ror_id=LINDENAU)
    assert (lindenau.local_name, lindenau.local_language) == ("Technische Hochschule Lindenau", "de")
    assert ("Technische Hochschule Lindenau", "label", "de") in names_of(lindenau)
    assert ("Hochschule Lindenau", "alias", "de") in names_of(lindenau)
    fund = Institution.objects.get(ror_id=FUND)
    assert (fund.local_name, fund.local_language, fund.country_id) == ("国家科学基金署", "zh", "SG")


def test_types_map_to_kinds_and_statuses_carry_over():
    run_ror(SMALL)
    kinds = dict(Institution.objects.values_list("ror_id", "kind"))
    assert kinds == {
        NORTHBRIDGE: Kind.UNIVERSITY,  # education + funder
        MARINE: Kind.RESEARCH,  # facility
        LINDENAU: Kind.UNIVERSITY,
        POLYTECHNIC: Kind.UNIVERSITY,
        TRUST: Kind.NONPROFIT,
        HOSPITAL: Kind.HEALTHCARE,
        FUND: Kind.GOVERNMENT,  # government + funder
    }
    assert Institution.objects.get(ror_id=TRUST).status == Status.WITHDRAWN
    assert Institution.objects.get(ror_id=POLYTECHNIC).status == Status.INACTIVE


def test_parents_and_successors_are_resolved_after_every_record_is_in():
    run_ror(SMALL)
    by_ror = {i.ror_id: i for i in Institution.objects.all()}
    # The marine institute comes before its parent university in the file.
    assert by_ror[MARINE].parent == by_ror[NORTHBRIDGE]
    assert by_ror[HOSPITAL].parent == by_ror[LINDENAU]
    assert by_ror[POLYTECHNIC].successor == by_ror[LINDENAU]
    # child, related and predecessor are the other side of those and set nothing themselves
    assert by_ror[NORTHBRIDGE].parent is None and by_ror[LINDENAU].successor is None


def test_a_reimport_of_the_same_file_updates_instead_of_duplicating():
    run_ror(SMALL)
    before = snapshot()
    again = run_ror(SMALL)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    after = snapshot()
    assert after.pop("import runs") == before.pop("import runs") + 1
    assert after == before


def test_a_changed_record_replaces_its_names_and_upserts_its_external_ids(tmp_path):
    run_ror(SMALL)
    records = small_records()
    uni = next(r for r in records if r["id"].endswith(NORTHBRIDGE))
    uni["names"] = [n for n in uni["names"] if n["value"] != "Northbridge University"]
    uni["names"].append({"value": "Université de Northbridge", "types": ["label"], "lang": "fr"})
    uni["external_ids"] = [{"type": "grid", "all": ["grid.448711.2"], "preferred": None}]
    uni["status"] = "inactive"
    hospital = next(r for r in records if r["id"].endswith(HOSPITAL))
    hospital["relationships"] = []
    run = run_ror(write_json(tmp_path / "ror.json", records))
    assert (run.created, run.updated, run.unchanged) == (0, 2, 5)
    inst = Institution.objects.get(ror_id=NORTHBRIDGE)
    assert inst.status == Status.INACTIVE
    assert names_of(inst) == [
        ("Prifysgol Northbridge", "label", "cy"),
        ("UNB", "acronym", ""),
        ("Université de Northbridge", "label", "fr"),
    ]
    assert inst.external_ids.count() == 5  # none deleted
    assert inst.external_ids.get(value="grid.448711.2").preferred is False
    assert Institution.objects.get(ror_id=HOSPITAL).parent is None
    assert inst.history.latest().history_change_reason == "ror import of ror.json"


def test_the_real_ror_sample_imports_all_21_organisations():
    run = run_ror(shared_file("data", "ror_v2_sample.json"))
    assert (run.records, run.created) == (21, 21)
    monash = Institution.objects.get(ror_id="02bfwt286")
    assert (monash.name, monash.country_id, monash.city, monash.established) == (
        "Monash University", "AU", "Melbourne", 1958,
    )  # fmt: skip
    assert monash.external_ids.get(scheme="fundref", preferred=True).value == "501100001779"
    assert ("RMIT", "acronym", "") in names_of(Institution.objects.get(ror_id="04ttjf776"))
    # One record of the sample is an Elasticsearch search response wrapping the record.
    physics = Institution.objects.get(ror_id="02atag894")
    assert (physics.name, physics.kind) == ("Office of Nuclear Physics", Kind.GOVERNMENT)
    assert physics.parent is None  # its parent, the Office of Science, is not in the file
    assert "search response" in run.notes and "00mmn6b08" in run.notes


def test_the_zip_ror_publishes_imports_like_the_json(tmp_path):
    archive = tmp_path / "v2.1-2026-01-01-ror-data.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(SMALL, "v2.1-2026-01-01-ror-data.json")
        zf.writestr("v2.1-2026-01-01-ror-data.csv", "id,name\n")
    run = run_ror(archive)
    assert (run.created, run.file_format) == (7, "zip")
    assert Institution.objects.get(ror_id=MARINE).parent.ror_id == NORTHBRIDGE


def test_a_zip_without_one_json_file_is_refused(tmp_path):
    archive = tmp_path / "empty.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "nothing here")
    with pytest.raises(CommandError, match=r"empty.zip: expected one ROR \.json file in the zip"):
        run_ror(archive)
    (tmp_path / "fake.zip").write_text("not a zip")
    with pytest.raises(CommandError, match="fake.zip: not a zip file"):
        run_ror(tmp_path / "fake.zip")


def deflated(data: bytes, *, last: bool = False) -> bytes:
    """Raw deflate of `data`, flushed so that equal segments can be repeated to build a long stream."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def zip_bomb(path, *, mib: int, name: str = "ror-data.json"):
    """A real zip (valid headers, deflate stream and CRC) of one JSON array padded with `mib` MiB of
    spaces, written by hand: about 1 MB per GiB, built in a second instead of compressing a GiB."""
    chunk = b" " * 2**20
    packed = deflated(b"[") + deflated(chunk) * mib + deflated(b"]", last=True)
    crc = zlib.crc32(b"[")
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    crc, size, raw = zlib.crc32(b"]", crc), mib * 2**20 + 2, name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(raw), 0) + raw
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(raw), 0, 0, 0, 0, 0, 0
    ) + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(packed), 0)
    path.write_bytes(local + packed + central + end)
    return path


@pytest.fixture
def no_decompression(monkeypatch):
    """Fail the test if the importer starts decompressing a zip's member."""

    def refuse(*args, **kwargs):
        raise AssertionError("the zip's content was decompressed")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)


def test_a_zip_of_a_gigabyte_of_json_is_refused_before_decompressing_naming_the_ratio_limit(
    tmp_path, no_decompression
):
    archive = zip_bomb(tmp_path / "ror-data.zip", mib=1024)
    assert archive.stat().st_size < 1.1 * 2**20
    before = snapshot()
    with pytest.raises(CommandError, match=r"ror-data.zip: ror-data.json expands 1,0\d\d times .*ACCORD_IMPORT_MAX_ZIP_RATIO allows 100 times"):
        run_ror(archive)
    assert snapshot() == before


def test_a_zip_larger_than_the_size_limit_is_refused_naming_the_setting(tmp_path, settings, no_decompression):
    settings.ACCORD_IMPORT_MAX_UNZIPPED_MB = 1
    with pytest.raises(CommandError, match=r"expands to 2 MB; ACCORD_IMPORT_MAX_UNZIPPED_MB allows 1 MB"):
        run_ror(zip_bomb(tmp_path / "padded.zip", mib=2))


def test_a_zip_within_the_limits_is_read_and_its_progress_counted_in_bytes(tmp_path):
    archive = tmp_path / "ror.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(SMALL, "ror-data.json")
    importer = get_importer("ror")(archive, progress=True)
    seen = []
    original = importer.progress

    def progress(**kwargs):
        bar = original(**kwargs)
        seen.append((kwargs, bar))
        return bar

    importer.progress = progress
    assert importer.run().created == 7
    (options, bar), _writing = seen
    assert options["unit"] == "B" and bar.n == SMALL.stat().st_size == bar.total


def test_a_bad_record_fails_the_whole_import_naming_file_record_and_field(tmp_path):
    records = small_records()
    records[5]["status"] = "closed"
    bad = write_json(tmp_path / "ror_bad.json", records)
    with pytest.raises(CommandError) as failure:
        call_command("import_ror", str(bad), no_progress=True)
    assert f"ror_bad.json record 6 (https://ror.org/{HOSPITAL}), field status: unknown status 'closed'" in str(
        failure.value
    )
    assert "nothing was imported" in str(failure.value)
    assert snapshot()["institutions"] == 0


def test_an_error_after_batches_were_written_rolls_them_back(tmp_path, monkeypatch):
    run_ror(shared_file("data", "ror_v2_sample.json"))
    before = snapshot()
    records = small_records()
    records[-1]["locations"][0]["geonames_details"]["country_code"] = "ZZ"
    monkeypatch.setattr(get_importer("ror"), "batch_size", 2)  # three batches are written first
    with pytest.raises(CommandError, match=re.escape("field locations.geonames_details.country_code: unknown country code 'ZZ'")):
        run_ror(write_json(tmp_path / "late.json", records))
    assert snapshot() == before


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r.update(id="https://ror.org/not-an-id"), "field id: not a ROR id"),
        (lambda r: r.update(types=["university"]), "field types: unknown type 'university'"),
        (lambda r: r.update(names=[]), "field names: no name of type ror_display"),
        (lambda r: r.update(established="long ago"), "field established: expected a year"),
        (lambda r: r["locations"][0]["geonames_details"].update(lat=123.0), "field locations.geonames_details.lat"),
        (lambda r: r.update(links=[{"type": "website", "value": "www"}]), "field links.value: not a valid http(s) URL"),
    ],
)
def test_every_kind_of_bad_value_is_reported(tmp_path, change, message):
    records = small_records()[:1]
    change(records[0])
    with pytest.raises(CommandError, match=re.escape(message)):
        run_ror(write_json(tmp_path / "ror.json", records))
    assert Institution.objects.count() == 0


def test_a_repeated_ror_id_is_an_error(tmp_path):
    records = small_records()
    records.append(records[0])
    with pytest.raises(CommandError, match=re.escape("record 8 (https://ror.org/01ab2cd34), field id: repeats record 1")):
        run_ror(write_json(tmp_path / "ror.json", records))


def test_relationships_resolve_against_institutions_already_in_the_registry(tmp_path):
    records = small_records()
    run_ror(write_json(tmp_path / "parents.json", [r for r in records if r["id"].endswith((NORTHBRIDGE, LINDENAU))]))
    run = run_ror(write_json(tmp_path / "children.json", [r for r in records if r["id"].endswith((MARINE, POLYTECHNIC))]))
    assert run.notes == ""
    assert Institution.objects.get(ror_id=MARINE).parent.ror_id == NORTHBRIDGE
    assert Institution.objects.get(ror_id=POLYTECHNIC).successor.ror_id == LINDENAU


def test_the_command_records_an_import_run(capsys):
    call_command("import_ror", str(SMALL), no_progress=True)
    assert "ror import of ror_small.json: 7 records, 7 created" in capsys.readouterr().out
    run = ImportRun.objects.get()
    assert (run.importer, run.records, run.created, run.file_format) == ("ror", 7, 7, "json")
    assert InstitutionName.objects.count() == 12 and ExternalId.objects.count() == 14
