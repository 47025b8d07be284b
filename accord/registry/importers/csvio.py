"""`accord import csv FILE` and `accord export csv FILE`: institutions as CSV.

The columns, their meaning and the matching rules are documented in docs/csv-format.md. Each row
is validated by `InstitutionRowForm` (a Django form); an export imported back changes nothing.
"""

from __future__ import annotations

import csv
import re
from typing import Any, Iterator

from django import forms
from django.db import connection
from django.db.models import Prefetch

from accord.lib.normalize import normalize_name
from accord.lib.tabular import neutralise, restore
from accord.registry.importers.base import (
    BadValue,
    Importer,
    Row,
    Staging,
    attach,
    changed_fields,
    chunked,
    copy_staged,
    create_institutions,
    detach,
    insert_children,
    new_institution,
    register,
    stage_institutions,
    update_institutions,
    url,
)
from accord.registry.importers.ror import ror_id
from accord.registry.models import Country, Institution, InstitutionName, Kind, NameKind, Status

COLUMNS = [
    "id", "name", "local_name", "local_language", "kind", "country", "city", "region", "latitude",
    "longitude", "website", "domains", "ror_id", "schac", "erasmus_code", "established", "parent_id",
    "is_home", "status", "aliases", "acronyms",
]  # fmt: skip
LIST_COLUMNS = {"domains", "aliases", "acronyms"}
NAME_COLUMNS = {"aliases": NameKind.ALIAS, "acronyms": NameKind.ACRONYM}
TRUE = {"true", "yes", "1", "y", "t"}
FALSE = {"false", "no", "0", "n", "f", ""}


# --- lists in one cell: "a;b;c", with "\;" for a semicolon and "\\" for a backslash -------------

_ESCAPE = re.compile(r"\\(.)|;|([^\\;]+)|\\$")


def join_list(items) -> str:
    return ";".join(str(item).replace("\\", "\\\\").replace(";", "\\;") for item in items)


def split_list(cell: str) -> list[str]:
    items, current = [], []
    for match in _ESCAPE.finditer(cell or ""):
        token = match.group(0)
        if token == ";":
            items.append("".join(current))
            current = []
        elif match.group(1) is not None:
            current.append(match.group(1))
        elif match.group(2) is not None:
            current.append(match.group(2))
    items.append("".join(current))
    out = []
    for item in (i.strip() for i in items):
        if item and item not in out:
            out.append(item)
    return out


# --- validation of one row ---------------------------------------------------------------------


class InstitutionRowForm(forms.Form):
    """One CSV row. Only the columns present in the file are validated (and written)."""

    id = forms.IntegerField(required=False, min_value=1)
    name = forms.CharField(max_length=300)
    local_name = forms.CharField(max_length=300, required=False)
    local_language = forms.CharField(max_length=12, required=False)
    kind = forms.ChoiceField(choices=Kind.choices)
    country = forms.CharField(max_length=2, required=False)
    city = forms.CharField(max_length=120, required=False)
    region = forms.CharField(max_length=120, required=False)
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180)
    website = forms.CharField(max_length=300, required=False)
    domains = forms.CharField(required=False)
    ror_id = forms.CharField(max_length=40, required=False)
    schac = forms.CharField(max_length=120, required=False)
    erasmus_code = forms.CharField(max_length=30, required=False)
    established = forms.IntegerField(required=False, min_value=1, max_value=32767)
    parent_id = forms.IntegerField(required=False, min_value=1)
    is_home = forms.CharField(required=False)
    status = forms.ChoiceField(choices=Status.choices)
    aliases = forms.CharField(required=False)
    acronyms = forms.CharField(required=False)

    def __init__(self, *, columns, countries):
        super().__init__({})
        self.fields = {name: field for name, field in self.fields.items() if name in columns}
        self.countries = countries

    def validate(self, data: dict) -> bool:
        """Validate one row. One form serves every row of a file: building a form deep-copies its
        fields, which cost 70% of the import; cleaning reads `self.data` afresh each time."""
        self.data = data
        self.full_clean()
        return not self._errors

    def clean_country(self):
        code = self.cleaned_data["country"].upper()
        if code and code not in self.countries:
            raise forms.ValidationError(f"unknown country code {self.data['country']!r}")
        return code or None

    def clean_website(self):
        try:
            return url(self.cleaned_data["website"], "website")
        except BadValue as bad:
            raise forms.ValidationError(bad.message) from None

    def clean_ror_id(self):
        value = self.cleaned_data["ror_id"]
        try:
            return ror_id(value, "ror_id") if value else None
        except BadValue as bad:
            raise forms.ValidationError(bad.message) from None

    def clean_schac(self):
        return self.cleaned_data["schac"] or None

    def clean_erasmus_code(self):
        return self.cleaned_data["erasmus_code"] or None

    def clean_is_home(self):
        value = self.cleaned_data["is_home"].strip().lower()
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise forms.ValidationError(f"expected true or false, got {self.data['is_home']!r}")

    def clean_domains(self):
        return split_list(self.cleaned_data["domains"])

    def clean_aliases(self):
        return split_list(self.cleaned_data["aliases"])

    def clean_acronyms(self):
        return split_list(self.cleaned_data["acronyms"])


