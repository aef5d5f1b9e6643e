"""The event and timeline gold (tests/gold/events): floors near the measured figures, per split, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.app import app
from marsad.corpus.result import CorpusResult
from marsad.eval.events import GoldArticle, evaluate_events, evaluate_timeline, load_gold, run

GOLD = Path(__file__).resolve().parents[1] / "gold" / "events" / "gold.jsonl"


@pytest.fixture(scope="module")
def scored(shared_dir: Path) -> tuple[list[GoldArticle], CorpusResult]:
    articles = load_gold(GOLD, shared_dir)  # raises when a gold trigger does not match its text
    return articles, run(articles)


def test_gold_size_and_splits(scored: tuple[list[GoldArticle], CorpusResult]) -> None:
    articles, _result = scored
    assert sum(len(a.events) for a in articles) >= 250
    assert {a.split for a in articles} == {"dev", "heldout"}
    assert len({a.doc.outlet for a in articles}) >= 3


def test_event_scores(scored: tuple[list[GoldArticle], CorpusResult]) -> None:
    report, errors = evaluate_events(scored[0])
    splits = report["splits"]
    assert isinstance(splits, dict)
    dev, heldout = splits["dev"], splits["heldout"]
    assert dev["trigger_f1"] >= 0.75 and dev["type_accuracy"] >= 0.94 and dev["date_accuracy"] >= 0.82
    assert heldout["trigger_f1"] >= 0.66 and heldout["type_accuracy"] >= 0.93 and heldout["date_accuracy"] >= 0.64
    assert errors


def test_timeline_scores(scored: tuple[list[GoldArticle], CorpusResult]) -> None:
    report = evaluate_timeline(*scored)
    splits = report["splits"]
    assert isinstance(splits, dict)
    assert splits["dev"]["coverage"] >= 0.93 and splits["dev"]["row_precision"] >= 0.67
    assert splits["heldout"]["coverage"] >= 0.8 and splits["heldout"]["row_precision"] >= 0.48


def test_cli_json(shared_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "timeline", str(GOLD), "--json", "--shared", str(shared_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sentences"] >= 100
