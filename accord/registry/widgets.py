"""Form widgets that choose institutions from the registry: an accessible combobox (tom-select,
accord/static/accord/picker.js) over the registry's lookup service.

The field stays a ModelChoiceField (ModelMultipleChoiceField): the value sent is the institution's
id and validation is unchanged. The page carries only the chosen institutions as <option>s (a
registry may hold every institution in the world); the browser asks `registry:lookup-json` for the
rest as the user types.
"""

import json

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from accord.registry.models import Institution

LOOKUP_URL = reverse_lazy("registry:lookup-json")


def option_data(institution: Institution) -> dict:
    """What the picker shows of an institution: one shape for the page, the lookup JSON and "Add …"."""
    return {
        "id": institution.pk,
        "name": institution.name,
        "local_name": institution.local_name,
        "country": institution.country_id or "",
        "country_name": institution.country.display_name if institution.country_id else "",
        "kind": institution.kind,
        "kind_label": str(institution.get_kind_display()),
    }


def options_data(ids) -> dict[int, dict]:
    """option_data of the institutions `ids`, by id (one query)."""
    found = Institution.objects.filter(pk__in=list(ids)).select_related("country")
    return {inst.pk: option_data(inst) for inst in found}


def picker_texts() -> dict[str, str]:
    """The picker's words, in the page's language (picker.js puts %(name)s through its escaping)."""
    return {
        "add": str(_("Add %(name)s…")),
        "none": str(_("No institution by that name")),
        "searching": str(_("Searching…")),
        "type": str(_("Type a name, local name or acronym")),
        "failed": str(_("Could not add the partner.")),
        "added": str(_("Added %(name)s to the registry.")),
        "remove": str(_("Remove")),
    }


class _Picker:
    """Renders only the chosen institutions as options, each with its picker data."""

    def __init__(self, attrs=None):
        super().__init__({"data-picker": "institution", "aria-label": _("Institution"), **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-lookup-url"] = str(LOOKUP_URL)
        context["widget"]["attrs"]["data-placeholder"] = str(_("Type a name, local name or acronym"))
        context["widget"]["attrs"]["data-texts"] = json.dumps(picker_texts(), ensure_ascii=False)
        return context

    def optgroups(self, name, value, attrs=None):
        chosen = []
        for item in value:
            try:
                chosen.append(int(str(item)))
            except ValueError:
                continue
        data = options_data(chosen) if chosen else {}
        # the field's own empty choice ("All" in a filter, "---------" in a form): tom-select keeps it out
        # of the list, a page read without JavaScript shows it
        field = getattr(self.choices, "field", None)
        empty = str(field.empty_label) if getattr(field, "empty_label", None) is not None else ""
        options = [] if self.allow_multiple_selected else [self.create_option(name, "", empty, False, 0)]
        for index, pk in enumerate(chosen, start=len(options)):
            if pk in data:
                option = self.create_option(name, str(pk), data[pk]["name"], True, index)
                option["attrs"]["data-data"] = json.dumps(data[pk], ensure_ascii=False)
                options.append(option)
        return [(None, options, 0)]


class InstitutionPicker(_Picker, forms.Select):
    """Pick one institution of the registry by any of its names."""


class InstitutionsPicker(_Picker, forms.SelectMultiple):
    """Pick several institutions of the registry by any of their names."""
