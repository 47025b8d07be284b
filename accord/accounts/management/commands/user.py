from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accord.accounts import users
from accord.accounts.roles import ROLES, faculty_of, role_of
from accord.lib.limits import LISTED_IN_MESSAGE


class Command(BaseCommand):
    help = "Manage user accounts: create, set-role, deactivate (each change is kept in the user's history)."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="create|set-role|deactivate")
        create = verbs.add_parser("create", help="Create a user (no password: they set one through a link).")
        create.add_argument("username")
        create.add_argument("--email", default="")
        create.add_argument("--first-name", default="")
        create.add_argument("--last-name", default="")
        self._access_arguments(create)
        create.add_argument("--password-link", action="store_true",
                            help="Print a one-time link at which the user sets their password.")
        create.add_argument("--email-link", action="store_true",
                            help="E-mail the user an invitation with that link (needs --email).")
        create.add_argument("--base-url", default="http://127.0.0.1:8000", help="Accord's address, for the link.")
        create.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES], default="",
                            help="The language of their pages after login and of their e-mails (default: the site's).")
        role = verbs.add_parser("set-role", help="Set a user's role, faculty and teacher/mentor flags.")
        role.add_argument("username")
        self._access_arguments(role)
        off = verbs.add_parser("deactivate", help="Stop a user from logging in (records and history stay).")
        off.add_argument("username")

    @staticmethod
    def _access_arguments(parser):
        parser.add_argument("--role", choices=[*ROLES, "none"], default="none")
        parser.add_argument("--faculty", default="", help="The faculty's name (needed for coordinators).")
        parser.add_argument("--teacher", action="store_true", help="May apply in the guidance center.")
        parser.add_argument("--mentor", action="store_true", help="May mentor applications.")

    def handle(self, *args, verb, username, **options):
        try:
            getattr(self, verb.replace("-", "_"))(username, **options)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

    def _access(self, options):
        name = options["faculty"].strip()
        faculty = None
        if name:
            faculty = users.faculties().filter(name__iexact=name).first()
            if faculty is None:
                known = ", ".join(users.faculties().values_list("name", flat=True)[:LISTED_IN_MESSAGE]) or "none"
                raise CommandError(f"No faculty named {name!r}; known faculties: {known}")
        flags = [flag for flag in users.FLAGS if options[flag]]
        return ("" if options["role"] == "none" else options["role"]), faculty, flags

    def _user(self, username):
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}")
        return user

    def create(self, username, **options):
        if options["email_link"] and not options["email"].strip():
            raise CommandError("--email-link needs --email: the invitation has nowhere to go")
        role, faculty, flags = self._access(options)
        user = users.create_user(username, email=options["email"], first_name=options["first_name"],
                                 last_name=options["last_name"], role=role, faculty=faculty, flags=flags,
                                 language=options["language"])
        self.stdout.write(f"created {user.username}: {self._summary(user)}")
        if options["password_link"]:
            self.stdout.write(f"password link (works once): {users.password_link(user, options['base_url'])}")
        if options["email_link"]:
            users.send_password_link(user, options["base_url"])
            self.stdout.write(f"invitation e-mailed to {user.email}")

    def set_role(self, username, **options):
        role, faculty, flags = self._access(options)
        user = self._user(username)
        changes = users.set_access(user, role=role, faculty=faculty, flags=flags)
        self.stdout.write(f"{user.username}: " + ("; ".join(changes) if changes else "unchanged"))

    def deactivate(self, username, **options):
        user = self._user(username)
        was = user.is_active
        users.set_active(user, False)
        self.stdout.write(f"{user.username}: {'deactivated' if was else 'already deactivated'}")

    @staticmethod
    def _summary(user):
        user.__dict__.pop("_accord_group_names", None)
        faculty = faculty_of(user)
        return f"role {role_of(user) or 'none'}" + (f", faculty {faculty.name}" if faculty else "")
