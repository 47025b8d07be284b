"""The layers contract names every Accord app, and the lower layers plug upper apps in through hooks."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

from accord.lib import hooks

ROOT = Path(__file__).resolve().parents[1]


def _layers() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return {name for layer in contract["layers"] for name in re.findall(r"accord\.\w+", layer)}


def test_the_layers_contract_names_every_app_and_lib():
    apps = {app for app in settings.INSTALLED_APPS if app.startswith("accord.")}
    assert apps | {"accord.lib"} <= _layers()


def test_the_test_script_checks_the_layers_before_the_tests():
    script = (ROOT / "scripts" / "test.sh").read_text()
    assert script.index("lint-imports") < script.index("pytest")


def test_every_app_that_adds_to_a_lower_layer_does_it_through_a_hook():
    assert {"agreements", "activities", "mobility", "programs"} <= set(hooks.TIMELINE)
    assert "guidance" in hooks.STATS_SECTIONS
    assert {"agreements", "guidance"} <= set(hooks.DEADLINES)
    assert {"agreements", "guidance-deadlines"} <= set(hooks.REMINDERS)
    assert {"agreements", "activities", "mobility"} <= set(hooks.TABLE_IMPORTS)
    assert set(hooks.SCOPE_FILTER) == {"insights"}


def test_the_demo_steps_run_lower_layers_first_and_the_rollup_after_the_records():
    steps = list(hooks.DEMO_STEPS)
    order = ["registry", "registry office", "accounts", "mobility", "agreements", "agreements office",
             "activities", "activities office", "insights"]
    assert [step for step in steps if step in order] == order
    assert {"mobility office", "guidance"} <= set(steps)
