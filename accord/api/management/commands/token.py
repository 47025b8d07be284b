from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accord.accounts.apitokens import ApiToken
from accord.lib.limits import fit


class Command(BaseCommand):
    help = "Create an API token for a user and print it once (Accord keeps only its fingerprint)."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="create")
        create = verbs.add_parser("create", help="Create a token for USER.")
        create.add_argument("username")
        create.add_argument("--name", default="command line", help="What the token is for.")

    def handle(self, *args, verb, username, name, **options):
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}")
        if not user.is_active:
            raise CommandError(f"{user.username} is deactivated: a token would not work")
        name = fit(ApiToken, "name", name.strip())
        if not name:
            raise CommandError("--name cannot be empty")
        _, raw = ApiToken.issue(user, name)
        self.stdout.write(raw)
