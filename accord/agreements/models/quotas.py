from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accord.agreements import isced
from accord.agreements.models.agreements import Agreement
from accord.agreements.models.validators import validate_academic_year, validate_isced_code


class Quota(models.Model):
    """How many people may move each year in one direction, for how long, in which field and language."""

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("Incoming")
        OUTGOING = "outgoing", _("Outgoing")

    class MobilityType(models.TextChoices):
        STUDENT_STUDIES = "student_studies", _("Student studies")
        STUDENT_TRAINEESHIP = "student_traineeship", _("Student traineeship")
        STAFF_TEACHING = "staff_teaching", _("Staff teaching")
        STAFF_TRAINING = "staff_training", _("Staff training")

    class EQF(models.IntegerChoices):
        SHORT_CYCLE = 5, _("EQF 5 — short cycle")
        FIRST_CYCLE = 6, _("EQF 6 — bachelor")
        SECOND_CYCLE = 7, _("EQF 7 — master")
        THIRD_CYCLE = 8, _("EQF 8 — doctorate")

    class CEFR(models.TextChoices):
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"
        C2 = "C2", "C2"

    STUDENT_TYPES = (MobilityType.STUDENT_STUDIES, MobilityType.STUDENT_TRAINEESHIP)

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="quotas")
    academic_year = models.CharField(_("academic year"), max_length=7, validators=[validate_academic_year],
                                     help_text=_("e.g. 2025/26"))
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    mobility_type = models.CharField(_("mobility type"), max_length=20, choices=MobilityType.choices)
    count = models.PositiveSmallIntegerField(_("people per year"))
    duration = models.DecimalField(
        _("duration per person"), max_digits=5, decimal_places=1, null=True, blank=True,
        help_text=_("Months for students, days for staff."),
    )
    isced_code = models.CharField(_("ISCED-F code"), max_length=4, blank=True, validators=[validate_isced_code])
    eqf_level = models.PositiveSmallIntegerField(_("EQF level"), choices=EQF.choices, null=True, blank=True)
    language = models.CharField(_("language"), max_length=3, blank=True, help_text=_("ISO 639-1, e.g. en"))
    cefr_level = models.CharField(_("CEFR level"), max_length=2, choices=CEFR.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["academic_year", "direction", "mobility_type", "pk"]

    def __str__(self):
        return f"{self.academic_year} {self.get_direction_display()} {self.get_mobility_type_display()}: {self.count}"

    @property
    def is_student(self) -> bool:
        return self.mobility_type in self.STUDENT_TYPES

    @property
    def duration_unit(self) -> str:
        return _("months") if self.is_student else _("days")

    def total_per_year(self) -> Decimal | None:
        """People × duration: total months (students) or days (staff) per year."""
        return None if self.duration is None else self.duration * self.count

    @property
    def isced_label(self) -> str:
        return isced.label(self.isced_code) if self.isced_code else ""
