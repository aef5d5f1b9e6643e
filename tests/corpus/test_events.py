"""Events and timelines on the seed pages, through the product's extractors and corpus steps."""

from __future__ import annotations

import copy

import pytest

from marsad.extract.events.lexicon import event_lexicon
from marsad.model import Document, Story
from marsad.pipeline import analyze_corpus, components


@pytest.fixture(scope="module")
def analysed(seed_docs: dict[str, Document]) -> tuple[dict[str, Document], list[Story]]:
    """Copies of the seeds through every extractor, then the corpus steps."""
    docs = {p: copy.deepcopy(d) for p, d in seed_docs.items()}
    for doc in docs.values():
        for step in components():
            step.run(doc)
    return docs, analyze_corpus(list(docs.values())).stories


@pytest.fixture(scope="module")
def seeds(analysed: tuple[dict[str, Document], list[Story]]) -> dict[str, Document]:
    """The analysed seed documents by file prefix."""
    return analysed[0]


def _story_of(analysed: tuple[dict[str, Document], list[Story]], prefix: str) -> Story:
    docs, stories = analysed
    main = next(s.id for s in docs[prefix].segments if s.kind == "main")
    return next(s for s in stories if main in s.segments)


def test_provenance_and_fields(seeds: dict[str, Document]) -> None:
    labels = set(event_lexicon().labels.values())
    total = 0
    for doc in seeds.values():
        for e in doc.events:
            total += 1
            assert doc.text[e.start : e.end] == e.text
            assert e.trigger is not None and doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
            assert e.start <= e.trigger.start < e.end
            assert e.type in labels
            for actor in e.actors:
                assert doc.text[actor.start : actor.end] == actor.text and actor.role in ("source", "target")
            if e.date_basis == "timex":
                assert e.timex is not None and doc.text[e.timex.start : e.timex.end] == e.timex.text
            assert (e.date is None) == (e.date_basis is None)
    assert total > 100


def test_last_september_in_seed_001(seeds: dict[str, Document]) -> None:
    doc = seeds["001"]
    summit = [e for e in doc.events if e.timex is not None and e.timex.text == "سبتمبر الماضي"]
    assert summit and {e.date for e in summit} == {"2023-09"}
    assert all(e.type == "04 CONSULT" and e.current is False for e in summit)


def test_visit_is_current_and_dated_by_its_day(seeds: dict[str, Document]) -> None:
    doc = seeds["002"]
    visit = next(e for e in doc.events if e.trigger is not None and e.trigger.text == "بزيارة")
    assert visit.type == "04 CONSULT" and visit.date == "2024-06-18" and visit.current is True
    assert {a.text for a in visit.actors} >= {"كوريا الشمالية"}


def test_relink_gives_global_entity_ids(seeds: dict[str, Document]) -> None:
    mentions = {(m.start, m.end): m.entity for d in seeds.values() for m in d.mentions}
    actors = [a for d in seeds.values() for e in d.events for a in e.actors]
    assert actors and all(a.entity == mentions.get((a.start, a.end), a.entity) for a in actors)


def test_summit_and_visit_are_separate_timeline_entries(analysed: tuple[dict[str, Document], list[Story]]) -> None:
    docs, _stories = analysed
    story = _story_of(analysed, "000")
    summit = [r for r in story.timeline if r.date == "2023-09" and r.event_type == "04 CONSULT"]
    visit = [r for r in story.timeline if r.date == "2024-06-18" and r.event_type == "04 CONSULT"]
    assert summit and visit
    assert any("سبتمبر الماضي" in s.text for r in summit for s in r.sources)
    assert all(r.current is False for r in summit)
    biggest = max(visit, key=lambda r: len(r.sources))
    assert biggest.current is True and len(biggest.outlets) == 3
    assert not {id(r) for r in summit} & {id(r) for r in visit}
    dates = [r.date for r in story.timeline]
    assert dates.index("2023-09") < dates.index("2024-06-18")
    for row in story.timeline:
        by_id = {d.id: d for d in docs.values()}
        for ref in row.sources:
            assert by_id[ref.document].text[ref.start : ref.end] == ref.text


def test_appended_missile_article_adds_no_event_to_the_summit(analysed: tuple[dict[str, Document], list[Story]]) -> None:
    docs, _stories = analysed
    doc = docs["004"]
    appended = [s for s in doc.segments if s.kind == "appended"]
    assert appended
    in_appended = [e for e in doc.events if any(s.start <= e.start < s.end for s in appended)]
    assert in_appended, "the appended article has events of its own"
    summit = _story_of(analysed, "004")
    for row in summit.timeline:
        for ref in row.sources:
            if ref.document == doc.id:
                assert not any(s.start <= ref.start < s.end for s in appended), row.label


def test_story_title_is_the_shared_neutral_headline(analysed: tuple[dict[str, Document], list[Story]]) -> None:
    assert _story_of(analysed, "000").title == "بوتين في زيارة تاريخية لكوريا الشمالية بعد 24 عاماً"


def test_summary_starts_with_current_events(analysed: tuple[dict[str, Document], list[Story]]) -> None:
    docs, _stories = analysed
    by_id = {d.id: d for d in docs.values()}
    story = _story_of(analysed, "000")
    assert len(story.summary) >= 3
    first = story.summary[0]
    doc = by_id[first.document]
    assert doc.text[first.start : first.end] == first.text
    assert any(e.current and e.trigger and first.start <= e.trigger.start < first.end for e in doc.events)
