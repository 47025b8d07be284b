"""CAS through django-cas-ng: its backend finds or creates the user by the CAS user id (refusing a
deactivated one); the signal below then applies ACCORD_SSO_MAPPING to the released attributes.
Single logout: the CAS server POSTs a logoutRequest to the service URL (this login view), and
django-cas-ng ends the session that the ticket opened."""

import requests
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import Http404
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django_cas_ng import views as cas_views
from django_cas_ng.signals import cas_user_authenticated

from accord.accounts.sso import cas_enabled, mapping


@receiver(cas_user_authenticated, dispatch_uid="accord-sso-cas-mapping")
def apply_mapping(sender, user, created, attributes, **kwargs):
    mapping.apply(user, attributes or {}, created=created)


class LoginView(cas_views.LoginView):
    """django-cas-ng's login (redirect to CAS, ticket validation, single-logout requests), answering
    404 while CAS is off and showing Accord's refusal page when the backend refuses the user or the
    CAS server cannot be reached."""

    @method_decorator(csrf_exempt)  # the CAS server POSTs single-logout requests here
    def dispatch(self, request, *args, **kwargs):
        if not cas_enabled():
            raise Http404("CAS sign-in is not configured")
        from accord.accounts.sso.views import provider_unreachable, refused

        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return refused(request, status=403)
        except requests.RequestException as error:  # ticket validation could not reach the CAS server
            return provider_unreachable(request, error)
