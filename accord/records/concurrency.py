"""Optimistic locking for records that carry a `version` integer.

An edit form remembers the version it was opened at. Saving claims that version with a single
`UPDATE ... SET version = version + 1 WHERE pk = ... AND version = expected`; when someone else saved
in between, no row matches, nothing is written and the caller tells the user.
"""

from django.db import transaction
from django.db.models import F


class StaleVersion(Exception):
    """The record changed since the editor loaded it; `current` is the record as it is now."""

    def __init__(self, current):
        self.current = current
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
        update_fields = None if fields is None else sorted({*fields, "version", *_auto_now_fields(model)})
        instance.save(update_fields=update_fields)
    return True


def save_or_raise(instance, expected_version: int, fields: list[str] | None = None) -> None:
    """save_if_unchanged, raising StaleVersion (with the current record) instead of returning False."""
    if not save_if_unchanged(instance, expected_version, fields):
        raise StaleVersion(type(instance)._default_manager.get(pk=instance.pk))


def _auto_now_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
