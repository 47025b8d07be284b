"""`accord import ror FILE`: a Research Organization Registry data dump, schema v2.

FILE is the dump's JSON array of organisations, or the .zip ROR publishes holding it (when the
zip holds several .json files, the one whose name says "v2" is read). The file is streamed with
ijson and written in batches, so memory stays bounded whatever its size. A zip whose content would
expand past ACCORD_IMPORT_MAX_UNZIPPED_MB, or to more than ACCORD_IMPORT_MAX_ZIP_RATIO times its
compressed size (a "zip bomb"), is refused before a byte of it is decompressed; progress counts the
bytes read (decompressed bytes, for a zip).

Mapping of one ROR record to an Institution (matched by `ror_id`, the 9-character id):

- id "https://ror.org/02bfwt286" -> ror_id "02bfwt286"
- names: the "ror_display" name -> name; every other "label" -> an InstitutionName of kind label
  with its language; "alias" -> alias; "acronym" -> acronym. A label whose language is an
  official language of the institution's country (other than English) also becomes local_name /
  local_language. On re-import the set of names is replaced by the file's (kept rows stay).
- types -> kind: education -> university, healthcare -> healthcare, facility and archive ->
  research, government -> government, company -> company, nonprofit and funder -> nonprofit,
  other -> other; with several types, the first in that order wins.
- locations[0].geonames_details: country_code -> country, name -> city,
  country_subdivision_name -> region, lat/lng -> latitude/longitude
- links: the first of type "website" -> website; domains -> domains; established -> established
- external_ids: one ExternalId per value in each "all" list (scheme = the id type, preferred when
  it is the "preferred" value); upserted by (scheme, value), never deleted
- relationships: "parent" -> parent, "successor" -> successor, resolved by ROR id once every
  record is in (against the file and the registry); "child", "related" and "predecessor" are
  implied by the other side and ignored. ROR is authoritative for both: a record without a
  parent clears the parent. A relationship to an organisation in neither the file nor the
  registry is left empty, with a warning.
- status: active, inactive or withdrawn

Records the ROR search API returns wrapped in an Elasticsearch response ({"hits": {"hits":
[{"_source": record}]}}), as one of the records of ror_v2_sample.json is, are unwrapped with a
warning.
"""

from __future__ import annotations

import re
import zipfile
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator

import ijson
from babel.languages import get_official_languages
from django.conf import settings

from accord.lib.normalize import normalize_name
from accord.registry.importers.base import (
    MAX_ERRORS,
    BadValue,
    Importer,
    Row,
    Staging,
    changed_fields,
    chunked,
    coordinate,
    create_institutions,
    insert_children,
    new_institution,
    register,
    string_list,
    text,
    update_children,
    update_institutions,
    update_rows,
    url,
    year,
)
from accord.registry.models import ExternalId, Institution, InstitutionName, Kind, NameKind, Status

ROR_ID = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$")
ROR_PREFIXES = ("https://ror.org/", "http://ror.org/", "ror.org/")

KIND_BY_TYPE = {
    "education": Kind.UNIVERSITY.value,
    "healthcare": Kind.HEALTHCARE.value,
    "facility": Kind.RESEARCH.value,
    "archive": Kind.RESEARCH.value,
    "government": Kind.GOVERNMENT.value,
    "company": Kind.COMPANY.value,
    "nonprofit": Kind.NONPROFIT.value,
    "funder": Kind.NONPROFIT.value,
    "other": Kind.OTHER.value,
}
TYPE_ORDER = list(KIND_BY_TYPE)  # first listed wins when a record has several types
RATIO_FLOOR = 16 * 2**20  # small files may compress very well; only a large expansion is suspicious
STATUSES = {Status.ACTIVE.value, Status.INACTIVE.value, Status.WITHDRAWN.value}
NAME_KINDS = {"label": NameKind.LABEL.value, "alias": NameKind.ALIAS.value, "acronym": NameKind.ACRONYM.value}
INSTITUTION_FIELDS = (
    "name", "kind", "country_id", "city", "region", "latitude", "longitude",
    "website", "domains", "established", "status",
)  # fmt: skip


@lru_cache(maxsize=None)
def local_languages(country: str | None) -> frozenset[str]:
    """Official languages of a country other than English, as ISO 639-1 codes."""
    if not country:
        return frozenset()
    return frozenset(code.split("_")[0] for code in get_official_languages(country)) - {"en"}


