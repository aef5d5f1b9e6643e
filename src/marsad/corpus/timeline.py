"""A story's timeline: dated happenings merged across sources, each with every supporting span.

Dated items are the ``DATE`` timexes with a calendar value (and dated events, once the
event stage exists) inside the story's units.  An item on the same date as a row whose
first sentence shares enough content terms with its own tells the same happening and
joins that row, which lists every source sentence.  With
no timexes or events the timeline is simply empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.corpus.sentences import StorySentence
from marsad.corpus.terms import jaccard
from marsad.model import Document, SpanRef, TimelineRow

SAME_HAPPENING = 0.25
LABEL_CHARS = 200


@dataclass(frozen=True)
class DatedItem:
    """A sentence that dates a happening."""

    date: str
    sentence: StorySentence


def _sentence_at(sentences: list[StorySentence], doc: str, offset: int) -> StorySentence | None:
    for s in sentences:
        if s.ref.document == doc and s.ref.start <= offset < s.ref.end:
            return s
    return None


def dated_items(docs: dict[str, Document], sentences: list[StorySentence]) -> list[DatedItem]:
    """The DATE timexes and dated events falling in the story's sentences."""
    items: list[DatedItem] = []
    for doc_id in sorted({s.ref.document for s in sentences}):
        doc = docs[doc_id]
        anchors = [(t.start, t.value) for t in doc.timexes if t.type == "DATE" and t.value]
        anchors += [(e.start, e.date) for e in doc.events if e.date]
        seen: set[tuple[str, int]] = set()
        for start, value in anchors:
            if value is None or not value[:1].isdigit():
                continue  # PAST_REF, PRESENT_REF...: no calendar date
            sent = _sentence_at(sentences, doc_id, start)
            if sent is not None and (value, sent.ref.start) not in seen:
                seen.add((value, sent.ref.start))
                items.append(DatedItem(value, sent))
    return items


def build_timeline(docs: dict[str, Document], sentences: list[StorySentence]) -> list[TimelineRow]:
    """One row per date and happening, sorted by date, with every supporting sentence span."""
    rows: list[tuple[str, list[StorySentence]]] = []
    for item in sorted(dated_items(docs, sentences), key=lambda i: (i.date, i.sentence.ref.document, i.sentence.ref.start)):
        for date, members in rows:
            if date == item.date and jaccard(members[0].terms, item.sentence.terms) >= SAME_HAPPENING:
                members.append(item.sentence)
                break
        else:
            rows.append((item.date, [item.sentence]))
    out: list[TimelineRow] = []
    for date, members in rows:
        label = members[0].ref.text[:LABEL_CHARS]
        refs: list[SpanRef] = [m.ref for m in members]
        out.append(TimelineRow(date, label, refs))
    return out
