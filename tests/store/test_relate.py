"""The corpus stage batch by batch against the store: the same findings as one pass, old stores taken up."""

from __future__ import annotations

import gzip
import itertools
import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from marsad.api import run
from marsad.corpus.duplicates import CopyPair, earliest_document, find_duplicates
from marsad.corpus.passages import Passage, encode_shingles
from marsad.corpus.stories import MAX_LINK_DOCUMENTS, place_units
from marsad.corpus.story_index import StoryIndex, StoryParams
from marsad.corpus.units import units_of
from marsad.eval.shared import saudinewsnet_records
from marsad.eval.stories import iter_records, read_gold
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.ingest.records import record_document
from marsad.model import Document
from marsad.options import Options
from marsad.pipeline import analyze_raw
from marsad.store import Store, indexes, relate
from marsad.store.codec import to_json
from marsad.store.export import build_report
from marsad.store.indexes import PassageTables, StoryTables
from marsad.store.relate import describe_due, relate_queued
from marsad.store.schema import MIGRATIONS
from marsad.store.store import source_of

GOLD = Path(__file__).resolve().parents[1] / "gold" / "stories" / "saudinewsnet_2015-08-07.tsv"
SOME_STORIES = {"suez_canal_opening", "iraq_protests_services", "saudi_stocks_4month_low", "samira_tawfiq_statements",
                "oman_syria_mediation_muallem", "mh370_debris_reunion", "ittihad_signs_morales"}


def _sample(shared_dir: Path, folder: Path, count: int) -> Path:
    path = folder / "sample.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as src:
        path.write_text("".join(line for _, line in zip(range(count), src, strict=False)), encoding="utf-8")
    return path


def _partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for segment, story in store.rows("SELECT segment, story FROM story_members"):
        groups.setdefault(store.resolve_id("story", str(story)), set()).add(str(segment))
    return {frozenset(g) for g in groups.values()}


def _copies(store: Store) -> tuple[set[tuple[str, int, str, int]], set[frozenset[tuple[str, int]]]]:
    rows = store.rows("SELECT a_document, a_start, b_document, b_start, copy_group FROM passages")
    pairs = {tuple(sorted([(str(a), int(s)), (str(b), int(t))])) for a, s, b, t, _g in rows}
    groups: dict[str, set[tuple[str, int]]] = {}
    for a, s, b, t, g in rows:
        groups.setdefault(str(g), set()).update({(str(a), int(s)), (str(b), int(t))})
    return {(a[0], a[1], b[0], b[1]) for a, b in pairs}, {frozenset(g) for g in groups.values()}


def test_batches_find_the_stories_and_copies_of_one_pass(shared_dir: Path, store_target: str, tmp_path: Path) -> None:
    seeds = [str(shared_dir / "seeds")]
    with Store(tmp_path / "whole.db") as whole:
        run(seeds, Options(progress=False, batch_size=64), whole)
        expected_stories, expected_copies = _partition(whole), _copies(whole)
    with Store(store_target) as batched:
        summary = run(seeds, Options(progress=False, batch_size=1), batched)
        assert _partition(batched) == expected_stories
        assert _copies(batched) == expected_copies
        assert len(expected_copies[0]) > 5 and len(expected_stories) == 3
        assert not batched.rows("SELECT * FROM corpus_queue") and not batched.rows("SELECT * FROM stories_due")
        described = {str(r[0]) for r in batched.rows("SELECT story FROM story_members")}
        assert described == {str(r[0]) for r in batched.rows("SELECT id FROM stories")}
        # stories merged on the way are touched once, under the id they live on as
        assert sorted(summary.stories_touched) == sorted(described)


def test_outlines_place_every_offset_in_the_article_the_stored_document_does(shared_dir: Path, store_target: str) -> None:
    with Store(store_target) as store:
        run([str(shared_dir / "seeds")], Options(progress=False), store)
        ids = sorted(str(r[0]) for r in store.rows("SELECT id FROM documents"))
        whole = {doc.id: doc for doc in store.load_batch(ids, analysis=False)}
        outlines = store.outlines([*ids, "no-such-document"])
    assert [d.id for d in outlines] == ids and len(ids) >= 5
    articles = 0
    for outline in outlines:
        doc = whole[outline.id]
        assert outline.outlet == doc.outlet and not outline.text
        for offset in range(0, len(doc.text), 7):
            place = doc.article_at(offset)
            assert outline.article_at(offset) == (None if place is None else replace(place, title=None, published=None))
            articles += place is not None
    assert articles > 500


