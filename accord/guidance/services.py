"""What the guidance center does to applications and consultations, one function per business action.

Every stage change goes through `advance()`, which checks the TRANSITIONS table and records who
moved the application and why in its history.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accord.guidance import notices
from accord.lib.limits import CHANGE_REASON_LENGTH
from accord.records.files import attach
from accord.records.services import save_record
from accord.guidance.models import Application, ApplicationFile, ApplicationNote, ApplicationStep, CallDocument, Stage

S = Stage

# from -> the stages an application may move to
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.IDEA: (S.CONSULTATION, S.DRAFTING, S.WITHDRAWN),
    S.CONSULTATION: (S.IDEA, S.DRAFTING, S.WITHDRAWN),
    S.DRAFTING: (S.CONSULTATION, S.INTERNAL_REVIEW, S.WITHDRAWN),
    S.INTERNAL_REVIEW: (S.DRAFTING, S.SUBMITTED, S.WITHDRAWN),
    S.SUBMITTED: (S.AWARDED, S.REJECTED, S.WITHDRAWN),
    S.AWARDED: (),
    S.REJECTED: (),
    S.WITHDRAWN: (),
}

# The button label for moving to a stage.
ACTION_LABELS = {
    S.IDEA: gettext_lazy("Back to idea"),
    S.CONSULTATION: gettext_lazy("Ask for a consultation"),
    S.DRAFTING: gettext_lazy("Start drafting"),
    S.INTERNAL_REVIEW: gettext_lazy("Send to internal review"),
    S.SUBMITTED: gettext_lazy("Mark submitted to the funder"),
    S.AWARDED: gettext_lazy("Record award"),
    S.REJECTED: gettext_lazy("Record rejection"),
    S.WITHDRAWN: gettext_lazy("Withdraw"),
}


class StageNotAllowed(Exception):
    """A stage change the workflow does not allow."""


class ConsultationFull(Exception):
    """A booking the consultation cannot take."""


def _label(stage) -> str:
    return str(Stage(stage).label) if stage in Stage.values else str(stage)


def allowed_stages(application) -> list[str]:
    return list(TRANSITIONS.get(application.stage, ()))


def advance(application, to, *, by, note: str = "") -> Application:
    """Move `application` to stage `to`, recording `by` and `note` in its history (and the note
    among its dated notes). Raises StageNotAllowed for a move the TRANSITIONS table does not allow."""
    if to not in Stage.values:
        raise StageNotAllowed(_("%(stage)s is not an application stage.") % {"stage": to})
    with transaction.atomic():
        current = Application.objects.select_for_update().get(pk=application.pk)
        if to not in TRANSITIONS[current.stage]:
            raise StageNotAllowed(
                _("An application cannot go from %(old)s to %(new)s. Allowed: %(allowed)s.")
                % {
                    "old": _label(current.stage),
                    "new": _label(to),
                    "allowed": ", ".join(_label(s) for s in TRANSITIONS[current.stage]) or _("none"),
                }
            )
        old = current.stage
        reason = f"stage: {current.stage} → {to}" + (f" — {note}" if note else "")
        current.stage = to
        current.stage_changed = timezone.now()
        current.version += 1  # an edit opened before the move is refused (records.concurrency)
        current._history_user = by
        current._change_reason = reason[:CHANGE_REASON_LENGTH]
        current.save()
        if note:
            ApplicationNote.objects.create(application=current, author=by, text=f"[{_label(to)}] {note}")
        notices.stage_changed(current, old, to, by=by)
    application.stage, application.stage_changed, application.version = current.stage, current.stage_changed, current.version
    return current


def save_call(call, *, by, expected_version=None, fields=None, write_children=None, reason=""):
    """Create or update a call (its rules: Call.clean — budgets and deadlines in order)."""
    return save_record(call, by=by, expected_version=expected_version, fields=fields,
                       write_children=write_children, reason=reason)


def save_application(application, *, by, expected_version=None, fields=None, write_children=None, reason=""):
    """Update an application's fields (its stage moves only through advance())."""
    return save_record(application, by=by, expected_version=expected_version, fields=fields,
                       write_children=write_children, reason=reason)


@transaction.atomic
def start_application(*, applicant, call, by=None, partners=(), researchers=(), **fields) -> Application:
    """Create an application at the idea stage with a checklist copied from the call's process steps."""
    application = Application(applicant=applicant, call=call, stage=S.IDEA, stage_changed=timezone.now(), **fields)
    if application.faculty_id is None:
        profile = getattr(applicant, "profile", None)
        application.faculty = getattr(profile, "faculty", None)
    application._history_user = by or applicant
    application.save()
    application.partner_institutions.set(partners)
    application.partner_researchers.set(researchers)
    ApplicationStep.objects.bulk_create(
        ApplicationStep(application=application, call_step=step, order=step.order, title=step.title,
                        due_date=step.due_date)
        for step in call.steps.order_by("order", "pk")
    )
    call.followers.add(applicant)
    notices.mentor_assigned(application, by=by or applicant)
    return application


def add_note(application, text: str, *, by) -> ApplicationNote:
    note = ApplicationNote(application=application, author=by, text=text.strip())
    note._history_user = by
    note.save()
    notices.note_added(note, by=by)
    return note


def mark_step(step: ApplicationStep, *, done: bool, by, today: date | None = None) -> ApplicationStep:
    step.done = done
    step.done_on = (today or timezone.localdate()) if done else None
    step._history_user = by
    step.save()
    return step


def attach_file(application, upload, *, by, description: str = "") -> ApplicationFile:
    """Keep a file of an application; raises ValidationError unless it is a PDF, PNG or JPEG within the limit."""
    return attach(ApplicationFile, upload, by=by, description=description, application=application)


def attach_call_document(call, upload, *, by, description: str = "") -> CallDocument:
    return attach(CallDocument, upload, by=by, description=description, call=call)


def follow(call, user, *, on: bool = True) -> None:
    (call.followers.add if on else call.followers.remove)(user)


def book(consultation, user, *, application=None) -> None:
    """Book `user` into a consultation (linking their application, if any). An application still at
    the idea stage moves to the consultation stage."""
    with transaction.atomic():
        type(consultation).objects.select_for_update().filter(pk=consultation.pk).first()
        if consultation.is_past:
            raise ConsultationFull(_("This consultation has already taken place."))
        already = consultation.applicants.filter(pk=user.pk).exists()
        if not already and consultation.places_left() <= 0:
            raise ConsultationFull(_("This consultation is full."))
        consultation.applicants.add(user)
        if application is not None:
            consultation.applications.add(application)
            if application.stage == S.IDEA:
                advance(application, S.CONSULTATION, by=user,
                        note=_("booked %(title)s") % {"title": consultation.title})
