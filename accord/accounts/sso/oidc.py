"""OpenID Connect through mozilla-django-oidc (authorization code flow with PKCE): users are found
by the username claim (never by e-mail, which a provider may reuse), created on first sign-in, and
updated from the claims by ACCORD_SSO_MAPPING. A deactivated user is refused by the callback view."""

from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from accord.accounts.sso import mapping, oidc_enabled


class OIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Django builds every listed backend for each sign-in: stay quiet while OIDC is off
        self.enabled = oidc_enabled()
        if self.enabled:
            super().__init__(*args, **kwargs)
        else:
            self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if not self.enabled:
            return None
        return super().authenticate(request, **kwargs)

    def _username(self, claims) -> str:
        return mapping.current_mapping().value(claims, "username")[:150]

    def verify_claims(self, claims):
        return bool(self._username(claims))

    def describe_user_by_claims(self, claims):
        return f"username {self._username(claims)}"

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=self._username(claims))

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(self._username(claims))
        return mapping.apply(user, claims, created=True)

    def update_user(self, user, claims):
        if not user.is_active:
            return user  # the callback view refuses it; nothing is changed
        return mapping.apply(user, claims, created=False)


class LoginView(OIDCAuthenticationRequestView):
    def dispatch(self, request, *args, **kwargs):
        if not oidc_enabled():
            from django.http import Http404

            raise Http404("OpenID Connect sign-in is not configured")
        return super().dispatch(request, *args, **kwargs)

    def __init__(self, *args, **kwargs):
        if oidc_enabled():  # mozilla-django-oidc reads its settings here
            super().__init__(*args, **kwargs)
        else:
            View.__init__(self, *args, **kwargs)


class CallbackView(OIDCAuthenticationCallbackView):
    @property
    def failure_url(self):
        return reverse("sso:refused")

    def get(self, request):
        from accord.accounts.sso.views import provider_unreachable

        try:
            return super().get(request)
        except requests.RequestException as error:  # token, keys or user info could not be fetched
            return provider_unreachable(request, error)


def provider_logout_url(request) -> str:
    """The provider's end-session URL (RP-initiated logout) that returns to Accord's login page."""
    query = {"client_id": settings.OIDC_RP_CLIENT_ID,
             "post_logout_redirect_uri": request.build_absolute_uri(reverse("login"))}
    if request.session.get("oidc_id_token"):
        query["id_token_hint"] = request.session["oidc_id_token"]
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{urlencode(query)}"