def test_the_stored_index_places_units_as_the_index_in_memory(shared_dir: Path, store_target: str) -> None:
    options = Options(progress=False)
    docs = [analyze_raw(r, options) for r in read_inputs([str(shared_dir / "seeds")], options)
            if isinstance(r, RawDocument)]
    duplicates = find_duplicates(docs)
    memory, _ = place_units(docs[:2], duplicates)
    place_units(docs[2:], duplicates, memory)
    with Store(store_target) as store:
        tables = StoryTables(store)
        for part in (docs[:2], docs[2:]):
            with store.write():
                index = tables.open(memory.params)
                place_units(part, duplicates, index)
                tables.save(index)
        placed = tables.unit_stories(m.unit for s in memory.stories for m in s.members)
        ids = {sidx: s.id for sidx, s in tables.states(placed.values()).items()}
        stored = {unit: ids[sidx] for unit, sidx in placed.items()}
    expected = {m.unit: s.id for s in memory.stories for m in s.members}
    assert stored == expected and len(set(expected.values())) >= 3


def _back_to_layout_4(conn: sqlite3.Connection) -> None:
    """Undo step 5 of the schema, as a store of the release before it has it: each document's report back in its
    ``documents`` row (a document not related yet: its analysis)."""
    conn.executemany("UPDATE documents SET report = ? WHERE id = ?",
                     [(r, i) for i, r in conn.execute("SELECT id, report FROM reports").fetchall()])
    conn.execute("DROP VIEW reports")
    conn.execute("DROP TABLE report_rows")
    conn.execute("DELETE FROM schema_version WHERE version = 5")


def _back_to_layout_3(conn: sqlite3.Connection) -> None:
    """Undo step 4 of the schema, as a store of the previous release has it: each entity's documents back in its
    record, each copied passage's ``earliest`` back in its row."""
    _back_to_layout_4(conn)
    for ident, record in conn.execute("SELECT id, record FROM entities").fetchall():
        documents = sorted(str(d) for (d,) in conn.execute("SELECT document FROM entity_documents WHERE entity = ?",
                                                            (ident,)))
        conn.execute("UPDATE entities SET record = ? WHERE id = ?",
                     (json.dumps(json.loads(record) | {"documents": documents}, ensure_ascii=False), ident))
    earliest = conn.execute("SELECT seq, earliest FROM passages").fetchall()
    conn.execute("DROP VIEW passages")
    conn.execute("ALTER TABLE passage_rows RENAME TO passages")
    conn.execute("ALTER TABLE passages ADD COLUMN earliest TEXT")
    conn.executemany("UPDATE passages SET earliest = ? WHERE seq = ?", [(e, s) for s, e in earliest])
    for table in ("entity_documents", "copy_groups", "copy_group_documents", "anchor_days"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM schema_version WHERE version = 4")


def _back_to_layout_2(db: Path) -> None:
    """Undo steps 4 and 3 of the schema (their tables and indexes), as a store of an older release has it."""
    conn = sqlite3.connect(db)
    _back_to_layout_3(conn)
    for statement in MIGRATIONS[2].statements:
        made = re.match(r"CREATE (TABLE|INDEX) (\w+)", statement)
        if made:
            conn.execute(f"DROP {made[1]} IF EXISTS {made[2]}")
    conn.execute("DELETE FROM schema_version WHERE version = 3")
    conn.execute("INSERT INTO meta (key, value) VALUES ('corpus_stale', '1')")
    conn.commit()
    conn.close()


def test_a_store_of_layout_2_is_taken_up_batch_by_batch(shared_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    raws = [r for r in read_inputs([str(_sample(shared_dir, tmp_path, 30))], Options(progress=False))
            if isinstance(r, RawDocument)]
    with Store(db) as old:  # documents only, their corpus steps never run
        for raw in raws:
            old.add(analyze_raw(raw, Options(progress=False)))
        added = old.count()
    _back_to_layout_2(db)
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert len(store.queued()) == added
        summary = run([], Options(progress=False, batch_size=8), store)
        assert summary.added == 0 and summary.stories_touched
        assert not store.queued()
        units = {str(r[0]) for r in store.rows("SELECT unit FROM story_units")}
        assert units == {str(r[0]) for r in store.rows("SELECT segment FROM story_members")}
        assert len(units) >= added
        assert store.rows("SELECT count(*) FROM entities")[0][0] > 50



def _gold_sample(shared_dir: Path, folder: Path) -> Path:
    """The gold articles of seven multi-article stories and of twelve single-article ones, in dump order."""
    gold = read_gold(GOLD)
    singles = [g.url for g in gold if g.story.startswith("single-")][:12]
    wanted = {g.url for g in gold if g.story in SOME_STORIES} | set(singles)
    path = folder / "gold.jsonl"
    dump = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for _, r in iter_records(dump)
                            if r.get("url") in wanted), encoding="utf-8")
    return path


