"""/api/v1/calls/ and /api/v1/applications/: the guidance center, with the web's rules.

Calls: everyone who may browse the guidance center reads them; the office (guidance.manage) writes.
Applications: a teacher sees their own, a mentor those they mentor, a coordinator their faculty's,
the office all (accord.guidance.access); stages change only through services.advance.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from accord.api import errors
from accord.api.auth import AUTH
from accord.api.crud import Pages, Resource, require
from accord.api.types import CountryCode, Id, Text, choice, text
from accord.guidance import access, notices, services
from accord.guidance.filters import CallFilter
from accord.guidance.forms import guidance_people
from accord.guidance.models import Application, Call, ProgramType, Stage
from accord.mobility.models import Person
from accord.registry.models import Country, CountryGroup, Institution

Money = Annotated[Decimal, Field(max_digits=14, decimal_places=2, ge=0)]
Isced = text(4)


# -- calls -------------------------------------------------------------------------------------

class CallIn(Schema):
    title: text(300)
    funder: text(300)
    program_type: choice(ProgramType) = ProgramType.NATIONAL.value
    positioning: Text = ""
    requirements: Text = ""
    countries: list[CountryCode] | None = Field(None, max_length=300, description="Replaces the countries when given.")
    country_groups: list[Id] | None = Field(None, max_length=100, description="Replaces the groups when given.")
    disciplines: list[Isced] = Field(default_factory=list, max_length=50)
    keywords: text(500) = ""
    budget_min: Money | None = None
    budget_max: Money | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "CNY"
    open_date: date | None = None
    internal_deadline: date | None = None
    external_deadline: date | None = None
    link: text(500) = ""


class CallStepOut(Schema):
    order: int
    title: str
    description: str
    due_date: date | None


class CallOut(Schema):
    id: int
    title: str
    funder: str
    program_type: str
    positioning: str
    requirements: str
    countries: list[str]
    country_groups: list[int]
    disciplines: list[str]
    keywords: str
    budget_min: Decimal | None
    budget_max: Decimal | None
    currency: str
    open_date: date | None
    internal_deadline: date | None
    external_deadline: date | None
    link: str
    is_open: bool
    version: int
    steps: list[CallStepOut]
    created: datetime

    @staticmethod
    def resolve_countries(obj):
        return [c.code for c in obj.countries.all()]

    @staticmethod
    def resolve_country_groups(obj):
        return [g.pk for g in obj.country_groups.all()]

    @staticmethod
    def resolve_is_open(obj):
        return obj.is_open()

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())


def _unknown(model, values, what) -> list:
    known = set(model.objects.filter(pk__in=values).values_list("pk", flat=True))
    return [([i], f"No {what} {value!r}.") for i, value in enumerate(values) if value not in known]


CALLS = Resource(
    name="calls", model=Call, filterset=CallFilter,
    queryset=lambda: Call.objects.prefetch_related("countries", "country_groups", "steps")
    .order_by("external_deadline", "title", "pk"),
    view="guidance.browse", add="guidance.manage", change="guidance.manage", faculty_scoped=False,
    service=services.save_call,
    children={
        "countries": (lambda codes: _unknown(Country, codes, "country"), lambda call, codes: call.countries.set(codes)),
        "country_groups": (lambda ids: _unknown(CountryGroup, ids, "country group"),
                           lambda call, ids: call.country_groups.set(ids)),
    },
)


# -- applications ------------------------------------------------------------------------------

class ApplicationIn(Schema):
    title: text(300)
    discipline: Isced = ""
    research_direction: Text = ""
    mentor: Id | None = None
    partner_institutions: list[Id] = Field(default_factory=list, max_length=100)
    partner_researchers: list[Id] = Field(default_factory=list, max_length=100)


class ApplicationCreate(ApplicationIn):
    call: Id


class ApplicationPatch(Schema):
    title: text(300) = Field(None, json_schema_extra=lambda s: s.pop("default", None))
    discipline: Isced = Field(None, json_schema_extra=lambda s: s.pop("default", None))
    research_direction: Text = Field(None, json_schema_extra=lambda s: s.pop("default", None))
    mentor: Id | None = None
    partner_institutions: list[Id] | None = Field(None, max_length=100)
    partner_researchers: list[Id] | None = Field(None, max_length=100)
    version: int = Field(..., ge=1, description="The version you read; 409 if it changed since.")


class ApplicationPut(ApplicationIn):
    version: int = Field(..., ge=1, description="The version you read; 409 if it changed since.")


class StageChange(Schema):
    to: choice(Stage)
    note: text(1000) = ""


class ApplicationOut(Schema):
    id: int
    call: int
    call_title: str
    applicant: int
    title: str
    discipline: str
    research_direction: str
    mentor: int | None
    faculty: int | None
    stage: str
    stage_changed: datetime | None
    partner_institutions: list[int]
    partner_researchers: list[int]
    next_stages: list[str]
    created: datetime
    version: int

    @staticmethod
    def resolve_call(obj):
        return obj.call_id

    @staticmethod
    def resolve_call_title(obj):
        return obj.call.title

    @staticmethod
    def resolve_applicant(obj):
        return obj.applicant_id

    @staticmethod
    def resolve_mentor(obj):
        return obj.mentor_id

    @staticmethod
    def resolve_faculty(obj):
        return obj.faculty_id

    @staticmethod
    def resolve_partner_institutions(obj):
        return [i.pk for i in obj.partner_institutions.all()]

    @staticmethod
    def resolve_partner_researchers(obj):
        return [p.pk for p in obj.partner_researchers.all()]

    @staticmethod
    def resolve_next_stages(obj, context):
        user = context["request"].user
        return [to for to in services.allowed_stages(obj) if access.can_move(user, obj, to)]


SCOPES = {
    "all": lambda qs, user: qs,
    "mine": lambda qs, user: qs.filter(applicant=user),
    "mentoring": lambda qs, user: qs.filter(mentor=user),
}


class ApplicationQuery(Schema):
    scope: Literal["all", "mine", "mentoring"] = Field("all", description="mine: I applied; mentoring: I mentor")
    stage: choice(Stage) | None = None
    call: Id | None = None


def _applications(user):
    return access.visible_applications(user).select_related("call").prefetch_related(
        "partner_institutions", "partner_researchers").order_by("-created", "-pk")


def _check_people(data: dict) -> list:
    problems = []
    if data.get("mentor") is not None and not guidance_people().filter(pk=data["mentor"]).exists():
        problems.append((["mentor"], f"User {data['mentor']} is not a teacher or office member who may mentor."))
    for name, model, what in [("partner_institutions", Institution, "institution"),
                              ("partner_researchers", Person, "person")]:
        if data.get(name):
            problems += [([name, *loc], msg) for loc, msg in _unknown(model, data[name], what)]
    return problems


def _save(application, data: dict, *, by):
    """Set the fields given and store them with the partners through the application service
    (its checks: 422; its version lock: 409)."""
    version = data.pop("version", None)
    partners = {name: data.pop(name) for name in ("partner_institutions", "partner_researchers") if name in data}
    for name, value in data.items():
        setattr(application, "mentor_id" if name == "mentor" else name, value)

    def write_partners(saved):
        for name, ids in partners.items():
            if ids is not None:
                getattr(saved, name).set(ids)

    try:
        services.save_application(application, by=by, expected_version=version,
                                  fields=["mentor" if name == "mentor" else name for name in data],
                                  write_children=write_partners)
    except ValidationError as error:
        raise errors.from_django(error) from None


applications = Router(tags=["applications"], auth=AUTH)


@applications.get("/", response={200: list[ApplicationOut], **errors.ERRORS}, operation_id="list_applications",
                  summary="List applications")
@paginate(Pages)
def list_applications(request, filters: Query[ApplicationQuery]):
    """The applications the caller may see: their own, those they mentor, their faculty's (coordinators), all (office)."""
    require(request.user, "guidance.browse")
    qs = SCOPES[filters.scope](_applications(request.user), request.user)
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    if filters.call:
        qs = qs.filter(call_id=filters.call)
    return qs


