"""``marsad eval stories`` on the hand-labelled SaudiNewsNet gold."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.app import app
from marsad.eval.stories import bcubed, pairwise

GOLD = Path(__file__).resolve().parents[1] / "gold" / "stories" / "saudinewsnet_2015-08-07.tsv"


def test_bcubed_and_pairwise_by_hand() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    pred = {"a": "1", "b": "2", "c": "2"}
    p, r, f = bcubed(gold, pred)
    assert round(p, 4) == round((1 + 0.5 + 0.5) / 3, 4)
    assert round(r, 4) == round((0.5 + 0.5 + 1) / 3, 4)
    assert 0 < f < 1
    assert pairwise(gold, pred) == (0.0, 0.0, 0.0)
    assert pairwise(gold, gold)[2] == 1.0


def test_eval_stories_on_gold(shared_dir: Path) -> None:
    dataset = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    result = CliRunner().invoke(app, ["eval", "stories", str(GOLD), "--json", "--dataset", str(dataset)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 369
    assert report["gold_stories"] == 269
    assert report["bcubed_f1"] >= 0.85
    assert {"bcubed_precision", "bcubed_recall", "pairwise_f1", "pairwise_precision", "pairwise_recall"} <= report.keys()
    assert set(report["splits"]) == {"tune", "test"}
