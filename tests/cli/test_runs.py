"""Runs over one store: stable ids across batches, repeats as sources, faults, kills, Ctrl-C, locks, concurrent runs."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import marsad.pipeline
from marsad.api import run
from marsad.cli.app import app
from marsad.model import Document
from marsad.options import Options
from marsad.store import Store
from marsad.store.export import Selection, build_report
from marsad.store.read import Reader

runner = CliRunner()
MARSAD = [sys.executable, "-m", "marsad"]
QUIET = Options(progress=False)


def _seeds(shared_dir: Path, *prefixes: str) -> list[str]:
    return [str(next((shared_dir / "seeds").glob(f"{p}_*.txt"))) for p in prefixes]


def _sorted(report: dict[str, object]) -> dict[str, object]:
    out = dict(report)
    for key in ("documents", "entities", "stories", "duplicates", "errors"):
        items = report[key]
        assert isinstance(items, list)
        out[key] = sorted(items, key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
    return out


def _mention_entities(store: Store) -> list[tuple[tuple[str, int], str]]:
    return [((str(d), int(n)), str(e)) for d, n, e in store.rows("SELECT document, seq, entity FROM mentions")]


def _main_segment(store: Store, doc_id: str) -> str:
    return str(store.rows("SELECT segment FROM segments WHERE doc = ? AND kind = 'main' ORDER BY start", (doc_id,))[0][0])


def _story_of(store: Store, segment: str) -> str:
    return str(store.rows("SELECT story FROM story_members WHERE segment = ?", (segment,))[0][0])


def test_ids_stay_stable_and_a_third_batch_joins_its_stored_story(shared_dir: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        first = run(_seeds(shared_dir, "000", "003"), QUIET, store)
        mentions_1 = dict(_mention_entities(store))
        names_1 = {e["id"]: e["name"] for e in Reader(store).entities(per_page=200)["items"]}
        stories_1 = {s["id"] for s in Reader(store).stories()["items"]}
        doc_000 = store.rows("SELECT document FROM document_sources WHERE run = ? AND input LIKE '%000_%'", (first.run,))[0][0]
        visit = _story_of(store, _main_segment(store, doc_000))

        run(_seeds(shared_dir, "001", "004"), QUIET, store)
        mentions_2 = dict(_mention_entities(store))
        moved = [k for k, e in mentions_1.items() if store.resolve_id("entity", e) != mentions_2[k]]
        assert not moved, "a stored mention's entity id changed without a redirect"
        assert names_1[mentions_2[next(iter(mentions_1))]]
        stories_2 = {s["id"] for s in Reader(store).stories()["items"]}
        assert all(store.resolve_id("story", s) in stories_2 for s in stories_1)

        third = run(_seeds(shared_dir, "002"), QUIET, store)
        doc_002 = store.rows("SELECT document FROM document_sources WHERE run = ?", (third.run,))[0][0]
        assert store.resolve_id("story", _story_of(store, _main_segment(store, doc_002))) == store.resolve_id("story", visit)
        story = Reader(store).story(visit)
        assert story is not None and {doc_000, doc_002} <= {d["id"] for d in story["documents"]}
        assert third.added == 1 and store.count() == 5


def test_a_repeated_text_is_one_document_with_every_source(tmp_path: Path) -> None:
    text = (
        "أعلنت وزارة الخارجية اليوم أن المحادثات بين الوفدين ستستأنف في العاصمة الأسبوع المقبل. "
        "وقال المتحدث باسم الوزارة إن الجانبين اتفقا على جدول الأعمال."
    )
    records = [
        {"title": "استئناف المحادثات", "content": text, "url": "https://a.example/1", "date": "2024-03-05", "source": "a"},
        {"title": "استئناف المحادثات", "content": text, "url": "https://b.example/9", "date": "2024-03-04", "source": "b"},
    ]
    shard = tmp_path / "r.jsonl"
    shard.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["analyze", str(shard), "-o", str(tmp_path / "out"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "2 inputs, 1 documents, 1 repeats kept as extra sources" in " ".join(result.output.split())
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    [doc] = report["documents"]
    assert [s["url"] for s in doc["sources"]] == ["https://a.example/1", "https://b.example/9"]
    assert doc["published"]["value"] == "2024-03-04"  # the earliest source
    again = runner.invoke(app, ["analyze", str(shard), "-o", str(tmp_path / "out"), "--db", str(db), "-q"])
    assert "2 inputs, 1 documents, 0 repeats" in " ".join(again.output.split())
    with Store(db) as store:
        assert store.count() == 1
        assert len(store.rows("SELECT * FROM document_sources")) == 2


def test_a_failing_component_is_one_error_and_the_run_goes_on(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = marsad.pipeline.components

    def broken() -> list[marsad.pipeline.Component]:
        def explode(doc: Document) -> None:
            if "أوريشنيك" in doc.text:
                raise RuntimeError("boom")

        return [*real(), marsad.pipeline.Component("explode", ("segments",), (), explode)]

    monkeypatch.setattr(marsad.pipeline, "components", broken)
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    failing = next(p for p in seeds if "أوريشنيك" in p.read_text(encoding="utf-8"))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(failing.read_bytes())
    errors = []
    with Store(tmp_path / "m.db") as store:
        summary = run([*map(str, seeds), str(copy)], QUIET, store, on_error=errors.append)
        assert store.count() == 4 and summary.errors == 2
        assert not store.rows("SELECT input FROM document_sources WHERE document NOT IN (SELECT id FROM documents)")
    assert [(e.input, e.reason) for e in errors] == [
        (str(failing), "explode failed: RuntimeError: boom"),
        (str(copy), f"same text as {failing}, which failed"),
    ]


def test_bad_output_path_exits_2_before_analysis(shared_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["analyze", str(shared_dir / "seeds"), "-o", str(blocker / "out"), "--db", str(db)])
    assert result.exit_code == 2
    assert "cannot create folder" in result.output and not db.exists()
    result = runner.invoke(app, ["analyze", str(shared_dir / "seeds"), "-o", str(tmp_path / "o"), "--db", str(blocker / "m.db")])
    assert result.exit_code == 2 and "cannot create folder" in result.output


def test_config_file_sets_options_and_rejects_unknown_names(shared_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text("[marsad]\nbatch_size = 2\nworkers = 1\n", encoding="utf-8")
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["analyze", *_seeds(shared_dir, "003", "004"), "-o", str(tmp_path), "--db", str(db), "-q",
                                 "--config", str(good)])
    assert result.exit_code == 0, result.output
    bad = tmp_path / "bad.toml"
    bad.write_text("batch_sise = 2\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(shared_dir / "seeds"), "-o", str(tmp_path), "--config", str(bad)])
    assert result.exit_code == 2 and "unknown setting 'batch_sise'" in result.output


@pytest.fixture
def locked_store(shared_dir: Path, tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    db = tmp_path / "m.db"
    with Store(db) as store:
        run(_seeds(shared_dir, "003"), QUIET, store)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    yield db, holder
    holder.close()


def test_a_locked_store_is_one_error_line(locked_store: tuple[Path, sqlite3.Connection], shared_dir: Path, tmp_path: Path) -> None:
    db, _holder = locked_store
    result = runner.invoke(app, ["analyze", *_seeds(shared_dir, "004"), "-o", str(tmp_path / "o"), "--db", str(db), "-q",
                                 "--lock-wait", "0.5"])
    assert result.exit_code == 1
    assert f"store {db} is locked by another program (waited 0.5 s)" in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_store_locked_for_a_moment_is_waited_for(
    locked_store: tuple[Path, sqlite3.Connection], shared_dir: Path, tmp_path: Path
) -> None:
    db, holder = locked_store
    threading.Timer(1.0, lambda: holder.execute("COMMIT")).start()
    result = runner.invoke(app, ["analyze", *_seeds(shared_dir, "004"), "-o", str(tmp_path / "o"), "--db", str(db), "-q",
                                 "--lock-wait", "20"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.count() == 2


def test_concurrent_runs_merge_their_story_index(shared_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    Store(db).close()
    procs = [
        subprocess.Popen([*MARSAD, "analyze", *_seeds(shared_dir, *prefixes), "-o", str(tmp_path / name), "--db", str(db),
                          "-q", "--batch-size", "1"], stderr=subprocess.PIPE, text=True)
        for name, prefixes in (("a", ("000", "003")), ("b", ("001", "002", "004")))
    ]
    for proc in procs:
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
    with Store(db) as store:
        units = {str(r[0]) for r in store.rows("SELECT unit FROM story_units")}
        mains = {str(r[0]) for r in store.rows("SELECT segment FROM segments WHERE kind IN ('main', 'appended') AND parent IS NULL")}
        assert mains <= units, "a run's units were lost from the story index"
        member_rows = {str(r[0]) for r in store.rows("SELECT segment FROM story_members")}
        assert mains <= member_rows
        visit = {_story_of(store, _main_segment(store, d)) for d in _docs_of(store, ("000", "001", "002"))}
        assert len({store.resolve_id("story", s) for s in visit}) == 1


def _docs_of(store: Store, prefixes: tuple[str, ...]) -> list[str]:
    rows = store.rows("SELECT document, input FROM document_sources")
    return [str(d) for d, inp in rows if Path(inp).name[:3] in prefixes]


@pytest.fixture(scope="module")
def shard(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 short SaudiNewsNet records (200 to 1,200 characters) in one JSON Lines file."""
    path = tmp_path_factory.mktemp("shard") / "snn.jsonl"
    lines = []
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if 200 <= len(json.loads(line)["content"]) <= 1200:
                lines.append(line)
                if len(lines) == 300:
                    break
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _start(shard: Path, db: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*MARSAD, "analyze", str(shard), "-o", str(out), "--db", str(db), "-q", "--batch-size", "20"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def _wait_for(db: Path, proc: subprocess.Popen[str], count: int) -> None:
    deadline = time.monotonic() + 600
    while _stored(db) < count:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_a_killed_run_keeps_its_batches_and_a_rerun_equals_an_uninterrupted_run(shard: Path, tmp_path: Path) -> None:
    killed_db = tmp_path / "killed.db"
    proc = _start(shard, killed_db, tmp_path / "k")
    _wait_for(killed_db, proc, 60)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    kept = _stored(killed_db)
    assert 60 <= kept < 297
    with Store(killed_db) as store:  # what was committed is whole: every kept document has its segments and layers
        assert not store.rows("SELECT id FROM documents WHERE id NOT IN (SELECT doc FROM segments)")
    rerun = _start(shard, killed_db, tmp_path / "rerun")
    _, stderr = rerun.communicate(timeout=900)
    assert rerun.returncode == 1, stderr  # three records are not Arabic
    assert "297 documents" in stderr and f"{297 - kept} new" in " ".join(stderr.split())
    whole = _start(shard, tmp_path / "whole.db", tmp_path / "whole")
    whole.communicate(timeout=900)
    with Store(killed_db) as store:
        assert store.count() == 297
        assert len(store.rows("SELECT DISTINCT document, input FROM document_sources")) == 297
    rerun_report = json.loads((tmp_path / "rerun" / "report.json").read_text(encoding="utf-8"))
    whole_report = json.loads((tmp_path / "whole" / "report.json").read_text(encoding="utf-8"))
    assert len(whole_report["documents"]) == 297 and len(whole_report["errors"]) == 3
    assert _sorted(rerun_report) == _sorted(whole_report)


def test_ctrl_c_commits_what_is_done_and_exits_130(shared_dir: Path, tmp_path: Path) -> None:
    # 2,000 records, so that the run cannot end before the interrupt even when this process waits long for a core
    # (with the 300 of `shard` a loaded machine let it finish first)
    longer = tmp_path / "snn2000.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
        longer.write_text("".join(line for _, line in zip(range(2000), f, strict=False)), encoding="utf-8")
    db = tmp_path / "m.db"
    proc = subprocess.Popen(
        [*MARSAD, "analyze", str(longer), "-o", str(tmp_path / "o"), "--db", str(db), "-q", "--batch-size", "50"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},  # SIGABRT then prints where every thread is
    )
    _wait_for(db, proc, 40)
    time.sleep(1.0)  # part of the second batch is analysed
    proc.send_signal(signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # say what the run was doing, once, instead of leaving it running
        proc.send_signal(signal.SIGABRT)
        _, stderr = proc.communicate()
        pytest.fail(f"no exit 120 s after Ctrl-C ({_stored(db)} documents stored); its stderr: {stderr[-3000:]}")
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    with Store(db) as store:
        assert 40 <= store.count() < 1873  # the 2,000 records hold 1,873 documents
        assert store.rows("SELECT status FROM runs")[0][0] == "interrupted"
        assert build_report(store, Selection())["documents"]


if os.name != "posix":  # signals as used above are POSIX
    pytestmark = pytest.mark.skip("POSIX signals")


def test_story_settings_come_from_the_config(shared_dir: Path, tmp_path: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("[marsad]\nbatch_size = 8\n\n[marsad.stories]\nthreshold = 0.95\nmerge_threshold = 0.95\n", encoding="utf-8")
    options = Options.from_toml(strict)
    assert options.batch_size == 8 and options.stories.threshold == 0.95 and options.stories.window_days == 3
    with Store(tmp_path / "strict.db") as store:
        run([str(shared_dir / "seeds")], options.replace(progress=False), store)
        strict_stories = Reader(store).stories()["total"]
    with Store(tmp_path / "default.db") as store:
        run([str(shared_dir / "seeds")], QUIET, store)
        default_stories = Reader(store).stories()["total"]
    assert default_stories == 3 < strict_stories
    bad = tmp_path / "bad.toml"
    bad.write_text("[marsad.stories]\nthreshhold = 0.5\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(shared_dir / "seeds"), "-o", str(tmp_path), "--config", str(bad)])
    assert result.exit_code == 2 and "[stories]: unknown setting 'threshhold'" in result.output


def test_page_text_and_paths_are_never_terminal_markup(tmp_path: Path) -> None:
    title = "[b]قمة[/b] الرياض"
    body = "اجتمع القادة في الرياض اليوم لبحث التعاون الاقتصادي والأمني بين دول المنطقة وسبل تعزيزه خلال السنوات المقبلة."
    shard = tmp_path / "t.jsonl"
    shard.write_text(json.dumps({"title": title, "content": f"{title}\n\n{body}"}, ensure_ascii=False) + "\n", encoding="utf-8")
    empty = tmp_path / "bad[red].txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(shard), str(empty), "-o", str(tmp_path / "o"), "--db", str(tmp_path / "m.db")],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert title in result.output  # the summary table shows the title as written
    assert "bad[red].txt: empty" in result.output
