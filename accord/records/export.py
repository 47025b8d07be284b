"""CSV/XLSX export of a filtered record list (`?export=csv` / `?export=xlsx`)."""

import re

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accord.accounts.roles import can
from accord.lib import tabular
from accord.lib.limits import READ_CHUNK

_yes = _lazy("yes")
FILE_NAME_LENGTH = 150  # characters before the date and extension: spreadsheet programs and file systems cope


class ExportMixin:
    """Adds `?export=csv` / `?export=xlsx` to a django-filter list view: the filtered rows, every
    page, under one header row; the filters go into the file name (and an XLSX's "Filters" sheet).
    Views declare `export_title` and `export_columns` as (header, function of the object) pairs.

    The page's export links (records/_export_links.html) carry the current filters; when htmx
    replaces the results after a filter change, the links come along out of band."""

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
        valid = filterset.is_valid()
        queryset = filterset.qs if valid else self.get_queryset().none()
        applied = applied_filters(filterset) if valid else []
        header = [str(title) for title, _ in self.export_columns]
        rows = ([getter(obj) for _, getter in self.export_columns] for obj in queryset.iterator(chunk_size=READ_CHUNK))
        filters = {label: shown for _name, label, shown, _token in applied}
        body = tabular.export(fmt, str(self.export_title), filters, header, rows,
                              filters_sheet=(_("Filters"), _("Filter"), _("Value")))
        response = HttpResponse(body, content_type=tabular.FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{export_file_name(self.export_title, applied, fmt)}"'
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_export=can(self.request.user, self.export_action), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.request.htmx and self.request.htmx.target == "results":
            links = render_to_string("records/_export_links.html", {**context, "oob": True}, request=self.request)

            def add_links(rendered):
                rendered.content = rendered.content + links.encode()

            response.add_post_render_callback(add_links)
        return response


def applied_filters(filterset) -> list[tuple[str, str, str, str]]:
    """(parameter, label, value as shown, value as written in a file name) of each filter the user
    set, in the form's order: a choice is shown by its label and named by its code ("active")."""
    out = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value is None or value == "" or value is False:
            continue
        if value is True:
            shown, token = str(_yes), ""
        elif isinstance(value, str) and getattr(field, "choices", None):
            shown, token = str(dict(field.choices).get(value, value)), value
        else:
            shown = token = str(value)
        out.append((name, str(field.label or name), shown, slugify(re.sub(r"[^\w\s-]+", "-", token))))
    return out


def export_file_name(title, applied, fmt: str, *, today=None) -> str:
    """"agreements-status-active-2026-12-02.csv": the list, each filter set and its value, the day."""
    parts = [slugify(str(title)) or "export"]
    for name, _label, _shown, token in applied:
        parts.append(f"{name}-{token}" if token else name)  # a period 2020..2024 is written 2020-2024
    stem = slugify("-".join(parts))[:FILE_NAME_LENGTH].rstrip("-")
    day = today or timezone.localdate()
    return f"{stem}-{day.isoformat()}.{fmt}"
