"""The store as the source of truth: every layer round-trips, the read API answers from it, exports equal the report."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import jsonschema
import pytest

from marsad.api import run
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document, Entity, Event, Published, Segment
from marsad.options import Options
from marsad.pipeline import Job, analyze_batch
from marsad.report.build import dumps, schema
from marsad.store import Store
from marsad.store.codec import from_json, json_text, to_json
from marsad.store.export import Selection, build_report, export, write_report
from marsad.store.read import Reader
from marsad.store.schema import VERSION
from marsad.store.store import _entity_record, source_of, stored_form


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(request: pytest.FixtureRequest, shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("store") / "m.db")
    else:
        target = request.getfixturevalue("postgres_databases")()
    store = Store(target)
    run([str(shared_dir / "seeds")], Options(progress=False), store)
    return store


def _sorted(report: dict[str, object]) -> dict[str, object]:
    out = dict(report)
    for key in ("documents", "entities", "stories", "duplicates", "errors"):
        items = report[key]
        assert isinstance(items, list)
        out[key] = sorted(items, key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
    return out


def test_schema_is_migrated_and_versioned(seeded: Store) -> None:
    assert seeded.schema_version() == VERSION == 5


def test_every_layer_round_trips(seeded: Store) -> None:
    reader = Reader(seeded)
    report = build_report(seeded)
    assert len(report["documents"]) == 5
    for stored in report["documents"]:
        doc = from_json(Document, stored)
        assert asdict(doc) == stored
        answer = reader.document(doc.id)
        assert answer is not None
        assert {k: v for k, v in answer.items() if k not in ("sources", "stories")} == {
            k: v for k, v in stored.items() if k != "sources"
        }
        assert [s["input"] for s in answer["sources"]] == [doc.source]
        for table, layer in (("mentions", doc.mentions), ("timexes", doc.timexes), ("quotes", doc.quotes)):
            rows = seeded.rows(f'SELECT start, "end", text FROM {table} WHERE document = ? ORDER BY seq', (doc.id,))
            assert [(s, e, t) for s, e, t in rows] == [(x.start, x.end, x.text) for x in layer]
            assert all(doc.text[s:e] == t for s, e, t in rows)
        segments = seeded.rows("SELECT segment, kind, start, \"end\" FROM segments WHERE doc = ? ORDER BY rowid", (doc.id,))
        assert [tuple(r) for r in segments] == [(s.id, s.kind, s.start, s.end) for s in doc.segments]
    assert sum(len(d["mentions"]) for d in report["documents"]) > 300
    assert sum(len(d["quotes"]) for d in report["documents"]) > 50


def test_stored_json_is_the_text_json_dumps_makes(seeded: Store) -> None:
    """Every JSON text the store writes comes from one shared encoder (``codec.json_text``): the same text as
    ``json.dumps(..., ensure_ascii=False)``, checked on real documents, their quotes and events, and entity records."""
    for (report,) in seeded.rows("SELECT report FROM reports"):
        doc = from_json(Document, json.loads(report))
        values = [to_json(doc), *(to_json(q) for q in doc.quotes), *(to_json(e) for e in doc.events)]
        assert json_text(to_json(doc)) == report
        assert all(json_text(v) == json.dumps(v, ensure_ascii=False) for v in values) and doc.quotes
    for (record,) in seeded.rows("SELECT record FROM entities"):
        assert json_text(json.loads(record)) == record


@dataclass
class RichEvent(Event):
    """An event with a field the store's columns do not know (as the events layer grows)."""

    polarity: str = "positive"


def test_an_entity_record_is_its_json_form_without_its_documents() -> None:
    """An entity's stored record (its documents are rows of their own) is its JSON form with ``documents`` empty, the
    fields in the same order (the record is compared as text between stores)."""
    entity = Entity("E7", "PER", "عادل الجبير", ["الجبير", "عادل بن أحمد الجبير"], ["d1", "d2"], 5, ["وزير الخارجية"])
    record = _entity_record(entity)
    assert json.dumps(record, ensure_ascii=False) == json.dumps(to_json(entity) | {"documents": []}, ensure_ascii=False)
    assert record["aliases"] is not entity.aliases


