"""No 500s from input, and JSON for every API error, in one place for every view.

- A query parameter that is an integer no column can hold is refused before the view runs; and a
  number no database column can hold (a huge id in a path or a body) stops a query with
  OverflowError (SQLite) or a numeric-range DataError (PostgreSQL) wherever a form or filter did not
  bound it: that is the client's input, answered 400 on the web and 422 in the API.
- Under /api/ every error answers JSON ({"detail": ...}), also those Django answers itself (an unknown
  address, a method the endpoint lacks, a failure).
"""

from http import HTTPStatus

from django.db import DataError
from django.http import JsonResponse
from django.views.defaults import bad_request

API_PREFIX = "/api/"
# PostgreSQL's SQLSTATE class 22 codes for a number out of range (numeric_value_out_of_range, and
# invalid_text_representation is left alone: it is not a size problem)
OUT_OF_RANGE = {"22003"}


def is_input_out_of_range(exception) -> bool:
    if isinstance(exception, OverflowError):
        return True
    if isinstance(exception, DataError):
        cause = exception.__cause__
        return getattr(cause, "sqlstate", None) in OUT_OF_RANGE or "out of range" in str(exception)
    return False


BIGGEST = 2**63 - 1  # the largest value of any integer column (bigint)


def is_huge_integer(value: str) -> bool:
    text = value.strip()
    digits = text.removeprefix("-")
    if not (digits.isdigit() and digits.isascii()):
        return False
    return len(digits) > 19 or int(digits) > BIGGEST  # (int() of thousands of digits is refused by Python itself)


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


class InputErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        huge = next((name for name, values in request.GET.lists() for value in values if is_huge_integer(value)), None)
        if huge is not None:  # the same answer on every database (PostgreSQL would compare it as numeric)
            if is_api(request):
                return JsonResponse({"detail": [{"loc": ["query", huge], "msg": "A number is too large.",
                                                 "type": "value_error"}]}, status=422)
            return bad_request(request, ValueError(huge))
        response = self.get_response(request)
        if is_api(request) and response.status_code >= 400 and "json" not in response.get("Content-Type", ""):
            try:
                reason = HTTPStatus(response.status_code).phrase
            except ValueError:
                reason = "Error"
            answer = JsonResponse({"detail": f"{reason}."}, status=response.status_code)
            for header in ("Allow", "WWW-Authenticate", "Retry-After"):
                if header in response:
                    answer[header] = response[header]
            return answer
        return response

    def process_exception(self, request, exception):
        if not is_input_out_of_range(exception):
            return None
        if is_api(request):
            return JsonResponse({"detail": [{"loc": ["query" if request.method == "GET" else "body"],
                                             "msg": "A number is too large.", "type": "value_error"}]}, status=422)
        return bad_request(request, exception)
