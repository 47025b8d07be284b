import os
import subprocess
import sys

import pytest

from accord.cli import command_argv


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["import", "hipo", "file.json"], ["import_hipo", "file.json"]),
        (["export", "csv", "out.csv"], ["export_csv", "out.csv"]),
        (["export", "ewp-iia", "7"], ["export_ewp_iia", "7"]),
        (["lookup", "--json", "BMSTU"], ["lookup", "--json", "BMSTU"]),
        (["import", "--help"], ["import", "--help"]),
        ([], ["help"]),
    ],
)
def test_two_word_verbs_map_to_one_management_command(argv, expected):
    assert command_argv(argv) == expected


def test_the_console_script_migrates_loads_the_demo_and_prints_stats(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_")}
    env.update(ACCORD_DEBUG="1", ACCORD_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="accord.settings")
    accord = [sys.executable, "-m", "accord.cli"]
    for args in (["migrate", "-v", "0"], ["demo"]):
        subprocess.run(accord + args, env=env, check=True, capture_output=True)
    result = subprocess.run(accord + ["stats"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "partners in" in result.stdout
    assert (tmp_path / "accord.sqlite3").exists()
    bad = subprocess.run(accord + ["stats", "--group", "Nowhere"], env=env, capture_output=True, text=True)
    assert bad.returncode != 0 and "Nowhere" in bad.stderr