def test_events_keep_fields_they_do_not_know(tmp_path: Path) -> None:
    text = "اجتمع الرئيس مع الوفد في القاهرة يوم الثلاثاء."
    doc = Document("ev1", "ev.txt", "txt", text, segments=[Segment("ev1:0", "main", 0, len(text))])
    doc.events = [RichEvent(0, 5, "اجتمع", "MEET", "2024-06-18", ["E1", "E2"])]
    doc.published = Published("2024-06-18", "metadata")
    with Store(tmp_path / "e.db") as store:
        assert store.add(doc)
        [event] = Reader(store).events(type="MEET", actor="E2", since="2024-06-01")["items"]
        assert event["text"] == text[event["start"]:event["end"]] == "اجتمع"
        assert event["participants"] == ["E1", "E2"] and event["polarity"] == "positive"
        assert Reader(store).events(type="ATTACK")["total"] == 0
        assert Reader(store).events(until="2024-06-17")["total"] == 0
        out = io.StringIO()
        assert export(store, "events", out) == 1
        assert json.loads(out.getvalue())["type"] == "MEET"


def test_reader_story_list_and_filters(seeded: Store) -> None:
    reader = Reader(seeded)
    page = reader.stories(per_page=2)
    assert page["total"] == 3 and len(page["items"]) == 2 and page["page"] == 1
    visit = page["items"][0]
    assert visit["title"].startswith("بوتين في زيارة تاريخية لكوريا الشمالية")
    assert visit["first_published"].startswith("2024-06-18")
    assert reader.stories(page=2, per_page=2)["items"][0]["id"] not in {s["id"] for s in page["items"]}
    assert reader.stories(since="2024-06-01")["total"] == 1
    assert reader.stories(until="2024-06-17")["total"] == 0  # the other two stories are undated
    assert reader.stories(until="2024-06-18")["total"] == 1
    assert [s["id"] for s in reader.stories(outlet="فيتو")["items"]] == [visit["id"]]
    assert reader.stories(text="أوريشنيك")["total"] == 1
    putin = reader.entities(q="بوتين")["items"][0]
    assert putin["name"] == "فلاديمير بوتين"
    assert reader.stories(entity=putin["id"])["total"] == 3


def test_reader_story_page(seeded: Store) -> None:
    reader = Reader(seeded)
    visit_id = reader.stories()["items"][0]["id"]
    story = reader.story(visit_id)
    assert story is not None
    assert len(story["documents"]) == 3
    assert {"فيتو", "جريدة عمان"} <= set(story["outlets"])
    assert story["timeline"] and all(src["published"] for row in story["timeline"] for src in row["sources"])
    speakers = {q["speaker_name"] for q in story["quotes"]}
    assert "فلاديمير بوتين" in speakers
    assert story["quotes"] == reader.quotes(story=visit_id, per_page=200)["items"]
    assert len(story["quotes"]) == reader.quotes(story=visit_id)["total"] >= 50
    assert story["passages"], "the passages copied between 000 and 002"
    for p in story["passages"]:
        for side in (p["a"], p["b"]):
            text = json.loads(seeded.rows("SELECT report FROM reports WHERE id = ?", (side["document"],))[0][0])["text"]
            assert text[side["start"]:side["end"]] == side["text"]
    assert reader.story("story-404") is None


def test_reader_entity_quotes_search(seeded: Store) -> None:
    reader = Reader(seeded)
    putin = reader.entities(type="PER", per_page=1)["items"][0]
    entity = reader.entity(putin["id"])
    assert entity is not None and entity["name"] == "فلاديمير بوتين"
    assert sum(d["count"] for d in entity["mentions_by_day"]) <= entity["mentions"]
    assert entity["mentions_by_day"][0]["day"] == "2024-06-18"
    assert entity["quotes_by"] and all(q["speaker"] == putin["id"] for q in entity["quotes_by"])
    assert all(q["speaker"] != putin["id"] for q in entity["quotes_about"])
    assert "كيم جونج أون" in {e["name"] for e in entity["cooccurring"]}
    assert reader.quotes(speaker=putin["id"])["total"] == len(entity["quotes_by"])
    story_id = reader.stories()["items"][0]["id"]
    in_story = reader.quotes(story=story_id, per_page=200)
    assert 0 < in_story["total"] < reader.quotes()["total"]
    [hit] = reader.search("أوريشنيك", limit=1)
    assert hit["story"] is not None and "[" in hit["snippet"]
    health = reader.health()
    assert health["documents"] == 5 and health["stories"] == 3