def institution_values(cleaned: dict[str, Any]) -> dict[str, Any]:
    """Form data -> Institution attributes (the columns present, minus id and the name lists)."""
    values = {}
    for column, value in cleaned.items():
        if column in ("id", *NAME_COLUMNS):
            continue
        values["country_id" if column == "country" else column] = value
    return values


UNIQUE_COLUMNS = ("ror_id", "schac", "erasmus_code")


def name_hash(name: str, country: str | None) -> int:
    """A 64-bit key for a name in a country, spacing and case ignored."""
    return hash((" ".join(name.casefold().split()), country))


def model_values(inst: Institution) -> dict[str, Any]:
    """Every column of an institution, by attribute name: what a planned update writes back."""
    return {field.attname: getattr(inst, field.attname) for field in Institution._meta.concrete_fields}


def name_row(inst_id: int, name: str, kind: str) -> Row:
    return Row(institution_id=inst_id, name=name, kind=kind, language="", search_key=normalize_name(name))


@register
class CsvImporter(Importer):
    """`prepare()` streams the file a chunk of rows at a time: checks each row, matches the chunk
    against the registry and plans its writes into a Staging file, so memory does not grow with the
    file; `load()` then writes the plan in the import's one short transaction."""

    name = "csv"
    formats = ("csv",)
    chunk_size = 2000
    sqlite_cache_mb = 64  # the settings' own: SQLite copies the staged rows itself; memory stays < 500 MB

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stage: Staging | None = None

    def cleanup(self) -> None:
        detach()
        if self.stage is not None:
            self.stage.close()
            self.stage = None

    def read(self) -> Iterator:
        """The header (checked), then (line, {column: cell}) for each row, streamed."""
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                header = next(reader, None)
                if header is None:
                    self.fail("empty file: expected a header line naming the columns")
                header = [column.strip() for column in header]
                unknown = [c for c in header if c not in COLUMNS]
                if unknown:
                    self.fail(f"line 1: unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}")
                repeated = {c for c in header if header.count(c) > 1}
                if repeated:
                    self.fail(f"line 1: column {sorted(repeated)[0]!r} appears twice")
                if "name" not in header:
                    self.fail("line 1: the column 'name' is required")
                yield header
                line = 1
                for cells in reader:
                    start, line = line + 1, reader.line_num
                    if not any(cell.strip() for cell in cells):
                        continue
                    if len(cells) != len(header):
                        self.error(f"line {start}", "", f"{len(cells)} cells for {len(header)} columns")
                        continue
                    yield start, dict(zip(header, (restore(cell.strip()) for cell in cells)))
        except UnicodeDecodeError as exc:
            self.fail(f"not UTF-8 text ({exc})")
        except csv.Error as exc:
            self.fail(f"not valid CSV: {exc}")

    def prepare(self) -> None:
        self.cleanup()
        self.stage = Staging()
        # SQLite, outside a transaction: new institutions staged as rows the database copies itself
        self.bulk = connection.vendor == "sqlite" and not connection.in_atomic_block
        rows = self.read()
        self.header = header = next(rows)
        self.name_kinds = {NAME_COLUMNS[c]: c for c in NAME_COLUMNS if c in header}
        # what the checks across chunks need, kept small: ints and the rare unique values
        self.claimed: dict[int, int] = {}  # institution pk -> line that updates it
        # hash of (name, country) -> line, for rows adding an institution; -line for rows matched by name
        self.new_rows: dict[int, int] = {}
        self.unique: dict[str, list[tuple[str, int, int | None]]] = {c: [] for c in UNIQUE_COLUMNS if c in header}
        self.parents: list[tuple[int, int, int | None]] = []  # (line, parent id, institution pk)
        self.homes: list[int] = []  # lines that make their institution the home university
        self.fields_changed: set[str] = set()
        self.updated_pks: set[int] = set()
        self.name_deletes: list[int] = []
        self.valid = 0
        countries = set(Country.objects.values_list("code", flat=True))
        form = InstitutionRowForm(columns=header, countries=countries)
        chunk = []
        with self.progress(unit="row") as bar:
            for line, data in rows:
                self.records += 1
                if form.validate(data):
                    if not self.failed:
                        chunk.append((line, form.cleaned_data))
                else:
                    for field, messages in form.errors.items():
                        self.error(f"line {line}", field, " ".join(messages))
                if len(chunk) >= self.chunk_size:
                    self.match(chunk)
                    chunk = []
                bar.update()
            if not self.failed:
                self.match(chunk)
        if not self.failed:
            self.check_unique()
        if not self.failed and self.bulk:
            self.bulk = attach(self.stage)

    # -- matching: id, else ror_id, else (name, country)

    def match(self, chunk: list[tuple[int, dict]]) -> None:
        header = self.header
        ids = [c["id"] for _, c in chunk if c.get("id")]
        rors = [c["ror_id"] for _, c in chunk if not c.get("id") and c.get("ror_id")]
        names = [c["name"] for _, c in chunk if not c.get("id") and not c.get("ror_id")]
        by_id, by_ror, by_name = {}, {}, {}
        for part in chunked(ids):
            by_id.update(Institution.objects.in_bulk(part))
        for part in chunked(rors):
            by_ror.update({i.ror_id: i for i in Institution.objects.filter(ror_id__in=part)})
        for part in chunked(sorted(set(names))):
            for inst in Institution.objects.filter(name__in=part):
                key = (inst.name, inst.country_id) if "country" in header else inst.name
                by_name.setdefault(key, []).append(inst)
        planned = []
        for line, cleaned in chunk:
            where = f"line {line}"
            inst = None
            if cleaned.get("id"):
                inst = by_id.get(cleaned["id"])
                if inst is None:
                    self.error(where, "id", f"no institution has id {cleaned['id']} (leave id empty to create one)")
            elif cleaned.get("ror_id"):
                inst = by_ror.get(cleaned["ror_id"])
            else:
                key = (cleaned["name"], cleaned.get("country")) if "country" in header else cleaned["name"]
                found = by_name.get(key, [])
                if len(found) > 1:
                    self.error(
                        where, "name", f"{len(found)} institutions are named {cleaned['name']!r} there; give the id"
                    )
                inst = found[0] if len(found) == 1 else None
            if inst is not None:
                if inst.pk in self.claimed:
                    self.error(where, "id", f"same institution (#{inst.pk}) as line {self.claimed[inst.pk]}")
                self.claimed[inst.pk] = line
            elif not cleaned.get("id"):
                # Two new rows naming one institution would create it twice. Keyed by a 64-bit hash
                # to keep a million rows small (a false alarm is a 1-in-10^13 chance at that size).
                key = name_hash(cleaned["name"], cleaned.get("country"))
                if self.new_rows.get(key, 0) > 0:
                    there = f" in {cleaned['country']}" if cleaned.get("country") else ""
                    self.error(
                        where, "name",
                        f"lines {self.new_rows[key]} and {line} both add a new institution named "
                        f"{cleaned['name']!r}{there}; keep one row, or give each the id of an existing institution",
                    )  # fmt: skip
                self.new_rows.setdefault(key, line)
            if inst is not None and not cleaned.get("id") and not cleaned.get("ror_id"):
                self.new_rows.setdefault(name_hash(cleaned["name"], cleaned.get("country")), -line)
            planned.append((line, cleaned, inst))
        if self.failed:
            return  # keep reading to report errors, but plan nothing more
        for line, cleaned, inst in planned:
            pk = inst.pk if inst is not None else None
            for column, entries in self.unique.items():
                if cleaned.get(column):
                    entries.append((cleaned[column], line, pk))
            if cleaned.get("parent_id"):
                self.parents.append((line, cleaned["parent_id"], pk))
            if cleaned.get("is_home"):
                self.homes.append(line)
        self.plan(planned)

    def check_unique(self) -> None:
        """ror_id, schac, erasmus_code unique; one home university; parents that exist."""
        in_file = set(self.claimed)
        for field, entries in self.unique.items():
            owners = {}
            for part in chunked(sorted({value for value, _, _ in entries})):
                owners.update(Institution.objects.filter(**{f"{field}__in": part}).values_list(field, "pk"))
            # the file's own rows move their values: an owner that the file gives another value is free
            seen = {}
            for value, line, pk in entries:
                if value in seen:
                    self.error(f"line {line}", field, f"{value!r} is also on line {seen[value]}")
                seen[value] = line
                owner = owners.get(value)
                if owner is not None and owner != pk and owner not in in_file:
                    self.error(f"line {line}", field, f"{value!r} belongs to institution #{owner}")
        if self.parents:
            known = set()
            for part in chunked(sorted({parent for _, parent, _ in self.parents})):
                known.update(Institution.objects.filter(pk__in=part).values_list("pk", flat=True))
            for line, parent, pk in self.parents:
                if parent not in known:
                    self.error(f"line {line}", "parent_id", f"no institution has id {parent}")
                elif parent == pk:
                    self.error(f"line {line}", "parent_id", "an institution cannot be its own parent")
        if "is_home" in self.header:
            homes = [pk for pk in Institution.objects.filter(is_home=True).values_list("pk", flat=True)]
            homes = [f"#{pk}" for pk in homes if pk not in in_file]
            for line in self.homes:
                if homes:
                    self.error(f"line {line}", "is_home", f"the home university is already {homes[0]}")
                homes.append(f"line {line}")

    def plan_is_stale(self, since) -> bool:
        """Stale only if an institution changed meanwhile is one the file updates, one a row of the
        file was matched against or would duplicate by name, holds a unique code the file gives,
        is a parent the file names, or became the home university; or if names changed of an
        institution the file updates. Edits elsewhere in the registry leave the plan valid."""
        codes = {value for entries in self.unique.values() for value, _, _ in entries}
        parents = {parent for _, parent, _ in self.parents}
        country = "country" in self.header
        changed = Institution.history.filter(history_date__gte=since).values_list(
            "id", "name", "country_id", "ror_id", "schac", "erasmus_code", "is_home"
        )
        for pk, name, country_id, ror, schac, erasmus, is_home in changed.iterator():
            key = name_hash(name, country_id if country else None)
            if (
                pk in self.claimed or pk in parents or key in self.new_rows
                or {ror, schac, erasmus} & codes or (is_home and self.homes)
            ):  # fmt: skip
                return True
        if self.name_kinds:
            owners = InstitutionName.history.filter(history_date__gte=since).values_list("institution_id", flat=True)
            return any(pk in self.claimed for pk in owners.iterator())
        return False

    # -- planning (outside the transaction) and writing (inside it)

    def plan(self, planned: list[tuple[int, dict, Institution | None]]) -> None:
        """Stage a chunk's new rows and changed rows, and the name changes of its known institutions."""
        kinds = self.name_kinds
        current: dict[int, dict[tuple[str, str], int]] = {}
        known = [inst.pk for _, _, inst in planned if inst is not None]
        if kinds:
            for part in chunked(known):
                for pk, inst_id, name, kind in InstitutionName.objects.filter(
                    institution_id__in=part, kind__in=list(kinds)
                ).values_list("id", "institution_id", "name", "kind"):
                    current.setdefault(inst_id, {})[(name, kind)] = pk
        creates, updates, new_names = [], [], []
        for _, cleaned, inst in planned:
            values = institution_values(cleaned)
            wanted = {(name, kind) for kind, column in kinds.items() for name in cleaned[column]}
            if inst is None:
                creates.append((new_institution(**values).__dict__, sorted(wanted)))
                continue
            fields = changed_fields(inst, values)
            if fields:
                self.fields_changed.update(fields)
                updates.append(model_values(inst))
                self.updated_pks.add(inst.pk)
            if kinds:
                have = current.get(inst.pk, {})
                added = sorted(wanted - set(have))
                gone = [pk for key, pk in have.items() if key not in wanted]
                new_names.extend((inst.pk, name, kind) for name, kind in added)
                self.name_deletes.extend(gone)
                if added or gone:
                    self.updated_pks.add(inst.pk)
        self.valid += len(planned)
        if self.bulk:
            first = self.stage.count("new_institutions") + 1  # the staged rows' rowids count from 1
            names = [(first + i, name, kind) for i, (_, wanted) in enumerate(creates) for name, kind in wanted]
            stage_institutions(self, self.stage, [Row(**values) for values, _ in creates], names)
        else:
            self.stage.add("creates", creates)
        self.stage.add("updates", updates)
        self.stage.add("new_names", new_names)

    def load(self) -> None:
        stage, fields = self.stage, self.fields_changed
        # Updates before creations, so that a value (ror_id, is_home) can move to a new row; and
        # whoever stops being the home university does so before another one becomes it.
        home_last = "is_home" in fields
        for chunk in stage.read("updates"):
            update_institutions(self, [Row(**d) for d in chunk if not (home_last and d["is_home"])], fields)
        if home_last:
            for chunk in stage.read("updates"):
                update_institutions(self, [Row(**d) for d in chunk if d["is_home"]], fields)
        if self.bulk:
            copy_staged(self, stage)
        for chunk in stage.read("creates"):
            rows = [(Row(**values), names) for values, names in chunk]
            create_institutions(self, [row for row, _ in rows])
            insert_children(self, InstitutionName, [name_row(row.pk, *n) for row, names in rows for n in names])
        for chunk in stage.read("new_names"):
            insert_children(self, InstitutionName, [name_row(*item) for item in chunk])
        for part in chunked(self.name_deletes):
            InstitutionName.objects.filter(pk__in=part).delete()
        self.created = stage.count("creates") + stage.count("new_institutions")
        self.updated = len(self.updated_pks)
        self.unchanged = self.valid - self.created - self.updated


