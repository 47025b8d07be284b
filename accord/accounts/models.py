from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.accounts.apitokens import ApiToken  # noqa: F401  (Django finds the model here)


class Profile(models.Model):
    """What Accord knows of a user beyond Django's User: the faculty a coordinator is scoped to."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    faculty = models.ForeignKey(
        "registry.Institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For coordinators: the faculty (a unit of the home university) they work for.",
    )
    title = models.CharField(max_length=120, blank=True)
    # Empty: never chosen, so Accord writes to them in the site's language (settings.LANGUAGE_CODE)
    # and leaves the language of their browser session alone when they log in.
    language = models.CharField(_("Language"), max_length=10, blank=True, choices=settings.LANGUAGES,
                                help_text=_("The language of Accord's pages after you log in, and of the e-mails Accord sends you."))

    def __str__(self):
        return f"Profile of {self.user}"


class UserChange(models.Model):
    """One change to a user account (created, role, faculty, flags, deactivated, password link sent):
    who made it (empty when it came from the command line) and when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_changes")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    change = models.CharField(max_length=500)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.user}: {self.change}"
