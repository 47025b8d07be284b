"""JSON errors: 401/403/404/409 as {"detail": "..."} and 422 as {"detail": [{"loc": [...], "msg": ...}]}."""

import json

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from ninja import Schema
from ninja.parser import Parser
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from accord.records.concurrency import StaleVersion, changed_since


class Message(Schema):
    detail: str


class Problem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class Invalid(Schema):
    detail: list[Problem]


class Conflict(Schema):
    detail: str
    current_version: int
    changed: list[str]  # the fields changed since the version sent (from the audit history)


ERRORS = {401: Message, 403: Message, 404: Message, 422: Invalid}
WRITE_ERRORS = {**ERRORS, 409: Conflict}


def invalid(problems: list[tuple[list, str]], *, where: str = "body") -> NinjaValidationError:
    """A 422 naming each field: invalid([(["name"], "This field cannot be blank.")])."""
    return NinjaValidationError([{"loc": [where, *loc], "msg": msg, "type": "value_error"} for loc, msg in problems])


def from_django(error: ValidationError, *, where: str = "body") -> NinjaValidationError:
    if hasattr(error, "error_dict"):
        problems = [
            ([] if field == NON_FIELD_ERRORS else [field], msg)
            for field, errors in error.message_dict.items()
            for msg in errors
        ]
    else:
        problems = [([], msg) for msg in error.messages]
    return invalid(problems, where=where)


class MalformedBody(ValueError):
    """The request body is not JSON (or not UTF-8): answered as a 422 with a field-less problem."""


class JsonParser(Parser):
    """Ninja's parser, but a body that cannot be parsed is a documented 422 rather than an undocumented 400."""

    def parse_body(self, request):
        try:
            return json.loads(request.body)
        except json.JSONDecodeError as error:
            raise MalformedBody(str(error)) from None
        except UnicodeDecodeError:
            raise MalformedBody("not UTF-8 text") from None
        except RecursionError:
            raise MalformedBody("nested too deeply") from None


def malformed(error: MalformedBody) -> dict:
    return {"detail": [{"loc": ["body"], "msg": f"The request body is not valid JSON ({error}).", "type": "json_invalid"}]}


def install(api):
    """Register the handlers that turn Python exceptions into the JSON errors above."""

    def denied(request, exc):
        return api.create_response(request, {"detail": str(exc) or "You may not do this."}, status=403)

    def not_found(request, exc):
        return api.create_response(request, {"detail": "Not found."}, status=404)

    def stale(request, exc):
        current = exc.current
        changed = [f.name for f in changed_since(current, exc.expected)]
        return api.create_response(
            request,
            {"detail": f"{type(current).__name__} {current.pk} was changed by someone else (now at version "
                       f"{current.version}"
                       + (f"; changed: {', '.join(changed)}" if changed else "")
                       + "); nothing was saved. Reload it and apply your change again.",
             "current_version": current.version, "changed": changed},
            status=409,
        )

    def unauthenticated(request, exc):
        return api.create_response(request, {"detail": "Authentication required: send 'Authorization: Bearer <token>'."},
                                   status=401)

    def django_invalid(request, exc):
        err = from_django(exc)
        return api.create_response(request, {"detail": err.errors}, status=422)

    def http_error(request, exc):
        if isinstance(exc.__cause__, MalformedBody):  # ninja wraps the parser's error in HttpError(400)
            return api.create_response(request, malformed(exc.__cause__), status=422)
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)

    for exc_class, handler in {
        PermissionDenied: denied,
        Http404: not_found,
        StaleVersion: stale,
        AuthenticationError: unauthenticated,
        ValidationError: django_invalid,
        HttpError: http_error,
    }.items():
        api.add_exception_handler(exc_class, handler)
