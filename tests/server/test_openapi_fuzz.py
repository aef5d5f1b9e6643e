"""Schemathesis against /openapi.json: generated requests get documented answers, never a server error.

Bounded (a few examples per operation) so that it runs in well under a minute.  The
POST operation is left out: each example would run a whole analysis (it has its own tests).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from marsad.options import Options
from marsad.server.app import create_app
from marsad.server.backend import open_backend

EXAMPLES = 8


@pytest.fixture(scope="session")
def api_schema(seed_store: Path) -> schemathesis.schemas.BaseSchema:
    reader, ingest = open_backend(seed_store, Options(workers=1, progress=False))
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(reader, ingest)).exclude(method="POST")


def test_api_answers_match_the_openapi_description(api_schema: schemathesis.schemas.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 9
    calls: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            calls.append(case.path)
            case.call_and_validate()

        check()
    assert len(set(calls)) == len(operations)
