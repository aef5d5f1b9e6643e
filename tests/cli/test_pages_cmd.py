"""``marsad eval pages`` and ``marsad train pages`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.app import app

runner = CliRunner()
GOLD = Path(__file__).parents[1] / "gold" / "page" / "pages.json"


def test_eval_pages_json_on_two_trafilatura_pages(shared_dir: Path, tmp_path: Path) -> None:
    pages = [p for p in json.loads(GOLD.read_text(encoding="utf-8"))["pages"] if p["kind"] == "trafilatura"][:2]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    result = runner.invoke(app, ["eval", "pages", str(gold), "--shared", str(shared_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    split = pages[0]["split"]
    assert report[split]["pages"] == sum(1 for p in pages if p["split"] == split)
    assert 0.0 <= float(report[split]["main_F1"]) <= 1.0


def test_pages_commands_need_the_shared_datasets(tmp_path: Path) -> None:
    for args in (["eval", "pages", str(GOLD), "--shared", str(tmp_path)], ["train", "pages", "--shared", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert "no datasets/ folder" in result.output
