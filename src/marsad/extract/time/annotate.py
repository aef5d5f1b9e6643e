"""The time extractor: tag every non-boilerplate segment and normalise against its anchor."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from marsad.extract.time.calendar import Anchor, nearest_weekday
from marsad.extract.time.grammar import Grammar
from marsad.extract.time.records import Found
from marsad.extract.time.tokens import KeyTokens, tokenize_key
from marsad.model import Document, Published, Segment, Timex
from marsad.text.normalize import Normalized, normalize

REANCHOR_DAYS = 3
KEYED_CACHE_SIZE = 8  # ranges whose key text and tokens are kept for a second scan


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


@lru_cache(maxsize=KEYED_CACHE_SIZE)
def _keyed(text: str, start: int, end: int) -> tuple[Normalized, KeyTokens]:
    """The key text of ``text[start:end]`` and its tokens, kept for the next scan of the same range.

    :func:`tag_text` scans a range again with another anchor right after the first scan; the
    grammar only reads the tokens.  (Kept for a few ranges only: an offset map costs about
    36 bytes a character.)
    """
    key = normalize(text[start:end])
    return key, tokenize_key(key.text)


def scan_text(text: str, start: int, end: int, anchor: Anchor | None) -> list[tuple[int, int, Found]]:
    """Run the grammar on ``text[start:end]``: (start, end, found) with offsets into ``text``."""
    key, toks = _keyed(text, start, end)
    out: list[tuple[int, int, Found]] = []
    for found in Grammar(toks, anchor).scan():
        k0 = toks.starts[found.start] + found.cut
        k1 = toks.ends[found.end - 1]
        s, e = key.to_original(k0, k1)
        out.append((s + start, _past_marks(text, e + start, end), found))
    return out


def stated_today(founds: list[tuple[int, int, Found]], anchor: Anchor) -> dt.date | None:
    """The day the text itself calls today (اليوم الأربعاء) when it is a few days off the anchor."""
    for _s, _e, found in founds:
        for clue in found.clues:
            day = clue.date or (nearest_weekday(anchor.day, clue.weekday) if clue.weekday else None)
            if day is not None and day != anchor.day and abs((day - anchor.day).days) <= REANCHOR_DAYS:
                return day
    return None


def tag_text(text: str, start: int, end: int, anchor: Anchor | None) -> list[Timex]:
    """Tag ``text[start:end]`` and normalise against ``anchor``; offsets index ``text``.

    When the text names today's weekday or date and it lies a few days from the anchor (a
    crawl date rather than the day of writing), that day becomes the anchor.  Without an
    anchor, relative expressions get ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` (أمس، الشهر
    الماضي، غدا) and month or day names without a year keep ``XXXX`` for it.
    """
    founds = scan_text(text, start, end, anchor)
    if anchor is not None and anchor.time is None:
        today = stated_today(founds, anchor)
        if today is not None:
            founds = scan_text(text, start, end, Anchor(today))
    return [Timex(s, e, text[s:e], f.type, f.value, f.end_value) for s, e, f in founds]


def owner(doc: Document, start: int, end: int) -> Segment | None:
    """The innermost segment containing ``[start, end)`` (segments may nest: a caption inside the main text)."""
    inside = [s for s in doc.segments if s.start <= start and end <= s.end]
    return min(inside, key=lambda s: s.end - s.start) if inside else None


def annotate(doc: Document) -> None:
    """Fill ``doc.timexes`` for every segment that is not boilerplate (the whole text when unsegmented).

    Each segment is anchored to its own ``published`` date, else the document's, else none.
    An expression belongs to the innermost segment around it, so chrome nested in the main
    text is skipped and a nested caption is tagged once.
    """
    default = anchor_of(doc.published)
    if not doc.segments:
        doc.timexes = tag_text(doc.text, 0, len(doc.text), default)
        return
    out: list[Timex] = []
    for seg in doc.segments:
        if seg.kind == "boilerplate":
            continue
        anchor = anchor_of(seg.published) or default
        out.extend(t for t in tag_text(doc.text, seg.start, seg.end, anchor) if owner(doc, t.start, t.end) is seg)
    doc.timexes = sorted(out, key=lambda t: t.start)
