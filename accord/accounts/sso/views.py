import logging

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django_cas_ng.views import LogoutView as CASLogoutView
from mozilla_django_oidc.views import OIDCLogoutView

from accord.accounts.sso import CAS_BACKEND, OIDC_BACKEND, cas_enabled, oidc_enabled, providers

logger = logging.getLogger(__name__)


@login_not_required
def refused(request, status=403, unreachable=False):
    """A provider confirmed someone Accord will not let in (a deactivated account), did not confirm
    them, or could not be reached (502)."""
    return render(request, "accounts/sso/refused.html", {"providers": providers(), "unreachable": unreachable},
                  status=status)


def provider_unreachable(request, error):
    logger.warning("identity provider unreachable during sign-in: %s", error)
    return refused(request, status=502, unreachable=True)


@login_not_required
@require_POST
def logout(request):
    """Accord's logout; a user who came through CAS or OpenID Connect is then sent to the provider's
    logout, so that the provider's session ends too (and, for CAS, every other service's through
    single logout)."""
    backend = request.session.get(BACKEND_SESSION_KEY, "")
    if backend == CAS_BACKEND and cas_enabled():
        return CASLogoutView.as_view()(request)
    if backend == OIDC_BACKEND and oidc_enabled() and getattr(settings, "OIDC_OP_LOGOUT_ENDPOINT", ""):
        return OIDCLogoutView.as_view()(request)
    return auth_views.LogoutView.as_view()(request)
