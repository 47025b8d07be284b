"""Who sees and changes which application: the applicant and their mentor theirs, a coordinator
their faculty's, office staff and administrators all. Actions come from accounts.roles.can()."""

from django.db.models import Q

from accord.accounts.roles import COORDINATOR, STAFF, can, faculty_of, has_role, role_of
from accord.guidance.models import Application, Stage

# Stages only the office records (the funder's decision).
OFFICE_STAGES = {Stage.AWARDED, Stage.REJECTED}


def visible_applications(user):
    qs = Application.objects.all()
    if not can(user, "guidance.browse"):
        return qs.none()
    if has_role(user, STAFF):
        return qs
    scope = Q(applicant=user) | Q(mentor=user)
    if role_of(user) == COORDINATOR and faculty_of(user) is not None:
        scope |= Q(faculty=faculty_of(user))
    return qs.filter(scope)


def can_view(user, application) -> bool:
    return visible_applications(user).filter(pk=application.pk).exists()


def can_edit(user, application) -> bool:
    """The applicant, the mentor and the office may work on an application."""
    if not getattr(user, "is_authenticated", False):
        return False
    if has_role(user, STAFF):
        return True
    return can(user, "guidance.browse") and user.pk in (application.applicant_id, application.mentor_id)


# Fields only the applicant and the office change: a mentor does not hand an application on or drop it.
APPLICANT_FIELDS = {"mentor"}


def can_change(user, application, fields) -> bool:
    """May `user` save these changed fields of the application? Checked before anything is saved."""
    if not can_edit(user, application):
        return False
    if APPLICANT_FIELDS & set(fields):
        return has_role(user, STAFF) or user.pk == application.applicant_id
    return True


def can_move(user, application, to) -> bool:
    if to in OFFICE_STAGES:
        return can(user, "guidance.manage")
    return can_edit(user, application)
