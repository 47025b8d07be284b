"""The `accord` console script: one verb per management command.

`accord import hipo FILE` runs the management command `import_hipo`, `accord export ewp-iia PK`
runs `export_ewp_iia`; every other verb runs the command of the same name (`accord demo`,
`accord lookup`, `accord stats`, `accord migrate`, ...).
"""

import os
import sys

TWO_WORD_VERBS = {"import", "export"}


def command_argv(argv: list[str]) -> list[str]:
    """Translate `accord` arguments into Django management-command arguments."""
    if not argv or argv[0] in {"-h", "--help", "help"}:
        return ["help"]
    if argv[0] in TWO_WORD_VERBS and len(argv) > 1 and not argv[1].startswith("-"):
        return [f"{argv[0]}_{argv[1].replace('-', '_')}", *argv[2:]]
    return argv


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    from django.core.management import execute_from_command_line

    args = command_argv(list(sys.argv[1:] if argv is None else argv))
    execute_from_command_line(["accord", *args])


if __name__ == "__main__":
    main()
