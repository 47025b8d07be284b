"""Real identity providers for the single sign-on tests, each a separate Django program on a free
loopback port: a CAS 3 server (django-cas-server, GPL-3.0, so never imported or installed into
Accord's virtualenv) and an OpenID Connect provider (django-oauth-toolkit). Both run from
`.venv-providers/`, which the first session creates from tests/sso/providers/requirements.txt.

Both know the same people:
- Tina, a teacher of the School of Aerospace Engineering (groups: teachers, dept-aero)
- Stella, international-office staff (group: ieo-staff)
- Dora, a teacher whose Accord account the tests deactivate
Accord sits at http://localhost:PORT and the providers at http://127.0.0.1:PORT, so their cookies
never mix.
"""

import copy
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import browser_type_launch_args  # noqa: F401 (Debian's Chromium, as tests/browser)
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PROVIDERS = Path(__file__).resolve().parent / "providers"
VENV = ROOT / ".venv-providers"

PEOPLE = {
    "tina": {"first_name": "Tina", "last_name": "Teacher", "groups": ["teachers", "dept-aero"]},
    "stella": {"first_name": "Stella", "last_name": "Staff", "groups": ["ieo-staff"]},
    "dora": {"first_name": "Dora", "last_name": "Departed", "groups": ["teachers"]},
}
# Accord's mapping for both providers (the CAS server renames its attributes to the OIDC claim names)
MAPPING = {
    "roles": {"staff": ["ieo-staff"]},
    "teacher": ["teachers"],
    "faculty": {"attribute": "groups", "values": {"dept-aero": "School of Aerospace Engineering"}},
}


