"""An OpenID Connect provider's discovery document (/.well-known/openid-configuration) turned into
the ACCORD_OIDC_* lines that configure Accord for it."""

import requests

# variable -> the discovery document's field (None: optional)
FIELDS = {
    "ACCORD_OIDC_AUTHORIZATION_URL": ("authorization_endpoint", True),
    "ACCORD_OIDC_TOKEN_URL": ("token_endpoint", True),
    "ACCORD_OIDC_USERINFO_URL": ("userinfo_endpoint", True),
    "ACCORD_OIDC_JWKS_URL": ("jwks_uri", True),
    "ACCORD_OIDC_LOGOUT_URL": ("end_session_endpoint", False),
}
PREFERRED_ALGORITHMS = ("RS256", "ES256", "RS384", "RS512", "ES384", "ES512")


class DiscoveryError(ValueError):
    pass


def discovery_url(issuer: str) -> str:
    if issuer.rstrip("/").endswith("/.well-known/openid-configuration"):
        return issuer
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


def fetch(issuer: str, *, timeout: float = 10) -> dict:
    url = discovery_url(issuer)
    try:
        response = requests.get(url, timeout=timeout)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise DiscoveryError(f"could not read {url}: {error}") from None
    if not isinstance(document, dict):
        raise DiscoveryError(f"{url} is not a discovery document (not a JSON object)")
    return document


def variables(document: dict) -> dict[str, str]:
    """The ACCORD_OIDC_* values for a provider's discovery document."""
    found = {}
    for name, (field, required) in FIELDS.items():
        value = document.get(field)
        if value:
            found[name] = str(value)
        elif required:
            raise DiscoveryError(f"the discovery document has no {field}")
    offered = document.get("id_token_signing_alg_values_supported") or ["RS256"]
    usable = [alg for alg in PREFERRED_ALGORITHMS if alg in offered]
    if not usable:
        raise DiscoveryError(f"the provider signs ID tokens only with {offered}; Accord needs one of "
                             f"{list(PREFERRED_ALGORITHMS)}")
    found["ACCORD_OIDC_SIGN_ALGO"] = usable[0]
    return found
