"""Optimistic locking for records that carry a `version` integer.

An edit form remembers the version it was opened at. Saving claims that version with a single
`UPDATE ... SET version = version + 1 WHERE pk = ... AND version = expected`; when someone else saved
in between, no row matches, nothing is written and the caller tells the user.
"""

from django import forms
from django.db import transaction
from django.db.models import F
from django.utils import timezone


class StaleVersion(Exception):
    """The record changed since the editor loaded it (at version `expected`); `current` is the record
    as it is now."""

    def __init__(self, current, expected: int | None = None):
        self.current = current
        self.expected = expected
        super().__init__(f"{type(current).__name__} {current.pk} is at version {current.version}")


def save_if_unchanged(instance, expected_version: int, fields: list[str] | None = None) -> bool:
    """Save `instance` (only `fields`, if given) when its stored version is still `expected_version`.

    Returns True and leaves `instance.version` at the new version, or False having written nothing.
    Call it inside transaction.atomic() when other rows are saved with it, so they roll back together.
    """
    model = type(instance)
    with transaction.atomic():
        claimed = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not claimed:
            return False
        instance.version = expected_version + 1
        # save() rather than update(): auto_now fields and the audit history see the change.
        update_fields = None if fields is None else sorted(
            {*(f for f in fields if f in _concrete(model)), "version", *_auto_now_fields(model)}
        )
        instance.save(update_fields=update_fields)
    return True


def save_or_raise(instance, expected_version: int, fields: list[str] | None = None) -> None:
    """save_if_unchanged, raising StaleVersion (with the current record) instead of returning False."""
    if not save_if_unchanged(instance, expected_version, fields):
        raise StaleVersion(type(instance)._default_manager.get(pk=instance.pk), expected_version)


def _concrete(model) -> set[str]:
    """The names update_fields accepts (m2m fields are saved apart)."""
    return {f.name for f in model._meta.concrete_fields} | {f.attname for f in model._meta.concrete_fields}


def _auto_now_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]


class VersionedForm(forms.ModelForm):
    """A model form that remembers the version its record was opened at (a hidden `version` field,
    never written from the form: `claim()` compares it)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and hasattr(self.instance, "version"):
            self.initial["version"] = self.instance.version

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0


def describe_conflict(stale: StaleVersion, expected_version: int | None = None):
    """The record as it is now, for the "changed meanwhile" message: who saved it last and when
    (local time), and `changed_fields`: the labels of the fields changed since the version the
    editor opened (read from the audit history)."""
    current = stale.current
    last = current.history.select_related("history_user").order_by("-history_date").first()
    current.saved_by = last.history_user if last else None
    current.saved_at = timezone.localtime(last.history_date) if last else None
    current.kind_label = current._meta.verbose_name
    current.changed_fields = [str(f.verbose_name) for f in changed_since(current, expected_version)]
    return current


def changed_since(current, version: int | None) -> list:
    """The fields of `current` whose value differs from its historical row at `version`."""
    if version is None:
        return []
    opened = current.history.filter(version=version).order_by("-history_date").first()
    if opened is None:
        return []
    changed = []
    for field in current._meta.concrete_fields:
        if field.name in ("version", "id") or getattr(field, "auto_now", False):
            continue
        if not hasattr(opened, field.attname):
            continue
        if getattr(opened, field.attname) != getattr(current, field.attname):
            changed.append(field)
    return changed
