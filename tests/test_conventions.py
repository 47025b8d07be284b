"""Conventions of the code base that a grep can hold: today is the local day (TIME_ZONE is
Asia/Shanghai, the server's clock may not be), and a text is cut to its column's own length."""

import re
from pathlib import Path

from accord.jobs.models import Job
from accord.lib.limits import fit

ACCORD = Path(__file__).resolve().parents[1] / "accord"


def test_no_code_asks_the_server_clock_for_today():
    naive = re.compile(r"\bdate\.today\(\)|\bdatetime\.(now|today)\(\)")
    offenders = [f"{path.relative_to(ACCORD)}:{number}"
                 for path in ACCORD.rglob("*.py") if "migrations" not in path.parts
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if naive.search(line)]
    assert offenders == []


def test_a_text_is_cut_to_the_length_of_the_column_it_is_stored_in():
    assert fit(Job, "label", "x" * 400) == "x" * Job._meta.get_field("label").max_length
    assert fit(Job, "label", "short") == "short"
