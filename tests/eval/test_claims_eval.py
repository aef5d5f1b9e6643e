"""``marsad eval claims`` on the SaudiNewsNet gold, through the product pipeline."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from marsad.eval.claims import evaluate, gold_interval, predicted_interval, read_gold

GOLD = Path(__file__).resolve().parents[1] / "gold" / "claims" / "saudinewsnet_claims.tsv"


def test_gold_splits_are_fixed_by_story() -> None:
    gold = read_gold(GOLD)
    assert len(gold) == 215
    for g in gold:
        assert g.split == ("test" if zlib.crc32(g.story.encode()) % 3 == 0 else "dev")
    assert {g.story for g in gold if g.split == "test"} == {"suruc_bombing", "nile_boat_jul25"}


def test_value_intervals() -> None:
    assert gold_interval("~100") == (90, 110)
    assert gold_interval("30+") == (30.0, float("inf"))
    assert gold_interval("200-999") == (200.0, 999.0)
    assert gold_interval("*") is None
    assert predicted_interval("90..110") == (90.0, 110.0)
    assert predicted_interval("30..") == (30.0, float("inf"))
    assert predicted_interval("3 month") == (3.0, 3.0)


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> dict[str, object]:
    return evaluate(GOLD, shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz")


def test_held_out_contested_pairs(report: dict[str, object]) -> None:
    test = report["test"]
    assert isinstance(test, dict)
    assert test["gold_conflicts"] == 84
    assert test["precision"] >= 0.95  # measured 1.0 (82 pairs)
    # measured 0.762: read with its fetch day corrected, Riyadh's toll of 29 is Friday's and the 38 of the
    # reports fetched on Saturday rose from it (an update, not a conflict); 0.833 with fetch days as publication days
    assert test["recall"] >= 0.74
    assert test["agreeing_contested"] == 0


def test_dev_contested_pairs(report: dict[str, object]) -> None:
    dev = report["dev"]
    assert isinstance(dev, dict)
    assert dev["precision"] >= 0.95  # measured 0.982
    assert dev["recall"] >= 0.60  # measured 0.620
    assert dev["agreeing_contested"] == 0
    assert dev["corroboration_recall"] >= 0.50  # measured 0.520


def test_no_claim_corroborated_by_one_outlet_or_one_copied_passage(report: dict[str, object]) -> None:
    assert report["corroboration_violations"] == []
