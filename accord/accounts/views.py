from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accord.accounts import users
from accord.accounts.language import chosen_language, switch_to
from accord.accounts.language import choices as language_choices
from accord.accounts.refusals import refusal
from accord.accounts.roles import ROLE_LABELS, can, faculty_of, role_of


class ActionRequiredMixin(AccessMixin):
    """A view that needs `can(user, action)`; object views may check the object again."""

    action: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.has_permission():
            raise PermissionDenied(refusal(request.user, self.action))
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return can(self.request.user, self.action)


# Where "/" and a fresh login lead: the first page in this list the user may see.
LANDING_PAGES = [
    ("insights.view", "insights:dashboard"),
    ("registry.view", "registry:institution-list"),
    ("guidance.browse", "guidance:call-list"),
]


def home(request):
    for action, url_name in LANDING_PAGES:
        if can(request.user, action):
            return redirect(url_name)
    return redirect("accounts:profile")


class ProfileView(TemplateView):
    template_name = "accounts/profile.html"

    def post(self, request, *args, **kwargs):  # the token views render the profile after a POST
        return self.get(request, *args, **kwargs)

    def get(self, request, *args, status=200, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.status_code = status
        response["Cache-Control"] = "no-store"  # a new token is shown once: keep it out of caches
        return response

    def get_context_data(self, **kwargs):
        from accord.accounts.tokens import TokenForm
        from accord.accounts.apitokens import ApiToken

        user = self.request.user
        kwargs.setdefault("token_form", TokenForm())
        kwargs.setdefault("language_form", LanguageForm(initial={"language": chosen_language(user)}))
        return super().get_context_data(
            role_label=ROLE_LABELS.get(role_of(user), "no role"), faculty=faculty_of(user),
            tokens=ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"), **kwargs
        )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=language_choices, required=False,
                                 help_text=gettext_lazy("The language of Accord's pages after you log in, and of the e-mails Accord sends you."))


@require_POST
def language_update(request):
    """The user's own choice of language; the pages switch to it at once."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return ProfileView.as_view(extra_context={"language_form": form})(request, status=400)
    language = form.cleaned_data["language"]
    users.set_language(request.user, language, by=request.user)
    response = redirect("accounts:profile")
    if language:
        switch_to(response, language)
        translation.activate(language)  # for the message below
    messages.success(request, _("Saved."))
    return response
