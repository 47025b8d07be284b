"""News articles and the cooperation events the pipeline proposes from them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

EVENT_TYPES = [
    ("agreement_signing", _("Agreement signing")),
    ("visit_inbound", _("Inbound visit")),
    ("visit_outbound", _("Outbound visit")),
    ("joint_institution_established", _("Joint institution established")),
    ("exchange_program", _("Exchange programme")),
    ("forum_or_conference", _("Forum or conference")),
    ("competition", _("Competition")),
    ("research_project_or_fund", _("Research project or fund")),
    ("cultural_exchange", _("Cultural exchange")),
    ("other", _("Other")),
]
MODES = [("online", _("Online")), ("in_person", _("In person"))]
PRECISIONS = [("day", _("Day")), ("month", _("Month")), ("", _("Unknown"))]


class Article(models.Model):
    """A news article in the review queue: its cleaned text, and where it came from."""

    class Format(models.TextChoices):
        TEXT = "text", _("Plain text")
        HTML = "html", _("HTML")
        MARKDOWN = "markdown", _("Markdown")

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Being read")
        QUEUED = "queued", _("Waiting for review")
        REVIEWED = "reviewed", _("Reviewed")
        NO_EVENTS = "no_events", _("No events found")

    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=12, default="en")
    text = models.TextField(_("text"), help_text=_("The article as plain text, page furniture removed."))
    raw = models.TextField(_("text as received"), blank=True,
                           help_text=_("Kept until the pipeline has read the article."))
    original_format = models.CharField(_("original format"), max_length=10, choices=Format.choices, default=Format.TEXT)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("ingested by"),
    )
    ingested_at = models.DateTimeField(_("ingested at"), auto_now_add=True)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                            verbose_name=_("background job"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True)
    history = HistoricalRecords(excluded_fields=["raw", "job"])

    class Meta:
        ordering = ["-ingested_at", "-pk"]

    def __str__(self):
        return self.title or self.text[:80]

    def get_absolute_url(self):
        return reverse("newsroom:article-detail", args=[self.pk])


class Proposal(models.Model):
    """One event the pipeline read in an article, waiting for a person to accept, edit, merge or reject it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        MERGED = "merged", _("Merged into an existing record")
        REJECTED = "rejected", _("Rejected")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposals")
    event_type = models.CharField(_("event type"), max_length=32, choices=EVENT_TYPES)
    date = models.CharField(_("date"), max_length=10, blank=True, help_text=_("2021-08-30, 2021-08, --08-30 or empty"))
    date_precision = models.CharField(_("date precision"), max_length=5, choices=PRECISIONS, blank=True)
    mode = models.CharField(_("mode"), max_length=12, choices=MODES, blank=True)
    confidence = models.FloatField(_("confidence"), default=0.5)
    payload = models.JSONField(_("parties, people and counts"), default=dict, blank=True)
    evidence = models.TextField(_("evidence sentence"), blank=True)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED,
                              db_index=True)
    agreement = models.ForeignKey(
        "agreements.Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="news_proposals",
        verbose_name=_("agreement"),
    )
    activity = models.ForeignKey(
        "activities.Activity", null=True, blank=True, on_delete=models.SET_NULL, related_name="news_proposals",
        verbose_name=_("activity"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "evidence_start", "pk"]

    def __str__(self):
        return f"{self.get_event_type_display()} ({self.article})"

    @property
    def record(self):
        return self.agreement or self.activity

    @property
    def institutions(self):
        return self.payload.get("institutions", [])

    @property
    def people(self):
        return self.payload.get("people", [])
