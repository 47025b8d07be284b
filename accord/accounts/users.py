"""Managing user accounts inside Accord, one function per action; the admin pages and the
`accord user` command both call these, and each change is kept in UserChange."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accord.accounts.language import speaking_to
from accord.accounts.models import Profile, UserChange
from accord.lib.limits import fit
from accord.accounts.roles import ADMIN, COORDINATOR, MENTOR, ROLES, TEACHER, role_of

FLAGS = (TEACHER, MENTOR)


def faculties():
    """The units a coordinator may be scoped to (the registry's faculties), without importing the registry."""
    return Profile._meta.get_field("faculty").related_model.objects.filter(kind="faculty").order_by("name")


def _log(user, by, change: str) -> None:
    UserChange.objects.create(user=user, by=by if getattr(by, "is_authenticated", False) else None,
                              change=fit(UserChange, "change", change))


def _group(name) -> Group:
    return Group.objects.get_or_create(name=name)[0]


def _check_role(role, faculty):
    if role and role not in ROLES:
        raise ValidationError(_("Unknown role %(role)s; choose one of %(roles)s.") % {"role": role, "roles": ", ".join(ROLES)})
    if role == COORDINATOR and faculty is None:
        raise ValidationError(_("A faculty coordinator needs a faculty."))


@transaction.atomic
def create_user(username: str, *, by=None, email: str = "", first_name: str = "", last_name: str = "",
                role: str = "", faculty=None, flags=(), password: str | None = None, language: str = ""):
    """A new account; without a password it cannot log in until its owner sets one through a link."""
    User = get_user_model()
    username = username.strip()
    if not username:
        raise ValidationError(_("A username is required."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("The username %(name)s is taken.") % {"name": username})
    _check_role(role, faculty)
    user = User(username=username, email=email.strip(), first_name=first_name.strip(), last_name=last_name.strip())
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    Profile.objects.update_or_create(user=user, defaults={"faculty": faculty})
    _log(user, by, "created")
    set_access(user, role=role, faculty=faculty, flags=flags, by=by)
    set_language(user, language, by=by)
    return user


def _describe(user) -> dict:
    profile = Profile.objects.filter(user=user).first()
    names = set(user.groups.values_list("name", flat=True))
    return {
        "role": role_of(user) or "",
        "faculty": profile.faculty if profile else None,
        "flags": {f for f in FLAGS if f in names},
    }


@transaction.atomic
def set_access(user, *, role: str, faculty=None, flags=(), by=None) -> list[str]:
    """Give `user` exactly `role` (or none), `faculty` and the teacher/mentor `flags`; logs each
    difference and returns the list of changes."""
    _check_role(role, faculty)
    if by is not None and getattr(by, "pk", None) == user.pk and role != ADMIN and role_of(user) == ADMIN:
        raise ValidationError(_("You cannot take away your own administrator role."))
    before = _describe(user)
    flags = set(flags)
    if unknown := flags - set(FLAGS):
        raise ValidationError(_("Unknown flag %(flag)s.") % {"flag": ", ".join(sorted(unknown))})
    keep = user.groups.exclude(name__in=(*ROLES, *FLAGS))
    user.groups.set([*keep, *(_group(name) for name in ([role] if role else []) + sorted(flags))])
    user.is_staff = role == ADMIN  # Django's own admin site stays open to administrators
    if role != ADMIN:
        user.is_superuser = False
    user.save(update_fields=["is_staff", "is_superuser"])
    user.__dict__.pop("_accord_group_names", None)
    Profile.objects.update_or_create(user=user, defaults={"faculty": faculty})
    changes = []
    if before["role"] != role:
        changes.append(f"role: {before['role'] or '—'} → {role or '—'}")
    if before["faculty"] != faculty:
        changes.append(f"faculty: {before['faculty'] or '—'} → {faculty or '—'}")
    for flag in FLAGS:
        if (flag in before["flags"]) != (flag in flags):
            changes.append(f"{flag}: {'on' if flag in flags else 'off'}")
    for change in changes:
        _log(user, by, change)
    return changes


def set_details(user, *, email: str, first_name: str, last_name: str, by=None) -> None:
    values = {"email": email.strip(), "first_name": first_name.strip(), "last_name": last_name.strip()}
    changed = [name for name, value in values.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, values[name])
    if changed:
        user.save(update_fields=changed)
        _log(user, by, "changed " + ", ".join(changed))


def set_language(user, language: str, *, by=None) -> bool:
    """The language Accord speaks to `user` (its pages after login, its e-mails); "" for the site's."""
    if language and language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown language %(language)s; choose one of %(languages)s.")
                              % {"language": language, "languages": ", ".join(dict(settings.LANGUAGES))})
    profile, _created = Profile.objects.get_or_create(user=user)
    if profile.language == language:
        return False
    before = profile.language
    profile.language = language
    profile.save(update_fields=["language"])
    _log(user, by, f"language: {before or '—'} → {language or '—'}")
    return True


def set_active(user, active: bool, *, by=None) -> None:
    if by is not None and getattr(by, "pk", None) == user.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        _log(user, by, "reactivated" if active else "deactivated: can no longer log in")


def password_link(user, base_url: str) -> str:
    """A one-time link (Django's password-reset token) at which the user sets a new password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("password-set", args=[uid, default_token_generator.make_token(user)])
    return base_url.rstrip("/") + path


def send_password_link(user, base_url: str, *, by=None) -> str:
    if not user.email:
        raise ValidationError(_("%(name)s has no e-mail address to send the link to.") % {"name": user.get_username()})
    if not user.is_active:
        raise ValidationError(_("%(name)s is deactivated.") % {"name": user.get_username()})
    link = password_link(user, base_url)
    with speaking_to(user):
        send_mail(_("Accord: set your password"),
                  _("Hello %(name)s,\n\nSet your Accord password here (the link works once, for a few days):\n%(link)s\n")
                  % {"name": user.get_full_name() or user.get_username(), "link": link},
                  None, [user.email])
    _log(user, by, "password link sent")
    return link