def test_export_report_equals_the_analyze_report(shared_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli.app import app

    db, out = tmp_path / "m.db", tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(shared_dir / "seeds"), "-o", str(out), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    written = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert not (out / "report.json.partial").exists()
    result = CliRunner().invoke(app, ["export", "--format", "report", "--db", str(db), "-o", str(tmp_path / "e.json")])
    assert result.exit_code == 0, result.output
    exported = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema())
    assert _sorted(exported) == _sorted(written)
    visit = written["stories"][0]["id"]
    result = CliRunner().invoke(app, ["export", "-f", "jsonl", "--db", str(db), "--story", visit, "-o", str(tmp_path / "s.jsonl")])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()) == len(written["stories"][0]["documents"])
    result = CliRunner().invoke(app, ["analyze", str(shared_dir / "seeds"), "-o", str(out), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    second = json.loads((out / "report.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--run", "2", "-o", str(tmp_path / "r2.json")])
    assert result.exit_code == 0, result.output
    assert _sorted(json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))) == _sorted(second) == _sorted(written)
    assert CliRunner().invoke(app, ["export", "-f", "xml", "--db", str(db)]).exit_code == 2
    assert CliRunner().invoke(app, ["export", "--db", str(db), "--story", "story-999"]).exit_code == 1
    assert CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.db")]).exit_code == 2


