"""CSV/XLSX export of a filtered record list (`?export=csv` / `?export=xlsx`)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from accord.accounts.roles import can
from accord.lib import tabular
from accord.lib.limits import READ_CHUNK


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
        rows = ([getter(obj) for _, getter in self.export_columns] for obj in queryset.iterator(chunk_size=READ_CHUNK))
        body = tabular.export(fmt, str(self.export_title), filters, header, rows)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(body, content_type=tabular.FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{slugify(str(self.export_title))}-{stamp}.{fmt}"'
        return response


def _display(value):
    if value is None or value == "":
        return ""
    return str(value)
