"""Single sign-on through the university's identity provider: CAS (django-cas-ng) and OpenID Connect
(mozilla-django-oidc), each off until its ACCORD_* variables are set. Local accounts keep working.

- mapping: provider attributes -> names, e-mail, role, teacher flag, faculty (ACCORD_SSO_MAPPING)
- cas, oidc: the two protocols, wired to the mapping
- views, urls: sign-in entry points, the refusal page, and a logout that ends the provider's session
"""

from dataclasses import dataclass

from django.conf import settings

CAS_BACKEND = "django_cas_ng.backends.CASBackend"
OIDC_BACKEND = "accord.accounts.sso.oidc.OIDCBackend"


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    login_url_name: str


def cas_enabled() -> bool:
    return bool(getattr(settings, "CAS_SERVER_URL", None))


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", "") and getattr(settings, "OIDC_OP_AUTHORIZATION_ENDPOINT", ""))


def providers() -> list[Provider]:
    """The providers configured, in the order the login page offers them."""
    found = []
    if cas_enabled():
        found.append(Provider("cas", settings.ACCORD_CAS_NAME, "sso:cas-login"))
    if oidc_enabled():
        found.append(Provider("oidc", settings.ACCORD_OIDC_NAME, "sso:oidc-login"))
    return found
