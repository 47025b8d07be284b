"""Single sign-on is off by default; when on, the login page offers it and local accounts keep working."""

from tests.conftest import PASSWORD, make_user


def configure_cas(settings):
    settings.CAS_SERVER_URL = "https://cas.university.test/cas/"
    settings.ACCORD_CAS_NAME = "University CAS"


def configure_oidc(settings):
    settings.OIDC_RP_CLIENT_ID = "accord"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://id.university.test/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://id.university.test/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://id.university.test/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://id.university.test/jwks"
    settings.ACCORD_OIDC_NAME = "University ID"


def test_by_default_the_login_page_offers_no_provider_and_the_sso_entry_points_do_not_exist(client, db):
    page = client.get("/login/").content.decode()
    assert "Sign in with" not in page
    assert client.get("/sso/cas/login/").status_code == 404
    assert client.get("/sso/oidc/login/").status_code == 404


def test_a_configured_provider_is_offered_on_the_login_page_and_its_entry_point_leads_to_it(client, db, settings):
    configure_cas(settings)
    configure_oidc(settings)
    page = client.get("/login/?next=/partners/").content.decode()
    assert "Sign in with University CAS" in page and "Sign in with University ID" in page
    assert 'href="/sso/cas/login/?next=/partners/"' in page
    cas = client.get("/sso/cas/login/?next=/partners/")
    assert cas.status_code == 302 and cas["Location"].startswith("https://cas.university.test/cas/login?service=")
    oidc = client.get("/sso/oidc/login/")
    assert oidc.status_code == 302 and oidc["Location"].startswith("https://id.university.test/authorize?")
    assert "code_challenge=" in oidc["Location"]  # PKCE


def test_a_local_account_still_signs_in_with_its_password_when_both_providers_are_on(client, db, settings):
    configure_cas(settings)
    configure_oidc(settings)
    make_user("ada", "admin")
    response = client.post("/login/", {"username": "ada", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
    response = client.post("/logout/")  # a local user's logout stays in Accord
    assert response.status_code == 302 and response["Location"] == "/login/"


def test_the_refusal_page_answers_403_and_points_back_to_the_login(client, db):
    response = client.get("/sso/refused/")
    assert response.status_code == 403 and b'href="/login/"' in response.content


def test_a_cas_server_that_cannot_be_reached_while_checking_a_ticket_gives_a_clear_502(client, db, settings):
    from tests.sso.conftest import free_port

    settings.CAS_SERVER_URL = f"http://127.0.0.1:{free_port()}/cas/"
    response = client.get("/sso/cas/login/?ticket=ST-1-abc")
    assert response.status_code == 502
    assert b"could not reach the university" in response.content
    assert "_auth_user_id" not in client.session


def test_an_openid_connect_provider_that_cannot_be_reached_after_sign_in_gives_a_clear_502(client, db, settings):
    from urllib.parse import parse_qs, urlsplit

    from tests.sso.conftest import free_port

    configure_oidc(settings)
    settings.OIDC_OP_TOKEN_ENDPOINT = f"http://127.0.0.1:{free_port()}/token"
    state = parse_qs(urlsplit(client.get("/sso/oidc/login/")["Location"]).query)["state"][0]
    response = client.get(f"/sso/oidc/callback/?code=abc&state={state}")
    assert response.status_code == 502
    assert b"could not reach" in response.content
    assert "_auth_user_id" not in client.session
