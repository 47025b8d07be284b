"""Schemathesis fuzzes a handful of operations from the OpenAPI document with a staff token:
no response is a server error, and every response matches the document."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accord.agreements.models import Agreement
from accord.api.models import ApiToken
from accord.wsgi import application

OPERATIONS = ["list_institutions", "create_institutions", "update_agreements", "list_agreements", "create_activities",
              "lookup", "update_people", "create_applications"]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(operation_id=OPERATIONS)


@pytest.fixture
def staff_token(sam, partner):
    Agreement.objects.create(title="Fuzzed agreement")
    return ApiToken.issue(sam, "fuzzing")[1]


@schema.parametrize()
@settings(max_examples=6, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_operation_fails_or_breaks_its_schema(case, staff_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {staff_token}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
