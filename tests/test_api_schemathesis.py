"""The API against its own OpenAPI schema (schemathesis): requests generated from the schema, anonymously and
with a personal token, never get a server error, and every answer matches the schema's status codes and shapes.
Bounded (a few examples per operation) so that it runs inside the suite."""

from __future__ import annotations

import datetime as dt

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from report_support import make_plan
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from councilplan.api.services import create_token
from councilplan.core.models import User
from councilplan.plan.models import Activity, Plan


@pytest.fixture
def organisation(db):
    """A small organisation: a published plan with rounds of submitted returns, one activity exempt."""
    plan = make_plan("API plan", 4)
    Plan.objects.filter(pk=plan.pk).update(published=True)
    Activity.objects.filter(plan=plan, ref=Activity.objects.filter(plan=plan).first().ref).update(exempt=True)
    owner = User.objects.create_user(username="analyst", role=User.Role.CORPORATE)
    return create_token(owner, "Power BI", dt.date.today() + dt.timedelta(days=30))[1]


@pytest.fixture
def connection_kept():
    """The app is called as WSGI, not through Django's test client: like the client, keep the test's database
    connection open across requests (Django closes it when a request finishes, which PostgreSQL then refuses)."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


def test_no_generated_request_gets_a_server_error(organisation, connection_kept):
    # Loaded here, not at import, so that the app it answers from has its test database.
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15  # every endpoint group of docs/api.md
    token = {"Authorization": f"Bearer {organisation}"}

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def anonymous_and_with_a_token(case):
            case.call_and_validate(checks=[not_a_server_error, status_code_conformance])
            case.call_and_validate(headers=token, checks=[not_a_server_error, status_code_conformance])

        anonymous_and_with_a_token()