@applications.get("/{pk}", response={200: ApplicationOut, **errors.ERRORS}, operation_id="get_applications",
                  summary="One of the applications")
def get_application(request, pk: Path[Id]):
    require(request.user, "guidance.browse")
    return get_object_or_404(_applications(request.user), pk=pk)


@applications.post("/", response={201: ApplicationOut, **errors.ERRORS}, operation_id="create_applications",
                   summary="Apply to a call")
def create_application(request, payload: ApplicationCreate):
    """Start an application to an open call, at the idea stage, with the call's checklist. The caller is the applicant."""
    require(request.user, "guidance.apply")
    data = payload.dict()
    call = Call.objects.filter(pk=data.pop("call")).first()
    problems = _check_people(data)
    if call is None:
        problems.insert(0, (["call"], f"No call with id {payload.call}."))
    elif not call.is_open():
        problems.insert(0, (["call"], "This call is not open for applications."))
    if problems:
        raise errors.invalid(problems)
    partners, researchers = data.pop("partner_institutions"), data.pop("partner_researchers")
    probe = Application(call=call, applicant=request.user, **{("mentor_id" if k == "mentor" else k): v
                                                               for k, v in data.items()})
    try:
        probe.full_clean(exclude=["call", "applicant"])
    except ValidationError as error:
        raise errors.from_django(error) from None
    application = services.start_application(
        applicant=request.user, call=call, by=request.user, partners=partners, researchers=researchers,
        title=probe.title, discipline=probe.discipline, research_direction=probe.research_direction,
        mentor_id=probe.mentor_id,
    )
    return Status(201, _applications(request.user).get(pk=application.pk))


