"""The API against its own OpenAPI schema: schemathesis generates requests for every operation
(filters, page numbers, identifiers) with a token of a council editor who has data, and checks
that no answer is a server error or falls outside the schema (status, content type, body)."""

import time
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from councils.models import Membership
from recommendations.models import Recommendation
from reviews.models import Review
from sli.api.models import ApiToken
from sli.wsgi import application
from tests.base import editor_of
from tests.factories import (
    make_action,
    make_area,
    make_council,
    make_finding,
    make_plan,
    make_recommendation,
    make_review,
    make_update,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 20


def world():
    """A council with an issued, published review, a draft, a plan with an exempt action and
    progress; and its editor's token."""
    council = make_council()
    issued = make_review(host_council=council, status=Review.Status.ISSUED)
    Review.objects.filter(pk=issued.pk).update(published_at=issued.created_at)
    draft = make_review(host_council=council, status=Review.Status.DRAFTING)
    make_finding(review=issued)
    recommendation = make_recommendation(review=issued, response=Recommendation.Response.ACCEPTED)
    make_recommendation(parent=recommendation)
    make_recommendation(review=issued, exempt=True)
    make_recommendation(review=draft)
    plan = make_plan(review=issued)
    area = make_area(plan=plan, recommendations=[recommendation])
    action = make_action(plan=plan, area=area, recommendations=[recommendation], rag="green")
    make_action(plan=plan, exempt=True)
    make_update(action=action)
    editor = editor_of(council)
    assert editor.memberships.get().role == Membership.Role.COUNCIL_EDITOR
    return ApiToken.create_for(user=editor, name="Schemathesis")[1]


@contextmanager
def connections_kept_open():
    """The WSGI application is called in the test's own thread, inside the test's transaction:
    as Django's test client does, it must not close the connection at the end of a request
    (PostgreSQL would lose the test's data and transaction)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.mark.slow
@pytest.mark.django_db
def test_every_operation_answers_within_its_schema():
    token = world()
    with connections_kept_open():
        run_every_operation(token)


def run_every_operation(token):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 12, [operation.label for operation in operations]
    started = time.monotonic()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_within_schema(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        answers_within_schema()
    # Kept short: the whole run is a few hundred requests.
    assert time.monotonic() - started < 120
