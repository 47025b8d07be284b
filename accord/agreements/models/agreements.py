from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accord.agreements import isced
from accord.agreements.models.validators import validate_isced_codes
from accord.registry.models import home_unit_q


class Kind(models.TextChoices):
    FRAMEWORK = "framework", _("Framework MoU")
    STUDENT_EXCHANGE = "student_exchange", _("Student exchange")
    STAFF_EXCHANGE = "staff_exchange", _("Staff exchange")
    JOINT_TRAINING = "joint_training", _("Joint training / dual degree")
    JOINT_INSTITUTION = "joint_institution", _("Joint institution")
    RESEARCH = "research", _("Research cooperation")
    FUND = "fund", _("Fund")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UNDER_NEGOTIATION = "under_negotiation", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    EXPIRING = "expiring", _("Expiring")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    RENEWED = "renewed", _("Renewed")
    ABANDONED = "abandoned", _("Abandoned")


# Statuses in which an agreement binds its parties.
ALIVE = (Status.SIGNED, Status.ACTIVE, Status.EXPIRING)


class SigningMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online / video link")
    EXCHANGE = "exchange", _("Exchange of documents")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def home_units():
    """What may own an agreement: the units of the home university."""
    return home_unit_q()


class Agreement(models.Model):
    """A cooperation agreement between the home university (or others) and partners."""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FRAMEWORK, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_precision = models.CharField(
        _("signing date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("When only the year is known, enter 1 January of that year and choose Year."),
    )
    signing_mode = models.CharField(_("signing mode"), max_length=12, choices=SigningMode.choices, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Empty: open-ended."))
    auto_renew = models.BooleanField(_("renews automatically"), default=False)
    renewal_notice_days = models.PositiveSmallIntegerField(
        _("notice period (days)"), default=90, help_text=_("The owner is reminded this many days before expiry.")
    )
    renews = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="renewed_by",
        verbose_name=_("renews"), help_text=_("The earlier agreement this one renews."),
    )
    faculty = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.PROTECT, related_name="owned_agreements",
        limit_choices_to=home_units, verbose_name=_("owning faculty"), help_text=_("Empty: university level."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="agreements_owned",
        verbose_name=_("owner"), help_text=_("The person reminded before expiry."),
    )
    subject_areas = models.JSONField(
        _("subject areas"), default=list, blank=True, validators=[validate_isced_codes],
        help_text=_("ISCED-F 2013 codes"),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_from__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="agreement_ends_after_it_starts",
            )
        ]
        # agreements valid in a period, by kind and status, read from the index alone
        indexes = [
            models.Index(fields=["status", "valid_until", "valid_from", "signed_on", "kind", "faculty"],
                         name="agreement_validity"),
            # new agreements of a period: one short range of signing dates
            models.Index(fields=["signed_on", "status", "faculty"], name="agreement_signed"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:agreement-detail", args=[self.pk])

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("An agreement cannot end before it starts.")})
        if self.faculty_id and not self.faculty.is_home_unit:
            raise ValidationError({"faculty": _("The owning faculty must be a unit of the home university.")})

    @property
    def signed_display(self) -> str:
        if not self.signed_on:
            return ""
        if self.signed_precision == DatePrecision.YEAR:
            return f"{self.signed_on:%Y}"
        if self.signed_precision == DatePrecision.MONTH:
            return f"{self.signed_on:%Y-%m}"
        return self.signed_on.isoformat()

    def days_left(self, today: date | None = None) -> int | None:
        if self.valid_until is None:
            return None
        return (self.valid_until - (today or timezone.localdate())).days

    def subject_area_labels(self) -> list[str]:
        return [isced.label(code) for code in self.subject_areas]


class AgreementParty(models.Model):
    class Role(models.TextChoices):
        HOME = "home", _("Home")
        PARTNER = "partner", _("Partner")
        COORDINATOR = "coordinator", _("Coordinator")
        ASSOCIATE = "associate", _("Associate")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    institution = models.ForeignKey(
        "registry.Institution", on_delete=models.PROTECT, related_name="agreement_parties", verbose_name=_("institution")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "agreement parties"
        constraints = [models.UniqueConstraint(fields=["agreement", "institution"], name="one_party_per_institution")]
        # "is this institution a partner in the period?": its agreements without reading the parties
        indexes = [models.Index(fields=["institution", "agreement"], name="agreementparty_inst_agreement")]

    def __str__(self):
        return f"{self.institution} ({self.get_role_display()})"


class Signatory(models.Model):
    """Who signed, for which side, with the title they held that day."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    institution = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("signed for"),
    )
    person = models.ForeignKey("mobility.Person", on_delete=models.PROTECT, related_name="signatures",
                               verbose_name=_("person"))
    title = models.CharField(_("title at signing"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "signatories"

    def __str__(self):
        return f"{self.person.name}, {self.title}" if self.title else self.person.name
