"""The corpus indexes kept in the store, so that a batch loads only what it needs of them.

:class:`StoryTables` is the story index (:class:`~marsad.corpus.story_index.StoryIndex`) as
tables: ``story_terms`` (document frequencies), ``story_states`` (each story's centroid,
size, dates and posted terms), ``story_postings`` (term -> story, in posting order) and
``story_units`` (each placed unit with its trimmed vector, for titles).  A batch's index
loads the frequencies of its terms, the recent postings of its query terms and the
stories it scores; :meth:`StoryTables.save` writes back what the batch changed.  A merge
rewrites the merged story's postings and units to the story it joined, so that stored
postings always name living stories.  The index a batch used is kept for the next batch of the same
:class:`~marsad.store.store.Store` (what it loaded need not be loaded again), as long as the store's
``story_generation`` (a new token at each save) is the one it saved: another writer, or a batch
rolled back after its save, makes the next batch open the index afresh.

:class:`PassageTables` is the copied-passage index: ``passage_hashes`` (each passage's
place, shingles and copy group) and ``passage_bands`` (its MinHash LSH band keys).  A
batch looks up the stored passages sharing a band with its own; confirmed copies join
the stored copy groups (groups a batch connects are merged into the lowest numbered).
Each group's documents are rows of ``copy_group_documents`` and its count of documents and
first publication a row of ``copy_groups`` (whose ``earliest`` the ``passages`` view gives
every copy of the group), updated with the documents a batch adds: a batch reads of a
group only its own documents' rows, however large the group has grown (a template copied
by thousands of articles), and rewrites none of the group's copies.

Every method runs inside the caller's write transaction.
"""

from __future__ import annotations

import json
import math
import uuid
import weakref
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from operator import mul

import numpy as np

from marsad.corpus.duplicates import BandKey, CopyPair, Spot, arrival_group_sizes
from marsad.corpus.passages import Passage, decode_shingles
from marsad.corpus.story_index import IndexChanges, Member, StoryIndex, StoryParams, StoryState
from marsad.corpus.unionfind import UnionFind
from marsad.model import Duplicate, SpanRef
from marsad.store.codec import json_text
from marsad.store.store import Store, _chunks, _marks

PARAMS_KEY = "story_params"
UNITS_KEY = "story_units"
COUNT_KEY = "story_count"
GROUPS_KEY = "copy_groups"
GENERATION_KEY = "story_generation"
# What an index kept between batches may hold: stories (a centroid of up to 200 terms each, about 25 KB), and terms
# with their postings and document frequencies; beyond these the least recently used stories are loaded again.
KEEP_STATES = 4000
KEEP_TERMS = 400_000
_POSTING_TERMS = 50  # terms whose postings one statement reads (SQLite allows 500 parts in a compound select)


# The index each open store saved last, with the generation token it saved (see the module's docstring).
_KEPT: weakref.WeakKeyDictionary[Store, tuple[str, StoryIndex]] = weakref.WeakKeyDictionary()


