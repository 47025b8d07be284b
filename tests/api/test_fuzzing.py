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
from accord.accounts.apitokens import ApiToken
from accord.wsgi import application

OPERATIONS = ["list_institutions", "create_institutions", "update_agreements", "list_agreements", "create_activities",
              "lookup", "update_people", "create_applications"]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(operation_id=OPERATIONS)


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """Schemathesis calls the WSGI application directly, which fires request_started/finished; their
    close_old_connections() would close PostgreSQL's connection in the middle of the test transaction.
    Django's own test client disconnects them in the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


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