def _gold_documents(shared_dir: Path, folder: Path, options: Options) -> list[Document]:
    """The gold sample analysed, each document with its own source (as a run's writer receives them)."""
    docs = [analyze_raw(r, options) for r in read_inputs([str(_gold_sample(shared_dir, folder))], options)
            if isinstance(r, RawDocument)]
    for doc in docs:
        doc.sources = [source_of(doc)]
    return docs


def test_two_batches_give_the_same_stories_in_either_order(shared_dir: Path, store_target: str, tmp_path: Path) -> None:
    options = Options(progress=False)
    docs = _gold_documents(shared_dir, tmp_path, options)
    first, second = docs[::2], docs[1::2]  # each story's articles in both batches
    partitions = []
    orders = ((store_target, [first, second]), (str(tmp_path / "reversed.db"), [second, first]),
              (str(tmp_path / "whole.db"), [docs]))
    for target, batches in orders:
        with Store(target) as store:
            number = store.start_run(["two batches"])
            for batch in batches:
                store.write_batch(number, batch, [(d.id, d.sources[0]) for d in batch], {}, [])
                relate_queued(store, number, options.stories, len(batch))
            partitions.append(_partition(store))
    assert partitions[0] == partitions[1] == partitions[2]
    units = {u for g in partitions[0] for u in g}
    assert len(units) == len(docs) == 45  # merged-away stories' earlier members stay filed (moved, not dropped)
    assert sorted(len(g) for g in partitions[0] if len(g) > 1) == [2, 2, 3, 3, 3, 14]


STORY_TABLES = ("story_states", "story_units", "story_postings", "story_terms", "story_members", "redirects")


