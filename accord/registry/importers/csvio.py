"""`accord import csv FILE` and `accord export csv FILE`: institutions as CSV.

The columns, their meaning and the matching rules are documented in docs/csv-format.md. Each row
is validated by `InstitutionRowForm` (a Django form); an export imported back changes nothing.
"""

from __future__ import annotations

import csv
import re
from typing import Any

from django import forms
from django.db.models import Prefetch

from accord.lib.normalize import normalize_name
from accord.lib.tabular import neutralise, restore
from accord.registry.importers.base import (
    BadValue,
    Importer,
    changed_fields,
    chunked,
    create_institutions,
    insert_children,
    register,
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


@register
class CsvImporter(Importer):
    name = "csv"
    formats = ("csv",)

    def read(self) -> tuple[list[str], list[tuple[int, dict]]]:
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
                rows, line = [], 1
                for cells in reader:
                    start, line = line + 1, reader.line_num
                    if not any(cell.strip() for cell in cells):
                        continue
                    if len(cells) != len(header):
                        self.error(f"line {start}", "", f"{len(cells)} cells for {len(header)} columns")
                        continue
                    rows.append((start, dict(zip(header, (restore(cell.strip()) for cell in cells)))))
        except UnicodeDecodeError as exc:
            self.fail(f"not UTF-8 text ({exc})")
        except csv.Error as exc:
            self.fail(f"not valid CSV: {exc}")
        return header, rows

    def load(self) -> None:
        header, rows = self.read()
        self.records = len(rows)
        countries = set(Country.objects.values_list("code", flat=True))
        valid = []  # (line, cleaned data)
        with self.progress(total=len(rows), unit="row") as bar:
            form = InstitutionRowForm(columns=header, countries=countries)
            for line, data in rows:
                if form.validate(data):
                    valid.append((line, form.cleaned_data))
                else:
                    for field, messages in form.errors.items():
                        self.error(f"line {line}", field, " ".join(messages))
                bar.update()
        if self.failed:
            return
        matched = self.match(valid, header)
        if self.failed:
            return
        self.check_unique(valid, matched, header)
        if self.failed:
            return
        self.write(valid, matched, header)

    # -- matching: id, else ror_id, else (name, country)

    def match(self, valid, header) -> list[Institution | None]:
        ids = [c["id"] for _, c in valid if c.get("id")]
        rors = [c["ror_id"] for _, c in valid if not c.get("id") and c.get("ror_id")]
        names = [c["name"] for _, c in valid if not c.get("id") and not c.get("ror_id")]
        by_id, by_ror, by_name = {}, {}, {}
        for chunk in chunked(ids):
            by_id.update(Institution.objects.in_bulk(chunk))
        for chunk in chunked(rors):
            by_ror.update({i.ror_id: i for i in Institution.objects.filter(ror_id__in=chunk)})
        for chunk in chunked(sorted(set(names))):
            for inst in Institution.objects.filter(name__in=chunk):
                key = (inst.name, inst.country_id) if "country" in header else inst.name
                by_name.setdefault(key, []).append(inst)
        matched, claimed = [], {}
        for line, cleaned in valid:
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
                if inst.pk in claimed:
                    self.error(where, "id", f"same institution (#{inst.pk}) as line {claimed[inst.pk]}")
                claimed[inst.pk] = line
            matched.append(inst)
        return matched

    def check_unique(self, valid, matched, header) -> None:
        """ror_id, schac, erasmus_code unique; one home university; parents that exist."""
        for field in ("ror_id", "schac", "erasmus_code"):
            if field not in header:
                continue
            values = [c[field] for _, c in valid if c.get(field)]
            owners = {}
            for chunk in chunked(sorted(set(values))):
                owners.update(Institution.objects.filter(**{f"{field}__in": chunk}).values_list(field, "pk"))
            # the file's own rows move their values: an owner that the file gives another value is free
            moving = {inst.pk for (_, c), inst in zip(valid, matched) if inst is not None}
            seen = {}
            for (line, cleaned), inst in zip(valid, matched):
                value = cleaned.get(field)
                if not value:
                    continue
                if value in seen:
                    self.error(f"line {line}", field, f"{value!r} is also on line {seen[value]}")
                seen[value] = line
                owner = owners.get(value)
                if owner is not None and (inst is None or owner != inst.pk) and owner not in moving:
                    self.error(f"line {line}", field, f"{value!r} belongs to institution #{owner}")
        if "parent_id" in header:
            parents = {c["parent_id"] for _, c in valid if c.get("parent_id")}
            known = set()
            for chunk in chunked(sorted(parents)):
                known.update(Institution.objects.filter(pk__in=chunk).values_list("pk", flat=True))
            for (line, cleaned), inst in zip(valid, matched):
                parent = cleaned.get("parent_id")
                if parent and parent not in known:
                    self.error(f"line {line}", "parent_id", f"no institution has id {parent}")
                elif parent and inst is not None and parent == inst.pk:
                    self.error(f"line {line}", "parent_id", "an institution cannot be its own parent")
        if "is_home" in header:
            in_file = {inst.pk for inst in matched if inst is not None}
            homes = [f"#{pk}" for pk in Institution.objects.filter(is_home=True).values_list("pk", flat=True)]
            homes = [h for h in homes if int(h[1:]) not in in_file]
            for (line, cleaned), inst in zip(valid, matched):
                if cleaned.get("is_home"):
                    if homes:
                        self.error(f"line {line}", "is_home", f"the home university is already {homes[0]}")
                    homes.append(f"line {line}")

    # -- writing

    def write(self, valid, matched, header) -> None:
        to_create, to_update, fields_changed = [], [], set()
        for (line, cleaned), inst in zip(valid, matched):
            values = institution_values(cleaned)
            if inst is None:
                inst = Institution(**values)
                to_create.append(inst)
            else:
                fields = changed_fields(inst, values)
                if fields:
                    to_update.append(inst)
                    fields_changed.update(fields)
            cleaned["_institution"] = inst
        # Updates before creations, so that a value (ror_id, is_home) can move to a new row; and
        # whoever stops being the home university does so before another one becomes it.
        first = [i for i in to_update if not i.is_home] if "is_home" in fields_changed else to_update
        firsts = {i.pk for i in first}
        update_institutions(self, first, fields_changed)
        update_institutions(self, [i for i in to_update if i.pk not in firsts], fields_changed)
        create_institutions(self, to_create)

        names_changed = self.write_names(valid, header, {inst.pk for inst in matched if inst is not None})
        updated = {inst.pk for inst in to_update} | names_changed
        self.created = len(to_create)
        self.updated = len(updated)
        self.unchanged = len(valid) - self.created - self.updated

    def write_names(self, valid, header, existing_pks: set[int]) -> set[int]:
        """Replace each institution's aliases and acronyms (when the columns are present)."""
        kinds = {NAME_COLUMNS[c]: c for c in NAME_COLUMNS if c in header}
        if not kinds:
            return set()
        current = {}
        for chunk in chunked(sorted(existing_pks)):
            for pk, inst_id, name, kind in InstitutionName.objects.filter(
                institution_id__in=chunk, kind__in=list(kinds)
            ).values_list("id", "institution_id", "name", "kind"):
                current.setdefault(inst_id, {})[(name, kind)] = pk
        to_create, to_delete, changed = [], [], set()
        for _, cleaned in valid:
            inst = cleaned["_institution"]
            have = current.get(inst.pk, {})
            wanted = {(name, kind) for kind, column in kinds.items() for name in cleaned[column]}
            for name, kind in sorted(wanted - set(have)):
                to_create.append(
                    InstitutionName(
                        institution_id=inst.pk, name=name, kind=kind, search_key=normalize_name(name)
                    )
                )
            gone = [pk for key, pk in have.items() if key not in wanted]
            to_delete.extend(gone)
            if inst.pk in existing_pks and (gone or wanted - set(have)):
                changed.add(inst.pk)
        insert_children(self, InstitutionName, to_create)
        for chunk in chunked(to_delete):
            InstitutionName.objects.filter(pk__in=chunk).delete()
        return changed


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