class StoryTables:
    """The story index stored as tables (an :class:`~marsad.corpus.story_index.IndexSource`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def open(self, params: StoryParams) -> StoryIndex:
        """The stored index: the one this store's last batch saved when it is still current, else one empty but for
        its counters; ``params`` apply when the store has none yet."""
        saved = self.store.get_meta(PARAMS_KEY)
        if saved is not None:
            params = StoryParams(**json.loads(saved))
        kept = _KEPT.pop(self.store, None)
        if kept is not None and kept[0] == self.store.get_meta(GENERATION_KEY) and kept[1].params == params:
            index = kept[1]
            index.source = self
            index.shrink(KEEP_STATES, KEEP_TERMS)
            return index
        units = self.store.get_meta(UNITS_KEY)
        count = self.store.get_meta(COUNT_KEY)
        return StoryIndex(params, source=self, n_units=int(units or 0), count=int(count or 0))

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """The stored document frequency of each of ``terms`` that has one."""
        return self._lookup("SELECT term, df FROM story_terms WHERE term", terms)

    def postings(self, terms: Iterable[str], scan: int) -> dict[str, list[int]]:
        """The last ``scan`` stories posted under each term, oldest first."""
        # One statement for all the terms (a unit asks for ten or so), each term's part still read through the
        # (term, seq) index and cut at ``scan`` rows, so that the cost does not grow with the postings.
        out: dict[str, list[int]] = {}
        wanted = list(dict.fromkeys(terms))
        for chunk in _chunks(wanted, _POSTING_TERMS):
            parts = " UNION ALL ".join(
                f"SELECT * FROM (SELECT term, seq, sidx FROM story_postings WHERE term = ? ORDER BY seq DESC "
                f"LIMIT {int(scan)}) AS p{n}" for n in range(len(chunk)))
            for term, _seq, sidx in sorted(self.store._rows(parts, chunk)):
                out.setdefault(str(term), []).append(int(sidx))
        return out

    def states(self, sidxs: Iterable[int]) -> dict[int, StoryState]:
        """The stored stories of these numbers, without their members."""
        out: dict[int, StoryState] = {}
        for chunk in _chunks(sorted(set(sidxs))):
            for sidx, ident, centroid, size, first, last, posted in self.store._rows(
                "SELECT sidx, id, centroid, size, first_day, last_day, posted FROM story_states "
                f"WHERE sidx IN ({_marks(chunk)})", chunk,
            ):
                state = StoryState(str(ident), json.loads(centroid), first_day=first, last_day=last,
                                   posted=set(json.loads(posted)), size=int(size))
                weights = state.centroid.values()
                state.norm = math.sqrt(sum(map(mul, weights, weights)))  # as StoryIndex._trim computes it
                out[int(sidx)] = state
        return out

    def unit_stories(self, units: Iterable[str]) -> dict[str, int]:
        """The story number of each of ``units`` already placed."""
        return self._lookup("SELECT unit, sidx FROM story_units WHERE unit", units)

    def _lookup(self, select: str, keys: Iterable[str]) -> dict[str, int]:
        """``select`` (ending in the key column) run over ``keys`` in chunks: key -> number."""
        out: dict[str, int] = {}
        for chunk in _chunks(sorted(set(keys))):
            out.update((str(k), int(n)) for k, n in self.store._rows(f"{select} IN ({_marks(chunk)})", chunk))
        return out

    def members(self, sidxs: Iterable[int]) -> dict[int, list[Member]]:
        """The placed units of these stories, in placing order."""
        out: dict[int, list[Member]] = {}
        for chunk in _chunks(sorted(set(sidxs))):
            for sidx, unit, document, outlet, day, title, vector, titled in self.store._rows(
                "SELECT sidx, unit, document, outlet, day, title, vector, titled FROM story_units "
                f"WHERE sidx IN ({_marks(chunk)}) ORDER BY seq", chunk,
            ):
                out.setdefault(int(sidx), []).append(
                    Member(str(unit), str(document), outlet, day, str(title), json.loads(vector), bool(titled)))
        return out

    def mark_due(self, sidxs: Iterable[int]) -> None:
        """Mark these stories' descriptions as due."""
        self.store._xmany("INSERT INTO stories_due (sidx) VALUES (?) ON CONFLICT (sidx) DO NOTHING",
                          [(sidx,) for sidx in sorted(set(sidxs))])

    def due(self, limit: int, members: int | None = None) -> list[int]:
        """The first ``limit`` stories whose descriptions are due; with ``members``, only as many of them (at least
        one) as hold that many article units together, so that describing them loads a bounded number of documents
        however large the stories have grown."""
        rows = self.store._rows(
            "SELECT d.sidx, s.size FROM stories_due d LEFT JOIN story_states s ON s.sidx = d.sidx "
            f"ORDER BY d.sidx LIMIT {int(limit)}"
        )
        out: list[int] = []
        held = 0
        for sidx, size in rows:
            held += int(size or 0)
            if out and members is not None and held > members:
                break
            out.append(int(sidx))
        return out

    def due_count(self) -> int:
        """How many stories' descriptions are due."""
        row = self.store._one("SELECT count(*) FROM stories_due")
        return int(row[0]) if row else 0

    def undue(self, sidxs: list[int]) -> None:
        """These stories are described."""
        for chunk in _chunks(sidxs):
            self.store._x(f"DELETE FROM stories_due WHERE sidx IN ({_marks(chunk)})", chunk)

    def save(self, index: StoryIndex) -> None:
        """Write what ``index`` changed since it was opened (then it starts a new change record)."""
        changes, index.changes = index.changes, IndexChanges()
        x, many = self.store._x, self.store._xmany
        many("INSERT INTO story_terms (term, df) VALUES (?, ?) "
             "ON CONFLICT (term) DO UPDATE SET df = story_terms.df + excluded.df", sorted(changes.df.items()))
        states = [index.states[sidx] for sidx in sorted(changes.stories)]
        many("INSERT INTO story_states (sidx, id, centroid, size, first_day, last_day, posted, merged_into) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sidx) DO UPDATE SET centroid = excluded.centroid, "
             "size = excluded.size, first_day = excluded.first_day, last_day = excluded.last_day, "
             "posted = excluded.posted, merged_into = excluded.merged_into",
             [(sidx, s.id, json_text(s.centroid), s.size, s.first_day, s.last_day,
               json_text(sorted(s.posted)), index.merged.get(sidx))
              for sidx, s in zip(sorted(changes.stories), states, strict=True)])
        many("INSERT INTO story_postings (term, sidx) VALUES (?, ?)", list(changes.postings))
        many("INSERT INTO story_units (unit, sidx, document, outlet, day, title, vector, titled) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             [(m.unit, sidx, m.document, m.outlet, m.day, m.title, json_text(m.vector),
               int(m.titled)) for sidx, m in changes.members])
        for drop, keep in changes.merges:
            x("UPDATE story_units SET sidx = ? WHERE sidx = ?", (keep, drop))
            x("UPDATE story_postings SET sidx = ? WHERE sidx = ?", (keep, drop))
        self.store.set_meta(PARAMS_KEY, json.dumps(asdict(index.params)))
        self.store.set_meta(UNITS_KEY, str(index.n_units))
        self.store.set_meta(COUNT_KEY, str(index.count))
        generation = uuid.uuid4().hex
        self.store.set_meta(GENERATION_KEY, generation)
        index.keep(changes)
        _KEPT[self.store] = (generation, index)


