"""What the guidance center tells people (through accord.notifications): the mentor of a new
application, the applicant on each stage change and on each comment of their mentor, each in their
own language (the texts are functions that notify() calls in it)."""

from django.utils.translation import gettext as _

from accord.notifications.services import notify


def _name(user) -> str:
    return user.get_full_name() or user.get_username() if user else _("someone")


def mentor_assigned(application, *, by=None) -> None:
    """Tell the mentor of an application they now mentor (once per application and mentor)."""
    mentor = application.mentor
    if mentor is None or mentor.pk == getattr(by, "pk", None):
        return
    notify(mentor, key=f"application:{application.pk}:mentor:{mentor.pk}", kind="application.mentor",
           title=lambda: _("New application to mentor: %(title)s") % {"title": application.title},
           body=lambda: _("%(applicant)s applies to “%(call)s” and named you as mentor.")
           % {"applicant": _name(application.applicant), "call": application.call.title},
           url=application.get_absolute_url())


def stage_changed(application, old, new, *, by=None) -> None:
    """Tell the applicant their application moved (unless they moved it themselves)."""
    applicant = application.applicant
    if applicant.pk == getattr(by, "pk", None):
        return
    stamp = application.stage_changed.isoformat() if application.stage_changed else ""
    notify(applicant, key=f"application:{application.pk}:stage:{old}:{new}:{stamp}", kind="application.stage",
           title=lambda: _("“%(title)s” is now at the %(stage)s stage") % {"title": application.title,
                                                                           "stage": application.get_stage_display()},
           body=lambda: _("Moved by %(who)s.") % {"who": _name(by)}, url=application.get_absolute_url())


def note_added(note, *, by=None) -> None:
    """Tell the applicant when their mentor comments on the application."""
    application = note.application
    if by is None or by.pk != application.mentor_id or by.pk == application.applicant_id:
        return
    notify(application.applicant, key=f"application-note:{note.pk}", kind="application.comment",
           title=lambda: _("Your mentor commented on “%(title)s”") % {"title": application.title},
           body=note.text[:1000], url=application.get_absolute_url())
