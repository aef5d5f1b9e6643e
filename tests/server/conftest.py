"""A store analysed from the seeds once per session, and clients of the server over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from marsad.cli.app import app as cli
from marsad.options import Options
from marsad.server.app import create_app
from marsad.server.backend import open_backend

PYONGYANG = "بوتين في زيارة تاريخية لكوريا الشمالية"


@pytest.fixture(scope="session")
def seed_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds analysed by ``marsad analyze`` into a fresh store."""
    folder = tmp_path_factory.mktemp("seed-store")
    db = folder / "marsad.db"
    result = CliRunner().invoke(cli, ["analyze", str(shared_dir / "seeds"), "--db", str(db), "-o", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    return db


def make_client(db: Path) -> TestClient:
    """A test client of the application over the store ``db``."""
    reader, ingest = open_backend(db, Options(workers=1, progress=False))
    return TestClient(create_app(reader, ingest))


@pytest.fixture(scope="session")
def client(seed_store: Path) -> TestClient:
    """A client of the server over the seed store (read-only use)."""
    return make_client(seed_store)


@pytest.fixture
def writable_client(seed_store: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client over a copy of the seed store, for tests that post documents."""
    copy = tmp_path / "marsad.db"
    shutil.copy(seed_store, copy)
    yield make_client(copy)


def seed_doc_id(story: dict[str, Any], number: str) -> str:
    """The id of the document read from seed file ``number`` (such as ``000``) in a story answer."""
    return next(d["id"] for d in story["documents"] if Path(d["source"]).name.startswith(number + "_"))


@pytest.fixture(scope="session")
def pyongyang(client: TestClient) -> dict[str, Any]:
    """The story of Putin's June 2024 visit to Pyongyang, as the API answers it."""
    stories = client.get("/api/stories", params={"per_page": 200}).json()["items"]
    found = [s for s in stories if PYONGYANG in s["title"]]
    assert found, [s["title"] for s in stories]
    answer: dict[str, Any] = client.get(f"/api/stories/{found[0]['id']}").json()
    return answer
