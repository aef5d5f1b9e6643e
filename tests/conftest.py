"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (real seeds and datasets).

    Absent, the tests that need it fail in CI (``CI=true``) and skip, with the reason, elsewhere.
    """
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        message = f"shared data not found at {path}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return path
