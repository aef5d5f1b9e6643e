"""Seed documents for the corpus tests, built by the page stage.

The seeds are bare text files without metadata.  The tests hand the page stage the
publication date a crawler would have read from each page (the date read off the page
text by a person: 000/001/002 report Putin's visit starting on Tuesday 18 June 2024,
003 the New York Times leak of early September 2023, 004 the Vostochny summit of
13 September 2023) and, where the page names no outlet, the site name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.corpus.result import CorpusResult
from marsad.ingest.raw import RawDocument
from marsad.model import Document
from marsad.options import Options
from marsad.page.build import build_document

# seed file prefix -> (publication date, site name)
SEEDS: dict[str, tuple[str, str]] = {
    "000": ("2024-06-18T09:00:00", "vetogate.com"),
    "001": ("2024-06-18T20:16:00", "youm7.com"),
    "002": ("2024-06-18T12:00:00", "omandaily.om"),
    "003": ("2023-09-05T09:00:00", "alsouria.net"),
    "004": ("2023-09-14T00:00:00", "aawsat.com"),
}


def seed_document(shared: Path, prefix: str) -> Document:
    """Build seed ``prefix`` through the page stage, with its date and site name as metadata."""
    path = next((shared / "seeds").glob(f"{prefix}_*.txt"))
    date, site = SEEDS[prefix]
    raw = RawDocument(source=str(path), format="txt", text=path.read_text(encoding="utf-8"), sitename=site, date=date)
    return build_document(raw, Options())


@pytest.fixture(scope="session")
def seed_docs(shared_dir: Path) -> dict[str, Document]:
    """The five seed documents by file prefix."""
    return {p: seed_document(shared_dir, p) for p in sorted(SEEDS)}


@pytest.fixture(scope="session")
def seed_metadata() -> dict[str, tuple[str, str]]:
    """Publication date and site name of each seed, by file prefix."""
    return dict(SEEDS)


@pytest.fixture(scope="module")
def analysed(
    request: pytest.FixtureRequest,
    analyse_saudinewsnet: Callable[[dict[str, str]], tuple[dict[str, Document], CorpusResult]],
) -> tuple[dict[str, Document], CorpusResult]:
    """The SaudiNewsNet articles of the test module's ``URLS`` ({name: url}), analysed together by the product
    (modules with an ``analysed`` fixture of their own use theirs)."""
    return analyse_saudinewsnet(request.module.URLS)


def mention_entities(doc: Document, text: str) -> set[str | None]:
    """The entities of the document's mentions written exactly ``text``."""
    return {m.entity for m in doc.mentions if m.text == text}
