"""`accord import hipo FILE`: the Hipo "world universities and domains" list.

The file is one JSON array of {"name", "domains", "web_pages", "country", "alpha_two_code",
"state-province"}. Each record becomes (or updates) an Institution of kind university:
name -> name, alpha_two_code -> country, state-province -> region, web_pages[0] -> website,
domains -> domains. The kind is set when the institution is created and left alone afterwards.

Identity (what makes a re-import update instead of duplicate): an ExternalId with scheme "hipo"
and value "<alpha2>:<name>", e.g. "GB:University of Bath". The list names some institutions twice
in one country (19 times in the 2026 file: two Glendale Community Colleges, in Arizona and in
California; Chiba University under two domains), so when a file repeats "<alpha2>:<name>" every
record of that name is keyed "<alpha2>:<name>|<first domain>" instead. A record whose name stops
(or starts) being repeated still finds its institution: the plain key and the "|<domain>" keys
are tried against each other by first domain. Records that repeat country, name and first
domain are the same institution: the later one wins, with a warning.
"""

import hashlib
import json
from collections import Counter, defaultdict

from accord.registry.importers.base import (
    BadValue,
    Importer,
    Row,
    changed_fields,
    chunked,
    create_institutions,
    insert_children,
    new_institution,
    register,
    string_list,
    text,
    update_institutions,
    url,
)
from accord.registry.models import ExternalId, Institution, Kind

SCHEME = "hipo"
KEY_LENGTH = 120  # ExternalId.value


def fit(key: str) -> str:
    """Keys longer than ExternalId.value allows are cut and made unique with a short hash."""
    if len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha1(key.encode()).hexdigest()[:10]
    return f"{key[: KEY_LENGTH - 11]}#{digest}"


def base_key(alpha2: str, name: str) -> str:
    return f"{alpha2}:{name}"


@register
class HipoImporter(Importer):
    name = "hipo"
    formats = ("json",)
    FIELDS = ("name", "country_id", "region", "website", "domains")

    def read(self) -> list:
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except UnicodeDecodeError as exc:
            self.fail(f"not UTF-8 text ({exc})")
        except json.JSONDecodeError as exc:
            self.fail(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
        if not isinstance(data, list):
            self.fail(f"expected a JSON array of universities, found a JSON {type(data).__name__}")
        return data

    def parse(self, index: int, record) -> dict | None:
        where = f"record {index}"
        if not isinstance(record, dict):
            self.error(where, "", f"expected a JSON object, got {type(record).__name__}")
            return None
        try:
            name = text(record.get("name"), "name", 300, required=True)
            alpha2 = self.country(record.get("alpha_two_code"), "alpha_two_code")
            if alpha2 is None:
                raise BadValue("alpha_two_code", "is required")
            pages = string_list(record.get("web_pages"), "web_pages", 300)
            return {
                "name": name,
                "country_id": alpha2,
                "region": text(record.get("state-province"), "state-province", 120),
                "website": url(pages[0], "web_pages") if pages else "",
                "domains": string_list(record.get("domains"), "domains"),
            }
        except BadValue as bad:
            self.error(where, bad.field, bad.message)
            return None

    def prepare(self) -> None:
        """Read, check and match every record, outside the transaction; `load()` writes the plan."""
        self.plan = None
        data = self.read()
        self.records = len(data)
        rows = []  # (index, values)
        with self.progress(total=len(data), unit="rec") as bar:
            for index, record in enumerate(data, start=1):
                values = self.parse(index, record)
                if values is not None:
                    rows.append((index, values))
                bar.update()
        if self.failed:
            return

        repeated = Counter(base_key(v["country_id"], v["name"]) for _, v in rows)

        def key_of(values):
            key = base_key(values["country_id"], values["name"])
            if repeated[key] > 1:
                first = values["domains"][0] if values["domains"] else ""
                return fit(f"{key}|{first}")
            return fit(key)

        # Everything the matching needs, loaded once: no per-record queries.
        by_key = dict(ExternalId.objects.filter(scheme=SCHEME).values_list("value", "institution_id"))
        key_by_id = {inst_id: value for value, inst_id in by_key.items()}
        ids_by_base = defaultdict(list)  # plain key -> institutions keyed "<plain>|<domain>"
        for value, inst_id in by_key.items():
            if "|" in value:
                ids_by_base[value.split("|", 1)[0]].append(inst_id)
        existing = {}
        for chunk in chunked(list(key_by_id)):
            existing.update(Institution.objects.in_bulk(chunk))
        claimed = set()  # institutions already matched by a record of this file

        def find(key: str, values: dict) -> Institution | None:
            """The institution a record updates: by its key, else by the plain/"|domain" variant."""
            inst = existing.get(by_key.get(key))
            if inst is not None:
                return inst
            first = values["domains"][0] if values["domains"] else None
            plain = key.split("|", 1)[0]
            for inst_id in [by_key.get(plain), *ids_by_base.get(plain, [])]:
                inst = existing.get(inst_id)
                if inst is not None and inst.pk not in claimed and first and first in inst.domains:
                    renamed_keys.append((key_by_id[inst.pk], key))
                    return inst
            return None

        to_create, to_update, fields_changed = [], [], set()
        new_keys, renamed_keys = {}, []  # key -> new Institution; (old ExternalId value, new value)
        seen = {}  # key -> record index
        seen_inst = {}  # key -> Institution
        for index, values in rows:
            key = key_of(values)
            if key in seen:
                self.warn(f"record {index} repeats record {seen[key]} ({key}); the later record is used")
                inst = seen_inst[key]
                changed_fields(inst, values)
                if inst.pk is not None and inst not in to_update:
                    to_update.append(inst)
                    fields_changed.update(self.FIELDS)
                continue
            seen[key] = index
            inst = find(key, values)
            if inst is None:
                inst = new_institution(kind=Kind.UNIVERSITY.value, **values)
                to_create.append(inst)
                new_keys[key] = inst
            else:
                claimed.add(inst.pk)
                fields = changed_fields(inst, values)
                if fields:
                    to_update.append(inst)
                    fields_changed.update(fields)
            seen_inst[key] = inst
        self.plan = (to_create, to_update, fields_changed, new_keys, renamed_keys)
        self.created = len(to_create)
        self.updated = len(to_update)
        self.unchanged = len(seen) - self.created - self.updated

    def load(self) -> None:
        if self.plan is None:
            return
        to_create, to_update, fields_changed, new_keys, renamed_keys = self.plan
        create_institutions(self, to_create)
        insert_children(
            self,
            ExternalId,
            [Row(institution_id=i.pk, scheme=SCHEME, value=key, preferred=False) for key, i in new_keys.items()],
        )
        for old_key, new_key in renamed_keys:  # rare: only when a name starts or stops repeating
            ExternalId.objects.filter(scheme=SCHEME, value=old_key).update(value=new_key)
        update_institutions(self, to_update, fields_changed)
