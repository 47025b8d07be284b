from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accord.agreements import isced
from accord.agreements.models.validators import validate_isced_code
from accord.guidance.models.calls import Call, CallStep
from accord.records.files import StoredFile


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    CONSULTATION = "consultation", _("Consultation")
    DRAFTING = "drafting", _("Drafting")
    INTERNAL_REVIEW = "internal_review", _("Internal review")
    SUBMITTED = "submitted", _("Submitted")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Stages in which the application is still being prepared (deadlines still matter to the teacher).
IN_PREPARATION = (Stage.IDEA, Stage.CONSULTATION, Stage.DRAFTING, Stage.INTERNAL_REVIEW)
DECIDED = (Stage.AWARDED, Stage.REJECTED)
CLOSED = (Stage.AWARDED, Stage.REJECTED, Stage.WITHDRAWN)


class Application(models.Model):
    """A teacher's application to a call, guided by a mentor from the first idea to the decision."""

    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="guidance_applications",
                                  verbose_name=_("applicant"))
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call"))
    title = models.CharField(_("project title"), max_length=300)
    discipline = models.CharField(_("discipline"), max_length=4, blank=True, validators=[validate_isced_code],
                                  help_text=_("ISCED-F 2013 code"))
    research_direction = models.TextField(_("research direction"), blank=True)
    partner_institutions = models.ManyToManyField("registry.Institution", related_name="guidance_applications",
                                                  blank=True, verbose_name=_("partner institutions"))
    partner_researchers = models.ManyToManyField("mobility.Person", related_name="guidance_applications",
                                                 blank=True, verbose_name=_("partner researchers"))
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="mentored_applications", verbose_name=_("mentor"))
    faculty = models.ForeignKey("registry.Institution", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="faculty_guidance_applications", verbose_name=_("faculty"))
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.IDEA, db_index=True)
    stage_changed = models.DateTimeField(_("stage since"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="raised by every edit (optimistic lock)")
    history = HistoricalRecords(m2m_fields=[partner_institutions])

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guidance:application-detail", args=[self.pk])

    @property
    def discipline_label(self) -> str:
        return isced.label(self.discipline) if self.discipline else ""

    def next_step(self):
        return self.steps.filter(done=False).order_by("order", "pk").first()


class ApplicationStep(models.Model):
    """The application's copy of one process step of its call: the checklist."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    call_step = models.ForeignKey(CallStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(_("step"), max_length=200)
    due_date = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "order", "pk"]

    def __str__(self):
        return f"{self.order}. {self.title}"


class ApplicationNote(models.Model):
    """A dated note on an application: advice from a consultation, a decision, a reminder."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written = models.DateTimeField(auto_now_add=True)
    text = models.TextField(_("note"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-written", "-pk"]

    def __str__(self):
        return self.text[:60]


class ApplicationFile(StoredFile):
    """A draft, budget or letter of support (PDF, PNG or JPEG)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="guidance/applications/%Y/")
