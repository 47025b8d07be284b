"""Users and roles for administrators: list, create or invite, change access, deactivate, send a
password-set link. Every change goes through accord.accounts.users and is kept in UserChange."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accord.accounts import users
from accord.accounts.language import chosen_language
from accord.accounts.language import choices as language_choices
from accord.accounts.models import UserChange
from accord.accounts.roles import ROLE_LABELS, ROLES, can, faculty_of, role_of
from accord.lib.limits import HISTORY_LIMIT


def _require_admin(request):
    if not can(request.user, "accounts.manage"):
        raise PermissionDenied(_("Only administrators manage users."))


class AccessForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"), required=False,
                             choices=[("", gettext_lazy("No role"))] + [(r, ROLE_LABELS[r]) for r in ROLES])
    faculty = forms.ModelChoiceField(label=gettext_lazy("Faculty"), queryset=None, required=False,
                                     help_text=gettext_lazy("Required for faculty coordinators."))
    teacher = forms.BooleanField(label=gettext_lazy("Teacher: browses calls and applies in the guidance center"),
                                 required=False)
    mentor = forms.BooleanField(label=gettext_lazy("Mentor: may be chosen to guide applications"), required=False)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=language_choices, required=False,
                                 help_text=gettext_lazy("The language of Accord's pages after they log in, and of the e-mails Accord sends them."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = users.faculties()

    def flags(self):
        return [flag for flag in users.FLAGS if self.cleaned_data.get(flag)]


class CreateForm(AccessForm):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    send_link = forms.BooleanField(label=gettext_lazy("E-mail an invitation with a link to set a password"),
                                   required=False, initial=True)
    field_order = ["username", "first_name", "last_name", "email", "role", "faculty", "teacher", "mentor", "language",
                   "send_link"]


def user_list(request):
    _require_admin(request)
    rows = get_user_model().objects.select_related("profile__faculty").prefetch_related("groups").order_by("username")
    people = [{"user": u, "role": ROLE_LABELS.get(role_of(u), "") if u.is_active else "",
               "flags": [str(ROLE_LABELS.get(g.name, g.name)) for g in u.groups.all() if g.name in users.FLAGS],
               "faculty": faculty_of(u)} for u in rows]
    return render(request, "accounts/user_list.html", {"people": people})


def user_create(request):
    _require_admin(request)
    form = CreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = users.create_user(data["username"], by=request.user, email=data["email"],
                                     first_name=data["first_name"], last_name=data["last_name"], role=data["role"],
                                     faculty=data["faculty"], flags=form.flags(), language=data["language"])
            if data["send_link"]:
                users.send_password_link(user, request.build_absolute_uri("/"), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("User %(name)s created.") % {"name": user.username}
                             + (" " + _("An invitation was e-mailed to %(email)s.") % {"email": user.email}
                                if data["send_link"] else ""))
            return redirect("accounts:user-detail", user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "object": None},
                  status=400 if form.errors else 200)


def user_detail(request, pk):
    _require_admin(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    state = users._describe(user)
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email,
               "role": state["role"], "faculty": state["faculty"], **{f: f in state["flags"] for f in users.FLAGS},
               "language": chosen_language(user)}
    form = AccessForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            users.set_details(user, email=data["email"] or "", first_name=data["first_name"],
                              last_name=data["last_name"], by=request.user)
            users.set_access(user, role=data["role"], faculty=data["faculty"], flags=form.flags(), by=request.user)
            users.set_language(user, data["language"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:user-detail", user.pk)
    return render(request, "accounts/user_form.html", {
        "form": form, "object": user,
        "changes": UserChange.objects.filter(user=user).select_related("by")[:HISTORY_LIMIT],
    }, status=400 if form.errors else 200)


@require_POST
def user_active(request, pk):
    _require_admin(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    try:
        users.set_active(user, request.POST.get("active") == "1", by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s can log in again.") % {"name": user.username} if user.is_active
                         else _("%(name)s is deactivated and can no longer log in.") % {"name": user.username})
    return redirect("accounts:user-detail", user.pk)


@require_POST
def user_password_link(request, pk):
    _require_admin(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    try:
        users.send_password_link(user, request.build_absolute_uri("/"), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("A link to set a password was e-mailed to %(email)s.") % {"email": user.email})
    return redirect("accounts:user-detail", user.pk)
