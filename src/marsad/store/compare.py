"""Compare two stores table by table: did two runs over the same inputs find the same things?

The issue's scale-out check (the same articles analysed on a Dask cluster into PostgreSQL and
in one process into SQLite must give the same documents, entities and stories) and any other
pair of stores (SQLite or PostgreSQL, through :class:`~marsad.store.Store`) are compared
here.  Each table is read whole, sorted, and matched row by row on its key; what differs is
counted per column.  What a run stamps rather than finds is left out: timestamps (``runs``,
``documents.added``), the story index's generation token in ``meta``, and the full-text
index (a different structure in each database).  Entity and story membership are also
scored with BCubed (mentions by entity, story units by story), so that ids numbered
differently but grouping alike are told apart from different groupings.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from marsad.eval.stories import bcubed
from marsad.store.store import Store

EXAMPLES = 3  # differing keys shown per table
LONG = 512  # text values longer than this are compared by their SHA-256 (stored reports run to 100 KB a document)
JSON_COLUMNS = {("reports", "report"), ("documents", "analysis")}  # named down to their differing top-level keys


@dataclass(frozen=True)
class Table:
    """A table (or view) compared on ``key``; ``columns`` are the other columns compared."""

    name: str
    key: tuple[str, ...]
    columns: tuple[str, ...]
    where: str = ""


def _t(name: str, key: str, columns: str = "", where: str = "") -> Table:
    return Table(name, tuple(key.split()), tuple(columns.split()), where)


# Section -> tables, in the order they are reported.
SECTIONS: dict[str, tuple[Table, ...]] = {
    "documents": (
        _t("documents", "id", "source title outlet published url language text seq first_run analysis"),
        _t("reports", "id", "report"),
        _t("document_sources", "document input", "format url outlet published basis run seq"),
        _t("segments", "doc segment", "rowid kind parent start end text norm"),
        _t("input_errors", "input reason", "run"),
        _t("runs", "id", "status inputs documents added"),
    ),
    "layers": (
        _t("mentions", "document seq", "start end text type entity"),
        _t("timexes", "document seq", "start end text type value end_value"),
        _t("quotes", "document seq", "start end text kind speaker record"),
        _t("quote_via", "document seq entity"),
        _t("events", "document seq", "start end text type date participants extra"),
        _t("event_participants", "document seq participant"),
    ),
    "entities": (
        _t("entities", "id", "type name mentions documents record"),
        _t("entity_aliases", "entity alias"),
        _t("entity_keys", "key", "entity"),
        _t("entity_documents", "entity document"),
    ),
    "stories": (
        _t("stories", "id", "title size documents first_published last_published outlets summary record run"),
        _t("story_members", "segment", "story document"),
        _t("timeline_entries", "story seq", "date label sources"),
        _t("claims", "story seq", "status text count spans"),
        _t("redirects", "kind old", "new"),
    ),
    "corpus indexes": (
        _t("story_states", "sidx", "id centroid size first_day last_day posted merged_into"),
        _t("story_units", "unit", "seq sidx document outlet day title vector titled"),
        _t("story_postings", "seq", "term sidx"),
        _t("story_terms", "term", "df"),
        _t("stories_due", "sidx"),
        _t("passages", "seq", "copy_group a_document a_start a_end a_text b_document b_start b_end b_text similarity earliest"),
        _t("passage_hashes", "id", "unit document start end shingles copy_group"),
        _t("passage_bands", "key band passage"),
        _t("copy_groups", "id", "documents first_published first_document firsts undated earliest"),
        _t("copy_group_documents", "copy_group document"),
        _t("anchor_days", "day"),
        _t("site_lines", "site key", "pages"),
        _t("corpus_queue", "seq", "document kind"),
        _t("meta", "key", "value", where="WHERE key <> 'story_generation'"),
    ),
}


@dataclass
class TableDiff:
    """How one table differs between store A and store B."""

    table: str
    rows_a: int
    rows_b: int
    only_a: list[tuple[Any, ...]] = field(default_factory=list)
    only_b: list[tuple[Any, ...]] = field(default_factory=list)
    differing: list[tuple[Any, ...]] = field(default_factory=list)
    columns: Counter[str] = field(default_factory=Counter)
    json_keys: Counter[str] = field(default_factory=Counter)

    @property
    def same(self) -> bool:
        """Whether every row of A is in B and the other way round, with the same values."""
        return not (self.only_a or self.only_b or self.differing)

    def lines(self) -> list[str]:
        """The table's result as printable lines (the first line says equal or not)."""
        head = f"{self.table}: {self.rows_a} / {self.rows_b} rows"
        if self.same:
            return [f"{head}, identical"]
        out = [f"{head}: {len(self.only_a)} only in A, {len(self.only_b)} only in B, {len(self.differing)} differ"]
        if self.columns:
            out.append("    differing columns: " + ", ".join(f"{c} {n}" for c, n in self.columns.most_common()))
        if self.json_keys:
            out.append("    differing JSON keys: " + ", ".join(f"{c} {n}" for c, n in self.json_keys.most_common()))
        for label, keys in (("only in A", self.only_a), ("only in B", self.only_b), ("differ", self.differing)):
            if keys:
                out.append(f"    {label}: " + "; ".join(_short(k) for k in keys[:EXAMPLES]))
        return out


