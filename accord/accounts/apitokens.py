"""API tokens: a user creates one on their profile page and sees it once; only its SHA-256 is stored."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "acc_"
LAST_USED_EVERY = timedelta(seconds=60)  # last_used_at is written at most this often: cheap under load

# The owner's fields read with the token: those the database driver returns as Python values on every
# backend (no datetimes, which SQLite returns naive); the rest load on first use.
OWNER_FIELDS = ("id", "password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active")


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at=None)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. the student information system."))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False, help_text="the first characters, to tell tokens apart")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        app_label = "accounts"
        db_table = "api_apitoken"  # the table keeps the name it had when tokens lived in the api app
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """A new token for `user`; returns the record and the raw token, which is never stored."""
        raw = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, token_hash=digest(raw), hint=raw[: len(PREFIX) + 6])
        return token, raw

    @classmethod
    def authenticate(cls, raw: str):
        """The active user a live token belongs to, or None.

        Every request asks the database (one indexed query, no cache), so a revoked token, a
        deactivated user and a changed role take effect on the next request in every worker."""
        if not raw:
            return None
        with connection.cursor() as cursor:
            cursor.execute(_owner_sql(), [
                connection.ops.adapt_datetimefield_value(timezone.now() - LAST_USED_EVERY), digest(raw), True])
            row = cursor.fetchone()
        if row is None:
            return None
        token_pk, stale, *values = row
        if stale:
            cls.objects.filter(pk=token_pk).update(last_used_at=timezone.now())
        return get_user_model().from_db(connection.alias, [f.attname for f in _owner_fields()], values)

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


def _owner_fields():
    """OWNER_FIELDS in the user model's order (the order Model.from_db() expects)."""
    return [f for f in get_user_model()._meta.concrete_fields if f.attname in OWNER_FIELDS]


_SQL = {}


def _owner_sql() -> str:
    """SELECT token id, whether last_used_at is older than %s, the owner's OWNER_FIELDS for a live token
    (by hash) of an active user. Plain SQL: the ORM would spend ~1 ms building the same query per request."""
    if connection.vendor not in _SQL:
        User = get_user_model()
        q = connection.ops.quote_name
        token = {f.name: q(f.column) for f in ApiToken._meta.concrete_fields}
        owner = ", ".join(f"u.{q(f.column)}" for f in _owner_fields())
        _SQL[connection.vendor] = (
            f"SELECT t.{token['id']}, CASE WHEN t.{token['last_used_at']} IS NULL OR t.{token['last_used_at']} < %s "
            f"THEN 1 ELSE 0 END, {owner} FROM {q(ApiToken._meta.db_table)} t "
            f"INNER JOIN {q(User._meta.db_table)} u ON u.{q(User._meta.pk.column)} = t.{token['user']} "
            f"WHERE t.{token['token_hash']} = %s AND t.{token['revoked_at']} IS NULL "
            f"AND u.{q(User._meta.get_field('is_active').column)} = %s"
        )
    return _SQL[connection.vendor]
