from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accord.accounts.ratelimit import RateLimitedLoginView
from accord.accounts.sso import views as sso_views
from accord.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("login/", RateLimitedLoginView.as_view(), name="login"),
    path("logout/", sso_views.logout, name="logout"),  # also ends a CAS / OpenID Connect session
    path("sso/", include("accord.accounts.sso.urls")),
    path("password/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="registration/password_set.html", success_url="/password/done/"), name="password-set"),
    path("password/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_set_done.html"), name="password-set-done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("accord.accounts.urls")),
    path("jobs/", include("accord.jobs.urls")),
    path("partners/", include("accord.registry.urls")),
    path("agreements/", include("accord.agreements.urls")),
    path("activities/", include("accord.activities.urls")),
    path("people/", include("accord.mobility.urls")),
    path("newsroom/", include("accord.newsroom.urls")),
    path("insights/", include("accord.insights.urls")),
    path("guidance/", include("accord.guidance.urls")),
    path("api/", include("accord.api.urls")),
    path("notifications/", include("accord.notifications.urls")),
    path("search/", include("accord.search.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
