from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accord.accounts.refusals import refusal
from accord.accounts.roles import can


def require(user, action, obj=None):
    if not can(user, action, obj):
        raise PermissionDenied(refusal(user, action))


def require_that(allowed: bool):
    if not allowed:
        raise PermissionDenied(_("This is not yours to see or change."))

