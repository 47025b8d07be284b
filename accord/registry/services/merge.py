"""Merge a duplicate institution record into the one that survives.

Everything that points at the duplicate moves to the survivor, in one transaction: its names
(plus its canonical and local name, as an alias and a label), identifiers, units, predecessors,
network memberships and every row of any model with a ForeignKey, OneToOneField or ManyToManyField
to Institution (found through Institution._meta.related_objects, so models of apps written later
are covered). Rows that would duplicate one the survivor already has are deleted instead of moved.
The duplicate row stays, with status "merged" and successor = survivor, and the history of both
records says who merged what.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Q

from accord.registry.models import ExternalId, Institution, InstitutionName, NameKind, Status

# Blank fields of the survivor that the duplicate's values fill.
FILL_FIELDS = ("website", "city", "region", "country", "established", "local_name", "local_language")
UNIQUE_CODES = ("ror_id", "schac", "erasmus_code")


class MergeError(Exception):
    """The two records cannot be merged as asked; nothing was changed."""


@dataclass
class MergeReport:
    survivor: Institution
    duplicate: Institution
    reason: str
    moved: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    filled: list[str] = field(default_factory=list)

    def count(self, table: dict, label: str, n: int = 1):
        table[label] = table.get(label, 0) + n


def _who(by) -> str:
    if by is None:
        return "system"
    if hasattr(by, "get_username"):
        return by.get_username()
    return str(by)


def _stamp(obj, reason: str, by):
    """Make the next save of `obj` record `reason` (and the user) in its simple_history row."""
    obj._change_reason = reason
    if hasattr(by, "get_username") and getattr(by, "pk", None):
        obj._history_user = by


def merge(survivor: Institution, duplicate: Institution, *, by=None) -> MergeReport:
    """Merge `duplicate` into `survivor`; returns what moved. Raises MergeError before changing anything."""
    with transaction.atomic():
        survivor = Institution.objects.select_for_update().get(pk=survivor.pk)
        duplicate = Institution.objects.select_for_update().get(pk=duplicate.pk)
        _check(survivor, duplicate)
        reason = f"merged #{duplicate.pk} into #{survivor.pk} by {_who(by)}"
        report = MergeReport(survivor, duplicate, reason)

        _merge_names(survivor, duplicate, report, by)
        _move_identifiers(survivor, duplicate, report, by)
        _move_related(survivor, duplicate, report, by)
        _fill_blanks(survivor, duplicate, report)

        duplicate.status = Status.MERGED
        duplicate.successor = survivor
        duplicate.is_public = False
        _stamp(duplicate, reason, by)
        duplicate.save()
        _stamp(survivor, reason, by)
        survivor.save()
    return report


def _check(survivor: Institution, duplicate: Institution):
    if survivor.pk == duplicate.pk:
        raise MergeError("An institution cannot be merged into itself.")
    if duplicate.status == Status.MERGED:
        raise MergeError(f"#{duplicate.pk} {duplicate.name} has already been merged.")
    if survivor.status == Status.MERGED:
        raise MergeError(f"#{survivor.pk} {survivor.name} has been merged into another record; merge into that one.")
    if duplicate.is_home:
        raise MergeError("The home university cannot be merged away; keep it as the surviving record.")
    if survivor.ror_id and duplicate.ror_id and survivor.ror_id != duplicate.ror_id:
        raise MergeError(
            f"Conflicting ROR ids: #{survivor.pk} has {survivor.ror_id} and #{duplicate.pk} has {duplicate.ror_id}. "
            "Two ROR records are two institutions; fix the ROR id of one of them first."
        )


def _merge_names(survivor, duplicate, report, by):
    existing = {(n.name, n.kind) for n in survivor.names.all()}
    taken = {name for name, _ in existing} | {survivor.name}
    for name in duplicate.names.all():
        if (name.name, name.kind) in existing or name.name == survivor.name:
            _stamp(name, report.reason, by)
            name.delete()
            report.count(report.dropped, "names")
            continue
        name.institution = survivor
        _stamp(name, report.reason, by)
        name.save()
        existing.add((name.name, name.kind))
        taken.add(name.name)
        report.count(report.moved, "names")
    extra = [(duplicate.name, NameKind.ALIAS, "")]
    if duplicate.local_name:
        extra.append((duplicate.local_name, NameKind.LABEL, duplicate.local_language))
    for text, kind, language in extra:
        if text in taken or (kind == NameKind.LABEL and not survivor.local_name):
            continue  # the survivor already has it (a blank local name is filled instead)
        name = InstitutionName(institution=survivor, name=text, kind=kind, language=language)
        _stamp(name, report.reason, by)
        name.save()
        taken.add(text)
        report.count(report.moved, "names")


def _move_identifiers(survivor, duplicate, report, by):
    for ext in duplicate.external_ids.all():
        ext.institution = survivor
        _stamp(ext, report.reason, by)
        ext.save()
        report.count(report.moved, "external ids")
    # ROR, SCHAC and Erasmus codes are unique: free them on the duplicate before the survivor takes them.
    freed = {}
    for code in UNIQUE_CODES:
        value = getattr(duplicate, code)
        if value and value != getattr(survivor, code):
            freed[code] = value
            setattr(duplicate, code, None)
    if freed:
        _stamp(duplicate, report.reason, by)
        duplicate.save(update_fields=[*freed, "updated_at", "search_key"])
    for code, value in freed.items():
        if not getattr(survivor, code):
            setattr(survivor, code, value)
            report.filled.append(code)
        else:  # a different SCHAC or Erasmus code: keep it as an extra identifier
            scheme = code.removesuffix("_code").removesuffix("_id")
            if not ExternalId.objects.filter(scheme=scheme, value=value).exists():
                ext = ExternalId(institution=survivor, scheme=scheme, value=value)
                _stamp(ext, report.reason, by)
                ext.save()
                report.count(report.moved, "external ids")


def _fill_blanks(survivor, duplicate, report):
    for name in FILL_FIELDS:
        if name == "local_language" and "local_name" not in report.filled:
            continue
        if getattr(survivor, name) in (None, "") and getattr(duplicate, name) not in (None, ""):
            setattr(survivor, name, getattr(duplicate, name))
            report.filled.append(name)
    if survivor.latitude is None and duplicate.latitude is not None:
        survivor.latitude, survivor.longitude = duplicate.latitude, duplicate.longitude
        report.filled.append("coordinates")
    domains = list(survivor.domains or [])
    for domain in duplicate.domains or []:
        if domain not in domains:
            domains.append(domain)
    if domains != (survivor.domains or []):
        survivor.domains = domains
        report.filled.append("domains")
    if duplicate.is_public and not survivor.is_public:
        survivor.is_public = True
        report.filled.append("is_public")
    if duplicate.notes and duplicate.notes not in survivor.notes:
        survivor.notes = (survivor.notes + "\n\n" if survivor.notes else "") + (
            f"From #{duplicate.pk} {duplicate.name}: {duplicate.notes}"
        )
        report.filled.append("notes")


# Relations handled above (names, external ids) or on the two rows themselves.
_HANDLED = {(InstitutionName, "institution"), (ExternalId, "institution")}


def _move_related(survivor, duplicate, report, by):
    """Point every other row that refers to the duplicate at the survivor, whatever app it belongs to."""
    for rel in _relations():
        model = rel.related_model
        if rel.many_to_many:
            _move_m2m(rel, survivor, duplicate, report)
            continue
        fk = rel.field
        if (model, fk.name) in _HANDLED:
            continue
        label = rel.get_accessor_name() or ""
        if not label or label.endswith("+"):
            label = f"{model._meta.label_lower}.{fk.name}"
        rows = model._default_manager.filter(**{fk.name: duplicate})
        if model is Institution:
            rows = rows.exclude(pk=survivor.pk)
        for row in rows:
            if _would_clash(row, fk, survivor):
                _stamp(row, report.reason, by)
                row.delete()
                report.count(report.dropped, label)
                continue
            setattr(row, fk.name, survivor)
            _stamp(row, report.reason, by)
            row.save()
            report.count(report.moved, label)
        if model is Institution:
            # the survivor itself may have pointed at the duplicate (a unit of it, or its predecessor)
            if getattr(survivor, fk.attname) == duplicate.pk:
                setattr(survivor, fk.attname, getattr(duplicate, fk.attname))
                if getattr(survivor, fk.attname) == survivor.pk:
                    setattr(survivor, fk.attname, None)


def _move_m2m(rel, survivor, duplicate, report):
    """A ManyToManyField to Institution declared on another model: only auto-created through tables here;
    an explicit through model has its own ForeignKey and is moved like any other row."""
    m2m = rel.field
    through = m2m.remote_field.through
    if not through._meta.auto_created:
        return
    target_column = m2m.m2m_reverse_field_name()  # the through table's FK to Institution
    source_column = m2m.m2m_field_name()
    mine = through.objects.filter(**{target_column: duplicate})
    theirs = set(through.objects.filter(**{target_column: survivor}).values_list(f"{source_column}_id", flat=True))
    label = rel.get_accessor_name() or m2m.name
    for row in mine:
        if getattr(row, f"{source_column}_id") in theirs:
            row.delete()
            report.count(report.dropped, label)
        else:
            setattr(row, target_column, survivor)
            row.save()
            report.count(report.moved, label)


def _would_clash(row, fk, survivor) -> bool:
    """Would `row`, pointed at the survivor, break a unique constraint the survivor's rows already hold?"""
    model = type(row)
    groups = [list(group) for group in model._meta.unique_together if fk.name in group]
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and fk.name in constraint.fields and constraint.condition is None:
            groups.append(list(constraint.fields))
    if fk.unique:
        groups.append([fk.name])
    for group in groups:
        lookup = Q(**{fk.name: survivor})
        for name in group:
            if name != fk.name:
                lookup &= Q(**{model._meta.get_field(name).attname: getattr(row, model._meta.get_field(name).attname)})
        if model._default_manager.filter(lookup).exclude(pk=row.pk).exists():
            return True
    return False


def _relations():
    """Every relation pointing at Institution: Institution._meta.related_objects plus hidden ones
    (related_name="+", such as Profile.faculty), without simple_history's historical models and
    without auto-created M2M through tables (their ManyToManyRel is handled instead)."""
    relations = list(Institution._meta.related_objects)
    for rel in Institution._meta.get_fields(include_hidden=True):
        if rel.auto_created and not rel.concrete and rel.is_relation and rel not in relations:
            relations.append(rel)
    out = []
    for rel in relations:
        model = rel.related_model
        if getattr(model, "_meta", None) is None or _is_history_model(model):
            continue
        if not rel.many_to_many and model._meta.auto_created:
            continue
        out.append(rel)
    return out


def _is_history_model(model) -> bool:
    return hasattr(model, "instance_type") and model.__name__.startswith("Historical")
