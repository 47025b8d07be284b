"""API tokens on the profile page: create one (shown once) and revoke it."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accord.accounts.apitokens import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Token name"), max_length=100,
                           help_text=gettext_lazy("What the token is for, e.g. the student information system."))


@require_POST
def token_create(request):
    from accord.accounts.views import ProfileView

    form = TokenForm(request.POST)
    if not form.is_valid():
        return ProfileView.as_view(extra_context={"token_form": form})(request, status=400)
    token, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
    # shown on this response only; never stored, never put in the session
    return ProfileView.as_view(extra_context={"new_token": raw, "new_token_record": token})(request)


@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("Token “%(name)s” revoked: it no longer opens the API.") % {"name": token.name})
    return redirect("accounts:profile")