def test_export_formats_and_selections(seeded: Store) -> None:
    out = io.StringIO()
    assert export(seeded, "jsonl", out) == 5
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["id"] for d in lines] == [d["id"] for d in build_report(seeded)["documents"]]
    out = io.StringIO()
    export(seeded, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 5 and all(r["stories"] for r in rows)
    out = io.StringIO()
    export(seeded, "conll", out)
    conll = out.getvalue()
    assert conll.count("# doc = ") == 5
    tagged = [line.split("\t") for line in conll.splitlines() if line and not line.startswith("#")]
    assert all(len(t) == 5 for t in tagged)
    begins = sum(1 for t in tagged if t[3].startswith("B-"))
    mentions = sum(len(d["mentions"]) for d in lines)
    assert begins == mentions
    visit = Reader(seeded).stories()["items"][0]["id"]
    story = build_report(seeded, Selection(story=visit))
    assert len(story["documents"]) == 3 and [s["id"] for s in story["stories"]] == [visit]
    assert len(build_report(seeded, Selection(since="2024-01-01"))["documents"]) == 3


class _Writes(io.StringIO):
    """A text stream that keeps the length of every write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


@pytest.mark.parametrize("selection", [Selection(), Selection(run=1), Selection(since="2024-01-01")])
def test_the_report_is_written_record_by_record(seeded: Store, selection: Selection) -> None:
    report = build_report(seeded, selection)
    out = _Writes()
    assert write_report(seeded, out, selection) == len(report["documents"])
    assert out.getvalue() == dumps(report)  # the same text as the report built whole
    records = [r for key in ("documents", "entities", "stories", "duplicates", "errors") for r in report[key]]
    assert len(records) > 10 and len(out.sizes) > len(records)
    # no write holds more than one record: the largest is one record with its separator and indentation
    largest = max(len(dumps(r)) + dumps(r).count("\n") * 2 + 4 for r in records)
    assert max(out.sizes) == largest


def test_documents_written_with_their_worker_forms_are_read_back_as_they_were(shared_dir: Path, tmp_path: Path) -> None:
    # The writer stores the JSON and search rows a worker computed, and the corpus steps then take the batch's
    # documents as they are instead of parsing them back: both must be what reading the store gives.
    options = Options(progress=False)
    raws = [r for r in read_inputs([str(shared_dir / "seeds")], options) if isinstance(r, RawDocument)]
    docs = [d for d in analyze_batch([Job(r) for r in raws], options) if isinstance(d, Document)]
    assert len(docs) == 5
    for doc in docs:
        doc.sources = [source_of(doc)]
    with Store(tmp_path / "worker.db") as store, Store(tmp_path / "writer.db") as other:
        for target, forms in ((store, {d.id: stored_form(d) for d in docs}), (other, None)):
            run_number = target.start_run(["seeds"])
            target.write_batch(run_number, docs, [(d.id, d.sources[0]) for d in docs], {}, [], forms=forms)
        ids = [d.id for d in reversed(docs)]
        fresh = {d.id: d for d in docs[:3]}
        mixed = store.load_batch(ids, fresh=fresh)
        assert mixed == store.load_batch(ids) == other.load_batch(ids) == docs and not fresh
        assert all(a is b for a, b in zip(mixed[:3], docs[:3], strict=True))
        segment_rows = 'SELECT doc, segment, kind, start, "end", text, norm FROM segments ORDER BY doc, segment'
        assert store.rows(segment_rows) == other.rows(segment_rows) and store.rows(segment_rows)
        assert store.search("بوتين") == other.search("بوتين") != []


def test_reader_serves_threads(seeded: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    reader = Reader(seeded)
    story_id = reader.stories()["items"][0]["id"]

    def ask(_: int) -> int:
        story = reader.story(story_id)
        assert story is not None
        return len(reader.stories(text="بوتين")["items"]) + len(story["documents"])

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = set(pool.map(ask, range(40)))
    assert len(answers) == 1


class _Undo(Exception):
    """Raised to roll a probing write back."""


def test_passages_numbered_by_the_store_leave_the_key_sequence_after_them(seeded: Store) -> None:
    # the copied-passage index files a batch with ids it chose (max + 1 ...); on PostgreSQL an identity column's
    # sequence does not move by itself, so an insert without an id would collide with them
    top = seeded._one("SELECT max(id) FROM passage_hashes")
    assert top is not None and int(top[0]) > 0  # the seeds' passages are filed
    with pytest.raises(_Undo), seeded.write():
        row = seeded._one('INSERT INTO passage_hashes (unit, document, start, "end", shingles) '
                          "VALUES (?, ?, ?, ?, ?) RETURNING id", ("u", "d", 0, 1, ""))
        assert row is not None and int(row[0]) == int(top[0]) + 1
        raise _Undo
    assert seeded._one("SELECT max(id) FROM passage_hashes") == top


def test_segments_numbered_by_the_store_leave_the_key_sequence_after_them(seeded: Store) -> None:
    # a batch's segments are filed with the row ids the store would give them (max + 1 ...), in one statement, and
    # their search terms under those ids: an insert without an id goes on after them, and search finds the seeds
    top = seeded._one("SELECT max(rowid), count(*) FROM segments")
    assert top is not None and int(top[0]) == int(top[1]) > 0
    assert seeded.search("بوتين")
    doc = seeded._one("SELECT id FROM documents")
    assert doc is not None
    with pytest.raises(_Undo), seeded.write():
        row = seeded._one('INSERT INTO segments (doc, segment, kind, start, "end", text, norm) '
                          "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING rowid", (doc[0], "probe", "main", 0, 1, "", ""))
        assert row is not None and int(row[0]) == int(top[0]) + 1
        raise _Undo


def test_a_batch_numbers_each_new_source_after_its_documents_last(tmp_path: Path, shared_dir: Path) -> None:
    # sources are filed in one statement: a repeated text's new input takes the number after its document's last
    # one (stored or earlier in the batch), an input already filed keeps its number and joins the run
    options = Options(progress=False)
    raws = [r for r in read_inputs([str(shared_dir / "seeds")], options) if isinstance(r, RawDocument)]
    doc = next(d for d in analyze_batch([Job(r) for r in raws], options) if isinstance(d, Document))
    own = source_of(doc)
    other = own.__class__("copy-1.html", own.format, own.url, own.outlet, own.published, own.basis)
    third = own.__class__("copy-2.html", own.format, own.url, own.outlet, own.published, own.basis)
    with Store(tmp_path / "s.db") as store:
        assert store.write_batch(1, [doc], [(doc.id, own)], {}, []) == 1
        assert store.write_batch(2, [doc], [(doc.id, other), (doc.id, own), (doc.id, third)], {}, []) == 0
        assert store.rows("SELECT input, seq, run FROM document_sources ORDER BY seq") == [
            (own.input, 1, 2), ("copy-1.html", 2, 2), ("copy-2.html", 3, 2)]
        assert store.queued() == [(doc.id, "new")]
