"""The `accord` console script: one verb per management command.

`accord import hipo FILE` runs the management command `import_hipo`, `accord export ewp-iia PK`
runs `export_ewp_iia`; every other verb runs the command of the same name (`accord demo`,
`accord lookup`, `accord stats`, `accord migrate`, ...). `accord --help` lists Accord's verbs as
they are typed, grouped, then Django's own commands. A bad setting prints one line naming the
variable and exits with status 2; so does a verb run on a database that is not set up yet (it names
`accord migrate`).
"""

import os
import sys

TWO_WORD_VERBS = {"import", "export"}
HELP = {"-h", "--help", "help"}

# The groups of `accord --help`, in order; a verb of a new command that no group names is listed under "Other".
GROUPS = {
    "Start": ["demo", "migrate", "serve"],
    "Users and access": ["user", "createsuperuser", "token"],
    "Import and export": ["import", "export"],
    "Figures and reports": ["stats", "report", "rollup", "lookup"],
    "Newsroom": ["ingest", "extract"],
    "Routine work": ["remind", "backup", "restore", "check"],
}
# The second words of two-word verbs in the order people meet them; others follow alphabetically.
SECOND_WORDS = ["hipo", "ror", "csv", "agreements", "activities", "mobility", "ewp-iia"]
SETTING_ERROR_STATUS = 2
# Verbs that set the database up themselves, whose database errors are never "not set up yet"
SCHEMA_VERBS = {"migrate", "makemigrations", "showmigrations", "sqlmigrate", "squashmigrations", "restore"}
WIDTH = 110


def command_argv(argv: list[str]) -> list[str]:
    """Translate `accord` arguments into Django management-command arguments."""
    if not argv or argv[0] in HELP and len(argv) == 1:
        return ["help"]
    if argv[0] == "help" and argv[1] in TWO_WORD_VERBS and len(argv) > 2:  # accord help import hipo
        return ["help", f"{argv[1]}_{argv[2].replace('-', '_')}"]
    if argv[0] in TWO_WORD_VERBS and len(argv) > 1 and not argv[1].startswith("-"):
        return [f"{argv[0]}_{argv[1].replace('-', '_')}", *argv[2:]]
    return argv


def spelled(command: str) -> tuple[str, str]:
    """('import', 'hipo') for import_hipo, ('stats', '') for stats: a command as people type it."""
    verb, _, rest = command.partition("_")
    if verb in TWO_WORD_VERBS and rest:
        return verb, rest.replace("_", "-")
    return command, ""


def first_sentence(text: str, width: int) -> str:
    line = " ".join((text or "").split())
    end = line.find(". ")
    line = line if end < 0 else line[: end + 1]
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def second_word_order(sub: str) -> tuple[int, str]:
    return (SECOND_WORDS.index(sub) if sub in SECOND_WORDS else len(SECOND_WORDS), sub)


def verbs_overview(commands: dict[str, str], help_of) -> str:
    """The verbs of Accord's own commands (name -> app), grouped, one line each with its help.

    help_of(name) gives a command's help text."""
    ours = sorted(name for name, app in commands.items() if app.startswith("accord."))
    listed = {name for names in GROUPS.values() for name in names}
    groups = {title: [] for title in [*GROUPS, "Other"]}
    for title, names in GROUPS.items():
        for name in names:
            if name in TWO_WORD_VERBS:
                groups[title] += [c for c in ours if spelled(c)[0] == name]
            elif name in commands:
                groups[title].append(name)
    groups["Other"] = [c for c in ours if spelled(c)[0] not in listed]
    lines = ["Usage: accord VERB [ARGUMENTS]   ('accord VERB --help' shows a verb's options)", ""]
    for title, names in groups.items():
        if not names:
            continue
        lines.append(f"{title}:")
        for verb in dict.fromkeys(spelled(c)[0] for c in names):
            subs = sorted((spelled(c)[1] for c in names if spelled(c)[0] == verb and spelled(c)[1]), key=second_word_order)
            if subs:
                lines.append(f"  {verb} {'|'.join(subs)}")
                lines += [f"    {verb} {sub:<14} {first_sentence(help_of(command_argv([verb, sub])[0]), WIDTH - 22)}"
                          for sub in subs]
            else:
                lines.append(f"  {verb:<19} {first_sentence(help_of(verb), WIDTH - 22)}")
        lines.append("")
    return "\n".join(lines)


def print_overview() -> None:
    from django.core.management import get_commands, load_command_class

    commands = get_commands()
    print(verbs_overview(commands, lambda name: load_command_class(commands[name], name).help))
    print("Django's own commands follow.\n")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    from accord.lib.env import SettingError

    args = command_argv(list(sys.argv[1:] if argv is None else argv))
    try:
        if args == ["help"]:
            import django

            django.setup()
            print_overview()
        execute_from_command_line(["accord", *args])
    except SettingError as error:
        print(f"accord: {error}", file=sys.stderr)
        sys.exit(SETTING_ERROR_STATUS)
    except DatabaseError:
        from accord.operations.database import not_set_up_message, unapplied_migrations

        if args and args[0] in SCHEMA_VERBS or not unapplied_migrations():
            raise
        print(f"accord: {not_set_up_message()}", file=sys.stderr)
        sys.exit(SETTING_ERROR_STATUS)


if __name__ == "__main__":
    main()
