"""Tell users about events: `notify()` is the one entry point the record apps call.

Each event has a key; a user is told about one key once (a unique constraint), so a command that
runs again (`accord remind`) or a retried request adds nothing. A new notification is e-mailed at
once unless the user turned e-mail off or the caller sends its own digest (`email=False`).

Its title and text are written in the language of the user told (accord.accounts.language): a caller
passes them as functions (`title=lambda: _("…") % {…}`) that `notify()` calls in that language.
"""

import logging
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.accounts.language import speaking_to
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


Text = str | Callable[[], str]


def _in_words(text: Text) -> str:
    return str(text() if callable(text) else text)


def notify(users, *, key: str, title: Text, body: Text = "", url: str = "", kind: str = "",
           email: bool = True) -> list[Notification]:
    """Notify each of `users` (a user or several; None and inactive users are skipped) of the event
    `key`; returns the notifications created now (none for users told before). `title` and `body`
    are text, or functions returning it that are called in each user's language."""
    if users is None:
        return []
    if not isinstance(users, Iterable):
        users = [users]
    created = []
    for user in users:
        if user is None or not user.is_active:
            continue
        with speaking_to(user):
            words = {"title": fit(Notification, "title", _in_words(title)), "body": _in_words(body)}
        try:
            with transaction.atomic():
                notification, new = Notification.objects.get_or_create(
                    user=user, key=fit(Notification, "key", key),
                    defaults={**words, "url": fit(Notification, "url", url), "kind": fit(Notification, "kind", kind)},
                )
        except IntegrityError:  # another process told them meanwhile
            continue
        if new:
            created.append(notification)
            if email and not _quiet.get() and wants_email(user):
                transaction.on_commit(lambda n=notification: _send(n))
    return created


def _send(notification) -> None:
    """E-mail a notification: its title and text are already in the user's language."""
    body = notification.body + (f"\n\n{notification.url}" if notification.url else "")
    try:
        with speaking_to(notification.user):
            subject = _("Accord: %(title)s") % {"title": notification.title}
        send_mail(subject, body.strip(), None, [notification.user.email])
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
