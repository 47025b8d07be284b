"""Writing a record the one way: validated, with its audit trail, under its version lock.

The apps' services (`accord.activities.services`, `accord.mobility.services`, ...) call
`save_record()` with their own rules; the web views, the API, the importers and the newsroom call
those services, never `save()` directly.
"""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from accord.lib.limits import BATCH_SIZE, CHANGE_REASON_LENGTH
from accord.records.concurrency import save_or_raise
from accord.records.signals import records_created


def save_record(instance, *, by, expected_version: int | None = None, fields: list[str] | None = None,
                write_children: Callable | None = None, reason: str = "",
                rules: Callable | None = None):
    """Create (no pk) or update `instance`.

    `rules(instance)` returns more {field: [message]} problems than the model's own validation;
    any problem raises one ValidationError and nothing is written. An update of a versioned record
    claims `expected_version` (StaleVersion when someone saved meanwhile). `write_children(instance)`
    runs in the same transaction (inline rows, parties).
    """
    errors = problems(instance, rules)
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


def problems(instance, rules: Callable | None = None) -> dict[str, list[str]]:
    """What stops `instance` from being saved: the model's own validation, then `rules(instance)`,
    as {field: [message]} (each message once); empty when it may be saved."""
    errors: dict = {}
    try:
        instance.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for field, messages in (rules(instance) if rules else {}).items():
        for message in messages:
            if message not in errors.get(field, []):
                errors.setdefault(field, []).append(message)
    return errors


def create_records(instances: Iterable, *, by, reason: str = "", rules: Callable | None = None) -> list:
    """Create many new records of one model in a few statements (the demo, large imports).

    Each record is checked once, as save_record() checks one (its validation, then `rules`), before
    anything is written: a single problem raises one ValidationError naming the record, and nothing
    is written. The records and their history rows (who: `by`, why: `reason`) are then inserted in
    batches of BATCH_SIZE; no post_save fires per row, `records_created` is sent once instead.
    """
    instances = list(instances)
    if not instances:
        return []
    for instance in instances:
        errors = problems(instance, rules)
        if errors:
            raise ValidationError({f"{instance}: {field}": messages for field, messages in errors.items()})
    model = type(instances[0])
    with transaction.atomic():
        if _has_history(model):
            written = bulk_create_with_history(instances, model, batch_size=BATCH_SIZE, default_user=by,
                                               default_change_reason=reason[:CHANGE_REASON_LENGTH] or None)
        else:
            written = model._default_manager.bulk_create(instances, batch_size=BATCH_SIZE)
        records_created.send(sender=model, instances=written)
    return written


def _has_history(model) -> bool:
    try:
        get_history_manager_for_model(model)
    except NotHistoricalModelError:
        return False
    return True


def upsert(model, lookup: dict, values: dict, *, by=None, reason: str = "", save: Callable = save_record):
    """The record `lookup` finds, created with `values` when there is none, or updated where it
    differs from `values` — through `save` (an app's service, by default save_record) — so that
    running the same load twice writes nothing (and no history) the second time."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        return save(model(**lookup, **values), by=by, reason=reason)
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        save(instance, by=by, reason=reason, expected_version=getattr(instance, "version", None), fields=changed)
    return instance
