from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from accord.api.api import api

app_name = "api"


def _open(patterns):
    """The API answers 401 in JSON itself and its OpenAPI document is public; only the interactive
    docs page sends people to log in (LoginRequiredMiddleware)."""
    for pattern in patterns:
        if getattr(pattern, "name", None) != "openapi-view":
            login_not_required(pattern.callback)
    return patterns


urls, _app, namespace = api.urls
urlpatterns = [path("v1/", include((_open(urls), "ninja"), namespace=namespace))]
