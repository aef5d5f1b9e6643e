"""Timeline, claims and summary of real stories (seeds; SaudiNewsNet for a contested count)."""

from __future__ import annotations

from itertools import combinations, islice
from pathlib import Path

import pytest

from marsad.corpus.claims import find_claims
from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.sentences import unit_sentences
from marsad.corpus.stories import build_stories
from marsad.corpus.terms import jaccard, span_terms
from marsad.corpus.units import units_of
from marsad.eval.stories import article_document, iter_records
from marsad.extract.entities import annotate as entities
from marsad.extract.events import annotate as events
from marsad.extract.time.annotate import annotate
from marsad.model import Document, Story


@pytest.fixture(scope="module")
def timed_docs(seed_docs: dict[str, Document]) -> dict[str, Document]:
    docs = {p: Document(**{**d.__dict__, "timexes": [], "mentions": [], "events": []}) for p, d in seed_docs.items()}
    for doc in docs.values():
        annotate(doc)
        entities(doc)
        events(doc)
    return docs


def _putin(docs: dict[str, Document]) -> Story:
    all_docs = list(docs.values())
    stories = build_stories(all_docs, find_duplicates(all_docs))
    main = next(s.id for s in docs["000"].segments if s.kind == "main")
    return next(s for s in stories if main in s.segments)


def test_timeline_merges_sources_per_date_and_happening(timed_docs: dict[str, Document]) -> None:
    story = _putin(timed_docs)
    by_id = {d.id: d for d in timed_docs.values()}
    dates = [row.date for row in story.timeline]
    assert dates == sorted(dates)
    assert all(d[:1].isdigit() for d in dates)  # no PAST_REF / PRESENT_REF rows
    for row in story.timeline:
        for ref in row.sources:
            assert by_id[ref.document].text[ref.start : ref.end] == ref.text
    visit = [r for r in story.timeline if r.date == "2024-06-18" and len({s.document for s in r.sources}) >= 2]
    assert visit, "the visit's start is told by two outlets"
    vietnam = [r for r in story.timeline if r.date == "2024-06-19" and "فيتنام" in r.label]
    assert {timed_docs["000"].id, timed_docs["002"].id} <= {s.document for r in vietnam for s in r.sources}


def test_timeline_empty_without_events(seed_docs: dict[str, Document]) -> None:
    assert all(not d.events for d in seed_docs.values())
    assert _putin(seed_docs).timeline == []


def test_corroborated_claims_count_independent_outlets(seed_docs: dict[str, Document]) -> None:
    story = _putin(seed_docs)
    corroborated = [c for c in story.claims if c.status == "corroborated"]
    kirby = [c for c in corroborated if all("كيربي" in r.text for r in c.spans)]
    assert kirby
    assert {r.document for r in kirby[0].spans} >= {seed_docs["000"].id, seed_docs["001"].id}
    assert kirby[0].count == 2  # 000 and 002 copied the same wire paragraph: they count once
    for claim in corroborated:
        assert claim.count >= 2


def test_contested_casualty_count(shared_dir: Path) -> None:
    dataset = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    wanted = {23679, 24656}  # aawsat and alwatan on the Abha mosque bombing, 7 August 2015
    docs = [article_document(i, r) for i, r in islice(iter_records(dataset), 24657) if i in wanted]
    sentences = [s for d in docs for u in units_of(d) for s in unit_sentences(d, u)]
    claims = find_claims(sentences, {d.id: d for d in docs}, find_duplicates(docs))
    contested = [c for c in claims if c.status == "contested"]
    assert len(contested) == 1
    texts = [r.text for r in contested[0].spans]
    assert any("12 من منسوبي" in t for t in texts)
    assert any("عشرة من منسوبي" in t for t in texts)
    assert {r.document for r in contested[0].spans} == {"snn-23679", "snn-24656"}


def test_summary_covers_sources_without_repeats(seed_docs: dict[str, Document]) -> None:
    story = _putin(seed_docs)
    by_id = {d.id: d for d in seed_docs.values()}
    assert 3 <= len(story.summary) <= 6
    assert len({r.document for r in story.summary}) >= 3
    terms = [span_terms(r.text, 0, len(r.text)) for r in story.summary]
    assert all(jaccard(a, b) < 0.35 for a, b in combinations(terms, 2))
    for ref in story.summary:
        assert by_id[ref.document].text[ref.start : ref.end] == ref.text
