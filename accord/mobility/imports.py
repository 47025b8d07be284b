"""`accord import mobility FILE` and /people/mobility/import/: mobility records from CSV or XLSX.

One row is one person's mobility. The person is matched by name and nationality, or created.
Columns are documented in docs/records-import.md.
"""

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accord.records.tableimport import Column, RowForm, TableImport
from accord.records.tableimport_fields import (
    CountryField, InstitutionField, IsoDateField, LabelChoiceField, UnitField,
)
from accord.mobility.services import save_mobility, save_person
from accord.mobility.models import Level, Mobility, Person, Program
from accord.registry.models import Country, Institution

_YEAR = re.compile(r"^(\d{4})(?:\s*[-–/]\s*(\d{2}|\d{4}))?$")


COLUMNS = [
    Column("direction", _lazy("Direction"), True, _lazy("incoming or outgoing")),
    Column("kind", _lazy("Kind"), True, _lazy("degree_student, exchange_student, visiting_scholar, … or its label")),
    Column("person", _lazy("Person"), True, _lazy("full name; matched with nationality, created when new")),
    Column("nationality", _lazy("Nationality"), False, _lazy("ISO code (TH) or English name")),
    Column("person_kind", _lazy("Person kind"), False, _lazy("for a new person: student (default), faculty, …")),
    Column("home_institution", _lazy("Home institution"), False,
           _lazy("name or #registry-id; empty for an outgoing mobility: the home university")),
    Column("host_institution", _lazy("Host institution"), False,
           _lazy("name or #registry-id; empty for an incoming mobility: the home university")),
    Column("program", _lazy("Program"), False, _lazy("the name of an existing program")),
    Column("start_date", _lazy("Start date"), False, _lazy("YYYY-MM-DD")),
    Column("end_date", _lazy("End date"), False, _lazy("YYYY-MM-DD")),
    Column("academic_year", _lazy("Academic year"), False, _lazy("2024 or 2024–2025; empty: from the start date")),
    Column("level", _lazy("Level"), False, _lazy("bachelor, master, doctoral or non_degree")),
    Column("scholarship", _lazy("Scholarship"), False, ""),
    Column("faculty", _lazy("Faculty"), False, _lazy("owning faculty")),
    Column("notes", _lazy("Notes"), False, ""),
]


@dataclass(frozen=True)
class PersonRef:
    """The person a row names: an existing record, or one to create."""

    name: str
    nationality: Country | None
    existing: Person | None

    def __str__(self):
        where = f", {self.nationality.code}" if self.nationality else ""
        if self.existing:
            return _("%(name)s%(where)s (person #%(id)s)") % {"name": self.name, "where": where, "id": self.existing.pk}
        return _("%(name)s%(where)s (new person)") % {"name": self.name, "where": where}


class AcademicYearField(forms.Field):
    def to_python(self, value):
        text = str(value if value is not None else "").strip()
        if not text:
            return None
        match = _YEAR.match(text)
        if not match or not 1900 <= int(match[1]) <= 2200:
            raise forms.ValidationError(_("expected an academic year like 2024 or 2024–2025, got %(v)r") % {"v": value})
        return int(match[1])


class ProgramField(forms.Field):
    def to_python(self, value):
        text = " ".join(str(value if value is not None else "").split())
        if not text:
            return None
        program = Program.objects.filter(name__iexact=text).order_by("pk").first()
        if program is None:
            raise forms.ValidationError(_("no program is called %(name)r") % {"name": text})
        return program


class MobilityRowForm(RowForm):
    direction = LabelChoiceField(choices=Mobility.Direction.choices)
    kind = LabelChoiceField(choices=Mobility.Kind.choices)
    person = forms.CharField(max_length=200)
    nationality = CountryField(required=False)
    person_kind = LabelChoiceField(choices=Person.Kind.choices, required=False)
    home_institution = InstitutionField(required=False)
    host_institution = InstitutionField(required=False)
    program = ProgramField(required=False)
    start_date = IsoDateField(required=False)
    end_date = IsoDateField(required=False)
    academic_year = AcademicYearField(required=False)
    level = LabelChoiceField(choices=Level.choices, required=False)
    scholarship = forms.CharField(max_length=200, required=False)
    faculty = UnitField(queryset=Institution.objects.home_units, required=False)
    notes = forms.CharField(required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("a mobility cannot end before it starts"))
        name = " ".join(data.get("person", "").split())
        if name and "nationality" in data:
            people = list(
                Person.objects.filter(name__iexact=name, nationality=data["nationality"]).order_by("pk")[:2]
            )
            if len(people) > 1:
                self.add_error("person", _("several people are called %(name)r with this nationality") % {"name": name})
            else:
                data["person"] = PersonRef(name, data["nationality"], people[0] if people else None)
        home = self.context.home()
        direction = data.get("direction")
        if direction == Mobility.Direction.INCOMING and not data.get("host_institution"):
            data["host_institution"] = home
        if direction == Mobility.Direction.OUTGOING and not data.get("home_institution"):
            data["home_institution"] = home
        return data


class MobilityImport(TableImport):
    name = "mobility"
    title = _lazy("Import mobility")
    columns = COLUMNS
    form_class = MobilityRowForm
    list_url_name = "mobility:mobility-list"

    def home(self):
        if "home" not in self.cache:
            self.cache["home"] = Institution.objects.home().first()
        return self.cache["home"]

    def create(self, rows, by) -> int:
        created: dict[tuple, Person] = {}  # a new person named on several rows is created once
        for row in rows:
            values = row.values
            ref = values["person"]
            person = ref.existing
            if person is None:
                key = (ref.name.casefold(), getattr(ref.nationality, "pk", None))
                person = created.get(key)
                if person is None:
                    kind = values["person_kind"] or Person.Kind.STUDENT
                    person = self.save(
                        Person(name=ref.name, nationality=ref.nationality, kind=kind, faculty=values["faculty"]), by, row,
                        service=save_person,
                    )
                    created[key] = person
            self.save(
                Mobility(
                    direction=values["direction"],
                    kind=values["kind"],
                    person=person,
                    home_institution=values["home_institution"],
                    host_institution=values["host_institution"],
                    program=values["program"],
                    start_date=values["start_date"],
                    end_date=values["end_date"],
                    academic_year=values["academic_year"],
                    level=values["level"],
                    scholarship=values["scholarship"],
                    faculty=values["faculty"],
                    notes=values["notes"],
                ),
                by, row, service=save_mobility,
            )
        return len(rows)