def test_the_index_kept_between_batches_stores_what_one_opened_afresh_does(
    shared_dir: Path, store_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = Options(progress=False)
    docs = _gold_documents(shared_dir, tmp_path, options)
    tables = []
    for target, keep in ((str(tmp_path / "afresh.db"), None), (store_target, (4000, 400_000)),
                         (str(tmp_path / "small.db"), (1, 1))):
        with Store(target) as store:
            number = store.start_run(["kept"])
            opened = []
            for n in range(0, len(docs), 5):
                if keep is None:
                    indexes._KEPT.clear()  # every batch opens the stored index afresh
                else:
                    monkeypatch.setattr(indexes, "KEEP_STATES", keep[0])
                    monkeypatch.setattr(indexes, "KEEP_TERMS", keep[1])
                batch = docs[n : n + 5]
                store.write_batch(number, batch, [(d.id, d.sources[0]) for d in batch], {}, [])
                relate_queued(store, number, options.stories, len(batch))
                opened.append(indexes._KEPT[store][1])  # the index the batch saved, kept for the next
            assert all(a is b for a, b in itertools.pairwise(opened)) == (keep is not None)
            if keep == (1, 1):  # opened again, the kept index is cut to the bounds
                with store.write():
                    last = StoryTables(store).open(options.stories)
                assert last is opened[-1] and len(last.states) <= 1 and not last.postings and not last.df
            tables.append({t: sorted(map(tuple, store.rows(f"SELECT * FROM {t}"))) for t in STORY_TABLES})
    assert tables[0] == tables[1] == tables[2]
    assert len(tables[0]["redirects"]) >= 1 and len(tables[0]["story_states"]) > 20


def test_a_batch_rolled_back_after_saving_the_index_makes_the_next_open_it_afresh(
    shared_dir: Path, store_target: str
) -> None:
    options = Options(progress=False)
    docs = [analyze_raw(r, options) for r in read_inputs([str(shared_dir / "seeds")], options)
            if isinstance(r, RawDocument)]
    with Store(store_target) as store:
        tables = StoryTables(store)
        with store.write():
            first = tables.open(options.stories)
            place_units(docs[:2], [], first)
            tables.save(first)
        with pytest.raises(RuntimeError), store.write():
            kept = tables.open(options.stories)
            place_units(docs[2:], [], kept)
            tables.save(kept)
            raise RuntimeError("the rest of the batch failed")
        with store.write():
            again = tables.open(options.stories)
        assert kept is first and again is not first and not again.states
        placed = sum(len(units_of(d)) for d in docs[:2])
        assert again.n_units == len(store.rows("SELECT unit FROM story_units")) == placed > 0


def test_describing_in_chunks_of_few_members_gives_the_same_stories(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = Options(progress=False)
    docs = _gold_documents(shared_dir, tmp_path, options)
    records = []
    for name, members in (("whole.db", relate.DESCRIBE_MEMBERS), ("small.db", 3)):
        monkeypatch.setattr(relate, "DESCRIBE_MEMBERS", members)
        with Store(tmp_path / name) as store:
            number = store.start_run(["chunks"])
            store.write_batch(number, docs, [(d.id, d.sources[0]) for d in docs], {}, [])
            relate_queued(store, number, options.stories, len(docs))
            tables = StoryTables(store)
            due = tables.due(200, members)
            sizes = dict(store.rows("SELECT sidx, size FROM story_states"))
            # a chunk holds at most `members` units, unless one story alone holds more
            assert len(due) == 1 or sum(int(sizes[s]) for s in due) <= members
            waiting = tables.due_count()
            assert describe_due(store, number) == waiting and tables.due_count() == 0
            records.append(sorted(store.rows("SELECT id, record FROM stories")))
    assert records[0] == records[1] and len(records[0]) > 20


WIRE = ("وقالت وكالة الأنباء في بيان صدر مساء اليوم إن الهيئة العامة للموانئ وقعت اتفاقية مع شركة الملاحة الدولية "
        "لتشغيل محطة الحاويات الجديدة في ميناء جدة الإسلامي لمدة عشرين عاما بطاقة استيعابية تبلغ مليوني حاوية سنويا")


def test_a_copy_group_growing_past_the_link_limit_links_the_same_units_in_batches(
    shared_dir: Path, tmp_path: Path
) -> None:
    """A wire paragraph copied by thirteen outlets: its group passes the link limit at the eleventh copy. Each
    copy links its unit to the earlier ones while the group is small enough, cut into batches or not (one batch
    used to judge every copy by the group's final size, batches by its size at their end)."""
    dump = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    records = [r for _, r in itertools.islice(iter_records(dump), 13)]
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(r | {"source": f"outlet{i}", "url": f"https://outlet{i}.example/news/{i}",
                                               "date_extracted": "2015-07-21 10:00:00",
                                               "content": r["content"] + "\n\n" + WIRE}, ensure_ascii=False) + "\n"
                            for i, r in enumerate(records)), encoding="utf-8")
    options = Options(progress=False)
    docs = [analyze_raw(r, options) for r in read_inputs([str(path)], options) if isinstance(r, RawDocument)]
    for doc in docs:
        doc.sources = [source_of(doc)]
    # only copied passages join units (the text alone never reaches the threshold), and stories never merge
    params = StoryParams(threshold=0.9, copy_bonus=1.0, merge_threshold=2.0)
    partitions = []
    for name, size in (("whole.db", len(docs)), ("fours.db", 4), ("ones.db", 1)):
        with Store(tmp_path / name) as store:
            number = store.start_run(["wire"])
            for i in range(0, len(docs), size):
                batch = docs[i : i + size]
                store.write_batch(number, batch, [(d.id, d.sources[0]) for d in batch], {}, [])
                relate_queued(store, number, params, len(batch))
            partitions.append(_partition(store))
    memory, _ = place_units(docs, find_duplicates(docs), StoryIndex(params))  # the corpus steps without a store
    partitions.append({frozenset(m.unit for m in s.members) for s in memory.stories if s.members})
    assert partitions[0] == partitions[1] == partitions[2] == partitions[3]
    assert sorted(len(g) for g in partitions[0]) == [1] * (len(docs) - MAX_LINK_DOCUMENTS) + [MAX_LINK_DOCUMENTS]


