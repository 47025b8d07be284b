"""The language Accord speaks to a user: the one they chose (Profile.language), else the site's
(settings.LANGUAGE_CODE). Everything written to a user outside a request of theirs, e-mails above
all, is rendered inside `speaking_to(user)`; `remember_on_login` switches the pages to it when they
log in (by the language cookie, so the language menu still changes it afterwards)."""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _

_LOGIN_LANGUAGE = "_accord_login_language"


def chosen_language(user) -> str:
    """The language the user chose, or "" when they never chose one."""
    if user is None or not getattr(user, "pk", None):
        return ""
    from accord.accounts.models import Profile

    language = Profile.objects.filter(user_id=user.pk).values_list("language", flat=True).first() or ""
    return language if language in dict(settings.LANGUAGES) else ""


def choices() -> list[tuple[str, str]]:
    """For a form: the site's languages, after "" for the site's own (named, in the active language)."""
    site = dict(settings.LANGUAGES).get(settings.LANGUAGE_CODE, settings.LANGUAGE_CODE)
    return [("", _("The site's language (%(language)s)") % {"language": site}), *settings.LANGUAGES]


def language_of(user) -> str:
    return chosen_language(user) or settings.LANGUAGE_CODE


@contextmanager
def speaking_to(user):
    """Translate everything made inside into the user's language."""
    with translation.override(language_of(user)):
        yield


def switch_to(response, language: str):
    """Make `language` the language of the pages from the next request on (the language cookie)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@receiver(user_logged_in, dispatch_uid="accord.accounts.language.remember_on_login")
def remember_on_login(sender, request, user, **kwargs):
    """Any way of logging in (the login form, the admin's, CAS, OpenID Connect) ends here."""
    language = chosen_language(user)
    if request is not None and language:
        setattr(request, _LOGIN_LANGUAGE, language)


class LoginLanguageMiddleware:
    """Sets the language cookie on the response to a login that switched the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, _LOGIN_LANGUAGE, "")
        return switch_to(response, language) if language else response
