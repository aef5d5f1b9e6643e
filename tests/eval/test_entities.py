"""Entity resolution on the multi-outlet gold, through the product pipeline, and the scorer itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.corpus.result import CorpusResult
from marsad.eval.entities import GoldName, SplitScores, analyse, empty_names, gold_mentions, read_gold, score
from marsad.model import Document, Mention

GOLD = Path(__file__).resolve().parents[1] / "gold" / "entities" / "news_clusters.tsv"


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> tuple[dict[str, SplitScores], CorpusResult]:
    rows = read_gold(GOLD)
    docs, result = analyse(rows, shared_dir)
    return score(rows, docs, result), result


def test_gold_size() -> None:
    rows = read_gold(GOLD)
    assert len({r.url for r in rows}) == 18
    assert {r.split for r in rows} == {"dev", "test", "heldout"}


@pytest.mark.parametrize(("split", "floor"), [("dev", 0.99), ("test", 0.95), ("heldout", 0.90)])
def test_bcubed_floors(scores: tuple[dict[str, SplitScores], CorpusResult], split: str, floor: float) -> None:
    s = scores[0][split]
    assert s.f1 >= floor, s.as_dict()
    assert not s.merged, s.merged


def test_no_entity_without_a_name(scores: tuple[dict[str, SplitScores], CorpusResult]) -> None:
    assert empty_names(scores[1]) == []


def test_scorer_counts_merges_splits_and_misses() -> None:
    text = "التقى كيري ولافروف في موسكو. وقال لافروف إن موسكو ترحب."
    doc = Document(id="d", source="d", format="txt", text=text)
    gold = [GoldName("dev", "u", "kerry", "كيري"), GoldName("dev", "u", "lavrov", "لافروف"),
            GoldName("dev", "u", "moscow", "موسكو")]
    mentions = gold_mentions(gold, {"u": doc})
    assert sorted(g.form for g in mentions) == ["كيري", "لافروف", "لافروف", "موسكو", "موسكو"]
    first_lavrov = text.index("لافروف")
    doc.mentions = [Mention(6, 10, "كيري", "PER", "E1"), Mention(first_lavrov, first_lavrov + 6, "لافروف", "PER", "E1"),
                    Mention(text.index("موسكو"), text.index("موسكو") + 5, "موسكو", "LOC", "E2")]
    s = score(gold, {"u": doc}, CorpusResult())["dev"]
    assert len(s.merged) == 1 and len(s.missed) == 2 and not s.split
    assert s.precision < 1.0 and s.recall < 1.0
