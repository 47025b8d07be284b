"""Login limits, kept by django-axes for every login form (Accord's, /admin/login/, any backend that
calls `authenticate`): too many failed logins for a username, or from an address, within
ACCORD_LOGIN_WINDOW_MINUTES answer 429 until the window has passed.

What Accord adds to axes' database handler:
- usernames are counted as Django compares them: NFKC-normalised (as the login form does) and
  case-folded, so "ｃoordinator" and "Coordinator" count against "coordinator";
- an address may fail ADDRESS_FACTOR times as often as a username (a shared office network);
- the address is the client's: behind a proxy in ACCORD_TRUSTED_PROXIES, the last address of the
  ACCORD_CLIENT_IP_HEADER that proxy sets, so one client cannot lock out everyone behind the proxy.
"""

import ipaddress
import unicodedata

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db.models import Sum
from django.shortcuts import render
from django.utils.decorators import method_decorator

ADDRESS_FACTOR = 4  # one address may fail for several usernames (a shared office network) before it is stopped


def counted_username(request, credentials) -> str | None:
    """AXES_USERNAME_CALLABLE: the username as Django compares it, case-folded."""
    field = settings.AXES_USERNAME_FORM_FIELD
    username = (credentials or {}).get(field) or (request.POST.get(field) if request is not None else None)
    if not username:
        return None
    return unicodedata.normalize("NFKC", str(username)).strip().casefold()


def client_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the client's address; from the proxy's header only when the request
    comes from a trusted proxy (a client could send the header itself)."""
    remote = request.META.get("REMOTE_ADDR") or ""
    header = settings.ACCORD_CLIENT_IP_HEADER
    if header and _is_trusted(remote):
        forwarded = request.META.get(header, "")
        candidates = [part.strip() for part in forwarded.split(",") if part.strip()]
        # the proxy appends the address it saw last (nginx's $proxy_add_x_forwarded_for); earlier ones are the client's word
        if candidates and _is_address(candidates[-1]):
            return candidates[-1]
    return remote if _is_address(remote) else None  # axes stores addresses in an address column (inet on PostgreSQL)


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _is_trusted(remote: str) -> bool:
    if not _is_address(remote):
        return False
    address = ipaddress.ip_address(remote)
    return any(address in ipaddress.ip_network(network, strict=False) for network in settings.ACCORD_TRUSTED_PROXIES)


class LoginLimitHandler(AxesDatabaseHandler):
    """Axes' database handler (shared by every worker process, on SQLite and PostgreSQL) that lets an
    address fail ADDRESS_FACTOR times as often as a username."""

    def get_failures(self, request, credentials=None) -> int:
        counts = [attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
                  for attempts in self.get_user_attempts(request, credentials)]
        weighted = [count // ADDRESS_FACTOR if parameter == "ip_address" else count
                    for parameter, count in zip(settings.AXES_LOCKOUT_PARAMETERS, counts)]
        return max(weighted, default=0)


class LoginLimitBackend(AxesStandaloneBackend):
    """Axes' backend, first in AUTHENTICATION_BACKENDS: refuses a locked-out login before any other
    backend checks it. A call without a request is no login form (a script, the test client's
    login()): axes cannot count it and lets the other backends decide instead of failing."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def limited_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: Accord's page saying how long to wait, status 429."""
    return render(request, "accounts/login_limited.html", {"minutes": settings.ACCORD_LOGIN_WINDOW_MINUTES},
                  status=429)


@method_decorator(login_not_required, name="dispatch")
class RateLimitedLoginView(auth_views.LoginView):
    """The login page; axes counts and refuses its attempts like every other login form's."""