# --- export --------------------------------------------------------------------------------------


def cell(value: Any) -> str:
    """The CSV text of a value; text a spreadsheet would run as a formula is neutralised (and restored on import)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutralise(join_list(value))
    return neutralise(str(value))


def export_csv(handle, *, progress: bool = True, desc: str = "csv export") -> int:
    """Write every institution as CSV to the text stream `handle`; return how many."""
    from tqdm import tqdm

    names = InstitutionName.objects.filter(kind__in=[NameKind.ALIAS, NameKind.ACRONYM]).order_by("name")
    queryset = Institution.objects.order_by("pk").prefetch_related(Prefetch("names", queryset=names))
    plain = [c for c in COLUMNS if c not in ("country", "aliases", "acronyms")]
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    with tqdm(total=queryset.count(), unit="row", desc=desc, disable=not progress, mininterval=0.5) as bar:
        for inst in queryset.iterator(chunk_size=2000):
            row = {column: getattr(inst, column) for column in plain}
            row["country"] = inst.country_id
            row["aliases"] = [n.name for n in inst.names.all() if n.kind == NameKind.ALIAS]
            row["acronyms"] = [n.name for n in inst.names.all() if n.kind == NameKind.ACRONYM]
            writer.writerow([cell(row[column]) for column in COLUMNS])
            count += 1
            bar.update()
    return count


EXPORTERS = {"csv": export_csv}