def _update(request, pk, payload, *, partial: bool):
    application = get_object_or_404(Application, pk=pk)
    if not access.can_view(request.user, application):
        raise PermissionDenied("You may not see this application.")
    if not access.can_edit(request.user, application):
        raise PermissionDenied("Only the applicant, the mentor and the office may change an application.")
    data = payload.dict(exclude_unset=partial)
    changed = {name for name, value in data.items()
               if getattr(application, "mentor_id" if name == "mentor" else name, None) != value}
    if not access.can_change(request.user, application, changed):
        raise PermissionDenied("Only the applicant and the office may change an application's mentor.")
    problems = _check_people(data)
    if problems:
        raise errors.invalid(problems)
    _save(application, data, by=request.user)
    notices.mentor_assigned(application, by=request.user)  # a new mentor hears of it, once
    return _applications(request.user).get(pk=application.pk)


@applications.put("/{pk}", response={200: ApplicationOut, **errors.WRITE_ERRORS}, operation_id="replace_applications",
                  summary="Replace the fields of an application")
def replace_application(request, pk: Path[Id], payload: ApplicationPut):
    return _update(request, pk, payload, partial=False)


@applications.patch("/{pk}", response={200: ApplicationOut, **errors.WRITE_ERRORS}, operation_id="update_applications",
                    summary="Change some fields of an application")
def update_application(request, pk: Path[Id], payload: ApplicationPatch):
    return _update(request, pk, payload, partial=True)


@applications.post("/{pk}/stage", response={200: ApplicationOut, **errors.ERRORS}, operation_id="advance_applications",
                   summary="Move an application to another stage")
def advance_application(request, pk: Path[Id], payload: StageChange):
    """The workflow's moves only (see `next_stages`); awards and rejections are the office's to record."""
    application = get_object_or_404(Application, pk=pk)
    if not access.can_view(request.user, application) or not access.can_move(request.user, application, payload.to):
        raise PermissionDenied(f"You may not move this application to {payload.to}.")
    try:
        services.advance(application, payload.to, by=request.user, note=payload.note)
    except services.StageNotAllowed as error:
        raise errors.invalid([(["to"], str(error))]) from None
    return _applications(request.user).get(pk=application.pk)
