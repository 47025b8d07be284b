"""`accord import agreements FILE` and /agreements/import/: agreements from CSV or XLSX.

One row is one agreement; the home university is added as the 'home' party of each. Columns
are documented in docs/records-import.md.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accord.records.tableimport import Column, RowForm, TableImport
from accord.records.tableimport_fields import IsoDateField, LabelChoiceField, ListField, PartiesField, UnitField, YesNoField
from accord.agreements import isced
from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.models.agreements import DatePrecision, Kind, SigningMode, Status
from accord.agreements.services import problems, save_agreement
from accord.registry.models import Institution

PARTY_ROLES = [(v, l) for v, l in AgreementParty.Role.choices if v != AgreementParty.Role.HOME]


COLUMNS = [
    Column("title", _lazy("Title"), True, _lazy("what the agreement is called")),
    Column("kind", _lazy("Kind"), True, _lazy("framework, student_exchange, … or its label")),
    Column("status", _lazy("Status"), False, _lazy("draft (default), signed, active, …")),
    Column("partners", _lazy("Partners"), True,
           _lazy("partner institutions separated by ';', each a name or #registry-id, optionally with its role: "
                 "'Bauman Moscow State Technical University (coordinator)'")),
    Column("faculty", _lazy("Faculty"), False, _lazy("owning faculty of the home university; empty: university level")),
    Column("signed_on", _lazy("Signed on"), False, _lazy("YYYY-MM-DD")),
    Column("signed_precision", _lazy("Signed precision"), False, _lazy("day (default), month or year")),
    Column("signing_mode", _lazy("Signing mode"), False, _lazy("in_person, online or exchange")),
    Column("valid_from", _lazy("Valid from"), False, _lazy("YYYY-MM-DD")),
    Column("valid_until", _lazy("Valid until"), False, _lazy("YYYY-MM-DD; empty: open-ended")),
    Column("auto_renew", _lazy("Auto renew"), False, _lazy("yes or no (default)")),
    Column("subject_areas", _lazy("Subject areas"), False, _lazy("ISCED-F codes separated by ';'")),
    Column("notes", _lazy("Notes"), False, ""),
]


class AgreementRowForm(RowForm):
    title = forms.CharField(max_length=300)
    kind = LabelChoiceField(choices=Kind.choices)
    status = LabelChoiceField(choices=Status.choices, required=False)
    partners = PartiesField(roles=PARTY_ROLES, default_role=AgreementParty.Role.PARTNER)
    faculty = UnitField(queryset=Institution.objects.home_units, required=False)
    signed_on = IsoDateField(required=False)
    signed_precision = LabelChoiceField(choices=DatePrecision.choices, required=False)
    signing_mode = LabelChoiceField(choices=SigningMode.choices, required=False)
    valid_from = IsoDateField(required=False)
    valid_until = IsoDateField(required=False)
    auto_renew = YesNoField(required=False)
    subject_areas = ListField(required=False)
    notes = forms.CharField(required=False)

    def clean_partners(self):
        parties = self.cleaned_data["partners"]
        home = self.context.home()
        parties = [p for p in parties if home is None or p.institution.pk != home.pk]
        if not parties:
            raise forms.ValidationError(_("name at least one partner institution"))
        if len({p.institution.pk for p in parties}) != len(parties):
            raise forms.ValidationError(_("an institution can be a party only once"))
        return parties

    def clean_subject_areas(self):
        codes = self.cleaned_data["subject_areas"]
        bad = [code for code in codes if not isced.is_valid(code)]
        if bad:
            raise forms.ValidationError(
                _("%(codes)s: not ISCED-F 2013 field codes (e.g. 07, 071)") % {"codes": ", ".join(bad)}
            )
        return codes

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        home = self.context.home()
        parties = [home, *(p.institution for p in data["partners"])] if home else [p.institution for p in data["partners"]]
        for field, messages in problems(_agreement(data), parties).items():
            for message in messages:
                self.add_error(field if field in self.fields else "partners" if field == "parties" else None, message)
        return data


def _agreement(values) -> Agreement:
    return Agreement(
        title=values["title"],
        kind=values["kind"],
        status=values["status"] or Status.DRAFT,
        faculty=values["faculty"],
        signed_on=values["signed_on"],
        signed_precision=values["signed_precision"] or DatePrecision.DAY,
        signing_mode=values["signing_mode"] or "",
        valid_from=values["valid_from"],
        valid_until=values["valid_until"],
        auto_renew=bool(values["auto_renew"]),
        subject_areas=values["subject_areas"],
        notes=values["notes"],
    )


class AgreementImport(TableImport):
    name = "agreements"
    title = _lazy("Import agreements")
    columns = COLUMNS
    form_class = AgreementRowForm
    list_url_name = "agreements:agreement-list"

    def home(self):
        if "home" not in self.cache:
            self.cache["home"] = Institution.objects.home().first()
        return self.cache["home"]

    def prepare(self):
        if self.home() is None:
            return [_("the registry has no home university: mark it before importing agreements")]
        return []

    def create(self, rows, by) -> int:
        home = self.home()
        for row in rows:
            parties = [(home, AgreementParty.Role.HOME), *((p.institution, p.role) for p in row.values["partners"])]
            self.save(_agreement(row.values), by, row, service=save_agreement, parties=parties)
        return len(rows)
