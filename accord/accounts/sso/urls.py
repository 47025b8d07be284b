from django.contrib.auth.decorators import login_not_required
from django.urls import path

from accord.accounts.sso import cas, oidc, views

app_name = "sso"
urlpatterns = [
    path("cas/login/", login_not_required(cas.LoginView.as_view()), name="cas-login"),
    path("oidc/login/", login_not_required(oidc.LoginView.as_view()), name="oidc-login"),
    path("oidc/callback/", login_not_required(oidc.CallbackView.as_view()), name="oidc-callback"),
    path("refused/", views.refused, name="refused"),
]
