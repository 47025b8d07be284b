"""Tell users about events: `notify()` is the one entry point the record apps call.

Each event has a key; a user is told about one key once (a unique constraint), so a command that
runs again (`accord remind`) or a retried request adds nothing. A new notification is e-mailed at
once unless the user turned e-mail off or the caller sends its own digest (`email=False`).
"""

import logging
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accord.accounts.roles import ROLES
from accord.lib.limits import fit
from accord.notifications.models import Notification, Preference

log = logging.getLogger(__name__)
_quiet = ContextVar("accord_notifications_quiet", default=False)


@contextmanager
def without_email():
    """Notifications made inside are kept in the app but not e-mailed (loading the demo, say)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def wants_email(user) -> bool:
    if not user.email or not user.is_active:
        return False
    return Preference.objects.filter(user=user).values_list("email", flat=True).first() is not False


def set_email(user, on: bool) -> None:
    Preference.objects.update_or_create(user=user, defaults={"email": on})


def notify(users, *, key: str, title: str, body: str = "", url: str = "", kind: str = "",
           email: bool = True) -> list[Notification]:
    """Notify each of `users` (a user or several; None and inactive users are skipped) of the event
    `key`; returns the notifications created now (none for users told before)."""
    if users is None:
        return []
    if not isinstance(users, Iterable):
        users = [users]
    created = []
    for user in users:
        if user is None or not user.is_active:
            continue
        try:
            with transaction.atomic():
                notification, new = Notification.objects.get_or_create(
                    user=user, key=fit(Notification, "key", key),
                    defaults={"title": fit(Notification, "title", str(title)), "body": str(body),
                              "url": fit(Notification, "url", url), "kind": fit(Notification, "kind", kind)},
                )
        except IntegrityError:  # another process told them meanwhile
            continue
        if new:
            created.append(notification)
            if email and not _quiet.get() and wants_email(user):
                transaction.on_commit(lambda n=notification: _send(n))
    return created


def _send(notification) -> None:
    body = notification.body + (f"\n\n{notification.url}" if notification.url else "")
    try:
        send_mail(f"Accord: {notification.title}", body.strip(), None, [notification.user.email])
    except Exception:  # the event is kept in the app; a mail server that fails must not undo it
        log.warning("could not e-mail notification %s", notification.pk, exc_info=True)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def unread(user):
    return Notification.objects.filter(user=user, read_at=None)


def mark_read(user, pks=None) -> int:
    """Mark the user's notifications (all, or those in `pks`) read; returns how many changed."""
    rows = unread(user)
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    return rows.update(read_at=timezone.now())


def users_with_role(minimum: str):
    """Active users holding `minimum` or a higher role (administrators include superusers)."""
    names = ROLES[ROLES.index(minimum):]
    return (get_user_model().objects.filter(Q(groups__name__in=names) | Q(is_superuser=True), is_active=True)
            .distinct().order_by("pk"))
