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
    assert sum(len(a.events) for a in articles) >= 300
    assert {a.split for a in articles} == {"dev", "heldout"}
    assert len({a.doc.outlet for a in articles}) >= 3


def test_event_scores(scored: tuple[list[GoldArticle], CorpusResult]) -> None:
    report, errors = evaluate_events(scored[0])
    splits = report["splits"]
    assert isinstance(splits, dict)
    dev, heldout = splits["dev"], splits["heldout"]
    # measured: dev 0.769 / 0.955 / 0.896 (115 dated); held-out 0.679 / 0.972 / 0.867 (60 dated)
    assert dev["trigger_f1"] >= 0.75 and dev["type_accuracy"] >= 0.94 and dev["date_accuracy"] >= 0.88
    assert heldout["trigger_f1"] >= 0.66 and heldout["type_accuracy"] >= 0.95 and heldout["date_accuracy"] >= 0.85
    assert errors


def test_timeline_scores(scored: tuple[list[GoldArticle], CorpusResult]) -> None:
    report = evaluate_timeline(*scored)
    splits = report["splits"]
    assert isinstance(splits, dict)
    # measured: dev coverage 0.949, right date 0.859, row precision 0.753; held-out 0.754, 0.579, 0.712
    assert splits["dev"]["coverage"] >= 0.93 and splits["dev"]["dated_right"] >= 0.84 and splits["dev"]["row_precision"] >= 0.73
    assert splits["heldout"]["coverage"] >= 0.73 and splits["heldout"]["dated_right"] >= 0.55
    assert splits["heldout"]["row_precision"] >= 0.69


def test_cli_json(shared_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "timeline", str(GOLD), "--json", "--shared", str(shared_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sentences"] >= 100
