"""Views shared by the cooperation-record apps (activities, people, mobility, programs).

Every check goes through accounts.roles.can(): "records.view" to read, "records.add" to create
(a coordinator's records are forced into their faculty), "records.change" on the object to edit
(coordinators: their faculty's records), "records.delete" to delete.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from accord.accounts.refusals import refusal
from accord.accounts.roles import STAFF, can, faculty_of, has_role
from accord.accounts.views import ActionRequiredMixin
from accord.lib.limits import PAGE_SIZE
from accord.records.concurrency import StaleVersion, VersionedForm, describe_conflict
from accord.records.history import history
from accord.records.services import save_record
from accord.registry.models import Institution


def require(user, action, obj=None):
    if not can(user, action, obj):
        raise PermissionDenied(refusal(user, action, obj))


class FacultyScopedForm(VersionedForm):
    """A record form with an owning `faculty`: only faculties are offered, and a coordinator
    cannot choose: their records belong to their own faculty."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("faculty")
        if field is None:
            return
        field.queryset = Institution.objects.home_units()
        if user is not None and not has_role(user, STAFF):
            field.disabled = True
            if not self.instance.pk:
                self.initial["faculty"] = getattr(faculty_of(user), "pk", None)


class FilteredListView(FilterView):
    """A filtered, paginated list whose filters live in the URL; an htmx request aimed at #results gets
    the results alone, and the address bar is set to the filters that were chosen (empty ones left out:
    `?status=active`, not `?q=&kind=&status=active&...`). The page links keep the filters
    (`querystring`, the chosen filters less the page)."""

    paginate_by = PAGE_SIZE
    results_template = ""

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return [self.results_template]
        return [self.template_name]

    def chosen_query(self):
        """The request's query without empty values."""
        query = self.request.GET.copy()
        for key in list(query):
            values = [v for v in query.getlist(key) if v.strip()]
            if values:
                query.setlist(key, values)
            else:
                del query[key]
        return query

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.chosen_query()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.request.htmx and self.request.htmx.target == "results":
            query = self.chosen_query().urlencode()
            response["HX-Push-Url"] = f"{self.request.path}?{query}" if query else self.request.path
        return response


class RecordListView(ActionRequiredMixin, FilteredListView):
    action = "records.view"


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


def save_edit(request, form, formsets=(), *, service=None):
    """Save a valid record form and its valid formsets through the record's business `service`
    (default records.services.save_record) under its version lock.

    Returns (record, None) when saved; (None, conflict) when someone else saved meanwhile (the
    conflict describes the record as it is now: templates include records/_conflict.html); and
    (None, None) when the service refused, its messages then added to the form.
    """
    record = form.save(commit=False)

    def write_children(saved):
        form.save_m2m()
        for formset in formsets:
            formset.instance = saved
            formset.save()

    fields = list(form.Meta.fields) if isinstance(form.Meta.fields, (list, tuple)) else None
    try:
        (service or save_record)(
            record, by=request.user, expected_version=form.expected_version() if hasattr(form, "expected_version") else None,
            fields=[name for name in fields if name in form.fields] if fields is not None else None,
            write_children=write_children,
        )
    except ValidationError as error:
        for field, texts in error.message_dict.items():
            for text in texts:
                form.add_error(field if field in form.fields else None, text)
        return None, None
    except StaleVersion as stale:
        return None, describe_conflict(stale, form.cleaned_data.get("version"))
    return record, None


def edit_record(request, *, model, form_class, template, pk=None, formsets=(), list_url, extra=None, service=None):
    """Create (pk None) or edit a record with its inline formsets, after checking can().

    `formsets` holds (prefix, FormSet class, heading) triples; the record and its rows are saved
    together by `service` (the app's business service; default records.services.save_record), under
    the record's version lock: an edit opened before someone else's save is refused (409) with what
    changed meanwhile, and the form keeps what the user typed.
    """
    instance = get_object_or_404(model, pk=pk) if pk is not None else None
    if instance is None:
        require(request.user, "records.add")
    else:
        require(request.user, "records.change", instance)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=instance, user=request.user)
    sets = [cls(data, instance=instance or model(), prefix=prefix) for prefix, cls, _heading in formsets]
    conflict = None
    if data is not None and form.is_valid() and all(s.is_valid() for s in sets):
        record, conflict = save_edit(request, form, sets, service=service)
        if record is not None:
            messages.success(request, _("Saved."))
            return redirect(record)
    context = {
        "form": form,
        "formsets": [(heading, s) for (_prefix, _cls, heading), s in zip(formsets, sets)],
        "object": instance,
        "conflict": conflict,
        "edit_current_url": request.path if conflict else "",
        "title": _("Edit") if instance else _("New"),
        "cancel_url": instance.get_absolute_url() if instance else list_url,
        **(extra or {}),
    }
    return render(request, template, context, status=409 if conflict else 200)


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
    return render(request, "records/confirm_delete.html", {"object": record, "cancel_url": record.get_absolute_url()})
