"""Import cooperation records (agreements, activities, mobility) from CSV or XLSX tables.

A `TableImport` declares its columns, validates every row with a Django form (one error per row
and column, naming both), and writes the rows with `create()`. The same object serves the web
upload → preview → confirm flow and the `accord import <kind> FILE` commands:

- `validate(path)` reads the file and returns a `Preview`: every row with its parsed values and
  its errors, and the problems with the file as a whole (format, header, empty);
- `commit(path, by)` validates again and writes every row in ONE `transaction.atomic()`; if any
  row is bad it raises `ImportFailed` (from the registry importers) and nothing is written.

Importers are found by name in `IMPORTS` ("agreements", "activities", "mobility").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Model
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from accord.lib import hooks, tabular
from accord.records.services import save_record
from accord.registry.importers.base import ImportFailed, RowError

# name -> the TableImport subclass (dotted path, imported on first use: the apps import this module),
# registered by each app in its AppConfig.ready()
IMPORTS = hooks.TABLE_IMPORTS

MAX_ROWS = 5000


def get_import(name: str) -> "TableImport":
    try:
        return import_string(IMPORTS[name])()
    except KeyError:
        raise ImportFailed(f"unknown import {name!r}; known: {', '.join(sorted(IMPORTS))}") from None


@dataclass(frozen=True)
class Column:
    name: str
    label: Any  # the heading an export writes (translated); matched like the name
    required: bool = False
    help: Any = ""


def describe(error: RowError) -> str:
    """"line 7, column partner: no registry institution matches 'Univ of Nowhere'"."""
    column = _(", column %(name)s") % {"name": error.field} if error.field else ""
    return f"{error.where}{column}: {error.message}"


@dataclass
class Cell:
    column: str
    text: str
    errors: list[str]


@dataclass
class PreviewRow:
    line: int
    raw: dict
    values: dict  # cleaned values; empty when the row has errors
    errors: list[RowError]
    cells: list[Cell] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Preview:
    kind: str
    file_name: str
    columns: list[Column]
    rows: list[PreviewRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the file as a whole
    ignored: list[str] = field(default_factory=list)  # columns the import does not know

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def bad_rows(self) -> int:
        return sum(1 for row in self.rows if not row.ok)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows) and not self.errors

    def messages(self) -> list[str]:
        return [*self.problems, *(describe(e) for e in self.errors)]


class RowForm(forms.Form):
    """The form one row is validated with; `context` is the TableImport (for its caches)."""

    def __init__(self, data, *, context: "TableImport"):
        super().__init__(data)
        self.context = context
        for bound in self.fields.values():
            bound.cache = context.cache  # fields keep their per-import lookups here


class TableImport:
    """Subclasses set name, title, columns, form_class, list_url_name and implement create()."""

    name: ClassVar[str] = ""
    title: ClassVar[Any] = ""
    columns: ClassVar[list[Column]] = []
    form_class: ClassVar[type[RowForm]] = RowForm
    list_url_name: ClassVar[str] = ""
    docs: ClassVar[str] = "docs/records-import.md"

    def __init__(self):
        self.cache: dict = {}  # per-import lookups (countries, faculties, people) shared by the rows

    # -- for subclasses

    def prepare(self) -> list[str]:
        """Problems that stop the whole import (e.g. no home university); checked before the rows."""
        return []

    def create(self, rows: list[PreviewRow], by) -> int:
        raise NotImplementedError

    # -- shared

    def aliases(self) -> dict[str, str]:
        out = {}
        for column in self.columns:
            out[tabular.header_key(column.name)] = column.name
            out.setdefault(tabular.header_key(str(column.label)), column.name)
        return out

    def row_error(self, file_name: str, line: int, column: str, message: str) -> RowError:
        return RowError(file_name, _("line %(n)s") % {"n": line}, column, str(message))

    def validate(self, path, *, file_name: str | None = None) -> Preview:
        path = Path(path)
        file_name = file_name or path.name
        preview = Preview(kind=self.name, file_name=file_name, columns=list(self.columns))
        try:
            table = tabular.read(
                tabular.format_of(file_name), path,
                required=[c.name for c in self.columns if c.required], aliases=self.aliases(),
            )
            known = {c.name for c in self.columns}
            preview.ignored = [c for c in table.columns if c not in known]
            for line, raw in table.rows:
                if len(preview.rows) >= MAX_ROWS:
                    preview.problems.append(_("more than %(n)s rows: split the file") % {"n": MAX_ROWS})
                    break
                preview.rows.append(self.validate_row(file_name, line, raw))
        except tabular.TableError as exc:
            preview.problems.append(str(exc))
            return preview
        if not preview.rows:
            preview.problems.append(_("the file has a header but no rows to import"))
        preview.problems[:0] = self.prepare()
        for row in preview.rows:
            if row.errors:
                row.values = {}
            row.cells = self.cells(row)
        return preview

    def validate_row(self, file_name: str, line: int, raw: dict) -> PreviewRow:
        data = {c.name: raw.get(c.name, "") for c in self.columns}
        form = self.form_class(data, context=self)
        errors = []
        if not form.is_valid():
            for column, messages in form.errors.as_data().items():
                for error in messages:
                    text = "; ".join(str(m) for m in error.messages)
                    errors.append(self.row_error(file_name, line, "" if column == "__all__" else column, text))
        return PreviewRow(line=line, raw=data, values=form.cleaned_data if not errors else {}, errors=errors)

    def cells(self, row: PreviewRow) -> list[Cell]:
        out = []
        for column in self.columns:
            if row.ok:
                text = display(row.values.get(column.name))
            else:
                text = display(row.raw.get(column.name))
            out.append(Cell(column.name, text, [e.message for e in row.errors if e.field == column.name]))
        return out

    def commit(self, path, by, *, file_name: str | None = None) -> int:
        """Validate and write every row, all or nothing; returns the number of records created."""
        file_name = file_name or Path(path).name
        self.file_name = file_name
        try:
            with transaction.atomic():
                preview = self.validate(path, file_name=file_name)
                if preview.problems:
                    raise ImportFailed(f"{file_name}: " + "; ".join(str(p) for p in preview.problems))
                if preview.errors:
                    raise ImportFailed(preview.errors)
                return self.create(preview.rows, by)
        except DatabaseError as exc:
            raise ImportFailed(f"{file_name}: the database refused the import: {exc}") from exc

    def save(self, obj: Model, by, row: PreviewRow, *, service=None, **options) -> Model:
        """Create one record through its business `service` (default records.services.save_record),
        with its audit trail (who, and which file and line); its refusal names the line and column."""
        try:
            return (service or save_record)(obj, by=by, reason=f"imported from {self.file_name} line {row.line}", **options)
        except ValidationError as exc:
            raise ImportFailed(self.errors_of(exc, row)) from None

    def errors_of(self, exc: ValidationError, row: PreviewRow) -> list[RowError]:
        return [
            self.row_error(self.file_name, row.line, "" if key == "__all__" else key, "; ".join(msgs))
            for key, msgs in exc.message_dict.items()
        ]


def display(value) -> str:
    """A parsed value as the preview shows it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(display(v) for v in value)
    if isinstance(value, Model) and value.pk is not None and hasattr(value, "is_home"):
        return f"{value} (#{value.pk})"
    return str(value)
