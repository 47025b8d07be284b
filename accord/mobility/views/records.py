"""Views shared by the cooperation-record apps (activities, people, mobility, programs).

Every check goes through accounts.roles.can(): "records.view" to read, "records.add" to create
(a coordinator's records are forced into their faculty), "records.change" on the object to edit
(coordinators: their faculty's records), "records.delete" to delete.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from accord.accounts.refusals import refusal
from accord.accounts.roles import STAFF, can, faculty_of, has_role
from accord.accounts.views import ActionRequiredMixin
from accord.registry.models import Institution, Kind

_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


def require(user, action, obj=None):
    if not can(user, action, obj):
        raise PermissionDenied(refusal(user, action, obj))


class InstitutionIdInput(forms.NumberInput):
    """Institutions can number in the hundred thousands (ROR): pick one by its record id."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": _("partner record id"), **(attrs or {})})


class FacultyScopedForm(forms.ModelForm):
    """A record form with an owning `faculty`: only faculties are offered, and a coordinator
    cannot choose: their records belong to their own faculty."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("faculty")
        if field is None:
            return
        field.queryset = Institution.objects.filter(kind=Kind.FACULTY).order_by("name")
        if user is not None and not has_role(user, STAFF):
            field.disabled = True
            if not self.instance.pk:
                self.initial["faculty"] = getattr(faculty_of(user), "pk", None)


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    changes: list[str]
    reason: str


def history(obj, *, related=(), hidden=(), limit=100) -> list[Entry]:
    """The audit trail of a record and of its child rows, newest first.

    `related` holds (historical manager filtered to this record, label) pairs; `hidden` names
    fields whose values must not be shown (contact data).
    """

    def who(r):
        return r.history_user.get_username() if r.history_user else "system"

    def changes(r):
        previous = r.prev_record
        if previous is None:
            return []
        delta = r.diff_against(previous)
        return [
            f"{c.field}: …" if c.field in hidden else f"{c.field}: {c.old!r} → {c.new!r}" for c in delta.changes
        ]

    entries = [
        Entry(r.history_date, who(r), f"record {_TYPES[r.history_type]}", changes(r), r.history_change_reason or "")
        for r in obj.history.select_related("history_user").order_by("-history_date")[:limit]
    ]
    for rows, label in related:
        for r in rows.select_related("history_user").order_by("-history_date")[:limit]:
            entries.append(
                Entry(r.history_date, who(r), f"{label} {r.instance} {_TYPES[r.history_type]}", [],
                      r.history_change_reason or "")
            )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


class RecordListView(ActionRequiredMixin, FilterView):
    """A filtered, paginated list; an htmx request aimed at #results gets the results alone."""

    action = "records.view"
    paginate_by = 50
    results_template = ""

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return [self.results_template]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context


class RecordDetailView(ActionRequiredMixin, DetailView):
    action = "records.view"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            can_change=can(user, "records.change", self.object),
            can_delete=can(user, "records.delete", self.object),
            history=self.get_history(),
            **kwargs,
        )

    def get_history(self):
        return history(self.object)


def edit_record(request, *, model, form_class, template, pk=None, formsets=(), list_url, extra=None):
    """Create (pk None) or edit a record with its inline formsets, after checking can().

    `formsets` holds (prefix, FormSet class, heading) triples; the record and its rows are saved together.
    """
    instance = get_object_or_404(model, pk=pk) if pk is not None else None
    if instance is None:
        require(request.user, "records.add")
    else:
        require(request.user, "records.change", instance)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=instance, user=request.user)
    sets = [cls(data, instance=instance or model(), prefix=prefix) for prefix, cls, _heading in formsets]
    if data is not None and form.is_valid() and all(s.is_valid() for s in sets):
        with transaction.atomic():
            record = form.save()
            for formset in sets:
                formset.instance = record
                formset.save()
        messages.success(request, _("Saved."))
        return redirect(record)
    context = {
        "form": form,
        "formsets": [(heading, s) for (_prefix, _cls, heading), s in zip(formsets, sets)],
        "object": instance,
        "title": _("Edit") if instance else _("New"),
        "cancel_url": instance.get_absolute_url() if instance else list_url,
        **(extra or {}),
    }
    return render(request, template, context)


def delete_record(request, *, model, pk, list_url):
    """Ask, then delete; a record still referenced elsewhere is kept with a message."""
    record = get_object_or_404(model, pk=pk)
    require(request.user, "records.delete", record)
    if request.method == "POST":
        try:
            record.delete()
        except ProtectedError:
            messages.error(request, _("This record is still referenced by other records and was not deleted."))
            return redirect(record)
        messages.success(request, _("Deleted."))
        return redirect(list_url)
    return render(request, "mobility/confirm_delete.html", {"object": record, "cancel_url": record.get_absolute_url()})
