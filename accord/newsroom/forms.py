import re
from pathlib import Path

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from accord.records.files import check_size
from accord.activities.models import Activity
from accord.agreements.models import Agreement
from accord.newsroom.models import EVENT_TYPES, MODES
from accord.newsroom.services.ingest import SUFFIX_FORMATS, SUPPORTED

DATE_PATTERN = re.compile(r"^(\d{4}-\d{2}(-\d{2})?|--\d{2}(-\d{2})?)$")


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


def _rows(value: str, width: int, what: str):
    rows = []
    for number, line in enumerate(value.splitlines(), 1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > width:
            raise forms.ValidationError(
                _("%(what)s line %(n)s has %(got)s fields separated by |; at most %(max)s.")
                % {"what": what, "n": number, "got": len(cells), "max": width})
        rows.append((number, cells + [""] * (width - len(cells))))
    return rows


class ProposalEditForm(forms.Form):
    event_type = forms.ChoiceField(label=_("Event type"), choices=EVENT_TYPES)
    date = forms.CharField(label=_("Date"), required=False, help_text=_("2021-08-30, 2021-08 or empty"))
    mode = forms.ChoiceField(label=_("Mode"), choices=[("", _("Unknown"))] + MODES, required=False)
    institutions = forms.CharField(
        label=_("Parties"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line: role (home or partner) | name | country code | registry id (optional)"),
    )
    people = forms.CharField(
        label=_("People"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line: name | title | institution name"),
    )

    @classmethod
    def initial_for(cls, proposal) -> dict:
        return {
            "event_type": proposal.event_type,
            "date": proposal.date,
            "mode": proposal.mode,
            "institutions": "\n".join(
                " | ".join([i.get("role") or "partner", i.get("name") or "", i.get("country") or "",
                            str(i.get("registry_id") or "")]) for i in proposal.institutions),
            "people": "\n".join(
                " | ".join([p.get("name") or "", p.get("role") or "", p.get("institution") or ""])
                for p in proposal.people),
        }

    def clean_date(self):
        value = self.cleaned_data["date"].strip()
        if value and not DATE_PATTERN.match(value):
            raise forms.ValidationError(_("Write the date as 2021-08-30, 2021-08 or --08-30."))
        return value

    def clean_institutions(self):
        out = []
        for number, (role, name, country, registry_id) in _rows(self.cleaned_data["institutions"], 4, _("Parties")):
            if role not in ("home", "partner"):
                raise forms.ValidationError(_("Parties line %(n)s: the role must be home or partner.") % {"n": number})
            if not name:
                raise forms.ValidationError(_("Parties line %(n)s: the name is missing.") % {"n": number})
            if registry_id and not registry_id.isdigit():
                raise forms.ValidationError(_("Parties line %(n)s: the registry id must be a number.") % {"n": number})
            if country and not re.fullmatch(r"[A-Za-z]{2}", country):
                raise forms.ValidationError(_("Parties line %(n)s: the country is a two-letter code.") % {"n": number})
            row = {"name": name, "country": country.upper() or None, "role": role}
            if registry_id:
                row["registry_id"] = int(registry_id)
            out.append(row)
        if not out:
            raise forms.ValidationError(_("Name at least one party."))
        return out

    def clean_people(self):
        return [{"name": name, "role": role, "institution": institution or None}
                for _, (name, role, institution) in _rows(self.cleaned_data["people"], 3, _("People")) if name]


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
