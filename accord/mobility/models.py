from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Person(models.Model):
    """Someone the office deals with: an official who signs, a professor who visits, a student who goes abroad."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official")
        FACULTY = "faculty", _("Faculty member")
        STAFF = "staff", _("Staff")
        STUDENT = "student", _("Student")
        ALUMNI = "alumni", _("Alumni")

    name = models.CharField(max_length=200, db_index=True)
    local_name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True, help_text=_("e.g. Vice-President, Mayor of Montargis"))
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OFFICIAL)
    institution = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    nationality = models.ForeignKey(
        "registry.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    faculty = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="faculty_people",
        verbose_name=_("owning faculty"),
        help_text=_("The faculty that keeps this record; its coordinator may edit it."),
    )
    # contact data: shown to office staff only (accounts.roles "people.contacts")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name} ({self.title})" if self.title else self.name

    def get_absolute_url(self):
        return reverse("mobility:person-detail", args=[self.pk])


class Level(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor")
    MASTER = "master", _("Master")
    DOCTORAL = "doctoral", _("Doctoral")
    NON_DEGREE = "non_degree", _("Non-degree")


def academic_year_of(day) -> int:
    """The academic year a date falls in, named by the year it starts: 2024-10-01 -> 2024 (2024–2025)."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_label(year) -> str:
    return f"{year}–{year + 1}" if year else ""


def _check_period(start, end):
    if start and end and end < start:
        raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class Program(models.Model):
    """A lasting cooperation structure: a joint school or institute, a Confucius Institute, a degree program."""

    class Kind(models.TextChoices):
        JOINT_SCHOOL = "joint_school", _("Joint school")
        JOINT_INSTITUTE = "joint_institute", _("Joint institute")
        CONFUCIUS = "confucius_institute", _("Confucius Institute")
        ENGLISH_TAUGHT = "english_taught", _("English-taught degree program")
        SUMMER_SCHOOL = "summer_school", _("Summer school")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    name = models.CharField(_("name"), max_length=300, unique=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, blank=True)
    partners = models.ManyToManyField(
        "registry.Institution", through="ProgramPartner", related_name="programs", blank=True
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty while it runs."))
    established = models.PositiveSmallIntegerField(_("year established"), null=True, blank=True)
    intake = models.PositiveIntegerField(_("students per intake"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        "registry.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="programs",
        verbose_name=_("country"),
    )
    faculty = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="faculty_programs",
        verbose_name=_("owning faculty"),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="program_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mobility:program-detail", args=[self.pk])

    def clean(self):
        super().clean()
        _check_period(self.start_date, self.end_date)

    @property
    def began(self):
        """The day it started, or the first of January of the year it was established."""
        if self.start_date:
            return self.start_date
        return date(self.established, 1, 1) if self.established else None


class ProgramPartner(models.Model):
    class Role(models.TextChoices):
        FOUNDER = "founder", _("Co-founder")
        PARTNER = "partner", _("Partner university")
        HOST = "host", _("Host")
        SPONSOR = "sponsor", _("Sponsor")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="partnerships")
    institution = models.ForeignKey(
        "registry.Institution", on_delete=models.PROTECT, related_name="program_partnerships",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "institution__name"]
        constraints = [models.UniqueConstraint(fields=["program", "institution"], name="unique_program_partner")]

    def __str__(self):
        return f"{self.institution} ({self.get_role_display()}) in {self.program}"


class Mobility(models.Model):
    """One person's stay abroad or at the university: a degree, an exchange, a visit, an internship."""

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("Incoming")
        OUTGOING = "outgoing", _("Outgoing")

    class Kind(models.TextChoices):
        DEGREE = "degree_student", _("Degree student")
        EXCHANGE = "exchange_student", _("Exchange student")
        SCHOLAR = "visiting_scholar", _("Visiting scholar")
        STAFF = "staff_exchange", _("Staff exchange")
        INTERNSHIP = "io_internship", _("Internship at an international organization")
        VOLUNTEER = "volunteer", _("Volunteer")

    # the kinds that make an incoming person an international student
    STUDENT_KINDS = (Kind.DEGREE, Kind.EXCHANGE)

    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mobilities", verbose_name=_("person"))
    home_institution = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.PROTECT, related_name="mobilities_out",
        verbose_name=_("home institution"),
    )
    host_institution = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.PROTECT, related_name="mobilities_in",
        verbose_name=_("host institution"),
    )
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="mobilities", verbose_name=_("program")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    academic_year = models.PositiveSmallIntegerField(
        _("academic year"), null=True, blank=True, db_index=True,
        help_text=_("The year it starts in: 2024 for 2024–2025. Filled from the start date when left empty."),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, blank=True)
    scholarship = models.CharField(
        _("scholarship"), max_length=200, blank=True, help_text=_("e.g. Chinese Government Scholarship")
    )
    faculty = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="faculty_mobilities",
        verbose_name=_("owning faculty"),
    )
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "person__name"]
        verbose_name_plural = "mobilities"
        # "stays in a period" (accord.insights.services.scope.mobility_period_branches) reads short ranges
        indexes = [
            models.Index(fields=["start_date"], name="mobility_start"),
            models.Index(fields=["end_date", "start_date"], name="mobility_end_start"),
            models.Index(fields=["academic_year"], condition=Q(start_date__isnull=True), name="mobility_undated_year"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="mobility_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person.name}: {self.get_kind_display()} ({self.get_direction_display()})"

    def get_absolute_url(self):
        return reverse("mobility:mobility-detail", args=[self.pk])

    def clean(self):
        super().clean()
        _check_period(self.start_date, self.end_date)

    def save(self, *args, **kwargs):
        if self.academic_year is None and self.start_date:
            self.academic_year = academic_year_of(self.start_date)
        super().save(*args, **kwargs)

    @property
    def academic_year_label(self):
        return academic_year_label(self.academic_year)


class StudentCohort(models.Model):
    """An aggregate figure when the people themselves are not recorded: "42 Thai master's students in 2024"."""

    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("International students at the university")
        INTAKE = "intake", _("New intake of a program")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices, default=Kind.INTERNATIONAL)
    academic_year = models.PositiveSmallIntegerField(
        _("academic year"), db_index=True, help_text=_("The year it starts in: 2024 for 2024–2025.")
    )
    nationality = models.ForeignKey(
        "registry.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="student_cohorts",
        verbose_name=_("nationality"),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, blank=True)
    count = models.PositiveIntegerField(_("students"))
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="cohorts", verbose_name=_("program")
    )
    faculty = models.ForeignKey(
        "registry.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="faculty_cohorts",
        verbose_name=_("owning faculty"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the figure comes from."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-academic_year", "nationality__name", "level"]

    def __str__(self):
        who = self.nationality.display_name if self.nationality_id else self.get_kind_display()
        return f"{self.count} {who} ({academic_year_label(self.academic_year)})"

    @property
    def academic_year_label(self):
        return academic_year_label(self.academic_year)
