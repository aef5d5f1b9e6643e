"""Named-entity mentions in a document and their within-document joining.

:func:`annotate` tags the ``main`` and ``appended`` articles (the whole text when a
document has no segments) with the shipped CRF tagger, turns the tags into
:class:`~marsad.model.Mention` spans (a leading conjunction or preposition clitic is left
out of the span when the bare word is the more frequent form), then gives every mention a
per-document entity key:

* a full name keys itself;
* a one-word short form (كيم، كيربي، واتسون) joins the full name containing that word
  that was last seen before it (or the only one seen in the document);
* a role phrase seen right before a named person (الرئيس الروسي فلاديمير بوتين) becomes
  a mention of that person wherever it recurs alone, when it names only that person here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from marsad.extract.ner.tagger import iob_spans, shipped_tagger
from marsad.lexicons import load
from marsad.model import Document, EntityType, Mention
from marsad.text.normalize import norm_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

_TYPES: dict[str, EntityType] = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_MAX_ROLE = 4


@cache
def _rank() -> dict[str, int]:
    return {w: i for i, w in enumerate(shipped_tagger().resources.clusters)}


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_person_titles.txt"))


def clitic_length(word: str) -> int:
    """How many leading characters of ``word`` are a separable conjunction/preposition clitic.

    A clitic is split off only when the bare word is known and more frequent than the
    whole word (so بوتين keeps its ب, وبوتين loses its و).
    """
    key = norm_key(word)
    rank = _rank()
    whole = rank.get(key, len(rank))
    for clitic in _CLITICS:
        rest = key[len(clitic):]
        if key.startswith(clitic) and len(rest) >= 3 and rank.get(rest, len(rank)) < whole:
            return len(clitic)
    return 0


@dataclass
class _Sentence:
    tokens: list[Token]
    tags: list[str]


def _sentences(doc: Document) -> list[list[Token]]:
    articles = doc.segments_of("main", "appended")
    pieces = [p for seg in articles for p in doc.pieces(seg)] if articles else [doc.span(0, len(doc.text))]
    out: list[list[Token]] = []
    for piece in pieces:
        for sent in split_sentences(doc.text, piece.start, piece.end):
            tokens = tokenize(doc.text, sent.start, sent.end)
            if tokens:
                out.append(tokens)
    return out


def _mention(doc: Document, tokens: list[Token], label: str) -> Mention | None:
    start = tokens[0].start + clitic_length(tokens[0].text)
    end = tokens[-1].end
    kind = _TYPES.get(label)
    if kind is None or start >= end:
        return None
    return Mention(start, end, doc.text[start:end], kind)


def _key(text: str) -> str:
    return norm_key(text)


def _join_short_forms(mentions: list[Mention]) -> None:
    """Key every mention; one-word persons join a full name that contains the word."""
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, m in enumerate(mentions):
        words = _key(m.text).split(" ")
        if m.type == "PER" and len(words) > 1:
            for w in words:
                full[w].append((i, _key(m.text)))
    for i, m in enumerate(mentions):
        key = _key(m.text)
        m.entity = f"{m.type}:{key}"
        if m.type != "PER" or " " in key or key not in full:
            continue
        names = {name for _, name in full[key]}
        before = [name for j, name in full[key] if j < i]
        chosen = before[-1] if before else (next(iter(names)) if len(names) == 1 else None)
        if chosen is not None:
            m.entity = f"PER:{chosen}"


def _role_before(sentence: _Sentence, first: int) -> tuple[int, str] | None:
    """The role phrase (title word plus modifiers) ending right before token ``first``."""
    for n in range(min(_MAX_ROLE, first), 1, -1):
        words = sentence.tokens[first - n:first]
        if any(t != "O" for t in sentence.tags[first - n:first]) or not all(w.is_word for w in words):
            continue
        if words[0].key in _titles() or words[0].stem in _titles():
            return first - n, " ".join(w.key for w in words[1:]) + "|" + words[0].stem
    return None


def _join_roles(doc: Document, sentences: list[_Sentence], spans: list[list[tuple[int, int, Mention]]]) -> list[Mention]:
    """New mentions for role phrases that name exactly one person in the document."""
    roles: dict[str, set[str]] = defaultdict(set)
    for sent, sent_spans in zip(sentences, spans, strict=True):
        for a, _, m in sent_spans:
            if m.type == "PER" and m.entity is not None:
                found = _role_before(sent, a)
                if found is not None:
                    roles[found[1]].add(m.entity)
    unique = {role: next(iter(people)) for role, people in roles.items() if len(people) == 1}
    if not unique:
        return []
    out: list[Mention] = []
    for sent, sent_spans in zip(sentences, spans, strict=True):
        starts = {a for a, _, _ in sent_spans}
        for b in range(2, len(sent.tokens) + 1):
            if b in starts or (b < len(sent.tags) and sent.tags[b] != "O"):
                continue
            found = _role_before(sent, b)
            if found is None or found[1] not in unique:
                continue
            first = sent.tokens[found[0]]
            start = first.start + clitic_length(first.text)
            end = sent.tokens[b - 1].end
            m = Mention(start, end, doc.text[start:end], "PER", unique[found[1]])
            if out and out[-1].end > start:
                if out[-1].end - out[-1].start >= end - start:
                    continue
                out.pop()
            out.append(m)
    return out


def annotate(doc: Document) -> None:
    """Fill ``doc.mentions`` for the document's articles, with per-document entity keys."""
    token_lists = _sentences(doc)
    tags = shipped_tagger().tag_document([[t.text for t in tokens] for tokens in token_lists])
    sentences = [_Sentence(tokens, sent_tags) for tokens, sent_tags in zip(token_lists, tags, strict=True)]
    spans: list[list[tuple[int, int, Mention]]] = []
    mentions: list[Mention] = []
    for sent in sentences:
        sent_spans: list[tuple[int, int, Mention]] = []
        for a, b, label in iob_spans(sent.tags):
            m = _mention(doc, sent.tokens[a:b], label)
            if m is not None:
                sent_spans.append((a, b, m))
                mentions.append(m)
        spans.append(sent_spans)
    _join_short_forms(mentions)
    mentions.extend(_join_roles(doc, sentences, spans))
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
