"""Distinctive terms of an article unit: content-word stems and resolved entities, tf-idf weighted.

Terms are clitic-stripped keys of content words (stopwords from the
``corpus_stopwords.txt`` lexicon, numbers and two-letter stems dropped); title words
count :data:`TITLE_BOOST` extra times.  When the entity stage has resolved mentions,
each name mentioned inside the unit is a term too (``@<type>:<spelling key>``, the key
under which the spellings of one name coincide), weighted up; without them the terms
alone carry the signal.  The name's key, not the resolved entity id, is the term: the
ids depend on which documents were resolved together (a batch or the whole corpus), and
stories must not depend on how a run was cut into batches (with ids, 4% of 3,000
SaudiNewsNet units' stories changed with the cut; with keys none did, and the story gold
scores did not drop).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import is_, itemgetter, mul

from marsad.corpus.names import name_key
from marsad.corpus.units import Unit
from marsad.lexicons import load
from marsad.model import Document, Mention
from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key
from marsad.text.tokens import Token, text_tokens, token_key, tokenize

TITLE_BOOST = 2
ENTITY_BOOST = 1.5
MIN_STEM = 3
VECTOR_SIZE = 100

STOPWORDS = frozenset(norm_key(w) for w in load("corpus_stopwords.txt"))


def near_content_stems(sides: Iterable[Iterable[Token]], words: int) -> set[str]:
    """The content-word stems among the first ``words`` words of each side of a mention (each side in reading
    order away from it), a side ending at a clause mark (a full stop, a quotation mark; commas and spaces pass).
    One-letter keys (a clitic cut off the mention's own word) are passed over; stems of 3+ letters that are no
    stopword are kept."""
    found: set[str] = set()
    for side in sides:
        taken = 0
        for t in side:
            if not t.is_word:
                if t.text.strip(" ،,"):
                    break
                continue
            if len(t.key) < 2:
                continue
            if taken == words:
                break
            taken += 1
            if len(t.stem) >= MIN_STEM and t.key not in STOPWORDS and t.stem not in STOPWORDS:
                found.add(t.stem)
    return found

Vector = dict[str, float]


@dataclass(frozen=True)
class Weights:
    """What weighing a unit's terms takes of the unit alone, term by term in the order of its counts: the sublinear
    count (``1 + log(count)``) and the background document frequency plus one (0 for an entity term, weighed over
    the index alone).  A worker computes them with the unit (:func:`marsad.corpus.story_index.unit_weights`)."""

    tf: list[float]
    seen: list[int]


@dataclass(frozen=True)
class UnitTerms:
    """What story clustering needs of one unit: identity, date, title and term counts (and their :class:`Weights`
    when a worker computed them)."""

    id: str
    document: str
    outlet: str | None
    day: int | None
    title: str
    counts: Mapping[str, float]
    titled: bool = True
    weights: Weights | None = None


def key_term(key: str) -> str | None:
    """The term a word token with key ``key`` contributes (its clitic-stripped key, the token's ``stem``), or None
    for punctuation, stopwords, numbers and short stems.

    Not cached here: an LRU cache of the vocabulary keeps tens of thousands of linked entries that every
    garbage collection walks (filling two such caches made tokenising 25% slower); ``strip_clitics`` is cached,
    and :func:`key_terms` keeps the terms of the keys met in a plain dict of strings.
    """
    if not key[:1].isalnum() or key in STOPWORDS:
        return None
    stem = strip_clitics(key)[1]
    if stem in STOPWORDS or stem.isdigit() or len(stem) < MIN_STEM:
        return None
    return stem


# the term of each key met ('' for none), in a plain dict of strings (which no garbage collection walks), emptied when
# it holds this many keys (a day of news has a few tens of thousands of distinct word keys)
KEY_TERMS_CACHE = 1 << 16
_key_terms: dict[str, str] = {}


def key_terms(tokens: Iterable[Token]) -> list[str]:
    """The :func:`key_term` of each token's key ('' for none), each key's looked up in a dict of the keys met rather
    than computed token by token."""
    keys = list(map(token_key, tokens))
    terms = list(map(_key_terms.get, keys))
    if None in terms:  # keys met for the first time
        if len(_key_terms) >= KEY_TERMS_CACHE:
            _key_terms.clear()
        for i in compress(count(), map(is_, terms, repeat(None))):
            terms[i] = _key_terms[keys[i]] = key_term(keys[i]) or ""
    return terms  # type: ignore[return-value]  # no None is left


def unit_title(doc: Document, unit: Unit) -> str:
    """The unit's title text, else its first line (at most 120 characters)."""
    if unit.title is not None:
        return unit.title.text.strip()
    for piece in unit.pieces:
        line = piece.text.strip().split("\n", 1)[0]
        if line:
            return line[:120]
    return unit.id


def word_counts(doc: Document, unit: Unit) -> dict[str, int]:
    """The content-word terms of ``unit`` and their counts (title words :data:`TITLE_BOOST` extra times).

    They depend on the unit's text alone (not on what the corpus steps change), so a
    worker computes them with the document (:mod:`marsad.corpus.prepare`), from the tokens the
    document's components already made (:func:`marsad.text.tokens.text_tokens`).
    """
    counts: Counter[str] = Counter()
    for piece in unit.pieces:
        counts.update(filter(None, key_terms(text_tokens(doc.text, piece.start, piece.end))))
    if unit.title is not None:
        for term in filter(None, key_terms(text_tokens(doc.text, unit.title.start, unit.title.end))):
            counts[term] += TITLE_BOOST
    return dict(counts)


def term_counts(doc: Document, unit: Unit, named: Iterable[Mention]) -> dict[str, float]:
    """The terms of ``unit`` and their counts: its :func:`word_counts`, then the spelling key of each of the ``named``
    mentions (those resolution keeps as entities) inside the unit, :data:`ENTITY_BOOST` a mention.

    Neither depends on the entity ids resolution gives, only on which mentions it keeps, which a document's own
    names decide (:func:`marsad.corpus.entities.named_mentions`): a worker counts them with the document
    (:mod:`marsad.corpus.prepare`), so the writer only weighs them.
    """
    weighted: dict[str, float] = dict(word_counts(doc, unit))
    for m in named:
        if any(p.start <= m.start < p.end for p in unit.pieces):
            key = f"@{m.type}:{name_key(m.text)}"
            weighted[key] = weighted.get(key, 0.0) + ENTITY_BOOST
    return weighted


def unit_terms(
    doc: Document, unit: Unit, counts: Mapping[str, float] | None = None, weights: Weights | None = None
) -> UnitTerms:
    """The distinctive terms (and resolved entities) of ``unit`` with its identity, date and title; ``counts``: its
    :func:`term_counts` when a worker computed them (else counted here, over the mentions resolution kept), and
    ``weights`` their :class:`Weights`."""
    if counts is None:
        counts = term_counts(doc, unit, (m for m in doc.mentions if m.entity))
    return UnitTerms(
        unit.id, unit.document, unit.outlet, unit.day, unit_title(doc, unit), counts, unit.title is not None, weights
    )


def normalised(raw: Mapping[str, float], size: int = VECTOR_SIZE) -> Vector:
    """The L2-normalised vector of the ``size`` heaviest of ``raw``'s (tf-idf) weights, heaviest first (the order of
    :func:`heaviest`)."""
    top = heaviest(raw)[:size]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def heaviest(weights: Mapping[str, float]) -> list[tuple[str, float]]:
    """The (term, weight) items of ``weights``, heaviest first and equal weights by term: the order of the key
    (-weight, term), made by two sorts on plain keys (the second, by weight, keeps the first's order on ties)."""
    return sorted(sorted(weights.items(), key=itemgetter(0)), key=itemgetter(1), reverse=True)


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sparse dot product."""
    if len(a) > len(b):
        a, b = b, a
    # The products in a's order, summed as the list of them would be (mapped in C, not a Python loop).
    products: Iterator[float] = map(mul, a.values(), map(b.get, a, repeat(0.0)))
    return sum(products)


def span_terms(text: str, start: int, end: int) -> frozenset[str]:
    """The distinct content terms of ``text[start:end]``."""
    return frozenset(filter(None, key_terms(tokenize(text, start, end))))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two term sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
