"""The timex gold (tests/gold/timex) and Wojood span detection: thresholds of issue 4, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.app import app
from marsad.eval.timex import evaluate, evaluate_wojood, load_gold, read_wojood

GOLD = Path(__file__).resolve().parents[1] / "gold" / "timex" / "gold.jsonl"


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> dict[str, object]:
    result, _errors = evaluate(load_gold(GOLD, shared_dir))
    return result


def test_gold_size_and_spans(shared_dir: Path) -> None:
    docs = load_gold(GOLD, shared_dir)  # raises when a span does not match its text
    assert sum(len(d.timexes) for d in docs) >= 300
    assert sum(1 for d in docs if d.split in ("dev", "heldout")) >= 25
    assert {d.split for d in docs} == {"seed", "dev", "heldout"}


def test_gold_thresholds(report: dict[str, object]) -> None:
    strict, value = report["span_f1_strict"], report["value_accuracy"]
    assert isinstance(strict, float) and isinstance(value, float)
    assert strict >= 0.85
    assert value >= 0.90


def test_heldout_is_scored(report: dict[str, object]) -> None:
    splits = report["splits"]
    assert isinstance(splits, dict)
    held = splits["heldout"]
    assert held["gold"] >= 60
    assert held["span_f1_strict"] >= 0.80


def test_wojood_overlap(shared_dir: Path) -> None:
    path = shared_dir / "datasets" / "wojood_sample" / "test.txt"
    sentences = read_wojood(path)
    assert sum(len(spans) for _text, spans in sentences) > 100
    result = evaluate_wojood(path)
    f1 = result["span_f1_overlap"]
    assert isinstance(f1, float) and f1 >= 0.8


def test_cli_json(shared_dir: Path) -> None:
    out = CliRunner().invoke(app, ["eval", "timex", str(GOLD), "--json", "--split", "seed", "--shared", str(shared_dir)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"span_f1_strict", "span_f1_overlap", "value_accuracy"} <= data.keys()
