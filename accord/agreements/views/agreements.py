from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import DetailView
from django_filters.views import FilterView

from accord.lib.limits import PAGE_SIZE
from accord.accounts.refusals import refusal
from accord.accounts.roles import COORDINATOR, can, faculty_of, role_of
from accord.accounts.views import ActionRequiredMixin
from accord.records.export import ExportMixin
from accord.agreements.filters import AgreementFilter
from accord.agreements.forms import AgreementForm, PartyFormSet, QuotaFormSet, RenewForm, SignatoryFormSet
from accord.agreements.history import agreement_history
from accord.agreements.models import Agreement, AgreementParty
from accord.agreements.services import ACTION_LABELS, RENEWABLE, allowed_transitions, save_agreement
from accord.records.concurrency import StaleVersion, describe_conflict


def _partners(agreement) -> str:
    """The parties other than the home university, as the import reads them: "Name (Role); …"."""
    return "; ".join(
        f"{p.institution.name} ({p.get_role_display()})" for p in agreement.parties.all() if p.role != p.Role.HOME
    )


class AgreementListView(ActionRequiredMixin, ExportMixin, FilterView):
    action = "records.view"
    export_title = _lazy("Agreements")
    # the headings are those of the agreements import (accord/agreements/imports.py): an export imports back
    export_columns = [
        (_lazy("Id"), lambda a: a.pk),
        (_lazy("Title"), lambda a: a.title),
        (_lazy("Kind"), lambda a: a.get_kind_display()),
        (_lazy("Status"), lambda a: a.get_status_display()),
        (_lazy("Partners"), _partners),
        (_lazy("Faculty"), lambda a: a.faculty.name if a.faculty else ""),
        (_lazy("Signed on"), lambda a: a.signed_on),
        (_lazy("Signed precision"), lambda a: a.get_signed_precision_display()),
        (_lazy("Signing mode"), lambda a: a.get_signing_mode_display()),
        (_lazy("Valid from"), lambda a: a.valid_from),
        (_lazy("Valid until"), lambda a: a.valid_until),
        (_lazy("Auto renew"), lambda a: "yes" if a.auto_renew else "no"),
        (_lazy("Subject areas"), lambda a: "; ".join(a.subject_areas)),
        (_lazy("Notes"), lambda a: a.notes),
    ]
    filterset_class = AgreementFilter
    paginate_by = PAGE_SIZE
    template_name = "agreements/agreement_list.html"

    def get_queryset(self):
        parties = AgreementParty.objects.select_related("institution__country").order_by("pk")
        return (
            Agreement.objects.select_related("faculty")
            .prefetch_related(Prefetch("parties", queryset=parties))
            .order_by("-signed_on", "-pk")
        )

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return ["agreements/_agreement_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context


def renewal_chain(agreement) -> list[Agreement]:
    """Every agreement in the renewal line of this one, oldest first."""
    earlier, seen = [], {agreement.pk}
    current = agreement.renews
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        earlier.insert(0, current)
        current = current.renews
    later, frontier = [], [agreement]
    while frontier:
        nxt = [a for a in Agreement.objects.filter(renews__in=frontier).order_by("valid_from", "pk") if a.pk not in seen]
        seen.update(a.pk for a in nxt)
        later += nxt
        frontier = nxt
    return [*earlier, agreement, *later]


class AgreementDetailView(ActionRequiredMixin, DetailView):
    action = "records.view"
    model = Agreement
    template_name = "agreements/agreement_detail.html"

    def get_queryset(self):
        return Agreement.objects.select_related("faculty", "owner", "renews")

    def get_context_data(self, **kwargs):
        agreement = self.object
        user = self.request.user
        can_change = can(user, "records.change", agreement)
        chain = renewal_chain(agreement)
        return super().get_context_data(
            parties=agreement.parties.select_related("institution__country").order_by("pk"),
            signatories=agreement.signatories.select_related("person", "institution").order_by("pk"),
            quotas=agreement.quotas.order_by("academic_year", "direction", "mobility_type", "pk"),
            documents=agreement.documents.order_by("-uploaded_at", "-pk"),
            chain=chain if len(chain) > 1 else [],
            history=agreement_history(agreement),
            can_change=can_change,
            can_delete=can(user, "records.delete", agreement),
            can_export=can(user, "records.export", agreement),
            transitions=[(to, ACTION_LABELS[to]) for to in allowed_transitions(agreement)] if can_change else [],
            renew_form=RenewForm() if can_change and agreement.status in RENEWABLE else None,
            **kwargs,
        )


def _formsets(request, agreement):
    data = request.POST if request.method == "POST" else None
    return {
        "parties": PartyFormSet(data, instance=agreement, prefix="parties"),
        "signatories": SignatoryFormSet(data, instance=agreement, prefix="signatories"),
        "quotas": QuotaFormSet(data, instance=agreement, prefix="quotas"),
    }


def _parties_after(formset) -> list:
    """The institutions an agreement will have once its parties formset is saved (rows the
    formset does not show stay as they are)."""
    parties = {p.pk: p.institution_id for p in formset.instance.parties.all()} if formset.instance.pk else {}
    added = []
    for f in formset.forms:
        data = f.cleaned_data or {}
        if f.instance.pk and data.get("DELETE"):
            parties.pop(f.instance.pk, None)
        elif f.instance.pk and data.get("institution"):
            parties[f.instance.pk] = data["institution"].pk
        elif not f.instance.pk and data.get("institution") and not data.get("DELETE"):
            added.append(data["institution"].pk)
    return [*parties.values(), *added]


def _edit(request, instance=None):
    fixed_faculty = faculty_of(request.user) if role_of(request.user) == COORDINATOR else None
    form = AgreementForm(request.POST or None, instance=instance, fixed_faculty=fixed_faculty)
    formsets = _formsets(request, instance or Agreement())
    conflict = None
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets.values()):
        agreement = form.save(commit=False)
        if fixed_faculty is not None:
            agreement.faculty = fixed_faculty

        def write_children(saved):
            for formset in formsets.values():
                formset.instance = saved
                formset.save()

        try:
            save_agreement(
                agreement, by=request.user, parties=_parties_after(formsets["parties"]),
                expected_version=form.cleaned_data.get("version") or 0, fields=[*form.Meta.fields],
                write_children=write_children,
            )
        except ValidationError as error:
            for field, texts in error.message_dict.items():
                for message in texts:
                    if field == "parties":
                        formsets["parties"]._non_form_errors.append(message)
                    else:
                        form.add_error(field if field in form.fields else None, message)
        except StaleVersion as stale:
            conflict = describe_conflict(stale, form.cleaned_data.get("version"))
        else:
            messages.success(request, _("Agreement saved."))
            return redirect(agreement)
    return render(
        request,
        "agreements/agreement_form.html",
        {
            "form": form,
            **formsets,
            "object": instance,
            "conflict": conflict,
            "edit_current_url": reverse("agreements:agreement-update", args=[instance.pk]) if conflict else "",
            "title": _("Edit agreement") if instance else _("New agreement"),
        },
        status=409 if conflict else 200,
    )


def agreement_create(request):
    if not can(request.user, "records.add"):
        raise PermissionDenied
    if role_of(request.user) == COORDINATOR and faculty_of(request.user) is None:
        raise PermissionDenied
    return _edit(request)


def agreement_update(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    if not can(request.user, "records.change", agreement):
        raise PermissionDenied(refusal(request.user, "records.change", agreement))
    return _edit(request, agreement)


def agreement_delete(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk)
    if not can(request.user, "records.delete", agreement):
        raise PermissionDenied(refusal(request.user, "records.delete", agreement))
    if request.method == "POST":
        agreement._history_user = request.user
        agreement.delete()
        messages.success(request, _("Agreement “%(title)s” deleted.") % {"title": agreement.title})
        return redirect(reverse("agreements:agreement-list"))
    return render(request, "agreements/agreement_confirm_delete.html", {"object": agreement})


urlpatterns = [
    path("", AgreementListView.as_view(), name="agreement-list"),
    path("new/", agreement_create, name="agreement-create"),
    path("<int:pk>/", AgreementDetailView.as_view(), name="agreement-detail"),
    path("<int:pk>/edit/", agreement_update, name="agreement-update"),
    path("<int:pk>/delete/", agreement_delete, name="agreement-delete"),
]
