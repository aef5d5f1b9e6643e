"""The time extractor: tag every non-boilerplate segment and normalise against its anchor."""

from __future__ import annotations

from marsad.extract.time.calendar import Anchor
from marsad.extract.time.grammar import Grammar
from marsad.extract.time.tokens import tokenize_key
from marsad.model import Document, Published, Timex
from marsad.text.normalize import normalize


def anchor_of(published: Published | None) -> Anchor | None:
    """The anchor for a publication date (``None`` when there is none or it does not parse)."""
    if published is None:
        return None
    try:
        return Anchor.parse(published.value)
    except ValueError:
        return None


def _past_marks(text: str, e: int, limit: int) -> int:
    """Extend an end offset over the harakat and tatweel that follow it (عاماً keeps its tanween)."""
    while e < limit and ("\u064b" <= text[e] <= "\u065f" or text[e] in "\u0670\u0640"):
        e += 1
    return e


def tag_text(text: str, start: int, end: int, anchor: Anchor | None) -> list[Timex]:
    """Tag ``text[start:end]`` and normalise against ``anchor``; offsets index ``text``.

    Without an anchor, relative expressions get ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``
    (أمس، الشهر الماضي، غدا) and month or day names without a year keep ``XXXX`` for it.
    """
    key = normalize(text[start:end])
    toks = tokenize_key(key.text)
    out: list[Timex] = []
    for found in Grammar(toks, anchor).scan():
        k0 = toks[found.start].start + found.cut
        k1 = toks[found.end - 1].end
        s, e = key.to_original(k0, k1)
        s, e = s + start, _past_marks(text, e + start, end)
        out.append(Timex(s, e, text[s:e], found.type, found.value, found.end_value))
    return out


def annotate(doc: Document) -> None:
    """Fill ``doc.timexes`` for every segment that is not boilerplate (the whole text when unsegmented).

    Each segment is anchored to its own ``published`` date, else the document's, else none.
    """
    doc.timexes = []
    default = anchor_of(doc.published)
    segments = [s for s in doc.segments if s.kind != "boilerplate"]
    if not doc.segments:
        doc.timexes = tag_text(doc.text, 0, len(doc.text), default)
        return
    for seg in segments:
        anchor = anchor_of(seg.published) or default
        doc.timexes.extend(tag_text(doc.text, seg.start, seg.end, anchor))
    doc.timexes.sort(key=lambda t: t.start)
