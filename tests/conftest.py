"""Fixtures shared by every test package: the shared data, and a throwaway PostgreSQL server.

The PostgreSQL server runs in a temporary folder for the whole test session; its binaries
come from the machine (Debian's ``postgresql``, installed by ``scripts/check.sh`` when
missing).  As root it runs as the ``postgres`` user through ``runuser``, as PostgreSQL
refuses to run as root.  In CI (``CI=true``) a missing service or data folder fails the
tests that need it; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from marsad.corpus.result import CorpusResult
from marsad.eval.shared import saudinewsnet_records
from marsad.ingest.records import record_document
from marsad.model import Document
from marsad.options import Options
from marsad.pipeline import analyze_corpus, analyze_raw


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--scale-articles N``: how many SaudiNewsNet articles the scale-out comparison runs (40 in CI)."""
    parser.addoption("--scale-articles", type=int, default=40,
                     help="articles for tests/store/test_scale.py (the issue's acceptance uses 2000)")


def unavailable(reason: str) -> None:
    """Fail (in CI) or skip (elsewhere) a test whose data or service is missing, saying why."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"unavailable in CI: {reason}")
    pytest.skip(f"unavailable: {reason}")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``shared`` folder beside the repository (real seeds and datasets)."""
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        unavailable(f"shared data not found at {path}")
    return path


Analysed = tuple[dict[str, Document], CorpusResult]


@pytest.fixture(scope="session")
def analyse_saudinewsnet(shared_dir: Path) -> Callable[[dict[str, str]], Analysed]:
    """A function from ``{name: url}`` of SaudiNewsNet articles to their documents (by name) and the corpus
    result, analysed together through the product pipeline as ``marsad analyze`` runs them."""

    def run(urls: dict[str, str]) -> Analysed:
        records = saudinewsnet_records(shared_dir, set(urls.values()))
        assert len(records) == len(urls)
        options = Options(progress=False)
        docs = {k: analyze_raw(record_document(records[u], f"saudinewsnet:{u}", "jsonl"), options)
                for k, u in urls.items()}
        return docs, analyze_corpus(list(docs.values()))

    return run


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server on 127.0.0.1 for the session (in a temporary folder): its URL, without a database."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql")
    assert initdb is not None and pg_ctl is not None
    folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    data = folder / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    try:
        subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "marsad", "-E", "UTF8",
                        "--locale=C.UTF-8"], check=True, capture_output=True)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                       check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        unavailable(f"PostgreSQL did not start: {exc.stderr!r} {log[-500:]}")
    try:
        yield f"postgresql://marsad@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_databases(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Make fresh, empty databases on the session's PostgreSQL server (each call gives one's URL)."""
    import psycopg

    made: list[str] = []

    def make() -> str:
        name = f"marsad_test_{len(made) + 1}"
        with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return f"{postgres_server}/{name}"

    yield make


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to open a store: a SQLite file, then a fresh PostgreSQL database (the same tests run on both)."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    make: Callable[[], str] = request.getfixturevalue("postgres_databases")
    return make()