WIRE_2 = ("وأوضح وزير الصحة خالد الفالح في الرياض أن الفرق الطبية باشرت حملة التطعيم الموسمية في المدارس الحكومية "
          "والأهلية بمحافظات المنطقة الشرقية وتستمر الحملة ثلاثة أسابيع وتشمل أكثر من مئتي ألف طالب وطالبة")


def test_copy_groups_and_entities_grown_batch_by_batch_read_as_one_pass_does(
    shared_dir: Path, store_target: str, tmp_path: Path
) -> None:
    """Two wire paragraphs in real articles of thirteen outlets: six carry the first, five the second and two both.
    Whatever the batches, each copy group counts its documents and names the earliest the way one pass over all of
    them does (every copy of the group carries it), and the entities of the wire text list every document that names
    them (each batch adds only its own)."""
    dump = shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    records = [r for _, r in itertools.islice(iter_records(dump), 13)]
    wires = [WIRE] * 6 + [WIRE_2] * 5 + [WIRE + "\n\n" + WIRE_2] * 2
    path = tmp_path / "wires.jsonl"
    path.write_text("".join(json.dumps(r | {"source": f"outlet{i}", "url": f"https://outlet{i}.example/news/{i}",
                                               "date_extracted": f"2015-07-{10 + i:02d} 10:00:00",
                                               "content": r["content"] + "\n\n" + wire}, ensure_ascii=False) + "\n"
                            for i, (r, wire) in enumerate(zip(records, wires, strict=True))), encoding="utf-8")
    options = Options(progress=False)
    docs = [analyze_raw(r, options) for r in read_inputs([str(path)], options) if isinstance(r, RawDocument)]
    for doc in docs:
        doc.sources = [source_of(doc)]
    found = []
    for target, size in ((str(tmp_path / "whole.db"), len(docs)), (str(tmp_path / "fours.db"), 4), (store_target, 1)):
        with Store(target) as store:
            number = store.start_run(["wires"])
            for i in range(0, len(docs), size):
                batch = docs[i : i + size]
                store.write_batch(number, batch, [(d.id, d.sources[0]) for d in batch], {}, [])
                relate_queued(store, number, options.stories, len(batch))
            copies = {(str(a), int(s), str(b), int(t), e) for a, s, b, t, e in store.rows(
                "SELECT a_document, a_start, b_document, b_start, earliest FROM passages")}
            members: dict[int, set[str]] = {}
            for group, document in store.rows("SELECT copy_group, document FROM copy_group_documents"):
                members.setdefault(int(group), set()).add(str(document))
            published = {str(i): p for i, p in store.rows("SELECT id, published FROM documents")}
            groups = {frozenset(members[int(g)]): (int(n), e) for g, n, e in store.rows(
                "SELECT id, documents, earliest FROM copy_groups")}
            assert all(n == len(ids) and e == earliest_document(ids, published) for ids, (n, e) in groups.items())
            entities = build_report(store)["entities"]
            counted = {str(i): int(n) for i, n in store.rows("SELECT id, documents FROM entities")}
            found.append((copies, groups))
            assert all(counted[e["id"]] == len(e["documents"]) for e in entities)
            # the alias rows, written as the names grow, are each record's name and aliases
            filed: dict[str, set[str]] = {}
            for entity, alias in store.rows("SELECT entity, alias FROM entity_aliases"):
                filed.setdefault(str(entity), set()).add(str(alias))
            records = {str(i): json.loads(r) for i, r in store.rows("SELECT id, record FROM entities")}
            assert filed == {i: {r["name"], *r["aliases"]} for i, r in records.items()}
            # (resolution sees each batch's documents only, so other entities may differ between batchings)
            named = {e["name"]: set(e["documents"]) for e in entities}
            assert named["جدة"] >= {d.id for d, w in zip(docs, wires, strict=True) if WIRE in w}
            assert named["خالد الفالح"] >= {d.id for d, w in zip(docs, wires, strict=True) if WIRE_2 in w}
    assert found[0] == found[1] == found[2]
    copies, groups = found[0]
    by_wire = [frozenset(d.id for d, w in zip(docs, wires, strict=True) if wire in w) for wire in (WIRE, WIRE_2)]
    assert set(groups) == set(by_wire)  # the doubly copied articles are in both groups
    assert {e for *_, e in copies} == {e for _n, e in groups.values()}
    assert any(e is not None for _n, e in groups.values())
    assert len(copies) >= 11


