"""``marsad analyze`` end to end: report, schema, store dedupe, errors and exit codes, workers."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from marsad.cli.app import app
from marsad.report.build import schema
from marsad.store import Store

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_seeds_report_is_valid_and_store_deduplicates(shared_dir: Path, tmp_path: Path) -> None:
    out, db = tmp_path / "out", tmp_path / "m.db"
    code, _ = _run("analyze", str(shared_dir / "seeds"), "-o", str(out), "--db", str(db), "-q")
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema())
    assert report["schema"] == "marsad.report/1"
    assert len(report["documents"]) == 5
    for doc in report["documents"]:
        text = doc["text"]
        for layer in ("mentions", "timexes", "quotes", "events", "agencies"):
            for item in doc[layer]:
                assert text[item["start"]:item["end"]] == item["text"]
        for seg in doc["segments"]:
            assert 0 <= seg["start"] < seg["end"] <= len(text)
    with Store(db) as store:
        first = store.count()
    code, _ = _run("analyze", str(shared_dir / "seeds"), "-o", str(out), "--db", str(db), "-q")
    assert code == 0
    with Store(db) as store:
        assert store.count() == first == 5


def test_txt_text_is_the_decoded_file(shared_dir: Path, tmp_path: Path) -> None:
    seed = sorted((shared_dir / "seeds").glob("001_*.txt"))[0]
    code, _ = _run("analyze", str(seed), "-o", str(tmp_path), "--no-store", "-q")
    assert code == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["documents"][0]["text"] == seed.read_text(encoding="utf-8")


def test_bad_inputs_are_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("قال وزير الخارجية اليوم إن المحادثات كانت مثمرة وستستمر الأسبوع المقبل في العاصمة.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    english = tmp_path / "english.txt"
    english.write_text("The minister said the talks were fruitful and would continue next week.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, output = _run(
        "analyze", str(good), str(empty), str(binary), str(english), str(tmp_path / "missing.txt"),
        "-o", str(out), "--no-store", "-q",
    )
    assert code == 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 1
    failed = {Path(e["input"]).name for e in report["errors"]}
    assert failed == {"empty.txt", "blob.txt", "english.txt", "missing.txt"}
    for name in failed:
        assert name in output


def test_usage_error_exits_2(tmp_path: Path) -> None:
    code, _ = _run("analyze", "--workers", "0", str(tmp_path))
    assert code == 2


def test_two_workers_give_the_same_report(shared_dir: Path, tmp_path: Path) -> None:
    reports = []
    for workers in ("1", "2"):
        out = tmp_path / workers
        code, _ = _run("analyze", str(shared_dir / "seeds"), "-o", str(out), "--no-store", "-q", "--workers", workers)
        assert code == 0
        reports.append(json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"])
    assert reports[0] == reports[1]


def test_schema_command_prints_the_schema() -> None:
    code, output = _run("schema")
    assert code == 0
    assert json.loads(output)["$id"] == "marsad.report/1"


def test_bundled_examples(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "src" / "marsad" / "examples"
    code, _ = _run("analyze", str(examples), "-o", str(tmp_path), "--no-store", "-q")
    assert code == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema())
    outlets = sorted(d["outlet"] for d in report["documents"])
    assert outlets == ["شبكة الرصد الإخبارية", "صحيفة المنارة", "موقع البوصلة"]
    kinds = {s["kind"] for d in report["documents"] for s in d["segments"]}
    assert {"main", "appended", "related", "caption", "boilerplate"} <= kinds


def test_a_later_batch_joins_the_stories_of_the_store(shared_dir: Path, tmp_path: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    db = tmp_path / "m.db"
    code, _ = _run("analyze", str(seeds[0]), str(seeds[1]), "-o", str(tmp_path / "a"), "--db", str(db), "-q")
    assert code == 0
    first = json.loads((tmp_path / "a" / "report.json").read_text(encoding="utf-8"))
    visit = next(s for s in first["stories"] if len(s["documents"]) == 2)
    code, _ = _run("analyze", str(seeds[2]), "-o", str(tmp_path / "b"), "--db", str(db), "-q")
    assert code == 0
    second = json.loads((tmp_path / "b" / "report.json").read_text(encoding="utf-8"))
    main_002 = next(s["id"] for s in second["documents"][0]["segments"] if s["kind"] == "main")
    joined = next(s for s in second["stories"] if main_002 in s["segments"])
    assert joined["id"] == visit["id"]
    assert set(visit["documents"]) < set(joined["documents"])
