"""`accord serve` starts without the heavy libraries only some pages and jobs use: they are imported when
used, so that a restart answers within seconds on a loaded machine."""

import json

from tests.api.processes import python

HEAVY = ["spacy", "weasyprint", "openpyxl", "plotly", "numpy", "sklearn", "scipy", "pandas"]


def test_the_web_application_loads_without_spacy_weasyprint_openpyxl_plotly_or_numpy(tmp_path):
    loaded = python(tmp_path, f"""
import sys
import accord.urls
from accord.wsgi import application
from django.urls import resolve
for path in ("/login/", "/", "/api/v1/institutions", "/insights/"):
    try:
        resolve(path)
    except Exception:
        pass
print(__import__("json").dumps([name for name in {HEAVY!r} if name in sys.modules]))
""")
    assert json.loads(loaded.strip().splitlines()[-1]) == []


def test_an_xlsx_export_and_its_re_import_still_load_openpyxl_when_used():
    from accord.lib.tabular import read_xlsx, to_xlsx

    data = to_xlsx("Partners", {}, ["name"], [["University of Tartu"], ["=1+1"]])
    assert [row for _, row in read_xlsx(data).rows] == [{"name": "University of Tartu"}, {"name": "=1+1"}]