def test_a_stored_copy_group_two_pairs_touch_apart_stays_one_group(
    shared_dir: Path, store_target: str, tmp_path: Path
) -> None:
    """Stored groups 1 (articles 0, 1) and 2 (articles 2, 3); then article 4's passage copies 0's and 2's (groups 1
    and 2 become one) and article 5's copies 3's only. Group 2 is one group with both: article 5's copy joins group 1
    too (it was once filed under the merged-away group 2), and the group counts its six documents."""
    options = Options(progress=False)
    docs = [analyze_raw(r, options) for r in read_inputs([str(_sample(shared_dir, tmp_path, 6))], options)
            if isinstance(r, RawDocument)]
    for doc in docs:
        doc.sources = [source_of(doc)]
    passages = [Passage(f"{d.id}:0", d.id, 0, 40, d.text[:40], frozenset({n})) for n, d in enumerate(docs)]
    dates = {d.id: d.published.value if d.published else None for d in docs}
    with Store(store_target) as store:
        store.write_batch(store.start_run(["groups"]), docs, [(d.id, d.sources[0]) for d in docs], {}, [])
        with store.write():
            stored = [encode_shingles(p.shingles) for p in passages]
            first = PassageTables(store).add(passages[:4], [[], [], [], []], stored[:4], [
                CopyPair(passages[0], passages[1], 0.9), CopyPair(passages[2], passages[3], 0.9)], dates)
            later = PassageTables(store).add(passages[4:], [[], []], stored[4:], [
                CopyPair(passages[0], passages[4], 0.9), CopyPair(passages[2], passages[4], 0.9),
                CopyPair(passages[3], passages[5], 0.9)], dates)
        assert [d.group for d in first] == ["copy-1", "copy-2"]
        assert {d.group for d in later} == {"copy-1"}
        assert {str(g) for (g,) in store.rows("SELECT copy_group FROM passages")} == {"copy-1"}
        assert [int(n) for (n,) in store.rows("SELECT documents FROM copy_groups")] == [6]
        expected = earliest_document([d.id for d in docs], dates)
        assert {e for (e,) in store.rows("SELECT earliest FROM passages")} == {expected} == {d.earliest for d in later}


def test_merging_stored_copy_groups_that_share_a_document_counts_it_once(
    shared_dir: Path, store_target: str, tmp_path: Path
) -> None:
    """Article 1 has one passage copied in article 0 (group 1) and another in article 2 (group 2); article 3 then copies
    0's and 2's, so group 2 merges into group 1. The merged group lists articles 0-3 once each, and its count and first
    publication are what counting its documents afresh gives (only the documents group 1 lacked move over)."""
    options = Options(progress=False)
    docs = [analyze_raw(r, options) for r in read_inputs([str(_sample(shared_dir, tmp_path, 4))], options)
            if isinstance(r, RawDocument)]
    for doc in docs:
        doc.sources = [source_of(doc)]
    p0, p1, p2, p3 = (Passage(f"{d.id}:0", d.id, 0, 40, d.text[:40], frozenset({n})) for n, d in enumerate(docs))
    p1b = Passage(f"{docs[1].id}:0", docs[1].id, 50, 90, docs[1].text[50:90], frozenset({9}))
    dates = {d.id: d.published.value if d.published else None for d in docs}
    with Store(store_target) as store:
        store.write_batch(store.start_run(["groups"]), docs, [(d.id, d.sources[0]) for d in docs], {}, [])
        with store.write():
            tables = PassageTables(store)
            stored = [encode_shingles(p.shingles) for p in (p0, p1, p1b, p2, p3)]
            first = tables.add([p0, p1, p1b, p2], [[], [], [], []], stored[:4],
                               [CopyPair(p0, p1, 0.9), CopyPair(p1b, p2, 0.9)], dates)
            later = tables.add([p3], [[]], stored[4:], [CopyPair(p0, p3, 0.9), CopyPair(p2, p3, 0.9)], dates)
            merged = store.rows("SELECT id, documents, first_published, first_document, firsts, undated, earliest "
                                "FROM copy_groups")
            tables.refile([1])
            recounted = store.rows("SELECT id, documents, first_published, first_document, firsts, undated, earliest "
                                   "FROM copy_groups")
        assert [d.group for d in first] == ["copy-1", "copy-2"]
        assert {d.group for d in later} == {"copy-1"}
        assert sorted((int(g), str(d)) for g, d in store.rows("SELECT copy_group, document FROM copy_group_documents")) \
            == sorted((1, d.id) for d in docs)
        assert [tuple(r) for r in merged] == [tuple(r) for r in recounted]
        assert int(merged[0][1]) == 4
        assert {str(g) for (g,) in store.rows("SELECT copy_group FROM passages")} == {"copy-1"}
        assert {int(g) for (g,) in store.rows("SELECT copy_group FROM passage_hashes")} == {1}


