"""One readable history for every record: who changed what and when (local time), each change once,
with field labels and display values ("Status: Draft → Signed", "Partner institutions: added
Universidad de Chile") rather than stored values.

`history(obj, parts=..., hidden=...)` merges a record's own audit trail (simple-history) with that of
its child rows (parties, names, quotas, ...), newest first.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accord.lib.limits import HISTORY_LIMIT

SKIPPED = {"version"}  # bookkeeping, not a change anyone made
_VERBS = {"+": gettext_lazy("record created"), "~": gettext_lazy("record changed"), "-": gettext_lazy("record deleted")}
_PART_VERBS = {
    "+": gettext_lazy("%(part)s added: %(name)s"),
    "~": gettext_lazy("%(part)s changed: %(name)s"),
    "-": gettext_lazy("%(part)s removed: %(name)s"),
}
# The names of the child rows callers pass as `parts` labels, marked for translation (shown with gettext).
PART_LABELS = (
    gettext_noop("party"), gettext_noop("quota"), gettext_noop("signatory"), gettext_noop("document"),
    gettext_noop("name"), gettext_noop("identifier"), gettext_noop("membership"), gettext_noop("partner"),
    gettext_noop("step"), gettext_noop("file"),
)


@dataclass
class Change:
    label: str
    old: str
    new: str

    def __str__(self):
        return f"{self.label}: {self.old} → {self.new}"


@dataclass
class Entry:
    when: datetime  # local time
    who: str
    what: str
    changes: list = field(default_factory=list)
    reason: str = ""


def _who(record) -> str:
    user = record.history_user
    return user.get_username() if user else _("system")


def display(model_field, value) -> str:
    """A stored value as a person reads it: a choice's label, a related record's name, yes/no, a list."""
    if value is None or value == "" or value == []:
        return "—"
    if model_field is None:
        return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.many_to_many or model_field.one_to_many:
        return _related_names(model_field, value)
    if model_field.is_relation:
        try:
            return str(model_field.related_model._default_manager.get(pk=value))
        except (ObjectDoesNotExist, ValueError, TypeError):
            return f"#{value}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value.isoformat()
    return str(value)


def _related_names(model_field, rows) -> str:
    """simple-history stores a many-to-many value as [{'application': 6, 'institution': 17}]: name the other side."""
    target = model_field.related_model
    ids = []
    for row in rows:
        if isinstance(row, dict):
            ids += [v for k, v in row.items() if k == target._meta.model_name or k == model_field.m2m_reverse_field_name()]
        else:
            ids.append(row)
    names = {o.pk: str(o) for o in target._default_manager.filter(pk__in=ids)}
    return "; ".join(names.get(i, f"#{i}") for i in ids) or "—"


def changes(record, hidden=()) -> list[Change]:
    previous = record.prev_record
    if previous is None:
        return []
    model = record.instance_type
    out = []
    for delta in record.diff_against(previous).changes:
        if delta.field in SKIPPED:
            continue
        try:
            model_field = model._meta.get_field(delta.field)
        except Exception:
            model_field = None
        # a verbose name given as a plain string is looked up in the catalog (form labels carry the same text)
        label = _(capfirst(str(model_field.verbose_name))) if model_field is not None else delta.field
        if delta.field in hidden:
            out.append(Change(label, "…", "…"))
        else:
            out.append(Change(label, display(model_field, delta.old), display(model_field, delta.new)))
    return out


def _describe(record) -> str:
    try:
        return str(record.instance)
    except Exception:  # a related row that no longer exists
        return f"#{record.id}"


def history(obj, *, parts=(), hidden=(), limit: int = HISTORY_LIMIT) -> list[Entry]:
    """The audit trail of `obj` and of its child rows, newest first, each change once.

    `parts` holds (historical manager filtered to this record, label) pairs; `hidden` names fields
    whose values must not be shown (contact data).
    """
    entries = []
    for r in obj.history.select_related("history_user").order_by("-history_date")[:limit]:
        found = changes(r, hidden)
        if r.history_type == "~" and not found and not r.history_change_reason:
            continue  # a save that changed nothing a person sees
        entries.append(Entry(timezone.localtime(r.history_date), _who(r), str(_VERBS[r.history_type]),
                             found, r.history_change_reason or ""))
    for rows, label in parts:
        for r in rows.select_related("history_user").order_by("-history_date")[:limit]:
            entries.append(Entry(timezone.localtime(r.history_date), _who(r),
                                 _PART_VERBS[r.history_type] % {"part": _(label), "name": _describe(r)},
                                 changes(r, hidden),
                                 r.history_change_reason or ""))
    seen, unique = set(), []
    for entry in sorted(entries, key=lambda e: e.when, reverse=True):
        key = (entry.when, entry.who, entry.what, tuple(str(c) for c in entry.changes))
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    return unique[:limit]
