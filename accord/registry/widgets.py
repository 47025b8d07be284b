"""Form widgets that choose institutions from the registry."""

from django import forms
from django.utils.translation import gettext_lazy as _


class InstitutionPicker(forms.NumberInput):
    """Pick one institution of the registry (institutions can number in the hundred thousands)."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": _("partner record id"), **(attrs or {})})