def test_a_store_of_layout_3_reads_the_same_after_its_findings_move_to_rows(shared_dir: Path, tmp_path: Path) -> None:
    """A store whose entity records list their documents and whose copies carry their ``earliest`` (layout 3) is
    brought to layout 4 on opening: the report reads the same entities, copies and stories as before."""
    db = tmp_path / "old.db"
    with Store(db) as store:
        run([str(_gold_sample(shared_dir, tmp_path))], Options(progress=False, batch_size=10), store)
        before = build_report(store)
    conn = sqlite3.connect(db)
    _back_to_layout_3(conn)
    conn.commit()
    assert conn.execute("SELECT count(*) FROM passages WHERE earliest IS NOT NULL").fetchone()[0] > 0
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert build_report(store) == before
        assert max(len(e["documents"]) for e in before["entities"]) >= 10 and before["duplicates"]


def test_a_store_of_layout_4_reads_the_same_reports_from_their_own_rows(shared_dir: Path, tmp_path: Path) -> None:
    """Step 5 moves each document's report out of its ``documents`` row (layout 4) into ``report_rows``: the store reads
    the same reports and report; a document written and not related yet reads its analysis, and relating it files its
    report there, the document's row keeping an empty one."""
    db = tmp_path / "old.db"
    lines = _sample(shared_dir, tmp_path, 15).read_text(encoding="utf-8").splitlines(keepends=True)
    first = tmp_path / "first.jsonl"
    first.write_text("".join(lines[:-1]), encoding="utf-8")
    late, *_ = [r for r in read_inputs([str(_sample(shared_dir, tmp_path, 15))], Options(progress=False))
                if isinstance(r, RawDocument)][-1:]
    with Store(db) as store:
        run([str(first)], Options(progress=False, batch_size=4), store)
        before = build_report(store)
        reports = {str(i): str(r) for i, r in store.rows("SELECT id, report FROM reports")}
    conn = sqlite3.connect(db)
    _back_to_layout_4(conn)
    conn.commit()
    assert dict(conn.execute("SELECT id, report FROM documents").fetchall()) == reports and len(reports) >= 10
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert {str(i): str(r) for i, r in store.rows("SELECT id, report FROM reports")} == reports
        assert build_report(store) == before
        assert {r for (r,) in store.rows("SELECT report FROM documents")} == {""}
        doc = analyze_raw(late, Options(progress=False))  # written as a run writes its batches, not related yet
        number = store.start_run(["late"])
        assert store.write_batch(number, [doc], [(doc.id, source_of(doc))], {}, [], layers=False) == 1
        analysis = store.rows("SELECT analysis FROM documents WHERE id = ?", (doc.id,))[0][0]
        assert store.rows("SELECT report FROM reports WHERE id = ?", (doc.id,))[0][0] == analysis
        relate_queued(store, number, Options(progress=False).stories, 4)
        related = store.load_batch([doc.id], analysis=False)[0]
        filed = store.rows("SELECT report FROM report_rows WHERE id = ?", (doc.id,))[0][0]
        assert filed == json.dumps(to_json(related), ensure_ascii=False) != analysis
        assert store.rows("SELECT report FROM documents WHERE id = ?", (doc.id,))[0][0] == ""


def _related_one_by_one(shared_dir: Path, store: Store, urls: list[str]) -> list[Document]:
    """These SaudiNewsNet articles analysed and related into ``store`` one batch each, in order; their documents."""
    records = saudinewsnet_records(shared_dir, set(urls))
    options = Options(progress=False)
    docs = [analyze_raw(record_document(records[u], f"saudinewsnet:{u}", "jsonl"), options) for u in urls]
    number = store.start_run(["one by one"])
    for doc in docs:
        store.write_batch(number, [doc], [(doc.id, source_of(doc))], {}, [])
        relate_queued(store, number, options.stories, 1)
    return docs


