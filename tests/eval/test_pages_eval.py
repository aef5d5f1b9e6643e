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
    assert set(report) == {"dev", "dev/synthetic", "dev/trafilatura"}
    synthetic, pages = report["dev/synthetic"], report["dev/trafilatura"]
    assert synthetic["pages"] == 50 and pages["pages"] == 84
    # measured: synthetic main-line F1 0.892, title 0.84, dateline 0.96; trafilatura pages F1 0.796
    assert synthetic["main_F1"] >= 0.87
    assert synthetic["title_acc"] >= 0.80
    assert synthetic["date_acc"] >= 0.92
    assert pages["main_F1"] >= 0.77
