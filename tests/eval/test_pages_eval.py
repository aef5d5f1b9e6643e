"""``marsad eval pages`` on the dev part of the page gold (sites and outlets never trained on)."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.eval.pages import evaluate

GOLD = Path(__file__).parents[1] / "gold" / "page" / "pages.json"


def test_dev_pages_scores(shared_dir: Path, tmp_path: Path) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    dev = {"pages": [p for p in gold["pages"] if p["split"] == "dev"]}
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(dev), encoding="utf-8")
    report = evaluate(path, shared_dir)
    assert set(report) == {"dev", "dev/plain", "dev/synthetic", "dev/trafilatura"}
    synthetic, plain, pages = report["dev/synthetic"], report["dev/plain"], report["dev/trafilatura"]
    assert synthetic["pages"] == plain["pages"] == 50 and pages["pages"] == 84
    # measured: synthetic main-line F1 0.871, title 0.92, dateline 1.0; plain F1 0.895, title 0.90;
    # trafilatura pages F1 0.794
    assert synthetic["main_F1"] >= 0.85
    assert synthetic["title_acc"] >= 0.88
    assert synthetic["date_acc"] >= 0.96
    assert plain["main_F1"] >= 0.87 and plain["main_P"] == 1.0
    assert plain["title_acc"] >= 0.86
    assert pages["main_F1"] >= 0.77
