from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accord.agreements import isced
from accord.agreements.models.validators import validate_isced_codes
from accord.records.files import StoredFile


class ProgramType(models.TextChoices):
    NATIONAL = "national", _("National international S&T cooperation program")
    BILATERAL = "bilateral_fund", _("Bilateral fund")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental program")
    FOUNDATION = "foundation", _("Foundation")
    EU_FRAMEWORK = "eu_framework", _("EU framework program")
    OTHER = "other", _("Other")


class Call(models.Model):
    """A call for international cooperation project applications, as the guidance center presents it."""

    funder = models.CharField(_("funder"), max_length=300)
    program_type = models.CharField(
        _("program type"), max_length=20, choices=ProgramType.choices, default=ProgramType.NATIONAL, db_index=True
    )
    title = models.CharField(_("title"), max_length=300)
    positioning = models.TextField(_("target positioning"), blank=True,
                                   help_text=_("What the program is for and whom it aims at."))
    requirements = models.TextField(_("eligibility and requirements"), blank=True)
    countries = models.ManyToManyField("registry.Country", related_name="calls", blank=True,
                                       verbose_name=_("eligible partner countries"))
    country_groups = models.ManyToManyField("registry.CountryGroup", related_name="calls", blank=True,
                                            verbose_name=_("eligible country groups"))
    disciplines = models.JSONField(_("disciplines"), default=list, blank=True, validators=[validate_isced_codes],
                                   help_text=_("ISCED-F 2013 codes"))
    keywords = models.CharField(_("keywords"), max_length=500, blank=True, help_text=_("Comma-separated."))
    budget_min = models.DecimalField(_("budget from"), max_digits=14, decimal_places=2, null=True, blank=True)
    budget_max = models.DecimalField(_("budget up to"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="CNY", help_text=_("ISO 4217, e.g. CNY"))
    open_date = models.DateField(_("opens"), null=True, blank=True)
    internal_deadline = models.DateField(_("internal deadline"), null=True, blank=True,
                                         help_text=_("When the university's review needs the application."))
    external_deadline = models.DateField(_("external deadline"), null=True, blank=True,
                                         help_text=_("When the funder closes the call."))
    link = models.URLField(_("link"), max_length=500, blank=True)
    followers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="followed_calls", blank=True)
    created = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    history = HistoricalRecords(m2m_fields=[countries, country_groups])

    class Meta:
        ordering = ["external_deadline", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_min__isnull=True) | Q(budget_max__isnull=True) | Q(budget_max__gte=F("budget_min")),
                name="call_budget_range",
            ),
            models.CheckConstraint(
                condition=Q(open_date__isnull=True) | Q(external_deadline__isnull=True)
                | Q(external_deadline__gte=F("open_date")),
                name="call_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guidance:call-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.budget_min is not None and self.budget_max is not None and self.budget_max < self.budget_min:
            errors["budget_max"] = _("The upper budget cannot be below the lower one.")
        if self.open_date and self.external_deadline and self.external_deadline < self.open_date:
            errors["external_deadline"] = _("A call cannot close before it opens.")
        if self.internal_deadline and self.external_deadline and self.internal_deadline > self.external_deadline:
            errors["internal_deadline"] = _("The internal deadline must come before the external one.")
        if errors:
            raise ValidationError(errors)

    def is_open(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        started = self.open_date is None or self.open_date <= today
        return started and (self.external_deadline is None or self.external_deadline >= today)

    @classmethod
    def open_q(cls, today: date | None = None) -> Q:
        today = today or timezone.localdate()
        return (Q(open_date__isnull=True) | Q(open_date__lte=today)) & (
            Q(external_deadline__isnull=True) | Q(external_deadline__gte=today)
        )

    def discipline_labels(self) -> list[str]:
        return [isced.label(code) for code in self.disciplines]

    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]

    def eligible_country_codes(self) -> set[str]:
        """Codes of the countries named directly or through a group; empty: any country."""
        codes = {c.code for c in self.countries.all()}
        for group in self.country_groups.all():
            codes |= {c.code for c in group.countries.all()}
        return codes


class CallStep(models.Model):
    """One step of a call's process, in order: what to do, and by when if the call says so."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("step"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "order", "pk"]

    def __str__(self):
        return f"{self.order}. {self.title}"


class CallDocument(StoredFile):
    """A guideline, template or form of a call (PDF, PNG or JPEG, checked like agreement documents)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="guidance/calls/%Y/")
