"""Form fields for imported table cells: choices by code or label, yes/no, ISO dates, countries,
and institutions resolved through the registry lookup (unambiguous matches only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.registry.models import Country, Institution, Status
from accord.registry.services.lookup import lookup

# A name resolves only when its best match scores at least this and leads the next one clearly.
SURE_SCORE = 95
LEAD = 2
_REGISTRY_ID = re.compile(r"^#?\s*(\d+)$")
_WITH_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


def _fold(text) -> str:
    return " ".join(str(text).split()).casefold()


class LabelChoiceField(forms.ChoiceField):
    """A choice given by its code ("student_exchange") or its label ("Student exchange")."""

    def __init__(self, *, choices, **kwargs):
        super().__init__(choices=choices, **kwargs)
        self.by_text = {}
        for value, label in choices:
            self.by_text[_fold(value)] = value
            self.by_text.setdefault(_fold(label), value)

    def to_python(self, value):
        text = super().to_python(value)
        return self.by_text.get(_fold(text), text) if text else text

    def validate(self, value):
        if value and value not in self.by_text.values():
            raise forms.ValidationError(
                _("unknown value %(value)r; use one of: %(choices)s")
                % {"value": value, "choices": ", ".join(str(v) for v in dict.fromkeys(self.by_text.values()))}
            )
        super().validate(value)


class YesNoField(forms.Field):
    TRUE = {"yes", "y", "true", "1", "x", "是"}
    FALSE = {"no", "n", "false", "0", "", "否"}

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        text = _fold(value if value is not None else "")
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError(_("expected yes or no, got %(value)r") % {"value": value})

    def validate(self, value):
        pass


class IsoDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": gettext_lazy("expected a date like 2024-05-31")}

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("expected a date like 2024-05-31, got %(value)r") % {"value": value}
            ) from None


class CountryField(forms.Field):
    """An ISO 3166 alpha-2 or alpha-3 code, or a name of the country (English, common or Chinese)."""

    def to_python(self, value):
        text = _fold(value or "")
        if not text:
            return None
        cache = getattr(self, "cache", {})
        table = cache.get("countries") or cache.setdefault("countries", _countries())
        if text not in table:
            raise forms.ValidationError(_("unknown country %(value)r") % {"value": value})
        return table[text]


def _countries() -> dict[str, Country]:
    out = {}
    for country in Country.objects.order_by("code"):
        for key in (country.code, country.alpha3, country.name, country.official_name, country.name_zh,
                    *(country.alt_names or [])):
            if key:
                out.setdefault(_fold(key), country)
    return out


def resolve_institution(text: str) -> Institution:
    """The registry institution `text` names: "#123" or 123 (a registry id), or a name that the
    lookup matches unambiguously. Raises ValidationError with the reason otherwise."""
    text = " ".join(str(text).split())
    by_id = _REGISTRY_ID.match(text)
    if by_id:
        inst = Institution.objects.filter(pk=int(by_id[1])).select_related("successor").first()
        if inst is None:
            raise forms.ValidationError(_("no registry institution has id %(id)s") % {"id": by_id[1]})
        if inst.status == Status.MERGED:
            raise forms.ValidationError(
                _("registry institution #%(id)s was merged into %(other)s") % {"id": inst.pk, "other": inst.successor}
            )
        return inst
    matches = lookup(text, limit=3)
    if not matches or matches[0].score < SURE_SCORE:
        hint = (
            _(" (closest: %(name)s #%(id)s); give its registry id as #ID if it is the one")
            % {"name": matches[0].name, "id": matches[0].id}
            if matches else ""
        )
        raise forms.ValidationError(
            _("no registry institution matches %(text)r%(hint)s") % {"text": text, "hint": hint}
        )
    if len(matches) > 1 and matches[1].score > matches[0].score - LEAD:
        raise forms.ValidationError(
            _("%(text)r is ambiguous: %(names)s; give the registry id as #ID")
            % {"text": text, "names": _(" or ").join(f"{m.name} (#{m.id})" for m in matches[:3])}
        )
    return Institution.objects.get(pk=matches[0].id)


class InstitutionField(forms.Field):
    def to_python(self, value):
        text = str(value if value is not None else "").strip()
        return resolve_institution(text) if text else None


@dataclass(frozen=True)
class Party:
    institution: Institution
    role: str
    role_label: str

    def __str__(self):
        return f"{self.institution} (#{self.institution.pk}, {self.role_label})"


class PartiesField(forms.Field):
    """Institutions separated by ';', each optionally followed by its role in parentheses:
    "Hanyang University (guest); #42 (host)". Every name is resolved; all the problems are reported."""

    def __init__(self, *, roles, default_role, **kwargs):
        super().__init__(**kwargs)
        self.roles = roles
        self.default_role = default_role
        self.labels = dict(roles)
        self.by_text = {}
        for value, label in roles:
            self.by_text[_fold(value)] = value
            self.by_text.setdefault(_fold(label), value)

    def split(self, text: str) -> list[tuple[str, str]]:
        items = []
        for item in str(text).split(";"):
            item = item.strip()
            if not item:
                continue
            name, role = item, self.default_role
            match = _WITH_ROLE.match(item)
            if match and _fold(match["role"]) in self.by_text:
                name, role = match["name"], self.by_text[_fold(match["role"])]
            items.append((name, role))
        return items

    def to_python(self, value):
        items = self.split(value if value is not None else "")
        parties, problems = [], []
        for name, role in items:
            try:
                parties.append(Party(resolve_institution(name), role, str(self.labels[role])))
            except forms.ValidationError as exc:
                problems.extend(exc.messages)
        if problems:
            raise forms.ValidationError(problems)
        seen = set()
        for party in parties:
            if (party.institution.pk, party.role) in seen:
                raise forms.ValidationError(
                    _("%(name)s is listed twice") % {"name": party.institution}
                )
            seen.add((party.institution.pk, party.role))
        return parties


class UnitField(forms.Field):
    """A unit of the home university (an owning faculty) by name, local name or #id."""

    def __init__(self, *, queryset, **kwargs):
        super().__init__(**kwargs)
        self.queryset = queryset

    def to_python(self, value):
        text = " ".join(str(value if value is not None else "").split())
        if not text:
            return None
        by_id = _REGISTRY_ID.match(text)
        cache = getattr(self, "cache", {})
        key = ("units", id(self.queryset))
        units = cache.get(key) or cache.setdefault(key, list(self.queryset()))
        if by_id:
            unit = next((u for u in units if u.pk == int(by_id[1])), None)
        else:
            unit = next((u for u in units if _fold(text) in (_fold(u.name), _fold(u.local_name or ""))), None)
        if unit is None:
            raise forms.ValidationError(_("no faculty of the home university is called %(text)r") % {"text": text})
        return unit


class ListField(forms.Field):
    """Values separated by ';' (ISCED codes)."""

    def to_python(self, value):
        return [item.strip() for item in str(value if value is not None else "").split(";") if item.strip()]
