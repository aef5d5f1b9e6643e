"""Comparing two stores (benchmarks/compare_stores.py): equal runs are identical, and each kind of change is named."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.api import run
from marsad.options import Options
from marsad.store import Store
from marsad.store.compare import SECTIONS, compare_stores


def test_same_inputs_are_identical_and_changes_are_named(shared_dir: Path, tmp_path: Path, store_target: str) -> None:
    with Store(tmp_path / "a.db") as a, Store(store_target) as b:
        for store in (a, b):
            run([str(shared_dir / "seeds")], Options(progress=False), store)
        sections, groupings = compare_stores(a, b)
        assert all(d.same for diffs in sections.values() for d in diffs), [
            line for diffs in sections.values() for d in diffs for line in d.lines()]
        assert all(g.f1 == 1.0 and g.same_ids == g.items >= 5 for g in groupings), [g.line() for g in groupings]

        # One mention moved to another entity, a unit of a story of several dropped, one document's stored title changed.
        (doc, seq, entity), *_ = b.rows("SELECT document, seq, entity FROM mentions WHERE entity IS NOT NULL "
                                         "ORDER BY document, seq")
        other = b.rows("SELECT id FROM entities WHERE id <> ? ORDER BY id", (entity,))[0][0]
        (unit,), *_ = b.rows("SELECT segment FROM story_members WHERE story IN (SELECT story FROM story_members "
                             "GROUP BY story HAVING count(*) > 1) ORDER BY segment")
        report = json.loads(b.rows("SELECT report FROM reports WHERE id = ?", (doc,))[0][0])
        report["title"] = "changed"
        with b.write():  # a change no command makes: written behind the store's methods
            b._x("UPDATE mentions SET entity = ? WHERE document = ? AND seq = ?", (other, doc, seq))
            b._x("DELETE FROM story_members WHERE segment = ?", (unit,))
            b._x("UPDATE report_rows SET report = ? WHERE id = ?", (json.dumps(report, ensure_ascii=False), doc))
        sections, groupings = compare_stores(a, b)

    diffs = {d.table: d for section in sections.values() for d in section}
    assert {t for t, d in diffs.items() if not d.same} == {"mentions", "story_members", "reports"}
    assert diffs["mentions"].differing == [(doc, seq)] and diffs["mentions"].columns == {"entity": 1}
    assert diffs["story_members"].only_a == [(unit,)] and not diffs["story_members"].only_b
    assert diffs["reports"].columns == {"report": 1} and diffs["reports"].json_keys == {"report.title": 1}
    assert "1 differ" in diffs["mentions"].lines()[0] and "entity 1" in diffs["mentions"].lines()[1]
    entity, stories = groupings
    assert entity.same_ids == entity.items - 1 and entity.f1 < 1.0
    assert stories.same_ids == stories.items - 1 and stories.recall < 1.0


def test_every_table_of_the_schema_is_compared(tmp_path: Path) -> None:
    """A table added to the schema and not to the comparer's list would be passed over in silence."""
    with Store(tmp_path / "s.db") as store:
        tables = {name for (name,) in store.rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    compared = {t.name for group in SECTIONS.values() for t in group}
    # not compared: the schema's version, the full-text index and its shadow tables (a different structure in each
    # database), and passage_rows and report_rows, compared through their views ``passages`` and ``reports``
    left_out = {t for t in tables if t == "schema_version" or t.startswith("segment_terms")}
    left_out |= {"passage_rows", "report_rows"}
    assert compared == tables - left_out
