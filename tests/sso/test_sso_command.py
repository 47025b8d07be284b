"""`accord sso`: the configuration at a glance, and the settings read from a real provider's discovery document."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.sso.conftest import free_port


def run(*args):
    out = StringIO()
    call_command("sso", *args, stdout=out)
    return out.getvalue()


def test_discovery_prints_the_settings_that_the_sign_in_tests_use(oidc_provider, oidc_settings):
    lines = dict(line.split("=", 1) for line in run("--discover", f"{oidc_provider.url}/o").splitlines())
    assert lines == {
        "ACCORD_OIDC_AUTHORIZATION_URL": oidc_settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        "ACCORD_OIDC_TOKEN_URL": oidc_settings.OIDC_OP_TOKEN_ENDPOINT,
        "ACCORD_OIDC_USERINFO_URL": oidc_settings.OIDC_OP_USER_ENDPOINT,
        "ACCORD_OIDC_JWKS_URL": oidc_settings.OIDC_OP_JWKS_ENDPOINT,
        "ACCORD_OIDC_LOGOUT_URL": oidc_settings.OIDC_OP_LOGOUT_ENDPOINT,
        "ACCORD_OIDC_SIGN_ALGO": "RS256",
    }


def test_discovery_of_a_provider_that_does_not_answer_fails_with_the_url_it_tried():
    url = f"http://127.0.0.1:{free_port()}/o"
    with pytest.raises(CommandError, match=r"could not read http://127\.0\.0\.1:\d+/o/\.well-known/openid-configuration"):
        run("--discover", url)


def test_discovery_refuses_a_provider_without_a_usable_signing_algorithm():
    from accord.accounts.sso.discovery import DiscoveryError, variables

    document = {"authorization_endpoint": "a", "token_endpoint": "t", "userinfo_endpoint": "u", "jwks_uri": "j",
                "id_token_signing_alg_values_supported": ["none"]}
    with pytest.raises(DiscoveryError, match="signs ID tokens only with"):
        variables(document)
    del document["jwks_uri"]
    with pytest.raises(DiscoveryError, match="jwks_uri"):
        variables(document)


def test_the_status_says_which_providers_are_on_and_what_the_mapping_gives(settings):
    assert run().splitlines()[:2] == ["CAS: off", "OpenID Connect: off"]
    settings.CAS_SERVER_URL = "https://cas.university.test/cas/"
    settings.ACCORD_SSO_MAPPING = {"roles": {"staff": ["ieo-staff"]}, "teacher": ["teachers"]}
    out = run()
    assert "CAS: on, https://cas.university.test/cas/" in out and "role staff: ieo-staff" in out
    assert "teacher: teachers" in out