RABIAH = [  # the nine 2015-08-01 articles naming عبدالله الربيعة; one at a time, a later one joins two stored entities
    "http://aawsat.com/home/article/419661/وصول-رابع-طائرة-مساعدات-سعودية-إلى-عدن",
    "http://www.aleqt.com/2015/08/01/article_977902.html",
    "http://www.aleqt.com/2015/08/01/article_977903.html",
    "http://www.al-jazirah.com/2015/20150801/ln49.htm",
    "http://www.al-jazirah.com/2015/20150801/ln58.htm",
    "http://www.alriyadh.com/1069589",
    "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=230633&CategoryID=1",
    "http://www.alyaum.com/article/4081193",
    "http://www.okaz.com.sa/new/Issues/20150801/Con20150801786872.htm",
]


def test_an_entity_merged_away_is_named_by_no_stored_document(shared_dir: Path, store_target: str) -> None:
    """A batch that finds two stored entities to be one person leaves a redirect, and the stored documents that named
    the merged-away id (their mentions, quote speakers, event participants, in the rows and the report JSON) now name
    the entity it lives on as: no document names an entity the report does not list."""
    with Store(store_target) as store:
        docs = _related_one_by_one(shared_dir, store, RABIAH)
        merged = {str(old): str(new) for old, new in store.rows("SELECT old, new FROM redirects WHERE kind = 'entity'")}
        assert merged  # the batches did merge stored entities (else this test proves nothing)
        report = build_report(store)
        listed = {e["id"] for e in report["entities"]}
        named = {str(e) for (e,) in store.rows(
            "SELECT entity FROM mentions WHERE entity IS NOT NULL UNION SELECT speaker FROM quotes WHERE speaker IS NOT "
            "NULL UNION SELECT participant FROM event_participants UNION SELECT entity FROM quote_via")}
        in_json = set(re.findall(r'"(E\d+|[a-z]+:[a-z0-9-]+)"', json.dumps(report["documents"])))
        assert named <= listed and not (in_json & set(merged))
        rabiah = next(e for e in report["entities"] if e["name"].endswith("الربيعة"))
        assert set(rabiah["documents"]) == {d.id for d in docs}


SUPER_CUPS = [  # 2015-08-01: the Saudi Super Cup (bare and qualified), then the Egyptian and the London ones
    "http://aawsat.com/home/article/419826/دونيس-يعتمد-كعبي-والسالم-والعليوي-في-هجوم-الهلال",
    "http://www.al-jazirah.com/2015/20150801/sp8.htm",  # «السوبر المصري» once, «السوبر» twice: the entity «السوبر»
    "http://www.alriyadh.com/1069620",
    "http://www.okaz.com.sa/new/Issues/20150801/Con20150801786793.htm",  # «السوبر اللندني» once, «السوبر» three times
    "http://www.okaz.com.sa/new/Issues/20150801/Con20150801786810.htm",
]


def test_another_cup_named_by_the_bare_word_takes_no_registry_key_of_the_home_cup(
    shared_dir: Path, store_target: str
) -> None:
    """An article on the Egyptian Super Cup names it «السوبر» more often than «السوبر المصري», so resolution names the
    entity «السوبر»; related one article at a time, that name's registry key went to the Egyptian cup and the next
    Saudi article's bare «السوبر» folded the Saudi cup into it (then the London one likewise).  The cups stay apart,
    as one pass over the five articles keeps them."""
    with Store(store_target) as store:
        docs = _related_one_by_one(shared_dir, store, SUPER_CUPS)
        assert not store.rows("SELECT old FROM redirects WHERE kind = 'entity'")
        cups = {frozenset([e["name"], *e["aliases"]]): set(e["documents"]) for e in build_report(store)["entities"]
                if e["name"].startswith("السوبر")}
    by_form = {form: named for forms, named in cups.items() for form in forms if " " in form}
    assert by_form["السوبر السعودي"] == {docs[i].id for i in (0, 1, 2, 4)}  # the Egyptian article names it once too
    assert by_form["السوبر المصري"] == {docs[1].id} and by_form["السوبر اللندني"] == {docs[3].id}
