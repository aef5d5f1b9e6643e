"""Quotes: who said what, direct and reported, with speakers and attribution chains.

:func:`annotate` fills ``Document.quotes`` from the main and appended articles
(the whole text when the page stage found no segments; captions, chrome and the
headline cut out).  The modules, by concern:

- ``lexicon``: the word lists (cue verbs, nominal cues, roles, channels...), data files under ``marsad/lexicons``;
- ``marks``: pairing quotation marks;
- ``piece``: one article stretch with its tokens, paragraphs, sentences and quoted stretches;
- ``openers``: where a quote opens and where its clause ends;
- ``subjects``: a cue's subject, the sentence's actor, the channel;
- ``speakers``: a description resolved to a speaker (mention, anaphor, role named elsewhere, memory);
- ``emit``: openers turned into quotes;
- ``scan``: the cue walk (verbs, participles, documents, nominal cues, trailing cues, unattributed marks).
"""

from __future__ import annotations

from bisect import bisect_left

from marsad.extract.quotes.lexicon import quote_lexicon
from marsad.extract.quotes.piece import Found
from marsad.extract.quotes.scan import Piece
from marsad.extract.quotes.speakers import Resolver
from marsad.model import Document, Quote, Span
from marsad.text.tokens import tokenize


def annotate(doc: Document) -> None:
    """Fill ``doc.quotes`` with the quotes of its main and appended articles."""
    lex = quote_lexicon()
    tokens = tokenize(doc.text)
    starts = [t.start for t in tokens]
    resolver = Resolver(doc, lex, tokens=tokens)
    found: list[Found] = []
    paragraph = 0  # article paragraphs only: a caption or a blank line between two paragraphs is no distance
    for piece in _pieces(doc):
        inside = [t for t in tokens[bisect_left(starts, piece.start):bisect_left(starts, piece.end)] if t.end <= piece.end]
        scanner = Piece(doc.text, piece.start, piece.end, paragraph, lex, resolver, inside)
        scanner.scan()
        found.extend(scanner.found)
        paragraph = scanner.last_paragraph + 1
    found.sort(key=lambda f: f.start)
    doc.quotes = [_quote(doc, resolver, f) for f in found]


def _pieces(doc: Document) -> list[Span]:
    articles = doc.segments_of("main", "appended")
    if not articles:
        return [doc.span(0, len(doc.text))]
    out: list[Span] = []
    for seg in articles:
        for piece in doc.pieces(seg):
            title = seg.title
            if title is not None and piece.start <= title.start < piece.end:
                # the headline never speaks nor gives a speaker to the text below it
                out.extend(p for p in (doc.span(piece.start, title.start), doc.span(title.end, piece.end))
                           if p.text.strip())
            else:
                out.append(piece)
    return out


def _quote(doc: Document, resolver: Resolver, f: Found) -> Quote:
    via = [resolver.channel_entity(v.start, v.end) or v.text for v in f.via]
    return Quote(
        start=f.start,
        end=f.end,
        text=doc.text[f.start:f.end],
        kind=f.kind,
        cue=f.cue,
        speaker=f.speaker.entity,
        speaker_text=f.speaker.span,
        via=via,
    )
