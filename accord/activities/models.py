from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DatePrecision(models.TextChoices):
    """How much of start_date is known: news often says only "in June 2024"."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Activity(models.Model):
    """Something that happened with partners: a delegation, a forum, a competition, a signing."""

    class Kind(models.TextChoices):
        INBOUND = "inbound_delegation", _("Inbound delegation")
        OUTBOUND = "outbound_delegation", _("Outbound delegation")
        VISIT = "visit", _("Visit")
        SIGNING = "signing_ceremony", _("Signing ceremony")
        FORUM = "forum", _("Forum or conference")
        COMPETITION = "competition", _("Competition")
        LECTURE = "lecture", _("Lecture")
        CULTURAL = "cultural_exchange", _("Cultural exchange")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.OTHER)  # indexed by activity_kind_start
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))  # indexed by activity_start_kind
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day activity.")
    )
    date_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        "registry.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="activities",
        verbose_name=_("country"),
        help_text=_("Where it took place; for an inbound delegation, the country the guests came from."),
    )
    faculty = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="faculty_activities",
        verbose_name=_("owning faculty"),
    )
    participant_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    university_count = models.PositiveIntegerField(_("universities"), null=True, blank=True)
    country_count = models.PositiveIntegerField(_("countries"), null=True, blank=True)
    submission_count = models.PositiveIntegerField(_("submissions"), null=True, blank=True)
    source_url = models.URLField(_("source article"), max_length=500, blank=True)
    is_public = models.BooleanField(_("shown on public pages"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    institutions = models.ManyToManyField("registry.Institution", through="ActivityParty", related_name="activities")
    agreements = models.ManyToManyField(
        "agreements.Agreement", through="ActivityAgreement", related_name="activities", blank=True
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name_plural = "activities"
        # "activities in a period" reads two short ranges, by start date and by end date (then start
        # date), from indexes that also hold what the figures group or filter by (kind, faculty)
        indexes = [
            models.Index(fields=["start_date", "kind", "faculty"], name="activity_start_kind"),
            models.Index(fields=["end_date", "start_date", "kind", "faculty"], name="activity_end_start_kind"),
            # the same two ranges for one kind (figures count each kind apart)
            models.Index(fields=["kind", "start_date", "faculty"], name="activity_kind_start"),
            models.Index(fields=["kind", "end_date", "start_date", "faculty"], name="activity_kind_end_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="activity_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:activity-detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("An activity cannot end before it starts.")})

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def period(self):
        """The dates as precisely as they are known: "2022-07-29", "June 2024", "2024–2025"."""
        fmt = {DatePrecision.DAY: "Y-m-d", DatePrecision.MONTH: "F Y", DatePrecision.YEAR: "Y"}[self.date_precision]
        start = date_format(self.start_date, fmt)
        if self.end_date and self.end_date != self.start_date:
            end = date_format(self.end_date, fmt)
            if end != start:
                return f"{start} – {end}"
        return start

    @property
    def counts(self):
        """The recorded figures as (label, value) pairs, leaving out the unknown ones."""
        pairs = [
            (_("Participants"), self.participant_count),
            (_("Universities"), self.university_count),
            (_("Countries"), self.country_count),
            (_("Submissions"), self.submission_count),
        ]
        return [(label, value) for label, value in pairs if value is not None]


class ActivityParty(models.Model):
    """An institution taking part in an activity, and how."""

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        GUEST = "guest", _("Guest")
        PARTICIPANT = "participant", _("Participant")
        ORGANIZER = "organizer", _("Organizer")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="parties")
    institution = models.ForeignKey(
        "registry.Institution", on_delete=models.PROTECT, related_name="activity_parties",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "institution__name"]
        verbose_name_plural = "activity parties"
        constraints = [
            models.UniqueConstraint(fields=["activity", "institution", "role"], name="unique_activity_party")
        ]
        # "is this institution a partner in the period?": its activities without reading the parties
        indexes = [models.Index(fields=["institution", "activity"], name="activityparty_inst_activity")]

    def __str__(self):
        return f"{self.institution} ({self.get_role_display()}) at {self.activity}"


class ActivityPerson(models.Model):
    """A person at an activity, with the title or role they had there."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        "mobility.Person", on_delete=models.PROTECT, related_name="activity_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role or title at the event"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name"]
        constraints = [models.UniqueConstraint(fields=["activity", "person"], name="unique_activity_person")]

    def __str__(self):
        return f"{self.person.name} at {self.activity}"


class ActivityAgreement(models.Model):
    """An agreement an activity produced or served: signed at a ceremony, negotiated by a delegation."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="agreement_links")
    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="activity_links", verbose_name=_("agreement")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement__title"]
        constraints = [models.UniqueConstraint(fields=["activity", "agreement"], name="unique_activity_agreement")]

    def __str__(self):
        return f"{self.agreement} ↔ {self.activity}"