@dataclass
class Grouping:
    """How alike two groupings of the same items are (items missing from one side count as alone there)."""

    name: str
    items: int
    precision: float
    recall: float
    f1: float
    same_ids: int

    def line(self) -> str:
        """One printable line."""
        return (f"{self.name} membership: {self.items} items, BCubed precision {self.precision:.4f} recall "
                f"{self.recall:.4f} F1 {self.f1:.4f}; same id on both sides for {self.same_ids} of {self.items}")


def _short(key: tuple[Any, ...]) -> str:
    text = "|".join(str(k) for k in key)
    return text if len(text) <= 80 else text[:77] + "..."


def _sql(table: Table, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"SELECT {names} FROM {table.name} {table.where}"


def _digest(value: Any) -> Any:
    if isinstance(value, str) and len(value) > LONG:
        return "sha256:" + hashlib.sha256(value.encode("utf-8")).hexdigest()
    return value


def _json_keys(a: Store, b: Store, table: Table, column: str, keys: list[tuple[Any, ...]]) -> Counter[str]:
    """The top-level keys of a JSON column whose values differ, counted over the rows ``keys``."""
    where = " AND ".join(f'"{k}" = ?' for k in table.key)
    found: Counter[str] = Counter()
    for key in keys:
        x, y = (json.loads(s.rows(f'SELECT "{column}" FROM {table.name} WHERE {where}', key[: len(table.key)])[0][0]
                           or "null") for s in (a, b))
        if isinstance(x, dict) and isinstance(y, dict):
            found.update(f"{column}.{k}" for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k))
        elif x != y:
            found[column] += 1
    return found


def compare_table(a: Store, b: Store, table: Table) -> TableDiff:
    """Compare one table of ``a`` and ``b`` on its key (rows with the same key twice are matched in order)."""
    width = len(table.key)
    sides: list[dict[tuple[Any, ...], tuple[Any, ...]]] = []
    counts: list[int] = []
    for store in (a, b):
        rows = sorted((tuple(_digest(v) for v in r) for r in store.rows(_sql(table, (*table.key, *table.columns)))),
                      key=repr)
        counts.append(len(rows))
        keyed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        seen: Counter[tuple[Any, ...]] = Counter()
        for row in rows:
            key = row[:width]
            seen[key] += 1
            keyed[(*key, seen[key]) if seen[key] > 1 else key] = row[width:]
        sides.append(keyed)
    first, second = sides
    diff = TableDiff(table.name, counts[0], counts[1])
    diff.only_a = sorted((k for k in first if k not in second), key=repr)
    diff.only_b = sorted((k for k in second if k not in first), key=repr)
    for key in sorted((k for k in first if k in second), key=repr):
        if first[key] != second[key]:
            diff.differing.append(key)
            for column, x, y in zip(table.columns, first[key], second[key], strict=True):
                if x != y:
                    diff.columns[column] += 1
    for column in table.columns:
        if (table.name, column) in JSON_COLUMNS and diff.columns[column]:
            diff.json_keys += _json_keys(a, b, table, column, diff.differing)
    return diff


def _grouping(name: str, a: dict[str, str], b: dict[str, str]) -> Grouping:
    items = sorted(set(a) | set(b))
    gold = {i: a.get(i, f"alone-a-{i}") for i in items}
    found = {i: b.get(i, f"alone-b-{i}") for i in items}
    precision, recall, f1 = bcubed(gold, found) if items else (1.0, 1.0, 1.0)
    return Grouping(name, len(items), precision, recall, f1, sum(1 for i in items if a.get(i) == b.get(i)))


def _mention_entities(store: Store) -> dict[str, str]:
    return {f"{d}#{s}": str(e) for d, s, e in store.rows("SELECT document, seq, entity FROM mentions WHERE entity IS NOT NULL")}


def _unit_stories(store: Store) -> dict[str, str]:
    """Each story unit's story, after redirects (as :meth:`Store.resolve_id` follows them, read in one statement)."""
    moved = {str(old): str(new) for old, new in store.rows("SELECT old, new FROM redirects WHERE kind = 'story'")}
    return {str(u): moved.get(str(s), str(s)) for u, s in store.rows("SELECT segment, story FROM story_members")}


def compare_stores(a: Store, b: Store) -> tuple[dict[str, list[TableDiff]], list[Grouping]]:
    """Every compared table of ``a`` against ``b`` by section, and the entity and story memberships' BCubed."""
    tables = {section: [compare_table(a, b, t) for t in group] for section, group in SECTIONS.items()}
    groupings = [_grouping("entity", _mention_entities(a), _mention_entities(b)),
                 _grouping("story", _unit_stories(a), _unit_stories(b))]
    return tables, groupings
