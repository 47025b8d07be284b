"""Lists export text that looks like a formula neutralised, and the export still imports back unchanged."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accord.records.tableimport import get_import
from accord.agreements.models import Agreement

from .test_exports import records  # noqa: F401  (the fixture)
from .test_round_trip import _agreement

FORMULA = '=HYPERLINK("http://evil.test","click")'


def cells_of(fmt, content):
    if fmt == "csv":
        return [cell for line in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in line]
    book = load_workbook(io.BytesIO(content))
    return [cell.value for row in book.active.iter_rows() for cell in row
            if cell.data_type == "f" or isinstance(cell.value, str)]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_agreement_list_export_has_no_live_formula_and_imports_back_unchanged(client_for, sam, records, tmp_path, fmt):
    first = Agreement.objects.order_by("pk").first()
    first.notes, first.title = FORMULA, "@SUM(1+1)"
    first.save()
    exported = client_for(sam).get(reverse("agreements:agreement-list"), {"export": fmt})
    assert not [cell for cell in cells_of(fmt, exported.content) if str(cell)[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(exported.content)
    before = {obj.pk: _agreement(obj) for obj in Agreement.objects.all()}
    preview = get_import("agreements").validate(path)
    assert preview.ok, preview.messages()
    get_import("agreements").commit(path, sam)
    after = [_agreement(obj) for obj in Agreement.objects.exclude(pk__in=before)]
    assert sorted(after, key=repr) == sorted(before.values(), key=repr)
