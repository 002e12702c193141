"""Fuzz the hub's API from its own OpenAPI document (schemathesis): no input makes it
answer 500, and every JSON answer speaks the protocol, on SQLite and on PostgreSQL (which
refuses more, e.g. NUL characters). Bounded to a few dozen examples per operation (about
half a minute per database), with real tokens so the fuzz reaches past the auth
check: a device's for the laptop calls, a supervisor's for the centre's."""

from __future__ import annotations

import itertools

import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from sync import protocol
from sync.hub import auth
from sync.hub.app import create_app
from sync.hub.db import connect
from tests.hub.fixtures import PASSWORD


@pytest.fixture
def tokens_and_schema(hub_db_url):
    engine = connect(hub_db_url)
    auth.add_user(engine, "kim", "officer", PASSWORD)
    auth.add_user(engine, "boss", "supervisor", PASSWORD)
    auth.register_device(engine, "B07A")
    device_token, _ = auth.enrol(engine, username="kim", password=PASSWORD, code="B07A",
                                 device_key="laptop-key-0123456789", qr_secret="ab" * 32)
    person_token, _ = auth.login(engine, "boss", PASSWORD)
    app = create_app(hub_db_url, engine=engine, public_rate="100000/minute")  # fuzz, not 429s
    yield (device_token, person_token), schemathesis.openapi.from_asgi("/openapi.json", app)
    engine.dispose()


def speaks_the_protocol(ctx, response, case):
    """Every JSON answer carries "protocol": 1 (a laptop tells the hub from a portal) —
    but Open311's, which speak that specification's format (lists, its errors)."""
    if case.path.startswith(protocol.OPEN311):
        return None
    if case.method.upper() != "HEAD" and \
            response.headers.get("content-type", [""])[0].startswith("application/json"):
        body = response.json()
        assert isinstance(body, dict) and body.get("protocol") == 1, body
    return None


CHECKS = [not_a_server_error, response_schema_conformance, speaks_the_protocol]


@schemathesis.serializer(protocol.TUS_CONTENT_TYPE)
def tus_bytes(_ctx, value) -> bytes:
    """tus bodies are raw bytes: whatever the fuzzer made, as bytes."""
    return value if isinstance(value, bytes) else str(value).encode()


def test_no_input_makes_the_hub_fail(tokens_and_schema):
    (device_token, person_token), schema = tokens_and_schema
    operations = [result.ok() for result in schema.get_all_operations()]
    documented = [(path, method) for path, methods in schema.raw_schema["paths"].items()
                  for method in methods]
    assert len(operations) == len(documented) >= 11  # every operation of the API is fuzzed
    for operation, mode in itertools.product(operations, GenerationMode):
        has_input = operation.body or operation.path_parameters or operation.query
        if mode is GenerationMode.NEGATIVE and not has_input:
            continue  # nothing to get wrong in GET /
        token = person_token if operation.path.startswith("/api/v1/cases") else device_token

        @hypothesis.given(case=operation.as_strategy(mode))
        @hypothesis.settings(max_examples=40, deadline=None, database=None,
                             suppress_health_check=list(hypothesis.HealthCheck))
        def fuzz(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {token}",
                                            "Tus-Resumable": protocol.TUS_VERSION},
                                   checks=CHECKS)

        fuzz()
