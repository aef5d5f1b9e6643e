"""The reads the server makes, as a protocol shaped like the store's read API (:mod:`marsad.store.read`).

Every answer is a JSON-ready dict; lists are paged (``page`` from 1, ``per_page``) with
their ``total``.  :class:`MemoryReader` answers the same reads from documents and corpus
findings held in memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any, Protocol
from urllib.parse import urlsplit

from marsad import __version__
from marsad.model import Document, Duplicate, Entity, Story

JSON = dict[str, Any]
MAX_PER_PAGE = 200
NEAR = 20


class ReadAPI(Protocol):
    """What the server asks of a store."""

    def health(self) -> JSON:
        """Counts of what is held."""
        ...

    def stories(self, page: int = 1, per_page: int = 20, since: str | None = None, until: str | None = None,
                outlet: str | None = None, entity: str | None = None, text: str | None = None) -> JSON:
        """Stories, newest first, filtered."""
        ...

    def story(self, story_id: str) -> JSON | None:
        """One story with its documents, quotes and copied passages."""
        ...

    def entities(self, page: int = 1, per_page: int = 20, type: str | None = None, q: str | None = None) -> JSON:
        """Entities, most mentioned first."""
        ...

    def entity(self, entity_id: str) -> JSON | None:
        """One entity with mentions by day, quotes by and about it, co-occurring entities and stories."""
        ...

    def document(self, doc_id: str) -> JSON | None:
        """One document with every layer."""
        ...

    def quotes(self, page: int = 1, per_page: int = 20, speaker: str | None = None, story: str | None = None,
               about: str | None = None) -> JSON:
        """Quotes by a speaker, in a story or about an entity."""
        ...

    def events(self, page: int = 1, per_page: int = 20, type: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None) -> JSON:
        """Events by type, actor and date."""
        ...

    def search(self, q: str, limit: int = 20) -> list[JSON]:
        """Segments matching every word of ``q``."""
        ...


def outlet_label(outlet: str | None, url: str | None, source: str) -> str:
    """The outlet's name, else the site's host, else the file name the document came from."""
    if outlet:
        return outlet
    if url and (host := urlsplit(url).hostname):
        return host.removeprefix("www.")
    return source.rsplit("/", 1)[-1].split("#", 1)[0]


def _page(items: list[JSON], page: int, per_page: int) -> JSON:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    start = (max(page, 1) - 1) * per_page
    return {"items": items[start:start + per_page], "total": len(items), "page": page, "per_page": per_page}


def _published(doc: Document) -> str | None:
    return doc.published.value if doc.published else None


class MemoryReader:
    """The :class:`ReadAPI` over documents, entities, stories and copied passages held in memory."""

    def __init__(self, docs: list[Document], entities: list[Entity], stories: list[Story],
                 duplicates: list[Duplicate]) -> None:
        self.load(docs, entities, stories, duplicates)

    def load(self, docs: list[Document], entities: list[Entity], stories: list[Story],
             duplicates: list[Duplicate]) -> None:
        """Replace what is held."""
        self.docs = {d.id: d for d in docs}
        self.entity_map = {e.id: e for e in entities}
        self.story_map = {s.id: s for s in stories}
        self.duplicates = duplicates

    def health(self) -> JSON:
        """Counts of what is held."""
        return {"schema_version": 0, "version": __version__, "documents": len(self.docs),
                "stories": len(self.story_map), "entities": len(self.entity_map),
                "quotes": sum(len(d.quotes) for d in self.docs.values()),
                "events": sum(len(d.events) for d in self.docs.values()), "passages": len(self.duplicates)}

    def _card(self, doc: Document) -> JSON:
        return {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": _published(doc), "url": doc.url,
                "source": doc.source, "outlets": [doc.outlet] if doc.outlet else [], "sources": []}

    def _story_row(self, story: Story) -> JSON:
        dates = sorted(d for i in story.documents if i in self.docs and (d := _published(self.docs[i])))
        return {"id": story.id, "title": story.title, "size": len(story.segments), "documents": len(story.documents),
                "outlets": list(story.outlets), "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None}

    def stories(self, page: int = 1, per_page: int = 20, since: str | None = None, until: str | None = None,
                outlet: str | None = None, entity: str | None = None, text: str | None = None) -> JSON:
        """Stories, newest first, filtered by date overlap, outlet, entity and title words."""
        rows = []
        for story in self.story_map.values():
            row = self._story_row(story)
            first, last = row["first_published"], row["last_published"]
            if (since and (last is None or last < since)) or (until and (first is None or first > until + "~")):
                continue
            if outlet and outlet not in row["outlets"]:
                continue
            if entity and not any(m.entity == entity for i in story.documents if i in self.docs
                                  for m in self.docs[i].mentions):
                continue
            if text and text.strip() not in story.title:
                continue
            rows.append(row)
        rows.sort(key=lambda r: (r["last_published"] is not None, r["last_published"] or "", r["size"]), reverse=True)
        return _page(rows, page, per_page)

    def story(self, story_id: str) -> JSON | None:
        """One story with document cards, timeline sources' outlets, its quotes and copied passages."""
        story = self.story_map.get(story_id)
        if story is None:
            return None
        out = asdict(story)
        row = self._story_row(story)
        out["first_published"], out["last_published"] = row["first_published"], row["last_published"]
        cards = {i: self._card(self.docs[i]) for i in story.documents if i in self.docs}
        out["documents"] = list(cards.values())
        for entry in out["timeline"]:
            for src in entry["sources"]:
                card = cards.get(src["document"])
                src["outlet"] = card["outlet"] if card else None
                src["published"] = card["published"] if card else None
        out["quotes"] = self.quotes(story=story_id, per_page=MAX_PER_PAGE)["items"]
        out["passages"] = [self._passage(d) for d in self.duplicates
                           if d.a.document in cards and d.b.document in cards]
        return out

    def _passage(self, dup: Duplicate) -> JSON:
        out = asdict(dup)
        for side in ("a", "b"):
            doc = self.docs.get(out[side]["document"])
            out[side]["outlet"] = doc.outlet if doc else None
            out[side]["published"] = _published(doc) if doc else None
        return out

    def entities(self, page: int = 1, per_page: int = 20, type: str | None = None, q: str | None = None) -> JSON:
        """Entities, most mentioned first; of a type, or whose name or an alias contains ``q``."""
        found = [e for e in self.entity_map.values()
                 if (not type or e.type == type) and (not q or any(q.strip() in n for n in [e.name, *e.aliases]))]
        found.sort(key=lambda e: (-e.mentions, e.id))
        return _page([{"id": e.id, "type": e.type, "name": e.name, "mentions": e.mentions,
                       "documents": len(e.documents)} for e in found], page, per_page)

    def entity(self, entity_id: str) -> JSON | None:
        """One entity with mentions by day, quotes by and about it, co-occurring entities and its stories."""
        entity = self.entity_map.get(entity_id)
        if entity is None:
            return None
        out = asdict(entity)
        days: Counter[str] = Counter()
        near: Counter[str] = Counter()
        for doc in (self.docs[i] for i in entity.documents if i in self.docs):
            count = sum(m.entity == entity_id for m in doc.mentions)
            if (published := _published(doc)) and count:
                days[published[:10]] += count
            near.update({m.entity for m in doc.mentions if m.entity and m.entity != entity_id})
        out["mentions_by_day"] = [{"day": d, "count": n} for d, n in sorted(days.items())]
        out["quotes_by"] = self.quotes(speaker=entity_id, per_page=MAX_PER_PAGE)["items"]
        out["quotes_about"] = self.quotes(about=entity_id, per_page=MAX_PER_PAGE)["items"]
        out["cooccurring"] = [{"id": i, "name": e.name, "type": e.type, "documents": n}
                              for i, n in sorted(near.items(), key=lambda x: (-x[1], x[0]))[:NEAR]
                              if (e := self.entity_map.get(i))]
        out["stories"] = [{"id": s.id, "title": s.title, "size": len(s.segments),
                           "last_published": self._story_row(s)["last_published"]}
                          for s in self.story_map.values() if set(s.documents) & set(entity.documents)][:NEAR]
        return out

    def document(self, doc_id: str) -> JSON | None:
        """One document with every layer and the stories it is in."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return None
        out = asdict(doc)
        out["stories"] = [{"id": s.id, "title": s.title, "segment": seg}
                          for s in self.story_map.values() for seg in s.segments if seg.startswith(doc_id + ":")]
        return out

    def quotes(self, page: int = 1, per_page: int = 20, speaker: str | None = None, story: str | None = None,
               about: str | None = None) -> JSON:
        """Quotes by ``speaker``, inside ``story``'s segments, or naming ``about`` (said by someone else)."""
        members: set[str] | None = None
        if story is not None:
            found = self.story_map.get(story)
            members = set(found.segments) if found else set()
        items: list[JSON] = []
        for doc in self.docs.values():
            for seq, q in enumerate(doc.quotes):
                if speaker and q.speaker != speaker:
                    continue
                if members is not None and not any(
                    s.id in members and s.start <= q.start and q.end <= s.end for s in doc.segments
                ):
                    continue
                if about and (q.speaker == about or not any(
                    m.entity == about and q.start <= m.start and m.end <= q.end for m in doc.mentions
                )):
                    continue
                name = self.entity_map[q.speaker].name if q.speaker in self.entity_map else None
                items.append({"document": doc.id, "seq": seq, **asdict(q), "speaker_name": name,
                              "outlet": doc.outlet, "published": _published(doc)})
        items.sort(key=lambda i: i["published"] or "", reverse=True)
        return _page(items, page, per_page)

    def events(self, page: int = 1, per_page: int = 20, type: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None) -> JSON:
        """Events of ``type``, with ``actor`` among the participants, dated within the range."""
        items = [
            {"document": doc.id, "seq": seq, **asdict(e), "outlet": doc.outlet, "published": _published(doc)}
            for doc in self.docs.values() for seq, e in enumerate(doc.events)
            if (not type or e.type == type) and (not actor or actor in e.participants)
            and (not since or (e.date or "") >= since) and (not until or (e.date or "") <= until + "~")
        ]
        return _page(items, page, per_page)

    def search(self, q: str, limit: int = 20) -> list[JSON]:
        """Documents containing ``q`` literally (memory holds no word index)."""
        hits: list[JSON] = []
        for doc in self.docs.values():
            at = doc.text.find(q.strip()) if q.strip() else -1
            if at >= 0:
                end = at + len(q.strip())
                snippet = doc.text[max(0, at - 80):at] + "[" + doc.text[at:end] + "]" + doc.text[end:end + 80]
                hits.append({"document": doc.id, "source": doc.source, "title": doc.title, "segment": f"{doc.id}:0",
                             "kind": "main", "start": at, "end": end, "snippet": " ".join(snippet.split()),
                             "story": None})
        return hits[:limit]
