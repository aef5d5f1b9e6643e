"""Entity mentions on the five real seed pages, against gold written by reading them."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.entities import annotate
from marsad.ingest.raw import RawDocument
from marsad.model import Document, Mention
from marsad.options import Options
from marsad.page.build import build_document
from marsad.text.normalize import norm_key

GOLD = Path(__file__).resolve().parents[1] / "gold" / "entities"


def gold_names() -> list[tuple[str, frozenset[str], str]]:
    """(seed prefix, accepted types, name) rows of the seed gold."""
    rows = []
    for line in (GOLD / "seed_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seed, types, name = line.split("\t")
            rows.append((seed, frozenset(types.split("|")), name))
    return rows


def seed_documents(shared_dir: Path) -> dict[str, Document]:
    """The five seeds through the page stage, with mentions annotated."""
    docs = {}
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        raw = RawDocument(source=str(path), format="txt", text=path.read_text(encoding="utf-8"))
        doc = build_document(raw, Options())
        annotate(doc)
        docs[path.name[:3]] = doc
    return docs


def covers(mention: Mention, name: str) -> bool:
    """True when the mention's words contain the name's words (a clitic may precede the first)."""
    words = norm_key(mention.text).split(" ")
    target = norm_key(name).split(" ")
    n = len(target)
    for i in range(len(words) - n + 1):
        first = words[i]
        if words[i + 1:i + n] == target[1:] and (first == target[0] or first[1:] == target[0]):
            return True
    return False


@pytest.fixture(scope="module")
def docs(shared_dir: Path) -> dict[str, Document]:
    return seed_documents(shared_dir)


def test_provenance_and_types(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        assert doc.mentions
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
            assert m.type in ("PER", "LOC", "ORG", "MISC")
            assert m.entity
            assert doc.article_at(m.start) is not None


def test_gold_recall(docs: dict[str, Document]) -> None:
    rows = gold_names()
    missed = [
        (seed, name) for seed, types, name in rows
        if not any(m.type in types and covers(m, name) for m in docs[seed].mentions)
    ]
    recall = 1 - len(missed) / len(rows)
    assert recall >= 0.85, missed


@pytest.mark.parametrize(
    ("seed", "name"),
    [("000", "فلاديمير بوتين"), ("000", "جون كيربي"), ("001", "كيم جونج أون"), ("002", "كيم إيل سونج"),
     ("003", "أدريان واتسون"), ("003", "سيرغي شويغو"), ("004", "كيم جونغ أون"), ("000", "كوريا الشمالية")],
)
def test_key_names_found(docs: dict[str, Document], seed: str, name: str) -> None:
    assert any(norm_key(m.text) == norm_key(name) for m in docs[seed].mentions)


def _entity_of(doc: Document, name: str) -> set[str]:
    return {m.entity or "" for m in doc.mentions if norm_key(m.text) == norm_key(name)}


@pytest.mark.parametrize(
    ("seed", "short", "full"),
    [("000", "كيربي", "جون كيربي"), ("003", "واتسون", "أدريان واتسون"), ("000", "بوتين", "فلاديمير بوتين"),
     ("000", "ماركوف", "سيرجي ماركوف"), ("003", "كيم", "كيم جونغ أون")],
)
def test_short_forms_join_full_name(docs: dict[str, Document], seed: str, short: str, full: str) -> None:
    assert _entity_of(docs[seed], short) == _entity_of(docs[seed], full) != set()


def test_role_phrase_joins_named_person(docs: dict[str, Document]) -> None:
    doc = docs["000"]
    putin = _entity_of(doc, "فلاديمير بوتين")
    roles = [m for m in doc.mentions if norm_key(m.text) == norm_key("الرئيس الروسي")]
    assert roles
    assert {m.entity for m in roles} == putin


def test_father_and_son_kept_apart(docs: dict[str, Document]) -> None:
    doc = docs["002"]
    assert _entity_of(doc, "كيم جونج أون").isdisjoint(_entity_of(doc, "كيم جونج إيل"))
    assert _entity_of(doc, "كيم إيل سونج").isdisjoint(_entity_of(doc, "كيم جونج أون"))
