from pathlib import Path

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from accord.records.files import check_size
from accord.activities.models import Activity, DatePrecision
from accord.agreements.models import Agreement
from accord.agreements.models.agreements import Kind as AgreementKind
from accord.newsroom.models import MODES
from accord.newsroom.services.ingest import SUFFIX_FORMATS, SUPPORTED
from accord.newsroom.services.review import proposed_record
from accord.registry.models import Institution
from accord.registry.widgets import InstitutionPicker

class PasteForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    source_url = forms.URLField(label=_("Source URL"), max_length=500, required=False, assume_scheme="https",
                                validators=[URLValidator(schemes=["http", "https"])])
    published = forms.DateField(label=_("Published"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label=_("Article text"), widget=forms.Textarea(attrs={"rows": 16}),
                           help_text=_("Plain text, HTML or Markdown."))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("A .txt, .html, .md or .jsonl file."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in SUPPORTED:
            raise forms.ValidationError(_("Unsupported file type %(suffix)s; use %(types)s.")
                                        % {"suffix": suffix or "—", "types": ", ".join(SUPPORTED)})
        check_size(upload)
        return upload

    def format(self):
        return SUFFIX_FORMATS.get(Path(self.cleaned_data["file"].name).suffix.lower(), "jsonl")


ROLES = [("home", _("Home")), ("partner", _("Partner"))]  # the side a party is on; its role on the record follows


def record_kinds():
    """The records a proposal may become: an agreement or an activity, of each kind."""
    return [
        (_("Agreement"), [(f"agreement:{value}", label) for value, label in AgreementKind.choices]),
        (_("Activity"), [(f"activity:{value}", label) for value, label in Activity.Kind.choices]),
    ]


class PartyRow(forms.Form):
    """A party: the institution chosen in the registry, and the name the article gives it (kept so an
    unmatched name can be looked up, or added to the registry when no institution is chosen)."""

    name = forms.CharField(label=_("Name in the article"), max_length=300, required=False)
    institution = forms.ModelChoiceField(label=_("Institution"), queryset=Institution.objects.all(), required=False,
                                         widget=InstitutionPicker())
    role = forms.ChoiceField(label=_("Role"), choices=ROLES, initial="partner", required=False)
    country = forms.CharField(max_length=2, required=False, widget=forms.HiddenInput)
    kind = forms.CharField(max_length=20, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.initial.get("name") and not self.initial.get("institution"):
            self.fields["name"].widget.attrs["class"] = "unmatched"  # the registry did not match it


class PersonRow(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role = forms.CharField(label=_("Title or role"), max_length=200, required=False)
    institution = forms.ModelChoiceField(label=_("Institution"), queryset=Institution.objects.all(), required=False,
                                         widget=InstitutionPicker())


class RowsFormSet(forms.BaseFormSet):
    """Rows added and removed in place; a row left empty (or marked deleted) is no row."""

    defaults = ("DELETE",)  # fields that hold a value in an empty row too

    def kept(self):
        """(row number, form) of the rows that count."""
        return [(number, form) for number, form in enumerate(self.forms, 1)
                if form.cleaned_data and not form.cleaned_data.get("DELETE") and not self._blank(form)]

    def _blank(self, form):
        return not any(value for name, value in form.cleaned_data.items() if name not in self.defaults)


class PartyFormSet(RowsFormSet):
    defaults = ("DELETE", "role", "kind", "country")

    def clean(self):
        if any(self.errors):
            return
        seen, rows = set(), self.kept()
        for number, form in rows:
            institution = form.cleaned_data.get("institution")
            if institution and institution.pk in seen:
                raise forms.ValidationError(_("Parties row %(n)s: %(name)s is already a party.")
                                            % {"n": number, "name": institution.name})
            if institution:
                seen.add(institution.pk)
        if not rows:
            raise forms.ValidationError(_("Name at least one party."))

    def rows(self) -> list[dict]:
        """The parties as the review service reads them (the proposal's rows)."""
        out = []
        for _number, form in self.kept():
            data = form.cleaned_data
            institution = data.get("institution")
            row = {"name": data.get("name", "").strip() or institution.name, "role": data.get("role") or "partner",
                   "country": institution.country_id if institution else (data.get("country") or "").upper() or None}
            if institution:
                row["registry_id"] = institution.pk
            elif data.get("kind"):
                row["kind"] = data["kind"]
            out.append(row)
        return out


class PersonFormSet(RowsFormSet):
    def clean(self):
        if any(self.errors):
            return
        for number, form in self.kept():
            if not form.cleaned_data.get("name", "").strip():
                raise forms.ValidationError(_("People row %(n)s: the name is missing.") % {"n": number})

    def rows(self) -> list[dict]:
        out = []
        for _number, form in self.kept():
            data = form.cleaned_data
            row = {"name": data["name"].strip(), "role": data.get("role", "").strip(), "institution": None}
            if data.get("institution"):
                row["institution"], row["institution_id"] = data["institution"].name, data["institution"].pk
            out.append(row)
        return out


PartyRows = forms.formset_factory(PartyRow, formset=PartyFormSet, extra=1, can_delete=True)
PersonRows = forms.formset_factory(PersonRow, formset=PersonFormSet, extra=1, can_delete=True)


class ProposalEditForm(forms.Form):
    """"Edit and accept": the record a proposal becomes (kind, title, faculty, dates), its parties and
    people as rows; `changes()` is what review.accept() takes."""

    kind = forms.ChoiceField(label=_("Record"), choices=record_kinds)
    title = forms.CharField(label=_("Title"), max_length=300)
    faculty = forms.ModelChoiceField(label=_("Owning faculty"), queryset=Institution.objects.none(), required=False,
                                     help_text=_("Empty: university level."))
    start_date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}),
                                 help_text=_("An agreement's signing date; an activity's first day."))
    end_date = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=_("Activities only; empty for a one-day activity."))
    date_precision = forms.ChoiceField(label=_("Date known to the"), choices=DatePrecision.choices)
    mode = forms.ChoiceField(label=_("Signing mode"), choices=[("", _("Unknown"))] + MODES, required=False)

    def __init__(self, *args, proposal, **kwargs):
        record = proposed_record(proposal)
        registry = {r.get("name"): r.get("registry_id") for r in proposal.institutions if r.get("registry_id")}
        kwargs["initial"] = {
            **{field: record[field] for field in ("title", "start_date", "end_date", "date_precision", "mode")},
            "kind": f"{record['record']}:{record['kind']}", "faculty": getattr(record["faculty"], "pk", None),
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = Institution.objects.home_units()
        data = self.data if self.is_bound else None
        self.parties = PartyRows(data, prefix="parties", initial=[
            {"name": r.get("name") or "", "institution": r.get("registry_id"),
             "role": "home" if r.get("role") == "home" else "partner",
             "country": r.get("country") or "", "kind": r.get("kind") or ""} for r in proposal.institutions])
        self.people = PersonRows(data, prefix="people", initial=[
            {"name": p.get("name") or "", "role": p.get("role") or "",
             "institution": p.get("institution_id") or registry.get(p.get("institution"))} for p in proposal.people])

    def unmatched(self) -> list[str]:
        """The names the article gives that the registry has not matched."""
        return [form.initial["name"] for form in self.parties.initial_forms
                if form.initial.get("name") and not form.initial.get("institution")]

    def is_valid(self):
        valid = super().is_valid()
        return self.parties.is_valid() & self.people.is_valid() & valid

    def clean(self):
        data = super().clean()
        record, _sep, _kind = (data.get("kind") or "").partition(":")
        if record == "agreement" and data.get("end_date"):
            self.add_error("end_date", _("An agreement has a signing date only here; set its validity on the "
                                         "agreement once it is accepted."))
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("An activity cannot end before it starts."))
        return data

    def changes(self) -> dict:
        data = self.cleaned_data
        record, _sep, kind = data["kind"].partition(":")
        return {
            "record": record, "kind": kind, "title": data["title"], "faculty": data.get("faculty"),
            "start_date": data["start_date"], "end_date": data.get("end_date"),
            "date_precision": data["date_precision"], "mode": data.get("mode") or "",
            "institutions": self.parties.rows(), "people": self.people.rows(),
        }

    def add_refusal(self, error) -> None:
        """The record's rules refused it (review.ReviewError): each message beside its field."""
        where = {"signed_on": "start_date", "signed_precision": "date_precision", "date_precision": "date_precision",
                 "start_date": "start_date", "end_date": "end_date", "title": "title", "faculty": "faculty",
                 "kind": "kind", "signing_mode": "mode"}
        if not error.fields:
            self.add_error(None, str(error))
        for field, messages in error.fields.items():
            for message in messages:
                self.add_error(where.get(field), message)


class MergeForm(forms.Form):
    agreement = forms.ModelChoiceField(label=_("Agreement"), queryset=Agreement.objects.none(), required=False)
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=Activity.objects.none(), required=False)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [i["registry_id"] for i in proposal.institutions if i.get("registry_id")]
        agreements = Agreement.objects.filter(parties__institution_id__in=ids).distinct() if ids else Agreement.objects.all()
        activities = Activity.objects.filter(parties__institution_id__in=ids).distinct() if ids else Activity.objects.all()
        self.fields["agreement"].queryset = agreements.order_by("-signed_on", "-pk")
        self.fields["activity"].queryset = activities.order_by("-start_date", "-pk")

    def clean(self):
        data = super().clean()
        if bool(data.get("agreement")) == bool(data.get("activity")):
            raise forms.ValidationError(_("Choose one agreement or one activity."))
        return data
