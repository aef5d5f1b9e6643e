"""The story index is incremental: a saved index continues with a new batch."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.stories import place_units
from marsad.corpus.story_index import StoryIndex
from marsad.model import Document


def _groups(index: StoryIndex, docs: list[Document]) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for doc in docs:
        for seg in doc.segments_of("main", "appended"):
            state = index.story_of(seg.id)
            assert state is not None
            out.setdefault(state.id, set()).add(seg.id)
    return {frozenset(v) for v in out.values()}


def test_second_batch_joins_saved_stories(seed_docs: dict[str, Document], tmp_path: Path) -> None:
    docs = list(seed_docs.values())
    whole, _ = place_units(docs, find_duplicates(docs))

    first = [seed_docs["000"], seed_docs["003"]]
    index, _ = place_units(first, find_duplicates(first))
    before = {s.id: [m.unit for m in s.members] for s in index.stories if s.members}
    path = tmp_path / "stories.json"
    index.save(path)

    reloaded = StoryIndex.load(path)
    second = [seed_docs[p] for p in ("001", "002", "004")]
    place_units(second, find_duplicates(docs), reloaded)
    # earlier stories keep their ids and members; the new batch joins them
    for sid, members in before.items():
        state = next(s for s in reloaded.stories if s.id == sid)
        assert [m.unit for m in state.members][: len(members)] == members
    assert _groups(reloaded, docs) == _groups(whole, docs)
    assert reloaded.n_units == whole.n_units == 7


def test_json_round_trip(seed_docs: dict[str, Document]) -> None:
    docs = list(seed_docs.values())
    index, _ = place_units(docs, find_duplicates(docs))
    again = StoryIndex.from_json(index.to_json())
    assert again.to_json() == index.to_json()


def test_hits_count_merged_stories_as_the_story_they_live_in(seed_docs: dict[str, Document]) -> None:
    # Candidates are counted over the postings in C, then merged-away stories are folded into the story they live in:
    # the counts and their order (which breaks ties in most_common) are those of counting posting by posting.
    docs = list(seed_docs.values())
    index, _ = place_units(docs, find_duplicates(docs))
    terms = sorted(index.postings)
    posted = sorted({sidx for term in terms for sidx in index.postings[term]})
    assert len(posted) >= 3
    index.merged.update({posted[0]: posted[-1], posted[1]: posted[0]})  # a chain: 1 -> 0 -> last
    scan = index.params.posting_scan
    for chunk in (terms[i : i + 10] for i in range(0, len(terms), 10)):
        expected: Counter[int] = Counter()
        for term in chunk:
            expected.update(index._alive(x) for x in index.postings[term][-scan:])
        got = index._hits(chunk)
        assert list(got.items()) == list(expected.items())
        assert got.most_common(2) == expected.most_common(2)