def _band_rows(keys: list[list[BandKey]], first: int, matrix: np.ndarray | None) -> list[tuple[int, int, int]]:
    """The band rows (key, band, passage number) of passages numbered from ``first``, sorted; from their ``matrix``
    (a row of keys a passage, one a band) when given: flattened and sorted in C, not as a quarter million tuples."""
    if matrix is None or matrix.shape[0] != len(keys):
        return sorted((key, band, n) for n, own in enumerate(keys, first) for band, key in own)
    passages, bands = matrix.shape
    key = matrix.ravel()
    band = np.tile(np.arange(bands, dtype=np.int64), passages)
    number = np.repeat(np.arange(first, first + passages, dtype=np.int64), bands)
    order = np.lexsort((number, band, key))
    return list(zip(key[order].tolist(), band[order].tolist(), number[order].tolist(), strict=True))


class PassageTables:
    """The copied-passage index stored as tables (a :class:`~marsad.corpus.duplicates.PassageSource`).

    After :meth:`add`, ``pair_documents`` gives, for each of the batch's copies (keyed by
    its two places in sorted order), the number of documents its copy group held once its
    later document had come (story links leave out boilerplate-sized groups; counted as
    each document comes, the sizes do not depend on where the stream was cut into batches).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pair_documents: dict[tuple[Spot, Spot], int] = {}

    def matching(self, keys: set[BandKey]) -> dict[BandKey, list[int]]:
        """The stored passages filed under each of ``keys`` that has any."""
        out: dict[BandKey, list[int]] = {}
        for chunk in _chunks(sorted({k for _band, k in keys})):
            for key, band, passage in self.store._rows(
                f"SELECT key, band, passage FROM passage_bands WHERE key IN ({_marks(chunk)})", chunk):
                if (int(band), int(key)) in keys:
                    out.setdefault((int(band), int(key)), []).append(int(passage))
        return out

    def passages(self, numbers: Iterable[int]) -> dict[int, Passage]:
        """The stored passages of these numbers (their text is left empty: :meth:`add` reads it when needed)."""
        out: dict[int, Passage] = {}
        for chunk in _chunks(sorted(set(numbers))):
            for ident, unit, document, start, end, shingles in self.store._rows(
                f'SELECT id, unit, document, start, "end", shingles FROM passage_hashes WHERE id IN ({_marks(chunk)})',
                chunk,
            ):
                out[int(ident)] = Passage(str(unit), str(document), int(start), int(end), "", decode_shingles(shingles))
        return out

    def add(self, passages: list[Passage], keys: list[list[BandKey]], shingles: list[str], pairs: list[CopyPair],
            dates: dict[str, str | None], matrix: np.ndarray | None = None) -> list[Duplicate]:
        """File the batch's passages (``shingles``: each one's :func:`~marsad.corpus.passages.encode_shingles`;
        ``matrix``: their band keys as a :func:`~marsad.corpus.duplicates.band_matrix`, else read from ``keys``) and
        its confirmed pairs; return the new copies with their groups."""
        # Numbered here as the store would number them (one past the highest), so that two statements file them all.
        row = self.store._one("SELECT COALESCE(max(id), 0) FROM passage_hashes")
        first = (int(row[0]) if row else 0) + 1
        self.store._xmany(
            'INSERT INTO passage_hashes (id, unit, document, start, "end", shingles) VALUES (?, ?, ?, ?, ?, ?)',
            [(n, p.unit, p.document, p.start, p.end, stored)
             for n, (p, _own, stored) in enumerate(zip(passages, keys, shingles, strict=True), first)],
        )
        # In key order: each insert lands beside the one before it in the randomly keyed index (a third less CPU
        # than in passage order); the rows are the same, and the passages of a key still come in passage order.
        self.store._xmany("INSERT INTO passage_bands (key, band, passage) VALUES (?, ?, ?)", _band_rows(keys, first, matrix))
        if passages:
            self.store.dialect.ids_assigned(self.store._conn, "passage_hashes", first + len(passages) - 1)
        self.pair_documents = {}
        if not pairs:
            return []
        stored = self._stored_groups({_spot(p) for pair in pairs for p in (pair.a, pair.b)})
        union = _components(pairs, stored)
        known = self._known(pairs, stored, union)
        self.pair_documents = arrival_group_sizes(((_spot(pair.a), _spot(pair.b)) for pair in pairs), known)
        groups = self._group(union, stored)
        texts = self._texts([p for pair in pairs for p in (pair.a, pair.b) if not p.text])
        dates = dict(dates) | self._dates({p.document for pair in pairs for p in (pair.a, pair.b)} - set(dates))
        out: list[Duplicate] = []
        for pair in pairs:
            a, b = pair.a, pair.b
            if (dates.get(b.document) or "~") < (dates.get(a.document) or "~"):
                a, b = b, a
            out.append(Duplicate(_ref(a, texts), _ref(b, texts), round(pair.similarity, 3), f"copy-{groups[_spot(a)]}"))
        row = self.store._one("SELECT COALESCE(max(seq), -1) FROM passage_rows")
        seq = int(row[0]) if row else -1
        self.store._xmany(
            "INSERT INTO passage_rows (seq, copy_group, a_document, a_start, a_end, a_text, b_document, b_start, "
            "b_end, b_text, similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, d.group, d.a.document, d.a.start, d.a.end, d.a.text, d.b.document, d.b.start, d.b.end, d.b.text,
              d.similarity) for n, d in enumerate(out, seq + 1)])
        joining: dict[int, set[str]] = {}
        for pair in pairs:
            joining.setdefault(groups[_spot(pair.a)], set()).update((pair.a.document, pair.b.document))
        firsts = self._join(joining, dates)
        for d in out:
            d.earliest = firsts[int((d.group or "copy-0")[5:])].earliest
        return out

    def _stored_groups(self, spots: set[Spot]) -> dict[Spot, int]:
        """The stored copy group of each of ``spots`` filed in one (read by document, a few hundred at a time)."""
        stored: dict[Spot, int] = {}
        for chunk in _chunks(sorted({document for document, _start in spots})):
            for document, start, group in self.store._rows(
                f"SELECT document, start, copy_group FROM passage_hashes WHERE document IN ({_marks(chunk)}) "
                "AND copy_group IS NOT NULL", chunk,
            ):
                spot = (str(document), int(start))
                if spot in spots:
                    stored[spot] = int(group)
        return stored

    def _known(self, pairs: list[CopyPair], stored: dict[Spot, int],
               union: UnionFind[Spot]) -> dict[Spot, tuple[int, frozenset[str], int]]:
        """The stored groups of ``stored``'s spots as :func:`~marsad.corpus.duplicates.arrival_group_sizes` takes them.

        Of each group, only the documents the pairs name are loaded, and a count of the rest; when the pairs join
        several stored groups into one, all but the largest are loaded whole (what the largest holds beyond them is
        then shared with nothing else the batch counts), so that the cost follows the batch and the groups it merges,
        not the size of the groups it grows.  ``union``: the pairs' spots joined into groups (:func:`_components`)."""
        joined: dict[Spot, set[int]] = {}
        for spot, group in stored.items():
            joined.setdefault(union.find(spot), set()).add(group)
        sizes = self._groups(set(stored.values()))
        members: dict[int, set[str]] = {group: set() for group in sizes}
        wanted = {document for pair in pairs for document in (pair.a.document, pair.b.document)}
        for groups in joined.values():
            largest = max(groups, key=lambda g: (sizes[g].documents, -g))
            for group in sorted(groups - {largest}):
                members[group] = {str(d) for (d,) in self.store._rows(
                    "SELECT document FROM copy_group_documents WHERE copy_group = ?", (group,))}
                wanted |= members[group]
        for chunk in _chunks(sorted(wanted)):
            for group, document in self.store._rows(
                f"SELECT copy_group, document FROM copy_group_documents WHERE document IN ({_marks(chunk)})", chunk
            ):
                if int(group) in members:
                    members[int(group)].add(str(document))
        return {spot: (group, frozenset(members[group]), sizes[group].documents - len(members[group]))
                for spot, group in stored.items()}

    def _groups(self, groups: set[int]) -> dict[int, CopyGroup]:
        """The stored documents count and first publication of these copy groups."""
        out: dict[int, CopyGroup] = {}
        for chunk in _chunks(sorted(groups)):
            for ident, *rest in self.store._rows(
                "SELECT id, documents, first_published, first_document, firsts, undated FROM copy_groups "
                f"WHERE id IN ({_marks(chunk)})", chunk,
            ):
                out[int(ident)] = CopyGroup(*rest)
        return out

    def _group(self, union: UnionFind[Spot], stored: dict[Spot, int]) -> dict[Spot, int]:
        """Number the batch's copy groups (``union``: its pairs' spots joined with the stored copy groups, ``stored``:
        spot -> group): new groups, and connected stored ones merged into the lowest numbered; file the groups."""
        counter = int(self.store.get_meta(GROUPS_KEY) or 0)
        out: dict[tuple[str, int], int] = {}
        for _root, members in sorted(union.groups().items()):
            old = sorted({stored[m] for m in members if m in stored})
            if old:
                keep = old[0]
                for other in old[1:]:
                    self._merge(keep, other)
            else:
                counter += 1
                keep = counter
            for spot in members:
                out[spot] = keep
        self.store._xmany("UPDATE passage_hashes SET copy_group = ? WHERE document = ? AND start = ?",
                          [(keep, document, start) for (document, start), keep in out.items()])
        self.store.set_meta(GROUPS_KEY, str(counter))
        return out

    def _merge(self, keep: int, other: int) -> None:
        """Merge the stored copy group ``other`` into ``keep``: its copies and the documents ``keep`` lacks move over
        (in the store: only the moving documents' publications are read, to count them in ``keep``)."""
        x = self.store._x
        x("UPDATE passage_hashes SET copy_group = ? WHERE copy_group = ?", (keep, other))
        x("UPDATE passage_rows SET copy_group = ? WHERE copy_group = ?", (f"copy-{keep}", f"copy-{other}"))
        moving = sorted((str(d), p) for d, p in self.store._rows(
            "SELECT c.document, d.published FROM copy_group_documents c LEFT JOIN documents d ON d.id = c.document "
            "WHERE c.copy_group = ? AND NOT EXISTS (SELECT 1 FROM copy_group_documents k WHERE k.copy_group = ? "
            "AND k.document = c.document)", (other, keep)))
        x("UPDATE copy_group_documents SET copy_group = ? WHERE copy_group = ? AND document NOT IN "
          "(SELECT document FROM copy_group_documents WHERE copy_group = ?)", (keep, other, keep))
        x("DELETE FROM copy_group_documents WHERE copy_group = ?", (other,))
        x("DELETE FROM copy_groups WHERE id = ?", (other,))
        state = self._groups({keep}).get(keep, CopyGroup())
        for document, published in moving:
            state.add(document, published)
        self._save_groups({keep: state})

    def _join(self, joining: dict[int, set[str]], dates: dict[str, str | None]) -> dict[int, CopyGroup]:
        """Add documents to copy groups (group -> its documents, some maybe filed already; ``dates``: their
        publications); return the groups as they now stand."""
        groups = self._groups(set(joining))
        filed: set[tuple[int, str]] = set()
        for group, documents in joining.items():
            for chunk in _chunks(sorted(documents)):
                filed.update((int(g), str(d)) for g, d in self.store._rows(
                    f"SELECT copy_group, document FROM copy_group_documents WHERE copy_group = ? "
                    f"AND document IN ({_marks(chunk)})", [group, *chunk]))
        rows: list[tuple[int, str]] = []
        for group in sorted(joining):
            state = groups.setdefault(group, CopyGroup())
            for document in sorted(joining[group]):
                if (group, document) not in filed:
                    state.add(document, dates.get(document))
                    rows.append((group, document))
        self.store._xmany("INSERT INTO copy_group_documents (copy_group, document) VALUES (?, ?)", rows)
        self._save_groups({group: groups[group] for group in joining})
        return groups

    def _save_groups(self, groups: dict[int, CopyGroup]) -> None:
        self.store._xmany(
            "INSERT INTO copy_groups (id, documents, first_published, first_document, firsts, undated, earliest) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET documents = excluded.documents, "
            "first_published = excluded.first_published, first_document = excluded.first_document, "
            "firsts = excluded.firsts, undated = excluded.undated, earliest = excluded.earliest",
            [(group, g.documents, g.first_published, g.first_document, g.firsts, g.undated, g.earliest)
             for group, g in sorted(groups.items())])

    def redate(self, documents: set[str]) -> None:
        """These documents' publications changed: the copy groups holding them find their first one again (from
        every member; rare: only a new source of a stored document gives an earlier publication)."""
        groups: set[int] = set()
        for chunk in _chunks(sorted(documents)):
            groups.update(int(g) for (g,) in self.store._rows(
                f"SELECT copy_group FROM copy_group_documents WHERE document IN ({_marks(chunk)})", chunk))
        self.refile(groups)

    def refile(self, groups: Iterable[int]) -> None:
        """Count these copy groups' documents and find their first publications again, from every member."""
        recounted: dict[int, CopyGroup] = {}
        for group in sorted(set(groups)):
            members = {str(d) for (d,) in self.store._rows(
                "SELECT document FROM copy_group_documents WHERE copy_group = ?", (group,))}
            dates = self._dates(members)
            state = recounted[group] = CopyGroup()
            for document in sorted(members):
                state.add(document, dates.get(document))
        self._save_groups(recounted)

    def _texts(self, passages: list[Passage]) -> dict[tuple[str, int], str]:
        out: dict[tuple[str, int], str] = {}
        for p in passages:
            row = self.store._one("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                  (p.start + 1, p.end - p.start, p.document))
            out[_spot(p)] = str(row[0]) if row else ""
        return out

    def _dates(self, documents: set[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for chunk in _chunks(sorted(documents)):
            out.update((str(d), p) for d, p in self.store._rows(
                f"SELECT id, published FROM documents WHERE id IN ({_marks(chunk)})", chunk))
        return out


@dataclass
class CopyGroup:
    """A stored copy group's count of documents and its first publication (as ``copy_groups`` keeps them), updated
    document by document: its ``earliest`` is :func:`~marsad.corpus.duplicates.earliest_document` of its documents."""

    documents: int = 0
    first_published: str | None = None
    first_document: str | None = None
    firsts: int = 0  # documents published at first_published
    undated: int = 0

    def add(self, document: str, published: str | None) -> None:
        """Count a document new to the group, published at ``published`` (None: undated)."""
        self.documents += 1
        if published is None:
            self.undated += 1
        elif self.first_published is None or published < self.first_published:
            self.first_published, self.first_document, self.firsts = published, document, 1
        elif published == self.first_published:
            self.firsts += 1

    @property
    def earliest(self) -> str | None:
        """The document published first, when every one is dated and the first is unique."""
        return self.first_document if not self.undated and self.firsts == 1 else None


def _components(pairs: list[CopyPair], stored: dict[Spot, int]) -> UnionFind[Spot]:
    """The spots of the batch's pairs joined into copy groups: by the pairs, and the spots of one stored group with
    each other (two pairs that touch one stored group apart join the same group)."""
    union: UnionFind[Spot] = UnionFind()
    for pair in pairs:
        union.union(_spot(pair.a), _spot(pair.b))
    first: dict[int, Spot] = {}
    for spot, group in sorted(stored.items()):
        union.union(first.setdefault(group, spot), spot)
    return union


def _spot(p: Passage) -> Spot:
    return (p.document, p.start)


def _ref(p: Passage, texts: dict[tuple[str, int], str]) -> SpanRef:
    return SpanRef(p.document, p.start, p.end, p.text or texts.get(_spot(p), ""))
