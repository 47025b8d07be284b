from django.db import models


class ImportRun(models.Model):
    """One successful run of an importer: which file, how much it changed, how long it took.

    Written in the same transaction as the imported rows, so a failed import (which writes
    nothing) leaves no run behind either.
    """

    importer = models.CharField(max_length=20, db_index=True, help_text="hipo, ror, csv, ...")
    file_name = models.CharField(max_length=500)
    file_format = models.CharField(max_length=10, help_text="json, zip, csv")
    started_by = models.CharField(max_length=150, default="command line")
    started_at = models.DateTimeField()
    duration = models.DurationField()
    records = models.PositiveIntegerField(default=0, help_text="records read from the file")
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    notes = models.TextField(blank=True, help_text="warnings, e.g. relationships that could not be resolved")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.importer} import of {self.file_name} at {self.started_at:%Y-%m-%d %H:%M}"
