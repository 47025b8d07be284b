"""`accord import activities FILE` and /activities/import/: activities from CSV or XLSX.

One row is one activity with its parties. Columns are documented in docs/records-import.md.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accord.records.tableimport import Column, RowForm, TableImport
from accord.records.tableimport_fields import CountryField, IsoDateField, LabelChoiceField, PartiesField, UnitField
from accord.activities.services import save_activity
from accord.activities.models import Activity, ActivityParty, DatePrecision
from accord.registry.models import Institution


COLUMNS = [
    Column("title", _lazy("Title"), True, ""),
    Column("kind", _lazy("Kind"), True, _lazy("inbound_delegation, outbound_delegation, visit, … or its label")),
    Column("start_date", _lazy("Start date"), True, _lazy("YYYY-MM-DD")),
    Column("end_date", _lazy("End date"), False, _lazy("YYYY-MM-DD; empty for a one-day activity")),
    Column("date_precision", _lazy("Date precision"), False, _lazy("day (default), month or year")),
    Column("city", _lazy("City"), False, ""),
    Column("country", _lazy("Country"), False, _lazy("ISO code (FR) or English name")),
    Column("parties", _lazy("Parties"), False,
           _lazy("institutions separated by ';', each a name or #registry-id, optionally with its role "
                 "(host, guest, participant, organizer): 'Hanyang University (guest)'")),
    Column("faculty", _lazy("Faculty"), False, _lazy("owning faculty")),
    Column("participants", _lazy("Participants"), False, ""),
    Column("universities", _lazy("Universities"), False, ""),
    Column("countries", _lazy("Countries"), False, ""),
    Column("submissions", _lazy("Submissions"), False, ""),
    Column("source_url", _lazy("Source"), False, _lazy("link to the article it comes from")),
    Column("description", _lazy("Description"), False, ""),
]


class ActivityRowForm(RowForm):
    title = forms.CharField(max_length=300)
    kind = LabelChoiceField(choices=Activity.Kind.choices)
    start_date = IsoDateField()
    end_date = IsoDateField(required=False)
    date_precision = LabelChoiceField(choices=DatePrecision.choices, required=False)
    city = forms.CharField(max_length=120, required=False)
    country = CountryField(required=False)
    parties = PartiesField(roles=ActivityParty.Role.choices, default_role=ActivityParty.Role.PARTICIPANT, required=False)
    faculty = UnitField(queryset=Institution.objects.home_units, required=False)
    participants = forms.IntegerField(min_value=0, required=False)
    universities = forms.IntegerField(min_value=0, required=False)
    countries = forms.IntegerField(min_value=0, required=False)
    submissions = forms.IntegerField(min_value=0, required=False)
    source_url = forms.URLField(max_length=500, required=False, assume_scheme="https")
    description = forms.CharField(required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("an activity cannot end before it starts"))
        return data


class ActivityImport(TableImport):
    name = "activities"
    title = _lazy("Import activities")
    columns = COLUMNS
    form_class = ActivityRowForm
    list_url_name = "activities:activity-list"

    def create(self, rows, by) -> int:
        for row in rows:
            values = row.values
            activity = Activity(
                title=values["title"],
                kind=values["kind"],
                start_date=values["start_date"],
                end_date=values["end_date"],
                date_precision=values["date_precision"] or DatePrecision.DAY,
                city=values["city"],
                country=values["country"],
                faculty=values["faculty"],
                participant_count=values["participants"],
                university_count=values["universities"],
                country_count=values["countries"],
                submission_count=values["submissions"],
                source_url=values["source_url"],
                description=values["description"],
            )
            parties = values["parties"] or []

            def write_parties(saved, parties=parties):
                for party in parties:
                    ActivityParty.objects.create(activity=saved, institution=party.institution, role=party.role)

            self.save(activity, by, row, service=save_activity, write_children=write_parties)
        return len(rows)
