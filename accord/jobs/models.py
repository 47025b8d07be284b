"""A Job: one piece of long work someone (or the schedule) started, with its progress and outcome."""

from django.conf import settings
from django.db import connections, models, router
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ERROR_LENGTH = 4000


def _count_part_sql(connection) -> str:
    """UPDATE the job: done += %s, failed += %s, heartbeat = %s; with its last part its status becomes
    failed (a part failed, counting this one: + %s) or done, and finished_at = %s; WHERE id = %s."""
    q = connection.ops.quote_name
    running = f"{q('status')} IN ('{Job.Status.QUEUED}', '{Job.Status.RUNNING}') AND " \
              f"{q('done')} + {q('failed')} + 1 >= {q('total')}"
    return (f"UPDATE {q(Job._meta.db_table)} SET {q('done')} = {q('done')} + %s, {q('failed')} = {q('failed')} + %s, "
            f"{q('heartbeat_at')} = %s, {q('status')} = CASE WHEN {running} THEN (CASE WHEN {q('failed')} + %s > 0 "
            f"THEN '{Job.Status.FAILED}' ELSE '{Job.Status.DONE}' END) ELSE {q('status')} END, "
            f"{q('finished_at')} = CASE WHEN {running} THEN %s ELSE {q('finished_at')} END WHERE {q(Job._meta.pk.column)} = %s")


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    FINISHED = (Status.DONE, Status.FAILED)

    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    label = models.CharField(_("what"), max_length=300, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("started by"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    key = models.CharField(_("key"), max_length=100, blank=True,
                           help_text=_("With the kind, names a job that must not be started twice."))
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    parts = models.JSONField(_("parts"), null=True, blank=True, help_text=_("The list of parts, queued one by one."))
    total = models.PositiveIntegerField(_("parts"), default=1)
    done = models.PositiveIntegerField(_("parts done"), default=0)
    failed = models.PositiveIntegerField(_("parts failed"), default=0)
    summary = models.CharField(_("result"), max_length=500, blank=True)
    result_url = models.CharField(max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="jobs/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="jobs_stalled_idx")]
        constraints = [models.UniqueConstraint(fields=["kind", "key"], condition=~models.Q(key=""),
                                               name="jobs_one_job_per_kind_and_key")]

    def __str__(self):
        return self.label or self.kind

    def get_absolute_url(self):
        return reverse("jobs:job-detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * (self.done + self.failed) / self.total))

    # Progress is written with UPDATE … SET x = x + 1 so workers on several machines never lose a count.

    def count_part(self, *, failed: bool = False, error: str = "") -> None:
        """One part ended; call it inside the transaction that wrote the part's result so the count
        and the result commit together (a re-run part that finds its result written counts nothing).

        One UPDATE counts the part and finishes the job with its last part (its right-hand sides read
        the row as it was). It is written in SQL: it runs once per part while the part holds SQLite's
        one write lock, and the ORM took 2 ms of CPU to build it (SQL: 0.07 ms)."""
        now = timezone.now()
        if failed:
            Job.objects.filter(pk=self.pk).update(error=models.functions.Left(
                models.functions.Concat(F("error"), models.Value(error[:500] + "\n")), ERROR_LENGTH))
        connection = connections[router.db_for_write(Job)]
        stamp = connection.ops.adapt_datetimefield_value(now)
        with connection.cursor() as cursor:
            cursor.execute(_count_part_sql(connection), [1 - failed, int(failed), stamp, int(failed), stamp, self.pk])

    def visible_to(self, user) -> bool:
        return user.is_superuser or (self.started_by_id is not None and self.started_by_id == user.pk)
