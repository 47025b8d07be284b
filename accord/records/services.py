"""Writing a record the one way: validated, with its audit trail, under its version lock.

The apps' services (`accord.activities.services`, `accord.mobility.services`, ...) call
`save_record()` with their own rules; the web views, the API, the importers and the newsroom call
those services, never `save()` directly.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction

from accord.lib.limits import CHANGE_REASON_LENGTH
from accord.records.concurrency import save_or_raise


def save_record(instance, *, by, expected_version: int | None = None, fields: list[str] | None = None,
                write_children: Callable | None = None, reason: str = "",
                rules: Callable | None = None):
    """Create (no pk) or update `instance`.

    `rules(instance)` returns more {field: [message]} problems than the model's own validation;
    any problem raises one ValidationError and nothing is written. An update of a versioned record
    claims `expected_version` (StaleVersion when someone saved meanwhile). `write_children(instance)`
    runs in the same transaction (inline rows, parties).
    """
    errors: dict = {}
    try:
        instance.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for field, messages in (rules(instance) if rules else {}).items():
        for message in messages:
            if message not in errors.get(field, []):
                errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)
    instance._history_user = by
    if reason:
        instance._change_reason = reason[:CHANGE_REASON_LENGTH]
    with transaction.atomic():
        if instance.pk is None or not hasattr(instance, "version"):
            instance.save()
        else:
            save_or_raise(instance, expected_version or 0, fields=fields)
        if write_children is not None:
            write_children(instance)
    return instance
