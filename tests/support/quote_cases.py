"""Shared helpers of the quote rule tests: a real span with its person mentions set by hand, run through quotes.

Each rule test builds its document with :func:`doc_with_people`, so that the rule is tested on its own whatever the
tagger gives, and looks its quote up by words it holds."""

from __future__ import annotations

from marsad.extract.quotes import annotate
from marsad.model import Document, Mention, Quote, Segment


def doc_with_people(
    text: str, people: tuple[str, ...] = (), bodies: tuple[str, ...] = (), places: tuple[str, ...] = (),
) -> Document:
    """A document of ``text`` with a PER mention for every occurrence of each name (an ORG one for each of
    ``bodies``, a LOC one for each of ``places``), after the quote component."""
    mentions = []
    for names, kind in ((people, "PER"), (bodies, "ORG"), (places, "LOC")):
        for name in names:
            at = text.find(name)
            assert at >= 0, name
            while at >= 0:
                mentions.append(Mention(at, at + len(name), name, kind))
                at = text.find(name, at + 1)
    doc = Document(id="t", source="t", format="txt", text=text, segments=[Segment("m", "main", 0, len(text))])
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    annotate(doc)
    return doc


def quote_with(doc: Document, words: str) -> Quote:
    """The first quote of ``doc`` whose text holds ``words`` (the test fails, listing the quotes, if none)."""
    found = [q for q in doc.quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text[:30] for q in doc.quotes]}"
    return found[0]


def speaker_of(q: Quote) -> str | None:
    """The text of the quote's speaker, or None."""
    return q.speaker_text.text if q.speaker_text is not None else None
