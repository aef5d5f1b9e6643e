"""The Arabic web pages under ``/``: server-rendered Jinja2, right to left, no script.

Every value printed by a template goes through :func:`~marsad.server.markup.inert`
(the environment's ``finalize``), on top of autoescaping: page text is hostile.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from marsad.server.charts import bar_chart, periods
from marsad.server.markup import Layer, highlight, inert
from marsad.server.reader import ReadAPI, outlet_label
from marsad.store.codec import JSON

pages_router = APIRouter(include_in_schema=False)
PAGE = 25
# items a page of the story page shows in its long sections
SECTION_SIZES = {"timeline": 100, "claims": 40, "copies": 40, "documents": 100}
MARK = re.compile(r"^(\d{1,9})-(\d{1,9})$")
SNIPPET_MATCH = re.compile(r"\[([^\[\]\n]+)\]")
TYPE_NAMES = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
SEGMENT_NAMES = {"main": "المقال", "appended": "مقال ملحق", "related": "روابط ذات صلة", "caption": "تعليق صورة",
                 "boilerplate": "إطار الموقع"}
UNNAMED_OUTLET = "ناشر غير مذكور"
BASIS_NAMES = {"explicit": "صريح", "metadata": "من البيانات الوصفية", "inferred": "مستنتج", "crawl": "وقت الجمع"}


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return inert(value)
    return value


def _snippet(text: str) -> Markup:
    """A search snippet with its [bracketed] matches as ``<mark>``, every piece escaped."""
    parts: list[str] = []
    pos = 0
    for match in SNIPPET_MATCH.finditer(text):
        parts += [str(inert(text[pos:match.start()])), "<mark>", str(inert(match.group(1))), "</mark>"]
        pos = match.end()
    parts.append(str(inert(text[pos:])))
    return Markup("".join(parts))


ENV = Environment(
    loader=PackageLoader("marsad.server", "templates"),
    autoescape=True,
    finalize=_finalize,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["snippet"] = _snippet
ENV.globals.update(TYPE_NAMES=TYPE_NAMES, SEGMENT_NAMES=SEGMENT_NAMES, BASIS_NAMES=BASIS_NAMES)


def _render(name: str, code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=code)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    """The Arabic error page."""
    return _render("error.html", status, status=status, message=message)


def _reader(request: Request) -> ReadAPI:
    reader: ReadAPI = request.app.state.reader
    return reader


def _pages(answer: JSON) -> dict[str, int]:
    return {"page": answer["page"], "pages": max(1, math.ceil(answer["total"] / answer["per_page"])),
            "total": answer["total"]}


@pages_router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    q: Annotated[str, Query(max_length=200)] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    entity: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
) -> HTMLResponse:
    """The story list: newest first, with outlets, size and date span, and filters."""
    reader = _reader(request)
    named = _entity_named(reader, entity) if entity else None
    answer = reader.stories(page, PAGE, since.isoformat() if since else None, until.isoformat() if until else None,
                            outlet or None, named["id"] if named else entity or None, q or None)
    filters = {"q": q, "outlet": outlet, "entity": entity, "since": since.isoformat() if since else "",
               "until": until.isoformat() if until else ""}
    return _render("stories.html", rows=answer["items"], filters=filters,
                   entity_name=named["name"] if named else entity, documents=reader.document_count(),
                   **_pages(answer))


def _entity_named(reader: ReadAPI, key: str) -> JSON | None:
    """The entity whose id is ``key``, else the most mentioned one whose name or alias contains it."""
    found = reader.entity_name(key)
    if found is None:
        items = reader.entities(1, 1, None, key)["items"]
        found = {"id": items[0]["id"], "name": items[0]["name"]} if items else None
    return found


@dataclass
class SpeakerQuotes:
    """The quotes of one speaker (an entity, or the speaker's words when unresolved)."""

    speaker: str | None
    name: str
    quotes: list[JSON] = field(default_factory=list)


def speaker_groups(quotes: list[JSON]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker, the most quoted first; unattributed quotes last."""
    groups: dict[str, SpeakerQuotes] = {}
    for quote in quotes:
        words = (quote.get("speaker_text") or {}).get("text")
        if quote.get("speaker"):
            key, name = quote["speaker"], quote.get("speaker_name") or words or quote["speaker"]
        elif words:
            key, name = "text:" + words, words
        else:
            key, name = "", ""
        groups.setdefault(key, SpeakerQuotes(quote.get("speaker"), name)).quotes.append(quote)
    return sorted(groups.values(), key=lambda g: (g.name == "", -len(g.quotes), g.name))


def outlet_badge(doc: JSON) -> str | Markup:
    """What names a document's publisher on a page: its outlet, else its site's host, else the words "publisher
    not named" with the file it came from (a file name is never shown as if it were an outlet)."""
    label = outlet_label(doc.get("outlet"), doc.get("url"))
    if label is not None:
        return label
    file = str(doc["source"]).rsplit("/", 1)[-1].split("#", 1)[0]
    return Markup('<span class="unnamed">{}</span> · <bdi dir="ltr">{}</bdi>').format(inert(UNNAMED_OUTLET), inert(file))


def per_document(refs: list[JSON]) -> list[tuple[JSON, int]]:
    """A timeline entry's source sentences, one per document (its first) with how many that document gives."""
    first: dict[str, JSON] = {}
    counts: Counter[str] = Counter()
    for ref in refs:
        first.setdefault(ref["document"], ref)
        counts[ref["document"]] += 1
    return [(ref, counts[doc]) for doc, ref in first.items()]


def passage_order(passage: JSON) -> tuple[JSON, JSON, str]:
    """The two sides of a copied passage, who ran it first first, and how that is known.

    ``first``: the copy detector (``earliest``) or the publication dates tell; ``same-day``:
    both ran it the same day without a time to separate them; ``unknown``: a date is missing.
    """
    a, b = passage["a"], passage["b"]
    if passage.get("earliest") in (a["document"], b["document"]):
        return (a, b, "first") if passage["earliest"] == a["document"] else (b, a, "first")
    da, db = a.get("published"), b.get("published")
    if not da or not db:
        return a, b, "unknown"
    if da == db or (da[:10] == db[:10] and (len(da) == 10 or len(db) == 10)):
        return a, b, "same-day"
    return (a, b, "first") if da < db else (b, a, "first")


@dataclass(frozen=True)
class Section:
    """One page of a long section of the story page (timeline, claims, copied passages, documents)."""

    name: str
    items: list[Any]
    page: int
    pages: int
    total: int
    first: int  # the 1-based number of the page's first item


def _section(name: str, items: list[Any], page: int) -> Section:
    size = SECTION_SIZES[name]
    pages = max(1, math.ceil(len(items) / size))
    page = min(page, pages)
    return Section(name, items[(page - 1) * size : page * size], page, pages, len(items), (page - 1) * size + 1)


SectionPage = Annotated[int, Query(ge=1, le=100_000)]


@pages_router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(
    request: Request, story_id: str,
    timeline: SectionPage = 1, claims: SectionPage = 1, copies: SectionPage = 1, documents: SectionPage = 1,
) -> HTMLResponse:
    """A story: summary, timeline, claims, quotes by speaker, copied passages, documents.

    The timeline, the claims, the copied passages and the documents are shown a page at a time (``SECTION_SIZES``), each
    with its own page number in the query (``?timeline=2``), so that a story of hundreds of articles stays a page
    a browser opens at once; the API (``/api/stories/{id}``) gives every item.
    """
    story = _reader(request).story(story_id)
    if story is None:
        raise HTTPException(404, "لا توجد قصة بهذا المعرّف")
    labels = {d["id"]: outlet_badge(d) for d in story["documents"]}
    titles = {d["id"]: d.get("title") or d["source"] for d in story["documents"]}
    cited = {doc: n for n, doc in enumerate(dict.fromkeys(r["document"] for r in story["summary"]), 1)}
    sections = {
        "timeline": _section("timeline", story["timeline"], timeline),
        # corroborated first, then contested, each in the story's order
        "claims": _section("claims", sorted(story["claims"], key=lambda c: c["status"] != "corroborated"), claims),
        "copies": _section("copies", story["passages"], copies),
        "documents": _section("documents", story["documents"], documents),
    }
    state = {name: section.page for name, section in sections.items()}

    def section_href(name: str, page: int) -> str:
        return "?" + urlencode({**state, name: page}) + "#" + name

    return _render(
        "story.html", story=story, labels=labels, titles=titles, cited=cited,
        copies=[(*passage_order(p), p) for p in sections["copies"].items],
        timeline=[(row, per_document(row["sources"])) for row in sections["timeline"].items],
        speakers=speaker_groups(story["quotes"]), sections=sections, section_href=section_href,
    )


@pages_router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    q: Annotated[str, Query(max_length=200)] = "",
    type: Annotated[str, Query(pattern="^(|PER|LOC|ORG|MISC)$")] = "",
) -> HTMLResponse:
    """Entities, most mentioned first, with a name filter."""
    answer = _reader(request).entities(page, PAGE, type or None, q or None)
    return _render("entities.html", rows=answer["items"], q=q, type=type, **_pages(answer))


@pages_router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    """An entity: mentions over time (SVG), quotes by and about it, entities named with it, its stories."""
    entity = _reader(request).entity(entity_id)
    if entity is None:
        raise HTTPException(404, "لا يوجد كيان بهذا المعرّف")
    days = Counter({d["day"]: d["count"] for d in entity["mentions_by_day"]})
    chart = bar_chart(periods(days), f"ذكر {entity['name']} عبر الزمن")
    undated = entity["mentions"] - sum(days.values())
    return _render("entity.html", entity=entity, chart=chart, undated=max(0, undated))


def _layers(doc: JSON, mark: tuple[int, int] | None) -> list[Layer]:
    layers = [Layer(s["start"], s["end"], f"seg seg-{s['kind']}", SEGMENT_NAMES.get(s["kind"], s["kind"]))
              for s in doc["segments"] if s["kind"] != "main"]
    for q in doc["quotes"]:
        said = (q.get("speaker_text") or {}).get("text") or "؟"
        layers.append(Layer(q["start"], q["end"], f"qt qt-{q['kind']}", f"اقتباس: {said}"))
    layers += [Layer(m["start"], m["end"], f"ent ent-{m['type']}", TYPE_NAMES.get(m["type"], m["type"]),
                     href=f"/entities/{m['entity']}" if m.get("entity") else None)
               for m in doc["mentions"]]
    layers += [Layer(t["start"], t["end"], "tx", f"{t['type']}: {t.get('value') or '؟'}") for t in doc["timexes"]]
    if mark is not None:
        layers.append(Layer(mark[0], mark[1], "mark", "المقطع المستشهد به", anchor="mark"))
    return layers


@pages_router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request, doc_id: str,
    mark: Annotated[str, Query(max_length=40, description="start-end of a passage to mark")] = "",
) -> HTMLResponse:
    """A document's text with its layers highlighted (entities, times, quotes, segments) and a marked passage."""
    doc = _reader(request).document(doc_id)
    if doc is None:
        raise HTTPException(404, "لا توجد وثيقة بهذا المعرّف")
    found = MARK.match(mark)
    span = (int(found.group(1)), int(found.group(2))) if found else None
    body = highlight(doc["text"], _layers(doc, span))
    counts = {"ent": len(doc["mentions"]), "tx": len(doc["timexes"]), "qt": len(doc["quotes"]),
              "seg": sum(s["kind"] != "main" for s in doc["segments"])}
    url = doc.get("url") or ""
    return _render("document.html", doc=doc, body=body, counts=counts,
                   outlet=outlet_badge(doc),
                   link=url if url.lower().startswith(("http://", "https://")) else None)


@pages_router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    """Full-text search over segments, in any clitic form."""
    hits = _reader(request).search(q, 50) if q.strip() else []
    return _render("search.html", q=q, hits=hits)
