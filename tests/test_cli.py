import os
import subprocess
import sys
from pathlib import Path

import pytest

from accord.cli import command_argv

ROOT = Path(__file__).resolve().parents[1]


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


def bare_environment(home) -> dict[str, str]:
    """What a newcomer has right after `make install`: no ACCORD_* variable, no DJANGO_SETTINGS_MODULE."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "PYTHONPATH": str(ROOT)}


def test_accord_help_works_with_no_variable_set_and_lists_the_verbs_as_typed_before_django_s(tmp_path):
    result = subprocess.run([sys.executable, "-m", "accord.cli", "--help"], cwd=tmp_path,
                            env=bare_environment(tmp_path), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout
    assert "import hipo|ror|csv|agreements|activities|mobility" in out
    assert "export csv|ewp-iia" in out
    for verb in ("stats", "report", "serve", "backup", "restore", "demo"):
        assert f"\n  {verb} " in out
    assert out.index("Import and export:") < out.index("[django]")
    assert out.index("import hipo|ror") < out.index("[auth]")


def test_any_verb_works_on_a_fresh_machine_without_a_secret_key(tmp_path):
    env = bare_environment(tmp_path)
    result = subprocess.run([sys.executable, "-m", "accord.cli", "check"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "secret_key").is_file()


@pytest.mark.parametrize("variable, value", [("ACCORD_DEBUG", "maybe"), ("ACCORD_DATABASE_URL", "mysql://x@y/z"),
                                             ("ACCORD_LOGIN_FAILURES", "many"),
                                             ("ACCORD_REDIS_URL", "http://127.0.0.1:6379")])
def test_a_bad_setting_prints_one_line_naming_the_variable_and_exits_2(tmp_path, variable, value):
    env = {**bare_environment(tmp_path), variable: value}
    for argv in (["stats"], ["--help"]):
        result = subprocess.run([sys.executable, "-m", "accord.cli", *argv], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0 and variable in result.stderr
        assert "Traceback" not in result.stderr


def test_help_for_a_two_word_verb_names_its_command():
    assert command_argv(["help", "import", "hipo"]) == ["help", "import_hipo"]
    assert command_argv(["--help"]) == ["help"]


@pytest.mark.parametrize("argv", [["stats"], ["lookup", "BMSTU"], ["serve", "--bind", "127.0.0.1:1"]])
def test_a_verb_on_a_database_not_set_up_yet_names_accord_migrate_in_one_line(tmp_path, argv):
    result = subprocess.run([sys.executable, "-m", "accord.cli", *argv], cwd=tmp_path, env=bare_environment(tmp_path),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "accord migrate" in result.stderr
