"""The README documents every setting and every Accord command."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_every_setting_is_documented_in_the_readme_and_env_example():
    settings_source = (ROOT / "accord" / "settings.py").read_text()
    names = set(re.findall(r'"(ACCORD_[A-Z_]+)"', settings_source))
    assert names, "no ACCORD_ setting found"
    example = (ROOT / ".env.example").read_text()
    for name in names:
        assert f"`{name}`" in README, f"{name} missing from README"
        assert f"{name}=" in example, f"{name} missing from .env.example"


def test_every_accord_command_is_documented_in_the_readme():
    ours = [name for name, app in get_commands().items() if app.startswith("accord.")]
    assert ours
    for name in ours:
        if name.startswith(("import_", "export_")):
            first, rest = name.split("_", 1)
            verb = f"{first} {rest.replace('_', '-')}"
        else:
            verb = name
        assert f"`accord {verb}" in README, f"accord {verb} missing from README"


def test_the_readme_shows_the_two_commands_first():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
