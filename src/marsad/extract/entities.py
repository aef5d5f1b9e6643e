"""Named-entity mentions in a document and their within-document joining.

:func:`annotate` tags the ``main`` and ``appended`` articles (the whole text when a
document has no segments) with the shipped name tagger, turns the tags into
:class:`~marsad.model.Mention` spans (a leading conjunction or preposition clitic is left
out of the span when the bare word occurs in the document or is a known place), then gives every mention a
per-document entity key:

* organisation heads with their modifiers (وزارة الدفاع الروسية) and formal names from
  ``ner_aliases.tsv`` are tagged whole;
* a full name keys itself;
* a one-word short form (كيم، كيربي، واتسون) joins the full name containing that word
  that is most frequent in the document (on a tie, one that ends with the word, then the
  last one seen before it; with none seen before, the short form keeps its own key and
  is left to the cross-document step);
* a role phrase seen right before a named person (الرئيس الروسي فلاديمير بوتين) becomes
  a mention of that person wherever it recurs alone, when it names only that person here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from marsad.extract.ner.gazetteers import Gazetteer, lexicon_resources
from marsad.extract.ner.tagger import iob_spans, shipped_tagger
from marsad.lexicons import load, load_table
from marsad.model import Document, EntityType, Mention
from marsad.text.normalize import norm_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

_TYPES: dict[str, EntityType] = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_MAX_ROLE = 4


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_person_titles.txt"))


def clitic_length(word: str, bare: frozenset[str]) -> int:
    """How many leading characters of ``word`` are a separable conjunction/preposition clitic.

    A clitic is split off only when the rest is attested as a word of its own: in
    ``bare`` (the document's word keys) or as a known place name.  So لكوريا loses its
    ل when كوريا occurs, and بيونج keeps its ب.
    """
    key = norm_key(word)
    places = lexicon_resources().places.entries
    for clitic in _CLITICS:
        rest = key[len(clitic):]
        if key.startswith(clitic) and len(rest) >= 2 and (rest in bare or rest in places):
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


def _mention(doc: Document, tokens: list[Token], label: str, bare: frozenset[str]) -> Mention | None:
    start = tokens[0].start + clitic_length(tokens[0].text, bare)
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
        counts = Counter(name for _, name in full[key])
        before = [name for j, name in full[key] if j < i]
        rank = {name: (n, name.split(" ")[-1] == key) for name, n in counts.items()}
        top = max(rank.values())
        leaders = [name for name, r in rank.items() if r == top]
        chosen = leaders[0] if len(leaders) == 1 else next((b for b in reversed(before) if b in leaders), None)
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


def _join_roles(
    doc: Document, sentences: list[_Sentence], spans: list[list[tuple[int, int, Mention]]], bare: frozenset[str]
) -> list[Mention]:
    """New mentions for role phrases that name exactly one person in the document.

    When several persons follow the same role phrase, those mentioned only once in the
    document give way to one that recurs (a one-off name after a role is more often a
    tagging slip, حفلا موسيقيا after الرئيس الروسي, than a second holder of the role).
    """
    roles: dict[str, set[str]] = defaultdict(set)
    counts = Counter(m.entity for sent_spans in spans for _, _, m in sent_spans)
    for sent, sent_spans in zip(sentences, spans, strict=True):
        for a, _, m in sent_spans:
            if m.type == "PER" and m.entity is not None:
                found = _role_before(sent, a)
                if found is not None:
                    roles[found[1]].add(m.entity)
    for role, people in roles.items():
        recurring = {p for p in people if counts[p] > 1}
        if len(people) > 1 and recurring:
            roles[role] = recurring
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
            start = first.start + clitic_length(first.text, bare)
            end = sent.tokens[b - 1].end
            m = Mention(start, end, doc.text[start:end], "PER", unique[found[1]])
            if out and out[-1].end > start:
                if out[-1].end - out[-1].start >= end - start:
                    continue
                out.pop()
            out.append(m)
    return out


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_org_heads.txt"))


def _is_adjective(key: str) -> bool:
    return key.startswith("ال") and len(key) >= 5 and key.endswith(("يه", "ي"))


def extend_organisations(sentence: _Sentence) -> None:
    """Tag an organisation head with its definite modifiers ending in an adjective as one ORG.

    وزارة الدفاع الروسية, وكالة الفضاء الروسية, السفارة الأمريكية: a head word from
    ``ner_org_heads.txt`` followed by up to five words with the article, the last an
    adjective (…ية/…ي), over words not tagged as a person.
    """
    tokens, tags = sentence.tokens, sentence.tags
    i = 0
    while i < len(tokens):
        head = tokens[i]
        if not (head.key in _org_heads() or head.stem in _org_heads()) or tags[i].endswith("PERS"):
            i += 1
            continue
        end = i
        for j in range(i + 1, min(i + 6, len(tokens))):
            if not tokens[j].key.startswith("ال") or tags[j].endswith("PERS"):
                break
            if _is_adjective(tokens[j].key):
                end = j
        continues = end + 1 < len(tags) and tags[end + 1].startswith("I-")
        if end > i and not continues and not tags[i].startswith("I-"):
            tags[i:end + 1] = ["B-ORG"] + ["I-ORG"] * (end - i)
            i = end + 1
        else:
            i += 1


@cache
def _alias_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for alias, _, kind, *_ in load_table("ner_aliases.tsv"):
        gaz.add(norm_key(alias).split(" "), "PERS" if kind == "PER" else kind)
    return gaz


def tag_aliases(sentence: _Sentence) -> None:
    """Tag formal names from ``ner_aliases.tsv`` (جمهورية كوريا الشعبية الديمقراطية) with their type.

    A name found is tagged whole when no tagged span crosses its edges (spans inside it,
    such as كوريا tagged alone, are absorbed).
    """
    tags = sentence.tags
    found = _alias_gazetteer().match([t.key for t in sentence.tokens])
    i = 0
    while i < len(found):
        if not found[i].endswith("-B"):
            i += 1
            continue
        j = i + 1
        while j < len(found) and found[j].endswith("-I"):
            j += 1
        crosses = tags[i].startswith("I-") or (j < len(tags) and tags[j].startswith("I-"))
        if not crosses:
            label = found[i][:-2]
            tags[i:j] = ["B-" + label] + ["I-" + label] * (j - i - 1)
        i = j


def annotate(doc: Document) -> None:
    """Fill ``doc.mentions`` for the document's articles, with per-document entity keys."""
    annotate_batch([doc])


def annotate_batch(docs: Sequence[Document]) -> None:
    """:func:`annotate` for several documents, tagging all their sentences in one run of the networks."""
    token_lists = [_sentences(doc) for doc in docs]
    tags = shipped_tagger().tag_documents(
        [[[t.text for t in tokens] for tokens in doc_tokens] for doc_tokens in token_lists]
    )
    for doc, doc_tokens, doc_tags in zip(docs, token_lists, tags, strict=True):
        _annotate_tagged(doc, doc_tokens, doc_tags)


def _annotate_tagged(doc: Document, token_lists: list[list[Token]], tags: list[list[str]]) -> None:
    sentences = [_Sentence(tokens, sent_tags) for tokens, sent_tags in zip(token_lists, tags, strict=True)]
    for sent in sentences:
        extend_organisations(sent)
        tag_aliases(sent)
    bare = frozenset(t.key for tokens in token_lists for t in tokens)
    spans: list[list[tuple[int, int, Mention]]] = []
    mentions: list[Mention] = []
    for sent in sentences:
        sent_spans: list[tuple[int, int, Mention]] = []
        for a, b, label in iob_spans(sent.tags):
            m = _mention(doc, sent.tokens[a:b], label, bare)
            if m is not None:
                sent_spans.append((a, b, m))
                mentions.append(m)
        spans.append(sent_spans)
    _join_short_forms(mentions)
    mentions.extend(_join_roles(doc, sentences, spans, bare))
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
