from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import TemplateView

from accord.lib import tabular

from accord.accounts.refusals import refusal
from accord.accounts.roles import ROLE_LABELS, can, faculty_of, role_of


class ActionRequiredMixin(AccessMixin):
    """A view that needs `can(user, action)`; object views may check the object again."""

    action: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.has_permission():
            raise PermissionDenied(refusal(request.user, self.action))
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return can(self.request.user, self.action)


# Where "/" and a fresh login lead: the first page in this list the user may see.
LANDING_PAGES = [
    ("insights.view", "insights:dashboard"),
    ("registry.view", "registry:institution-list"),
    ("guidance.browse", "guidance:call-list"),
]


def home(request):
    for action, url_name in LANDING_PAGES:
        if can(request.user, action):
            return redirect(url_name)
    return redirect("accounts:profile")


class ProfileView(TemplateView):
    template_name = "accounts/profile.html"

    def post(self, request, *args, **kwargs):  # the token views render the profile after a POST
        return self.get(request, *args, **kwargs)

    def get(self, request, *args, status=200, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.status_code = status
        response["Cache-Control"] = "no-store"  # a new token is shown once: keep it out of caches
        return response

    def get_context_data(self, **kwargs):
        from accord.accounts.tokens import TokenForm
        from accord.api.models import ApiToken

        user = self.request.user
        kwargs.setdefault("token_form", TokenForm())
        return super().get_context_data(
            role_label=ROLE_LABELS.get(role_of(user), "no role"), faculty=faculty_of(user),
            tokens=ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"), **kwargs
        )


class ExportMixin:
    """Adds `?export=csv` / `?export=xlsx` to a django-filter list view: the filtered rows, every
    page, with the filters written above them. Views declare `export_title` and `export_columns`
    as (header, function of the object) pairs."""

    export_title = "Export"
    export_columns: list = []
    export_action = "records.export"

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if not fmt:
            return super().get(request, *args, **kwargs)
        if fmt not in tabular.FORMATS:
            return HttpResponse(f"Unknown export format {fmt!r}", status=400, content_type="text/plain")
        if not can(request.user, self.export_action):
            raise PermissionDenied
        filterset = self.get_filterset(self.get_filterset_class())
        queryset = filterset.qs if filterset.is_valid() else self.get_queryset().none()
        filters = {
            str(filterset.form.fields[name].label or name): _display(filterset.form.cleaned_data.get(name))
            for name in filterset.form.fields
        } if filterset.is_valid() else {}
        header = [str(title) for title, _ in self.export_columns]
        rows = ([getter(obj) for _, getter in self.export_columns] for obj in queryset.iterator(chunk_size=2000))
        body = tabular.export(fmt, str(self.export_title), filters, header, rows)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(body, content_type=tabular.FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{slugify(str(self.export_title))}-{stamp}.{fmt}"'
        return response


def _display(value):
    if value is None or value == "":
        return ""
    return str(value)
