"""The read API over the store: what a web server or a notebook asks of it.

Every answer is a plain JSON-ready dict (lists, strings, numbers, None), built from the
store's rows; every span keeps ``text == document.text[start:end]``.  Lists are paged
(``page`` from 1, ``per_page`` items) and say their ``total``.  Ids of entities and
stories merged away are followed to the id they live on as (the answer then names the
asked id in ``redirected_from``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from marsad.store.codec import JSON
from marsad.store.search import query_keys
from marsad.store.store import Store

MAX_PER_PAGE = 200
_TEXT_HITS = 5000
_NEAR = 20
_IN_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound on a statement's parameters


def _page(items: list[JSON], total: int, page: int, per_page: int) -> JSON:
    return {"items": items, "total": total, "page": page, "per_page": per_page}


def _source(r: tuple[Any, ...]) -> JSON:
    return {"input": r[0], "format": r[1], "url": r[2], "outlet": r[3], "published": r[4], "basis": r[5]}


def _limits(page: int, per_page: int) -> tuple[int, int]:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    return per_page, (max(page, 1) - 1) * per_page


class Reader:
    """Queries over one :class:`Store` (stories, entities, documents, quotes, events, search)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.store.rows(sql, params)

    def _paged(
        self, base: str, where: list[str], params: list[Any], order: str, page: int, per_page: int
    ) -> tuple[list[tuple[Any, ...]], JSON]:
        """One page of ``base`` filtered by every ``where`` condition, sorted by ``order``; its rows and the
        page's envelope (``items`` empty, ``total``, ``page``, ``per_page``) for the caller to fill."""
        if where:
            base += " WHERE " + " AND ".join(where)
        counted = self._rows(f"SELECT count(*) FROM ({base}) counted", params)
        limit, offset = _limits(page, per_page)
        rows = self._rows(f"{base} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
        return rows, _page([], int(counted[0][0]) if counted else 0, page, limit)

    def health(self) -> JSON:
        """Counts of what the store holds, and its schema version."""
        counts = {
            table: int(self._rows(f"SELECT count(*) FROM {table}")[0][0])
            for table in ("documents", "stories", "entities", "quotes", "events", "passages")
        }
        return {"schema_version": self.store.schema_version(), **counts}

    def document_count(self) -> int:
        """How many documents the store holds (the story list's header; one count, not :meth:`health`'s six)."""
        return int(self._rows("SELECT count(*) FROM documents")[0][0])

    # -- stories ---------------------------------------------------------------------------------

    def stories(
        self,
        page: int = 1,
        per_page: int = 20,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        text: str | None = None,
    ) -> JSON:
        """Stories, newest first: id, title, size, documents, outlets, first and last publication.

        ``since``/``until`` (ISO dates) keep stories whose dates overlap the range; ``outlet``
        those with a document from that outlet (any of its sources); ``entity`` those whose
        documents mention it; ``text`` those whose segments contain every word (or whose
        title does).
        """
        where: list[str] = []
        params: list[Any] = []
        if since:
            where.append("last_published >= ?")
            params.append(since)
        if until:
            where.append("first_published <= ?")
            params.append(until + "~")
        if outlet:
            # Uncorrelated: the outlet's documents (its index) to their stories once, not a probe per story.
            where.append(
                "id IN (SELECT m.story FROM document_sources s JOIN story_members m ON m.document = s.document "
                "WHERE s.outlet = ?)"
            )
            params.append(outlet)
        if entity:
            where.append(
                "id IN (SELECT m.story FROM mentions x JOIN story_members m ON m.document = x.document "
                "WHERE x.entity = ?)"
            )
            params.append(self.store.resolve_id("entity", entity))
        if text:
            ids = self._text_stories(text)
            marks = ",".join("?" * len(ids)) or "NULL"
            where.append(f"(id IN ({marks}) OR title LIKE ?)")
            params += [*ids, f"%{text.strip()}%"]
        rows, answer = self._paged(
            "SELECT id, title, size, documents, outlets, first_published, last_published FROM stories", where, params,
            "last_published DESC NULLS LAST, size DESC, id", page, per_page,
        )
        answer["items"] = [
            {
                "id": r[0], "title": r[1], "size": r[2], "documents": r[3], "outlets": json.loads(r[4]),
                "first_published": r[5], "last_published": r[6],
            }
            for r in rows
        ]
        return answer

    def largest_stories(self, story_ids: list[str], limit: int) -> list[str]:
        """The ``limit`` largest living stories among ``story_ids`` (merged-away ids followed to their story),
        largest first, each once."""
        live = list(dict.fromkeys(self.store.resolve_id("story", s) for s in story_ids))
        rows = self._in_chunks("SELECT id, size FROM stories WHERE id IN ({marks})", live)
        rows.sort(key=lambda r: (-int(r[1]), str(r[0])))
        return [str(r[0]) for r in rows[:limit]]

    def _text_stories(self, text: str) -> list[str]:
        keys = query_keys(text)
        if not keys:
            return []
        segments = [str(r[3]) for r in self.store.segment_hits(keys, _TEXT_HITS)]
        return sorted({str(r[0]) for r in self._in_chunks("SELECT story FROM story_members WHERE segment IN ({marks})",
                                                          segments)})

    def story(self, story_id: str) -> JSON | None:
        """One story: its record (segments, documents, outlets, timeline, claims, summary), with its documents
        (outlet, publication, sources), quotes in its segments, and the passages copied between its documents."""
        live = self.store.resolve_id("story", story_id)
        rows = self._rows("SELECT record, first_published, last_published FROM stories WHERE id = ?", (live,))
        if not rows:
            return None
        story: JSON = json.loads(rows[0][0])
        story["first_published"], story["last_published"] = rows[0][1], rows[0][2]
        story["redirected_from"] = story_id if live != story_id else None
        docs = self._document_cards(story["documents"])
        story["documents"] = list(docs.values())
        outlets = {o for d in docs.values() for o in d["outlets"]}
        story["outlets"] = sorted(outlets | set(story["outlets"]))
        for row in story["timeline"]:
            for src in row["sources"]:
                card = docs.get(src["document"])
                src["outlet"] = card["outlet"] if card else None
                src["published"] = card["published"] if card else None
        story["quotes"] = self._story_quotes(live)
        story["passages"] = self._passages(list(docs))
        return story

    def _story_quotes(self, live: str) -> list[JSON]:
        """The first :data:`MAX_PER_PAGE` of :meth:`quotes` ``(story=live)``, without its count: the quotes of the
        story's documents, kept when inside one of its segments (one query for the spans, one for the quotes)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for doc, start, end in self._rows(
            'SELECT s.doc, s.start, s."end" FROM story_members m JOIN segments s ON s.doc = m.document '
            "AND s.segment = m.segment WHERE m.story = ?",
            (live,),
        ):
            spans.setdefault(str(doc), []).append((int(start), int(end)))
        rows = [
            r for r in self._rows(
                'SELECT q.document, q.seq, q.start, q."end", q.record, e.name, d.outlet, d.published FROM quotes q '
                "JOIN documents d ON d.id = q.document LEFT JOIN entities e ON e.id = q.speaker "
                "WHERE q.document IN (SELECT document FROM story_members WHERE story = ?)",
                (live,),
            )
            if any(a <= r[2] and r[3] <= b for a, b in spans.get(str(r[0]), ()))
        ]
        rows.sort(key=lambda r: (r[0], r[1]))
        rows.sort(key=lambda r: r[7] or "", reverse=True)  # stable: newest first, undated last, as quotes() orders
        out: list[JSON] = []
        for doc, seq, _, _, record, name, outlet, published in rows[:MAX_PER_PAGE]:
            item: JSON = {"document": doc, "seq": seq, **json.loads(record)}
            item.update(speaker_name=name, outlet=outlet, published=published)
            out.append(item)
        return out

    def _in_chunks(self, sql: str, ids: list[str]) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (one ``{marks}`` placeholder list) over ``ids``, a bounded number of ids per query."""
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i : i + _IN_CHUNK]
            rows += self._rows(sql.format(marks=",".join("?" * len(chunk))), chunk)
        return rows

    def _document_cards(self, doc_ids: list[str]) -> dict[str, JSON]:
        """The documents' cards (outlet, publication, sources) in ``doc_ids`` order, two queries in all."""
        found = {
            str(r[0]): r
            for r in self._in_chunks("SELECT id, title, outlet, published, url, source FROM documents WHERE id IN ({marks})",
                                     doc_ids)
        }
        sources: dict[str, list[JSON]] = {}
        for r in self._in_chunks(
            "SELECT document, input, format, url, outlet, published, basis FROM document_sources "
            "WHERE document IN ({marks}) ORDER BY document, seq",
            list(found),
        ):
            sources.setdefault(str(r[0]), []).append(_source(r[1:]))
        cards: dict[str, JSON] = {}
        for doc_id in doc_ids:
            row = found.get(doc_id)
            if row is None:
                continue
            own = sources.get(doc_id, [])
            outlets = sorted({s["outlet"] for s in own if s["outlet"]} | ({row[2]} if row[2] else set()))
            cards[doc_id] = {
                "id": row[0], "title": row[1], "outlet": row[2], "published": row[3], "url": row[4], "source": row[5],
                "outlets": outlets, "sources": own,
            }
        return cards

    def _sources(self, doc_id: str) -> list[JSON]:
        rows = self._rows(
            "SELECT input, format, url, outlet, published, basis FROM document_sources WHERE document = ? ORDER BY seq",
            (doc_id,),
        )
        return [_source(r) for r in rows]

    def _passages(self, doc_ids: list[str]) -> list[JSON]:
        if not doc_ids:
            return []
        marks = ",".join("?" * len(doc_ids))
        rows = self._rows(
            "SELECT copy_group, a_document, a_start, a_end, a_text, b_document, b_start, b_end, b_text, similarity, "
            f"earliest FROM passages WHERE a_document IN ({marks}) AND b_document IN ({marks}) ORDER BY seq",
            [*doc_ids, *doc_ids],
        )
        cards: dict[str, tuple[Any, Any]] = {
            str(r[0]): (r[1], r[2])
            for r in self._rows(f"SELECT id, outlet, published FROM documents WHERE id IN ({marks})", doc_ids)
        }
        out: list[JSON] = []
        for r in rows:
            sides = []
            for doc, start, end, text in ((r[1], r[2], r[3], r[4]), (r[5], r[6], r[7], r[8])):
                outlet, published = cards.get(doc, (None, None))
                sides.append(
                    {"document": doc, "start": start, "end": end, "text": text, "outlet": outlet, "published": published}
                )
            out.append({"group": r[0], "a": sides[0], "b": sides[1], "similarity": r[9], "earliest": r[10]})
        return out

    # -- entities --------------------------------------------------------------------------------

    def entities(self, page: int = 1, per_page: int = 20, type: str | None = None, q: str | None = None) -> JSON:
        """Entities, most mentioned first; ``type`` (PER, LOC, ORG, MISC) and ``q`` (part of a name or alias) filter."""
        where, params = [], []
        if type:
            where.append("type = ?")
            params.append(type)
        if q:
            where.append("id IN (SELECT entity FROM entity_aliases WHERE alias LIKE ?)")
            params.append(f"%{q.strip()}%")
        rows, answer = self._paged(
            "SELECT id, type, name, mentions, documents FROM entities", where, params, "mentions DESC, id", page, per_page
        )
        answer["items"] = [{"id": r[0], "type": r[1], "name": r[2], "mentions": r[3], "documents": r[4]} for r in rows]
        return answer

    def entity_name(self, entity_id: str) -> JSON | None:
        """An entity's id (merged ids followed), type and name, without the rest of its record."""
        live = self.store.resolve_id("entity", entity_id)
        rows = self._rows("SELECT id, type, name FROM entities WHERE id = ?", (live,))
        return {"id": rows[0][0], "type": rows[0][1], "name": rows[0][2]} if rows else None

    def entity(self, entity_id: str) -> JSON | None:
        """One entity: its record, mentions per day, quotes by and about it, co-occurring entities, its stories."""
        live = self.store.resolve_id("entity", entity_id)
        records = list(self.store.entity_records([live]))
        if not records:
            return None
        entity: JSON = records[0]
        if live != entity_id:
            entity["redirected_from"] = entity_id
        entity["mentions_by_day"] = [
            {"day": r[0], "count": r[1]}
            for r in self._rows(
                "SELECT substr(d.published, 1, 10) AS day, count(*) FROM mentions m JOIN documents d ON d.id = m.document "
                "WHERE m.entity = ? AND d.published IS NOT NULL GROUP BY substr(d.published, 1, 10) ORDER BY day",
                (live,),
            )
        ]
        entity["quotes_by"] = self.quotes(speaker=live, per_page=MAX_PER_PAGE)["items"]
        entity["quotes_about"] = self.quotes(about=live, per_page=MAX_PER_PAGE)["items"]
        entity["cooccurring"] = [
            {"id": r[0], "name": r[1], "type": r[2], "documents": r[3]}
            for r in self._rows(
                # (document, entity) pairs once each, over the documents naming this entity.
                "SELECT e.id, e.name, e.type, count(*) AS n FROM (SELECT DISTINCT x.document, x.entity FROM mentions x "
                "WHERE x.document IN (SELECT document FROM mentions WHERE entity = ?) AND x.entity <> ?) p "
                "JOIN entities e ON e.id = p.entity GROUP BY e.id, e.name, e.type ORDER BY n DESC, e.id LIMIT ?",
                (live, live, _NEAR),
            )
        ]
        entity["stories"] = [
            {"id": r[0], "title": r[1], "size": r[2], "last_published": r[3]}
            for r in self._rows(
                "SELECT s.id, s.title, s.size, s.last_published FROM stories s WHERE EXISTS (SELECT 1 FROM story_members m "
                "JOIN mentions x ON x.document = m.document WHERE m.story = s.id AND x.entity = ?) "
                "ORDER BY s.last_published DESC NULLS LAST, s.size DESC LIMIT ?",
                (live, _NEAR),
            )
        ]
        return entity

    # -- documents -------------------------------------------------------------------------------

    def document(self, doc_id: str) -> JSON | None:
        """One document: its text and every layer (as in the report), its sources and its stories."""
        rows = self._rows("SELECT report FROM reports WHERE id = ?", (doc_id,))
        if not rows:
            return None
        doc: JSON = json.loads(rows[0][0])
        doc["sources"] = self._sources(doc_id)
        doc["stories"] = [
            {"id": r[0], "title": r[1], "segment": r[2]}
            for r in self._rows(
                "SELECT s.id, s.title, m.segment FROM story_members m JOIN stories s ON s.id = m.story "
                "WHERE m.document = ? ORDER BY m.segment",
                (doc_id,),
            )
        ]
        return doc

    # -- quotes and events -------------------------------------------------------------------------

    def quotes(
        self,
        page: int = 1,
        per_page: int = 20,
        speaker: str | None = None,
        story: str | None = None,
        about: str | None = None,
    ) -> JSON:
        """Quotes, newest first: by ``speaker`` (entity id), in ``story`` (its segments), or ``about`` an entity
        (mentioned inside the quote, said by someone else).  Each names the speaker and the document's outlet."""
        where, params = [], []
        if speaker:
            where.append("q.speaker = ?")
            params.append(self.store.resolve_id("entity", speaker))
        if story:
            live_story = self.store.resolve_id("story", story)
            # The IN lets the quotes' primary key (document, seq) find the story's documents without a scan.
            where.append(
                "q.document IN (SELECT document FROM story_members WHERE story = ?) AND "
                "EXISTS (SELECT 1 FROM story_members m JOIN segments s ON s.doc = m.document AND s.segment = m.segment "
                'WHERE m.story = ? AND m.document = q.document AND q.start >= s.start AND q."end" <= s."end")'
            )
            params += [live_story, live_story]
        if about:
            live = self.store.resolve_id("entity", about)
            # Only the documents naming the entity are visited, and within each the mentions are found
            # through their primary key (document, seq): "x.entity || ''" keeps the entity index out of it
            # (portable: SQLite's unary "+" trick is not valid PostgreSQL on text).
            where.append(
                "q.document IN (SELECT document FROM mentions WHERE entity = ?) AND "
                "(q.speaker IS NULL OR q.speaker <> ?) AND EXISTS (SELECT 1 FROM mentions x WHERE x.document = q.document "
                "AND x.entity || '' = ? AND x.start >= q.start AND x.\"end\" <= q.\"end\")"
            )
            params += [live, live, live]
        rows, answer = self._paged(
            "SELECT q.document, q.seq, q.record, e.name, d.outlet, d.published FROM quotes q "
            "JOIN documents d ON d.id = q.document LEFT JOIN entities e ON e.id = q.speaker",
            where, params, "d.published DESC NULLS LAST, q.document, q.seq", page, per_page,
        )
        for doc, seq, record, name, outlet, published in rows:
            item: JSON = {"document": doc, "seq": seq, **json.loads(record)}
            item.update(speaker_name=name, outlet=outlet, published=published)
            answer["items"].append(item)
        return answer

    def events(
        self,
        page: int = 1,
        per_page: int = 20,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> JSON:
        """Events, newest first, filtered by ``type``, ``actor`` (a participant) and date range."""
        where, params = [], []
        if type:
            where.append("v.type = ?")
            params.append(type)
        if actor:
            where.append(
                "EXISTS (SELECT 1 FROM event_participants p WHERE p.document = v.document AND p.seq = v.seq "
                "AND p.participant IN (?, ?))"
            )
            params += [actor, self.store.resolve_id("entity", actor)]
        if since:
            where.append("v.date >= ?")
            params.append(since)
        if until:
            where.append("v.date <= ?")
            params.append(until + "~")
        rows, answer = self._paged(
            'SELECT v.document, v.seq, v.start, v."end", v.text, v.type, v.date, v.participants, v.extra, d.outlet, '
            "d.published FROM events v JOIN documents d ON d.id = v.document",
            where, params, "v.date DESC NULLS LAST, v.document, v.seq", page, per_page,
        )
        answer["items"] = [
            {
                "document": r[0], "seq": r[1], "start": r[2], "end": r[3], "text": r[4], "type": r[5], "date": r[6],
                "participants": json.loads(r[7]), **json.loads(r[8]), "outlet": r[9], "published": r[10],
            }
            for r in rows
        ]
        return answer

    # -- search ----------------------------------------------------------------------------------

    def search(self, q: str, limit: int = 20) -> list[JSON]:
        """Segments matching every word of ``q`` (any clitic form), with a snippet and the segment's story."""
        hits = self.store.search(q, max(1, min(limit, MAX_PER_PAGE)))
        out: list[JSON] = []
        for hit in hits:
            item = asdict(hit)
            rows = self._rows("SELECT story FROM story_members WHERE segment = ?", (hit.segment,))
            item["story"] = rows[0][0] if rows else None
            out.append(item)
        return out
