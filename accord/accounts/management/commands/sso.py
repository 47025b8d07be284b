"""`accord sso [--discover ISSUER]`: which identity providers are on; the ACCORD_OIDC_* lines for a provider."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accord.accounts.sso import cas_enabled, discovery, oidc_enabled
from accord.accounts.sso.mapping import MappingError, current_mapping


class Command(BaseCommand):
    help = "Show the single sign-on configuration, or print the ACCORD_OIDC_* settings of an OpenID Connect provider."

    def add_arguments(self, parser):
        parser.add_argument("--discover", metavar="ISSUER",
                            help="the provider's issuer URL: read its discovery document and print the settings")

    def handle(self, *args, discover=None, **options):
        if discover:
            try:
                found = discovery.variables(discovery.fetch(discover))
            except discovery.DiscoveryError as error:
                raise CommandError(str(error)) from None
            for name, value in found.items():
                self.stdout.write(f"{name}={value}")
            return
        self.stdout.write(f"CAS: {'on, ' + settings.CAS_SERVER_URL if cas_enabled() else 'off'}")
        self.stdout.write(f"OpenID Connect: {'on, ' + settings.OIDC_OP_AUTHORIZATION_ENDPOINT if oidc_enabled() else 'off'}")
        try:
            mapping = current_mapping()
        except MappingError as error:
            raise CommandError(str(error)) from None
        for role, rules in mapping.roles.items():
            self.stdout.write(f"role {role}: {', '.join(rules)}")
        self.stdout.write(f"teacher: {', '.join(mapping.teacher) or '-'}")
        self.stdout.write(f"default role: {mapping.default_role or '-'}; updates: {mapping.update}")
