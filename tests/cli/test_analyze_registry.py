"""The user's registry of known entities: ``Options.registry_file``, ``--registry FILE`` and ``registry_file`` in TOML."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.app import app
from marsad.corpus.known import registry_in_use, shipped_registry, use_registry
from marsad.options import Options

runner = CliRunner()
TEXT = ("أعلن وزير المالية خالد الرشيدي اليوم خطة جديدة للموازنة. وقال الرشيدي إن الخطة تبدأ مطلع العام المقبل، "
        "وأضاف خالد الرشيدى أن الوزارة ستنشر تفاصيلها قريبا.")
ENTRY = "per:khalid-alrashidi\tPER\tخالد الرشيدي\tالرشيدي\tfinance_minister@2020-01-01/\n"


@pytest.fixture(autouse=True)
def shipped_after() -> Iterator[None]:
    yield
    use_registry("")  # later tests run on the shipped registry alone


def _records(tmp_path: Path) -> Path:
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"title": "خطة الموازنة", "text": TEXT, "published": "2021-03-01"},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    return records


def _entities(out: Path) -> dict[str, dict[str, object]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in report["entities"]}


def test_registry_option_gives_the_users_id_type_and_roles(tmp_path: Path) -> None:
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("# my entities\n" + ENTRY, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(_records(tmp_path)), "-o", str(out), "--no-store", "-q",
                                 "--registry", str(tsv)])
    assert result.exit_code == 0, result.output
    person = _entities(out)["per:khalid-alrashidi"]
    assert person["name"] == "خالد الرشيدي"
    assert person["type"] == "PER"
    assert person["mentions"] == 3
    assert person["roles"] == ["finance_minister@2020-01-01/"]


def test_registry_file_from_toml_config(tmp_path: Path) -> None:
    tsv = tmp_path / "mine.tsv"
    tsv.write_text(ENTRY, encoding="utf-8")
    config = tmp_path / "marsad.toml"
    config.write_text(f'[marsad]\nregistry_file = "{tsv}"\n', encoding="utf-8")
    assert Options.from_toml(config).registry_file == str(tsv)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(_records(tmp_path)), "-o", str(out), "--no-store", "-q",
                                 "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "per:khalid-alrashidi" in _entities(out)


def test_without_the_registry_the_person_has_no_registry_id(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(_records(tmp_path)), "-o", str(out), "--no-store", "-q"])
    assert result.exit_code == 0, result.output
    assert "per:khalid-alrashidi" not in _entities(out)
    assert registry_in_use() == ""


@pytest.mark.parametrize("via_config", [False, True])
def test_a_bad_registry_file_exits_2_naming_it(tmp_path: Path, via_config: bool) -> None:
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("per:x\tPERSON\tزيد\n", encoding="utf-8")
    if via_config:
        config = tmp_path / "marsad.toml"
        config.write_text(f'registry_file = "{tsv}"\n', encoding="utf-8")
        args = ["--config", str(config)]
    else:
        args = ["--registry", str(tsv)]
    result = runner.invoke(app, ["analyze", str(_records(tmp_path)), "--no-store", "-q", *args])
    assert result.exit_code == 2
    flat = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.output).split())  # the message, out of its error box
    assert "bad registry row" in flat and "PER/LOC/ORG/MISC" in flat


def test_use_registry_switches_what_lookups_see(tmp_path: Path) -> None:
    tsv = tmp_path / "mine.tsv"
    tsv.write_text(ENTRY, encoding="utf-8")
    assert shipped_registry().lookup("خالد الرشيدى") is None
    use_registry(str(tsv))
    found = shipped_registry().lookup("خالد الرشيدى")
    assert found is not None and found.id == "per:khalid-alrashidi"
    use_registry("")
    assert shipped_registry().lookup("خالد الرشيدي") is None
    with pytest.raises(ValueError, match="cannot read registry file"):
        use_registry(str(tmp_path / "none.tsv"))
