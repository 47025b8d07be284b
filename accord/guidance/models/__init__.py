from accord.guidance.models.applications import Application, ApplicationFile, ApplicationNote, ApplicationStep, Stage
from accord.guidance.models.calls import Call, CallDocument, CallStep, ProgramType
from accord.guidance.models.consultations import Consultation

__all__ = [
    "Application",
    "ApplicationFile",
    "ApplicationNote",
    "ApplicationStep",
    "Call",
    "CallDocument",
    "CallStep",
    "Consultation",
    "ProgramType",
    "Stage",
]