def ror_id(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise BadValue(field, f"expected a ROR id, got {value!r}")
    bare = value.strip()
    for prefix in ROR_PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix) :]
            break
    if not ROR_ID.match(bare):
        raise BadValue(field, f"not a ROR id: {value!r}")
    return bare


class CountingReader:
    """A binary stream that counts what is read from it, shows it on a progress bar, and stops
    past `limit` bytes (the zip's header may understate what its content expands to)."""

    def __init__(self, stream, bar, limit: int, fail):
        self.stream, self.bar, self.limit, self.fail = stream, bar, limit, fail
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        if self.count > self.limit:
            self.fail(f"the content expands past {self.limit // 2**20} MB, more than its size says; refused")
        self.bar.update(len(data))
        return data


def as_list(value: Any, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadValue(field, f"expected a list, got {type(value).__name__}")
    return value


def as_dict(value: Any, field: str) -> dict:
    if not isinstance(value, dict):
        raise BadValue(field, f"expected an object, got {type(value).__name__}")
    return value


@register
class RorImporter(Importer):
    name = "ror"
    formats = ("json", "zip")
    batch_size = 500

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pks: dict[str, int] = {}  # ror id -> institution pk: the registry's, then the file's
        # (scheme, value) -> (id, institution id, preferred) of every external id, loaded once:
        # one query instead of one per scheme and batch (a tenth of a large import)
        self.external: dict[tuple[str, str], tuple[int, int, bool]] = {}
        self.index_of: dict[str, int] = {}  # ror id -> record number, to report repeats
        self.relations: list[tuple] = []  # (record, pk, attname, label, ror id) for link() to resolve
        self.preexisting: set[int] = set()  # institutions of the file that were in the registry before
        self.touched: set[int] = set()  # those of them this import changed
        self.stage: Staging | None = None  # the parsed records, between prepare() and load()

    # -- reading

    @contextmanager
    def open_stream(self):
        """The JSON array as a binary stream, and its size in bytes (for the progress bar)."""
        if self.file_format == "zip":
            try:
                archive = zipfile.ZipFile(self.path)
            except zipfile.BadZipFile as exc:
                self.fail(f"not a zip file ({exc})")
            with archive:
                members = [i for i in archive.infolist() if i.filename.lower().endswith(".json") and not i.is_dir()]
                if len(members) > 1:
                    members = [i for i in members if "v2" in i.filename.lower()] or members
                if len(members) != 1:
                    found = ", ".join(i.filename for i in members) or "none"
                    self.fail(f"expected one ROR .json file in the zip, found {found}")
                self.check_expansion(members[0])
                with archive.open(members[0]) as stream:
                    yield stream, members[0].file_size
        else:
            with open(self.path, "rb") as stream:
                yield stream, self.path.stat().st_size

    def check_expansion(self, member: zipfile.ZipInfo) -> None:
        """Refuse, before decompressing anything, a member larger or more compressed than allowed."""
        size, packed = member.file_size, max(member.compress_size, 1)
        limit = settings.ACCORD_IMPORT_MAX_UNZIPPED_MB
        if size > limit * 2**20:
            self.fail(
                f"{member.filename} expands to {size / 2**20:,.0f} MB; ACCORD_IMPORT_MAX_UNZIPPED_MB allows {limit:,} MB"
            )
        ratio, most = size / packed, settings.ACCORD_IMPORT_MAX_ZIP_RATIO
        if size > RATIO_FLOOR and ratio > most:
            self.fail(
                f"{member.filename} expands {ratio:,.0f} times (from {packed / 2**20:,.1f} MB to "
                f"{size / 2**20:,.0f} MB); ACCORD_IMPORT_MAX_ZIP_RATIO allows {most:,} times"
            )

    def check_array(self) -> None:
        with self.open_stream() as (stream, _):
            head = stream.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head.startswith(b"["):
            self.fail("expected a JSON array of ROR records (a ROR schema v2 data dump)")

    def read_records(self, stream) -> Iterator[tuple[str, Any]]:
        """(where, record) for each record, unwrapping Elasticsearch responses."""
        for index, item in enumerate(ijson.items(stream, "item", use_float=True), start=1):
            self.records += 1
            where = f"record {index}"
            hits = item.get("hits") if isinstance(item, dict) and "names" not in item else None
            if isinstance(hits, dict) and isinstance(hits.get("hits"), list):
                sources = [hit.get("_source") for hit in hits["hits"] if isinstance(hit, dict)]
                self.warn(f"{where} is a ROR search response, not a record; its {len(sources)} hit(s) were read")
                for number, source in enumerate(sources, start=1):
                    yield f"{where} (hit {number})", source
            else:
                yield where, item

    # -- parsing one record

    def parse(self, record: Any) -> dict:
        record = as_dict(record, "")
        rid = ror_id(record.get("id"), "id")

        kinds = [t for t in as_list(record.get("types"), "types")]
        for t in kinds:
            if t not in KIND_BY_TYPE:
                raise BadValue("types", f"unknown type {t!r}")
        kind = KIND_BY_TYPE[min(kinds, key=TYPE_ORDER.index)] if kinds else Kind.OTHER.value

        status = record.get("status")
        if status not in STATUSES:
            raise BadValue("status", f"unknown status {status!r}")

        country = city = region = ""
        latitude = longitude = None
        locations = as_list(record.get("locations"), "locations")
        if locations:
            geo = as_dict(as_dict(locations[0], "locations").get("geonames_details") or {}, "locations")
            country = self.country(geo.get("country_code"), "locations.geonames_details.country_code")
            city = text(geo.get("name"), "locations.geonames_details.name", 120)
            region = text(geo.get("country_subdivision_name"), "locations.geonames_details.country_subdivision_name", 120)
            latitude = coordinate(geo.get("lat"), "locations.geonames_details.lat", 90)
            longitude = coordinate(geo.get("lng"), "locations.geonames_details.lng", 180)

        display, names, local = None, {}, None
        for entry in as_list(record.get("names"), "names"):
            entry = as_dict(entry, "names")
            value = text(entry.get("value"), "names.value", 300, required=True)
            language = text(entry.get("lang"), "names.lang", 12).lower()
            types = as_list(entry.get("types"), "names.types")
            if "ror_display" in types and display is None:
                display = value
                continue
            for name_type in types:
                if name_type in NAME_KINDS:
                    names.setdefault((value, NAME_KINDS[name_type]), language)
                elif name_type != "ror_display":
                    raise BadValue("names.types", f"unknown name type {name_type!r}")
        if display is None:
            raise BadValue("names", "no name of type ror_display")
        names.pop((display, NameKind.LABEL), None)
        for (value, name_kind), language in names.items():
            if name_kind == NameKind.LABEL and language in local_languages(country):
                local = (value, language)
                break

        website = ""
        for link in as_list(record.get("links"), "links"):
            link = as_dict(link, "links")
            if link.get("type") == "website" and link.get("value"):
                website = url(link.get("value"), "links.value")
                break

        external = {}
        for entry in as_list(record.get("external_ids"), "external_ids"):
            entry = as_dict(entry, "external_ids")
            scheme = text(entry.get("type"), "external_ids.type", 20, required=True)
            preferred = entry.get("preferred")
            values = string_list(entry.get("all"), "external_ids.all", 120)
            if preferred and preferred not in values:
                values.append(text(preferred, "external_ids.preferred", 120))
            for value in values:
                external[(scheme, value)] = value == preferred

        parent = successor = None
        for relation in as_list(record.get("relationships"), "relationships"):
            relation = as_dict(relation, "relationships")
            if relation.get("type") == "parent" and parent is None:
                parent = ror_id(relation.get("id"), "relationships.id")
            elif relation.get("type") == "successor" and successor is None:
                successor = ror_id(relation.get("id"), "relationships.id")

        return {
            "ror_id": rid,
            "values": {
                "name": display,
                "kind": kind,
                "country_id": country or None,
                "city": city,
                "region": region,
                "latitude": latitude,
                "longitude": longitude,
                "website": website,
                "domains": string_list(record.get("domains"), "domains"),
                "established": year(record.get("established"), "established"),
                "status": status,
            },
            "local": local,
            "names": names,
            "external": external,
            "parent": parent,
            "successor": successor,
        }

    # -- the import

    def prepare(self) -> None:
        """Parse and check every record outside the transaction, staging them in a temporary file;
        the registry is read and written by `load()`, inside it."""
        self.cleanup()
        self.stage = Staging()
        self.index_of = {}
        self.check_array()
        batch: list[tuple[str, dict]] = []
        with self.open_stream() as (raw, size), self.progress(total=size, unit="B", unit_scale=True) as bar:
            stream = CountingReader(raw, bar, max(size, 1), self.fail)
            try:
                for where, record in self.read_records(stream):
                    try:
                        parsed = self.parse(record)
                    except BadValue as bad:
                        self.error(self.locate(where, record), bad.field, bad.message)
                        if len(self.errors) >= MAX_ERRORS:
                            break
                        continue
                    first = self.index_of.setdefault(parsed["ror_id"], self.records)
                    if first != self.records:
                        self.error(self.locate(where, record), "id", f"repeats record {first}")
                        continue
                    if not self.failed:
                        batch.append((where, parsed))
                        if len(batch) >= self.batch_size:
                            self.stage.add("records", batch)
                            batch = []
                            bar.set_postfix(records=self.records, refresh=False)
            except ijson.JSONError as exc:
                self.fail(f"not valid JSON after record {self.records}: {exc}")
            if not self.failed:
                self.stage.add("records", batch)
                bar.set_postfix(records=self.records, refresh=False)

    def plan_is_stale(self, since) -> bool:
        return False  # the plan is the file's records alone: load() matches them inside the transaction

    def cleanup(self) -> None:
        if getattr(self, "stage", None) is not None:
            self.stage.close()
            self.stage = None

    def load(self) -> None:
        self.pks.update(Institution.objects.filter(ror_id__isnull=False).values_list("ror_id", "pk").iterator(10000))
        rows = ExternalId.objects.values_list("scheme", "value", "id", "institution_id", "preferred")
        self.external.update(((scheme, value), rest) for scheme, value, *rest in rows.iterator(10000))
        staged = self.stage.count("records")
        with self.progress(total=staged, unit="rec", desc=f"{self.name} {self.file_name}: writing") as bar:
            for batch in self.stage.read("records", self.batch_size):
                self.write(batch)
                bar.update(len(batch))
        self.link()
        self.updated = len(self.touched)
        self.unchanged = len(self.index_of) - self.created - self.updated

    @staticmethod
    def locate(where: str, record: Any) -> str:
        rid = record.get("id") if isinstance(record, dict) else None
        return f"{where} ({rid})" if isinstance(rid, str) and rid else where

    def write(self, batch: list[tuple[str, dict]]) -> None:
        if not batch:
            return
        known = [self.pks[parsed["ror_id"]] for _, parsed in batch if parsed["ror_id"] in self.pks]
        existing = {}
        for chunk in chunked(known):
            existing.update({inst.ror_id: inst for inst in Institution.objects.filter(pk__in=chunk)})

        to_create, to_update, fields_changed = [], [], set()
        institutions, pending = [], []
        for where, parsed in batch:
            values = dict(parsed["values"])
            if parsed["local"]:
                values["local_name"], values["local_language"] = parsed["local"]
            # Relationships to organisations already known are set now; the others (later in the
            # file, or nowhere) wait for the second pass, link().
            for attname, label in (("parent_id", "parent"), ("successor_id", "successor")):
                ror = parsed[label]
                if ror == parsed["ror_id"]:
                    self.warn(f"{where}: {label} is the record itself; ignored")
                    ror = None
                if ror is None:
                    values[attname] = None
                elif ror in self.pks:
                    values[attname] = self.pks[ror]
                else:
                    pending.append((len(institutions), where, attname, label, ror))
            inst = existing.get(parsed["ror_id"])
            if inst is None:
                inst = new_institution(ror_id=parsed["ror_id"], **values)
                to_create.append(inst)
            else:
                fields = changed_fields(inst, values)
                if fields:
                    to_update.append(inst)
                    fields_changed.update(fields)
                    self.touched.add(inst.pk)
            institutions.append(inst)
        create_institutions(self, to_create)
        update_institutions(self, to_update, fields_changed)
        self.created += len(to_create)
        for (_, parsed), inst in zip(batch, institutions):
            self.pks[parsed["ror_id"]] = inst.pk
        for index, where, attname, label, ror in pending:
            self.relations.append((where, institutions[index].pk, attname, label, ror))
        existing_pks = {inst.pk for inst in existing.values()}
        self.preexisting |= existing_pks
        self.write_names(batch, institutions, existing_pks)
        self.write_external_ids(batch, institutions)

    def write_names(self, batch, institutions, existing_pks: set[int]) -> None:
        """Make each institution's set of names the file's: add, re-language, delete."""
        current: dict[int, dict[tuple[str, str], tuple[int, str]]] = {}
        for chunk in chunked(list(existing_pks)):
            rows = InstitutionName.objects.filter(institution_id__in=chunk).values_list(
                "id", "institution_id", "name", "kind", "language"
            )
            for pk, inst_id, name, kind, language in rows:
                current.setdefault(inst_id, {})[(name, kind)] = (pk, language)
        to_create, to_relabel, to_delete = [], [], []
        for (_, parsed), inst in zip(batch, institutions):
            have = current.get(inst.pk, {})
            count = len(to_create) + len(to_relabel)
            for (name, kind), language in parsed["names"].items():
                if (name, kind) not in have:
                    to_create.append(
                        Row(institution_id=inst.pk, name=name, kind=kind, language=language,
                            search_key=normalize_name(name))  # fmt: skip
                    )
                elif have[(name, kind)][1] != language:
                    to_relabel.append(Row(id=have[(name, kind)][0], language=language))
            gone = [pk for key, (pk, _) in have.items() if key not in parsed["names"]]
            to_delete.extend(gone)
            if gone or len(to_create) + len(to_relabel) > count:
                self.touch(inst.pk)
        insert_children(self, InstitutionName, to_create)
        update_rows(self, InstitutionName, to_relabel, ["language"])
        for chunk in chunked(to_delete):
            InstitutionName.objects.filter(pk__in=chunk).delete()  # rare; history via signals

    def write_external_ids(self, batch, institutions) -> None:
        """Upsert the file's external ids by (scheme, value); ids not in the file are kept."""
        wanted: dict[tuple[str, str], tuple[int, bool, str]] = {}
        for (where, parsed), inst in zip(batch, institutions):
            for key, preferred in parsed["external"].items():
                if key in wanted and wanted[key][0] != inst.pk:
                    self.warn(f"{where}: {key[0]} {key[1]} is also claimed by an earlier record; the later one keeps it")
                wanted[key] = (inst.pk, preferred, where)
        to_create, to_update = [], []
        for (scheme, value), (inst_pk, preferred, where) in wanted.items():
            row = self.external.get((scheme, value))
            if row is None:
                to_create.append(Row(institution_id=inst_pk, scheme=scheme, value=value, preferred=preferred))
                self.touch(inst_pk)
            elif row[1] != inst_pk or row[2] != preferred:
                if row[1] != inst_pk:
                    self.warn(f"{where}: {scheme} {value} moved here from institution #{row[1]}")
                    self.touch(row[1])
                to_update.append(Row(id=row[0], institution_id=inst_pk, scheme=scheme, value=value, preferred=preferred))
                self.touch(inst_pk)
        insert_children(self, ExternalId, to_create)
        update_children(self, ExternalId, to_update, ["institution", "preferred"])
        for row in (*to_create, *to_update):
            self.external[(row.scheme, row.value)] = (row.id, row.institution_id, row.preferred)

    def touch(self, pk: int) -> None:
        if pk in self.preexisting:
            self.touched.add(pk)

    def link(self) -> None:
        """Second pass: parents and successors that came later in the file than their record."""
        changes: dict[int, dict[str, int | None]] = {}
        for where, pk, attname, label, ror in self.relations:
            target = self.pks.get(ror)
            if target is None:
                self.warn(f"{where}: {label} https://ror.org/{ror} is neither in the file nor in the registry")
            changes.setdefault(pk, {})[attname] = target
        for chunk in chunked(sorted(changes), 500):
            changed, fields = [], set()
            for values in Institution.objects.filter(pk__in=chunk).values():
                row = Row(**values)
                updated = changed_fields(row, changes[row.id])
                if updated:
                    changed.append(row)
                    fields.update(updated)
                    self.touch(row.id)
            update_institutions(self, changed, fields)
