"""One set of list/detail/create/update endpoints per resource, built from a declaration.

Every endpoint asks accounts.roles.can() - the permission layer of the web views - and writes
through the model's own validation (full_clean), so the API accepts exactly what the web forms do.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Optional

import django_filters

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import create_model
from pydantic import Field

from accord.accounts.roles import COORDINATOR, can, faculty_of, role_of
from accord.api import errors
from accord.api.auth import AUTH
from accord.api.types import MAX_ID, Id, text
from accord.records.services import save_record
from accord.registry.models import Institution

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


MAX_PAGE = 10**9  # page x page_size stays a 64-bit integer (a larger OFFSET is a database error, not an empty page)


class Pages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: Optional[int] = Field(None, ge=1, le=MAX_PAGE_SIZE)

    def __init__(self, **kwargs):
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)


def require(user, action, obj=None):
    if not can(user, action, obj):
        raise PermissionDenied(f"Your role may not do {action}.")


@dataclass
class Resource:
    """What the endpoints of one model need to know."""

    name: str  # URL segment and operation-id suffix: "institutions"
    model: type[models.Model]
    filterset: type
    queryset: Callable[[], models.QuerySet]
    view: str = "records.view"
    add: str = "records.add"
    change: str = "records.change"
    faculty_scoped: bool = True  # a coordinator's records belong to their faculty
    children: dict[str, tuple[Callable, Callable]] = field(default_factory=dict)  # name -> (check, write)
    check: Callable | None = None  # (user, data) -> more 422 problems, e.g. fields a role may not set
    # the record's business service: (instance, by=, expected_version=, fields=, write_children=)
    service: Callable = save_record
    # a service that needs the children themselves (the agreement's parties): (instance, by=, creating=, ...)
    write: Callable | None = None

    @property
    def versioned(self) -> bool:
        return any(f.name == "version" for f in self.model._meta.concrete_fields)


def _query_type(f):
    """Numbers stay numbers (a year within the calendar); everything else is bounded text."""
    if isinstance(f, django_filters.NumberFilter) or getattr(f, "extra", {}).get("coerce") is int:
        year = f.lookup_expr == "year" or "year" in (f.field_name or "")
        return Optional[Annotated[int, Field(ge=1, le=9999 if year else MAX_ID)]]
    return Optional[text(300)]


def filter_schema(filterset) -> type[Schema]:
    """The FilterSet's filters as optional query parameters (the filtering itself stays in the FilterSet)."""
    fields = {
        name: (_query_type(f), Field(None, description=str(f.label or name)))
        for name, f in filterset.base_filters.items()
    }
    return create_model(f"{filterset.__name__}Query", __base__=Schema, **fields)


def _no_default(schema: dict) -> None:
    schema.pop("default", None)  # left out means unchanged, not null


def partial_schema(schema: type[Schema], *, version: bool) -> type[Schema]:
    """Every field may be left out (PATCH), but null only where the full schema allows it;
    `version` required for records that carry one."""
    fields = {
        name: (Annotated[f.annotation, *f.metadata] if f.metadata else f.annotation,  # keep the bounds
               Field(None, json_schema_extra=_no_default))
        for name, f in schema.model_fields.items()
    }
    if version:
        fields["version"] = (int, Field(..., ge=1, description="The version you read; 409 if it changed since."))
    return create_model(f"{schema.__name__}Patch", __base__=Schema, **fields)


def with_version(schema: type[Schema]) -> type[Schema]:
    return create_model(
        f"{schema.__name__}Put", __base__=schema,
        version=(int, Field(..., ge=1, description="The version you read; 409 if it changed since.")),
    )


def apply_filters(resource: Resource, request, filters: Schema):
    data = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    if not data:
        return resource.queryset()  # every filter of the web lists is a no-op when empty; a FilterSet costs ~1 ms
    filterset = resource.filterset(data=data, queryset=resource.queryset(), request=request)
    if not filterset.is_valid():
        raise errors.invalid([([name], str(msg)) for name, msgs in filterset.errors.items() for msg in msgs],
                             where="query")
    return filterset.qs