def provider_python() -> Path:
    """The providers' own virtualenv, created (or refreshed when the requirements change) on first use."""
    requirements = (PROVIDERS / "requirements.txt").read_text()
    stamp = VENV / ".requirements"
    if not (stamp.exists() and stamp.read_text() == requirements):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        install = subprocess.run(
            [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-r", str(PROVIDERS / "requirements.txt")], capture_output=True, text=True)
        if install.returncode:
            pytest.fail(f"could not install the test identity providers into {VENV}:\n{install.stderr[-2000:]}")
        stamp.write_text(requirements)
    return VENV / "bin" / "python"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def password_hash() -> str:
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)  # the tests' MD5 hasher, which the providers also use


def user_records() -> list[dict]:
    groups = sorted({name for person in PEOPLE.values() for name in person["groups"]})
    records = [{"model": "auth.group", "pk": pk, "fields": {"name": name}} for pk, name in enumerate(groups, 1)]
    for pk, (username, person) in enumerate(PEOPLE.items(), 1):
        records.append({"model": "auth.user", "pk": pk, "fields": {
            "username": username, "password": password_hash(), "first_name": person["first_name"],
            "last_name": person["last_name"], "email": f"{username}@university.test", "is_active": True,
            "groups": [groups.index(name) + 1 for name in person["groups"]],
        }})
    return records


class Provider:
    """A provider program: migrated, loaded with its data, serving on 127.0.0.1:port until stop()."""

    def __init__(self, name: str, records: list[dict], prepare=None):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data = Path(tempfile.mkdtemp(prefix=f"accord-{name}-provider-"))
        self.python = provider_python()
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.data),
                    "DJANGO_SETTINGS_MODULE": "settings", "PYTHONPATH": str(PROVIDERS / name),
                    "PROVIDER_DATA": str(self.data), "PYTHONDONTWRITEBYTECODE": "1"}
        if prepare:
            prepare(self)
        self.manage("migrate", "--noinput")
        fixture = self.data / "data.json"
        fixture.write_text(json.dumps(records))
        self.manage("loaddata", str(fixture))
        self.log = open(self.data / "server.log", "w")
        self.process = subprocess.Popen(
            [str(self.python), "-m", "django", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            env=self.env, cwd=PROVIDERS / name, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_serving()

    def manage(self, *args):
        done = subprocess.run([str(self.python), "-m", "django", *args], env=self.env, cwd=PROVIDERS / self.name,
                              capture_output=True, text=True)
        if done.returncode:
            pytest.fail(f"{self.name} provider: manage {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def wait_until_serving(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"{self.name} provider did not start:\n{(self.data / 'server.log').read_text()[-3000:]}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


@pytest.fixture(scope="session")
def cas_provider(live_server):
    """django-cas-server with a service pattern for Accord's CAS login URL, releasing e-mail, names
    (renamed to given_name / family_name) and groups, with single logout on."""
    accord = urlparse(live_server.url)
    records = user_records() + [
        {"model": "cas_server.servicepattern", "pk": 1, "fields": {
            "pos": 1, "name": "Accord", "pattern": rf"^http://{accord.hostname}:{accord.port}/sso/cas/",
            "single_log_out": True}},
    ]
    for pk, (name, replace) in enumerate(
            [("email", ""), ("first_name", "given_name"), ("last_name", "family_name"), ("groups", "")], 1):
        records.append({"model": "cas_server.replaceattributname", "pk": pk,
                        "fields": {"name": name, "replace": replace, "service_pattern": 1}})
    provider = Provider("cas", records)
    yield provider
    provider.stop()


def _write_signing_key(provider):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (provider.data / "oidc-key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


OIDC_CLIENT_ID, OIDC_CLIENT_SECRET = "accord", "accord-test-client-secret"


@pytest.fixture(scope="session")
def oidc_provider(live_server):
    """django-oauth-toolkit's OpenID Connect provider with Accord registered as a confidential client
    (authorization code, RS256 ID tokens, no consent screen, RP-initiated logout back to Accord)."""
    records = user_records() + [{"model": "oauth2_provider.application", "pk": 1, "fields": {
        "client_id": OIDC_CLIENT_ID, "client_secret": OIDC_CLIENT_SECRET, "hash_client_secret": False,
        "client_type": "confidential", "authorization_grant_type": "authorization-code", "name": "Accord",
        "redirect_uris": f"{live_server.url}/sso/oidc/callback/",
        "post_logout_redirect_uris": f"{live_server.url}/login/",
        "skip_authorization": True, "algorithm": "RS256",
        "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
    }}]
    provider = Provider("oidc", records, prepare=_write_signing_key)
    yield provider
    provider.stop()


def _allow_form_action(settings, *origins):
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"] = [*policy["DIRECTIVES"]["form-action"], *origins]
    settings.CONTENT_SECURITY_POLICY = policy


@pytest.fixture
def cas_settings(settings, cas_provider):
    """Accord configured as the README says for a CAS server (ACCORD_CAS_SERVER_URL and a mapping)."""
    settings.CAS_SERVER_URL = f"{cas_provider.url}/cas/"
    settings.ACCORD_CAS_NAME = "University CAS"
    settings.ACCORD_SSO_MAPPING = MAPPING
    _allow_form_action(settings, cas_provider.url)
    return settings


@pytest.fixture
def oidc_settings(settings, oidc_provider):
    """Accord configured for the OpenID Connect provider from its discovery document's endpoints."""
    base = f"{oidc_provider.url}/o"
    settings.OIDC_RP_CLIENT_ID = OIDC_CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = OIDC_CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{base}/authorize/"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{base}/token/"
    settings.OIDC_OP_USER_ENDPOINT = f"{base}/userinfo/"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{base}/.well-known/jwks.json"
    settings.OIDC_OP_LOGOUT_ENDPOINT = f"{base}/logout/"
    settings.ACCORD_OIDC_NAME = "University ID"
    settings.ACCORD_SSO_MAPPING = MAPPING
    _allow_form_action(settings, oidc_provider.url)
    return settings


@pytest.fixture
def sso_page(page, live_server):
    """A browser page that may talk to Accord and to the providers on 127.0.0.1, nothing else;
    page.accord_failures lists Accord's failed responses, script errors and CSP violations."""
    accord = urlparse(live_server.url).netloc
    failures = []

    def route(route):
        host = urlparse(route.request.url).hostname
        if host in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            failures.append(f"blocked {route.request.url}")
            route.abort()

    page.route("**/*", route)
    page.on("response", lambda r: r.status >= 400 and urlparse(r.url).netloc == accord
            and failures.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda error: urlparse(page.url).netloc == accord  # the providers' pages are not ours
            and failures.append(f"script error {error}"))
    page.on("console", lambda msg: "Content Security Policy" in msg.text and failures.append(f"CSP: {msg.text}"))
    page.accord_failures = failures
    return page
