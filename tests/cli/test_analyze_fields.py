"""``marsad analyze --field NAME=FIELD`` and ``--outlets FILE`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from marsad.cli.app import app
from marsad.options import Options, OptionsError
from marsad.report.build import schema

runner = CliRunner()
TEXT = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير، وقال الوزير إن المستشفى سيخدم المنطقة."


def test_field_and_outlets_options(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"onwan": "افتتاح مستشفى", "nass": TEXT, "waqt": "Tue, 08 May 2018 17:14:59 GMT",
                                   "jiha": "almanara", "extra_field": 7}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    tsv = tmp_path / "outlets.tsv"
    tsv.write_text("صحيفة المنارة\talmanara.example\talmanara\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(records), "-o", str(out), "--no-store", "-q",
                                 "--field", "title=onwan", "--field", "text=nass", "--field", "published=waqt",
                                 "--field", "outlet=jiha", "--outlets", str(tsv)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema())
    [doc] = report["documents"]
    assert doc["title"] == "افتتاح مستشفى"
    assert doc["published"] == {"value": "2018-05-08T17:14:59", "basis": "metadata"}
    assert doc["outlet"] == "صحيفة المنارة"
    assert doc["metadata"] == {"extra_field": "7", "date_field": "waqt"}


def test_bad_field_option_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path), "--no-store", "--field", "colour=x"])
    assert result.exit_code == 2
    assert "expected NAME=FIELD" in result.output


def test_missing_outlets_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path), "--no-store", "--outlets", str(tmp_path / "none.tsv")])
    assert result.exit_code == 2


def test_unusable_outlets_file_exits_2(tmp_path: Path) -> None:
    tsv = tmp_path / "outlets.tsv"
    tsv.write_text("\tdomain.example\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--no-store", "--outlets", str(tsv)])
    assert result.exit_code == 2
    assert "line 1 has no outlet name" in result.output


def test_field_map_and_outlets_file_from_toml(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text('[marsad]\noutlets_file = "o.tsv"\n\n[marsad.field_map]\ntitle = "onwan"\npublished = "meta.dt"\n',
                      encoding="utf-8")
    options = Options.from_toml(config)
    assert options.field_map == (("title", "onwan"), ("published", "meta.dt"))
    assert options.outlets_file == "o.tsv"
    with pytest.raises(OptionsError, match="'colour' is not one of"):
        Options.from_dict({"field_map": {"colour": "x"}})