def _check_references(resource: Resource, instance, data: dict) -> list:
    """Foreign keys that name no record, as 422 problems (before full_clean, whose clean() may follow them)."""
    problems = []
    for name, value in data.items():
        f = resource.model._meta.get_field(name)
        if value is None or not f.is_relation:
            continue
        related = f.remote_field.model._default_manager
        if not related.filter(pk=value).exists():
            problems.append(([name], f"No {f.remote_field.model._meta.verbose_name} with id {value}."))
        elif name == "faculty" and resource.faculty_scoped and not Institution.objects.home_units().filter(pk=value).exists():
            problems.append(([name], f"Institution {value} is not a faculty of the home university."))
    return problems


def write(request, resource: Resource, instance, payload: Schema, *, creating: bool, partial: bool):
    user = request.user
    require(user, resource.add if creating else resource.change, None if creating else instance)
    data = payload.dict(exclude_unset=partial)
    version = data.pop("version", None)
    children = {name: data.pop(name) for name in list(data) if name in resource.children}
    children = {name: value for name, value in children.items() if value is not None}
    problems = _check_references(resource, instance, data)
    if resource.check is not None:
        problems += resource.check(user, data)
    for name, value in children.items():
        problems += [([name, *loc], msg) for loc, msg in resource.children[name][0](value)]
    if problems:
        raise errors.invalid(problems)
    for name, value in data.items():
        setattr(instance, resource.model._meta.get_field(name).attname, value)
    if resource.faculty_scoped and role_of(user) == COORDINATOR:
        faculty = faculty_of(user)
        if faculty is None:
            raise PermissionDenied("A coordinator without a faculty may not create or change records.")
        instance.faculty_id = faculty.pk
        data["faculty"] = faculty.pk
    if not creating:
        require(user, resource.change, instance)  # still theirs after the change
    try:
        if resource.write is not None:
            resource.write(instance, by=user, creating=creating, version=version, fields=list(data), children=children)
        else:
            def write_children(saved):
                for name, value in children.items():
                    resource.children[name][1](saved, value)

            resource.service(instance, by=user, expected_version=version, fields=list(data),
                             write_children=write_children)
    except ValidationError as error:
        raise errors.from_django(error) from None
    return resource.queryset().get(pk=instance.pk)


def router_for(resource: Resource, In: type[Schema], Out: type[Schema]) -> Router:
    """GET / (filtered, paginated), GET /{id}, POST /, PUT /{id}, PATCH /{id}."""
    router = Router(tags=[resource.name], auth=AUTH)
    Filters = filter_schema(resource.filterset)
    versioned = resource.versioned
    Put = with_version(In) if versioned else In
    Patch = partial_schema(In, version=versioned)
    name = resource.name
    write_errors = errors.WRITE_ERRORS if versioned else errors.ERRORS

    @router.get("/", response={200: list[Out], **errors.ERRORS}, operation_id=f"list_{name}",
                summary=f"List {name}")
    @paginate(Pages)
    def list_(request, filters: Query[Filters]):
        require(request.user, resource.view)
        return apply_filters(resource, request, filters)

    @router.get("/{pk}", response={200: Out, **errors.ERRORS}, operation_id=f"get_{name}", summary=f"One of the {name}")
    def detail(request, pk: Path[Id]):
        require(request.user, resource.view)
        return get_object_or_404(resource.queryset(), pk=pk)

    @router.post("/", response={201: Out, **errors.ERRORS}, operation_id=f"create_{name}", summary=f"Create one of the {name}")
    def create(request, payload: In):
        return Status(201, write(request, resource, resource.model(), payload, creating=True, partial=False))

    @router.put("/{pk}", response={200: Out, **write_errors}, operation_id=f"replace_{name}",
                summary=f"Replace one of the {name}")
    def replace(request, pk: Path[Id], payload: Put):
        instance = get_object_or_404(resource.model, pk=pk)
        return write(request, resource, instance, payload, creating=False, partial=False)

    @router.patch("/{pk}", response={200: Out, **write_errors}, operation_id=f"update_{name}",
                  summary=f"Change some fields of one of the {name}")
    def update(request, pk: Path[Id], payload: Patch):
        instance = get_object_or_404(resource.model, pk=pk)
        return write(request, resource, instance, payload, creating=False, partial=True)

    return router
