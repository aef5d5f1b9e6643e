"""Named-entity mentions in a document and their within-document joining.

:func:`annotate` tags the ``main`` and ``appended`` articles (the whole text when a
document has no segments) with the shipped name tagger, turns the tags into
:class:`~marsad.model.Mention` spans (a leading conjunction or preposition clitic is left
out of the span when the bare word occurs in the document or is a known place; no mention for a given
name used as a noun in construct, «لصالح الجيش», a surname word ending an idiom, «نصيب الأسد», or an
adjective agreeing with the noun before it, «التعليم الأهلي»), then gives every mention a
per-document entity key:

* organisation heads with their modifiers (وزارة الدفاع الروسية) and formal names from
  ``ner_aliases.tsv`` are tagged whole;
* a full name keys itself;
* a one-word short form (كيم، كيربي، واتسون) joins the full name containing that word
  that is most frequent in the document (on a tie, one that ends with the word, then the
  last one seen before it, else the first one after it); a word that begins the full name
  joins it only after a title or when the corpus says it is mostly a name (not حسن in
  بادرة حسن نية);
* a role phrase seen right before a named person (الرئيس الروسي فلاديمير بوتين) becomes
  a mention of that person wherever it recurs alone, when it names only that person here.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, compress, count, repeat
from operator import or_

from marsad.corpus.background import shipped_background
from marsad.corpus.known import on_registry_change, registry_cached, shipped_registry
from marsad.corpus.names import (
    NO_SURNAME_AFTER,
    compound_words,
    is_given_name,
    is_ordinary,
    is_person_word,
    is_unit,
    name_words,
    ordinary_rate,
    partner_count,
    tagged_count,
)
from marsad.corpus.terms import STOPWORDS, near_content_stems
from marsad.extract.ner.gazetteers import Gazetteer, lexicon_resources, mined_places, name_spans
from marsad.extract.ner.tagger import iob_spans, shipped_tagger
from marsad.extract.place_names import (
    nisba_name_heads,
    tag_nisba_name_constructs,
    tag_nisba_names,
    tag_place_brands,
    tag_place_names,
)
from marsad.extract.time.lexicon import lexicon as time_lexicon
from marsad.lexicons import load, load_groups, load_table
from marsad.model import Document, EntityType, Mention
from marsad.page.outlets import outlet_table
from marsad.text.clitics import (
    ARTICLE_PREFIXES,
    CLITIC_LETTERS,
    is_lam_article_word,
    name_word,
    reading_ends,
    separable_length,
    stem_variants,
    strip_clitics,
)
from marsad.text.normalize import norm_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, last_token, text_tokens, token_key, token_stem

_TYPES: dict[str, EntityType] = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_MAX_ROLE = 4
MIN_REST = 3  # letters a word keeps after its clitic is cut off
# A one-word mention that begins a full name joins it without a title only when it begins few names in the corpus.
FIRST_WORD_PARTNERS = 30
# A word with a conjunction inside a span starts a second name when it is mostly a name in the corpus.
NAME_RATE = 0.6
_FORMER = frozenset(norm_key(w) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابقا"))
_LILLAH = norm_key("لله")
_BACK = 30  # characters looked at before a mention for the word right before it
_LABELS_KEPT = 1 << 18  # word keys whose one-word registry label is kept (emptied when full)
NOT_A_NAME_CACHE_SIZE = 1 << 12  # names whose verdict is kept (a small cache: every collection walks its entries)
_TATWEEL = "\u0640"
_TANWIN = ("\u064b", "\u064c", "\u064d")  # fathatan, dammatan, kasratan: the marks of an indefinite word


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_person_titles.txt"))


def clitic_length(word: str, named: frozenset[str]) -> int:
    """How many leading characters of ``word`` a mention span leaves out (a conjunction or preposition clitic).

    A clitic is split off only when the rest, three letters or more, is a known place,
    registry name or organisation head word (لمجلس → مجلس) or the first word of an organisation named with a nisba
    (بالكشافة → الكشافة), or, not being an ordinary word of
    the corpus, is a word of the document (``named``) or a name word of the corpus (``name_words.tsv``) tagged at
    least twice as often as the whole word (كريم stays whole, لإسرائيل does not); and never
    when the whole word is a known place or registry name (لبنان, كاليفورنيا keep their first
    letter), nor an organisation's short-name word (فنون).  So لكوريا loses its ل when كوريا occurs, للولايات its first ل (the span starts at
    the article's ل), and بيونج keeps its ب, كوفي its ك (وفي is not a name)
    (:func:`marsad.text.clitics.separable_length`).
    """
    places = lexicon_resources().places.entries

    key = norm_key(word)
    if not key or key[0] not in CLITIC_LETTERS:  # no conjunction or preposition to leave out
        return 0
    whole = tagged_count(key)

    def attested(rest: str) -> bool:
        if len(rest) < MIN_REST:
            return False
        if (rest in places or rest in _registry_words() or rest in _org_heads() or rest in _document_heads()
                or rest in nisba_name_heads() or rest in _place_media_heads()):
            return True  # لمجلس، لرابطة، بإعلان، بالكشافة، لإذاعة: an organisation's, a named document's or a station's head
        if is_ordinary(rest):
            return False
        # كريم is a name more often than ك + ريم; لإسرائيل far less often than إسرائيل.
        return (rest in named or tagged_count(rest) > 0) and tagged_count(rest) >= 2 * whole

    if key in places or key in _registry_words() or key in _place_org_short_words():
        return 0  # «فنون جدة» keeps its ف (an organisation's short name, :func:`_short_word_before`)
    return separable_length(key, attested)[0]


def mention_name(doc: Document, m: Mention) -> str:
    """The mention's name as a word: its text, with the article's alif restored after a cut ل (لولايات → الولايات),
    and its alif and lam before a word that begins with ل where the article and that word make the first word of an
    organisation named with a nisba (لجنة → اللجنة, ``entity_nisba_names.tsv``).

    ل before الله is written لله (the article's alif and one lam go): its name is الله.
    """
    if m.start > 0 and m.text.startswith("ل") and doc.text[m.start - 1] == "ل":
        if norm_key("ال" + m.text.split(" ", 1)[0]) in nisba_name_heads():
            return "ال" + m.text  # «للجنة الأولمبية السعودية»: ل + «اللجنة», the article's alif and one lam go
        return "ا" + m.text
    if "ل" in m.text and norm_key(m.text) == _LILLAH:  # (no other letter becomes ل in a key)
        return "الله"
    return m.text


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
            tokens = text_tokens(doc.text, sent.start, sent.end)
            if tokens:
                out.append(tokens)
    return out


@cache
def _speech_verbs() -> frozenset[str]:
    """Speech verbs and participles (quote cue lexicon, unambiguous roles): never part of a name."""
    return frozenset(norm_key(form) for form, _, role, *_ in load_table("quote_cue_verbs.tsv")
                     if role not in ("bare", "colon"))


def _edge_word(token: Token) -> bool:
    """True for a token a person span must not begin or end with: punctuation, a speech verb (فرأى الحريري) or a particle.

    The particles (``entity_span_particles.txt``: فإن الدوسري) are matched as written, so
    that فان of فان بيرسي, the same letters without the hamza, stays in its name.
    """
    if not token.is_word:
        return True
    return _is_speech_verb(token) or _written(token.text) in _particles()


@cache
def _particles() -> frozenset[str]:
    return frozenset(_written(w) for w in load("entity_span_particles.txt"))


def _written(text: str) -> str:
    """``text`` as written, without diacritics and tatweel (hamza seats kept)."""
    return "".join(c for c in text if c != "\u0640" and not unicodedata.combining(c))


@cache
def _construct_before() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_construct_before.txt"))


def in_construct(doc: Document, tokens: list[Token], at: int, m: Mention) -> bool:
    """True when a one-word person mention is a common given name used as an ordinary noun in construct.

    صالح, حسن, سعيد are given names and ordinary words («in favour of», «good»): after a
    preposition (a cut clitic ل/ب/ك, or a word of ``entity_construct_before.txt``) and
    followed, with nothing but a space between, by a noun with the article («لصالح الجيش»,
    «بحسن النية», «من أجل صالح الوطن»), or after a preposition word by any content word
    («في صالح جيران إيران»), the word is no name; not before a word the corpus shows mostly
    inside names (a surname the tagger left out).  A pair the corpus writes mostly that way
    (``entity_construct_pairs.tsv``, mined by ``scripts/mine_construct_pairs.py``) is the noun
    even written bare («ونتوخى منها صالح الوطن»).  «وقوات صالح», «لصالح والحوثيين»,
    «سبق لصالح استخدامها» keep their mention.  ``tokens[at]`` is the mention's token.
    """
    word = norm_key(m.text)
    if m.type != "PER" or " " in word or not is_given_name(word) or at + 1 >= len(tokens):
        return False
    token, after = tokens[at], tokens[at + 1]
    if not after.is_word or doc.text[token.end:after.start].strip():
        return False
    if (word, after.key) in _construct_pairs():
        return True  # a pair the corpus writes mostly as a construct, here written bare (صالح الوطن)
    clitic = norm_key(doc.text[token.start:m.start])
    before = tokens[at - 1] if at else None
    adjacent = before is not None and before.is_word and not doc.text[before.end:token.start].strip()
    return noun_in_construct(clitic[-1:] in ("ل", "ب", "ك"), before.key if before is not None and adjacent else None,
                             after.key)


def noun_in_construct(by_clitic: bool, before: str | None, after: str) -> bool:
    """True when a common given name between the word ``before`` it and the word ``after`` it (keys; ``before`` None
    when no word stands right before it) is an ordinary noun in construct.

    After a preposition clitic (``by_clitic``: ل، ب، ك cut off the name) before a noun with the article
    that is no adjective or before a one-word place written without the article (لصالح طهران: no one is named
    after a given name and a place), or after a word of ``entity_construct_before.txt`` before any content word;
    otherwise never before a word the corpus shows mostly inside names (a surname the tagger left out: صالح
    الشيحي), a particle or a coordinated word.  The test :func:`in_construct` makes on a mention, and the one
    ``scripts/mine_construct_pairs.py`` counts over the corpus.
    """
    by_word = before is not None and before in _construct_before()
    if not (by_clitic or by_word):
        return False
    following = name_word(after)
    if by_clitic and after[:1] not in "وف" and not following.startswith("ال") and is_place_word(following):
        return True  # «واختطافها لصالح طهران», «لصالح إيران»: in favour of a place, not Saleh's
    if (ordinary_rate(following) or 0.0) >= NAME_RATE or after in STOPWORDS or after[:1] in "وف":
        return False
    return by_word or (following.startswith("ال") and not is_adjective(following))


@cache
def _construct_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((norm_key(name), norm_key(nxt)) for name, nxt, *_ in load_table("entity_construct_pairs.tsv"))


@cache
def _idioms() -> frozenset[tuple[str, str]]:
    return frozenset((norm_key(a), norm_key(b)) for a, b in (line.split() for line in load("entity_idioms.txt")))


def in_idiom(tokens: list[Token], at: int, m: Mention) -> bool:
    """True when a one-word person mention ends a fixed expression of ``entity_idioms.txt`` («نصيب الأسد», the lion's share).

    The word before is read without its proclitic (بنصيب الأسد); ``tokens[at]`` is the mention's token.
    """
    if m.type != "PER" or at == 0 or not tokens[at - 1].is_word:
        return False
    word = norm_key(m.text)
    return any((v, word) in _idioms() for v in stem_variants(tokens[at - 1].key))


def attributive(sentence: _Sentence, at: int, m: Mention) -> bool:
    """True when a one-word place/organisation mention shaped like an adjective (ال…ي/ية) agrees with the noun before it.

    «التعليم الأهلي» (private education), «العام والأهلي»: the word before (its clitic off) has the
    article, is tagged no name, and is neither an organisation head nor a title, so the mention is
    that noun's adjective, not the club الأهلي; «النصر والأهلي» (النصر tagged) and «النادي الأهلي»
    (a head) keep it, and so does a known place (الحكومة السعودية).  ``sentence.tokens[at]`` is the
    mention's token.
    """
    key = norm_key(m.text)
    if m.type == "PER" or at == 0 or " " in key or not is_adjective(key):
        return False
    if key in one_word_places() or shipped_registry().lookup(key) is not None:
        return False  # a known place is named by its adjective's form (السعودية, الإسكندرية)
    before = sentence.tokens[at - 1]
    if not before.is_word or sentence.tags[at - 1] != "O":
        return False
    stems = stem_variants(before.key)
    return (any(v.startswith("ال") and len(v) > 3 for v in stems)
            and not any(v in _org_heads() or v in _titles() or v[2:] in _org_heads() for v in stems))


def indefinite_place_adjective(key: str) -> bool:
    """True for the indefinite feminine adjective of a known place (مصرية، عراقية، سورية; ``key`` normalised)."""
    return not key.startswith("ال") and key.endswith("يه") and is_place_adjective("ال" + key)


def accusative_place_adjective(key: str) -> bool:
    """True for the shape of the indefinite accusative masculine adjective of a known place written without its
    tanwin: مصريا, and تركيا, سوريا, ليبيا (the place's name too; ``key`` normalised)."""
    return key.endswith("يا") and len(key) > 3 and masculine_place_adjective("ال" + key[:-1])


def adjective_of_place(sentence: _Sentence, at: int, m: Mention) -> bool:
    """True when a one-word place mention shaped like its own indefinite adjective is that adjective.

    سورية is Syria and «Syrian»: beside a word SaudiNewsNet writes beside other countries' adjectives
    rather than beside their names (``entity_nisba_neighbours.tsv``, mined by
    ``scripts/mine_nisba_neighbours.py``: «امرأة سورية», «سورية الجنسية»), or after another country's
    adjective («قوات مصرية وسورية»), it is the adjective; «في سورية», «أصدقاء سورية» keep their mention.
    تركيا, سوريا are also the accusative masculine adjective written without its tanwin: after an indefinite
    accusative word SaudiNewsNet writes before other places' such adjectives (side ``accusative``: «جنديا
    [تركيا] قتل», as «جنديا أميركيا») it is the adjective.  ``sentence.tokens[at]`` is the mention's token.
    """
    key = norm_key(m.text)
    if m.type == "PER" or " " in key:
        return False
    accusative = accusative_place_adjective(key)
    if not accusative and not indefinite_place_adjective(key):
        return False
    tokens = sentence.tokens
    before = name_word(tokens[at - 1].key) if at and tokens[at - 1].is_word else ""
    neighbours = load_groups("entity_nisba_neighbours.tsv")  # side (before/after/accusative) -> words
    if accusative:  # «جنديا [تركيا] قتل»: after a word written before other places' accusative adjectives (مصريا)
        return before in neighbours.get("accusative", frozenset())
    after = name_word(tokens[at + 1].key) if at + 1 < len(tokens) and tokens[at + 1].is_word else ""
    nouns = neighbours.get("before", frozenset())
    # «للاجئة سورية»: the word before read with its ل off too (name_word reads لل as the article)
    return (before in nouns or (bool(before) and any(v in nouns for v in stem_variants(tokens[at - 1].key)))
            or after in neighbours.get("after", frozenset())
            or (bool(before) and indefinite_place_adjective(before) and before != key))


@cache
def _fine_units() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_fine_units.txt"))


def measured(sentence: _Sentence, at: int, m: Mention) -> bool:
    """True when a one-word place mention is followed by a number and a unit of length finer than the metre
    (``entity_fine_units.txt``): «خوازيق قطر 800 مم», «الخط الرئيسي قطر (800) ملم» measure a diameter, no place.
    ``sentence.tokens[at]`` is the mention's token.
    """
    if m.type != "LOC":
        return False
    tokens = sentence.tokens[at + 1:at + 8]
    i = 0
    while i < len(tokens) and tokens[i].text in "(":
        i += 1
    if i == len(tokens) or not tokens[i].key[:1].isdigit():
        return False
    while i < len(tokens) and (tokens[i].key[:1].isdigit() or tokens[i].text in ".,٫)"):
        i += 1
    return i < len(tokens) and name_word(tokens[i].key) in _fine_units()


def _is_speech_verb(token: Token) -> bool:
    """True for a speech verb or participle of the quote cue lexicon, a و or ف allowed before it (واستنكر)."""
    key = token.key
    return key in _speech_verbs() or (key[:1] in "وف" and key[1:] in _speech_verbs())


def _mentions(
    doc: Document, tokens: list[Token], label: str, bare: frozenset[str], before: Token | None = None,
) -> list[Mention]:
    """The mentions a tagged span gives: a person's edge words that are never names cut off, two names split apart.

    A one-word span that is a unit or mostly an ordinary word (السورية، دولار, by the corpus
    rates of :mod:`marsad.corpus.names`) gives none, unless the registry knows it.  ``before`` is the word before the
    span, if any (:func:`runs_on` reads it).
    """
    kind = _TYPES.get(label)
    if kind is None:
        return []
    while kind == "PER" and len(tokens) > 1 and _edge_word(tokens[0]):
        tokens = tokens[1:]
    while kind == "PER" and len(tokens) > 1 and _edge_word(tokens[-1]):
        tokens = tokens[:-1]
    if kind == "PER" and len(tokens) > 2 and _runs_past_registered_name(tokens):
        tokens = tokens[:-1]  # «الرئيس عبد ربه هادي [الشرعية]», «منصور هادي [سبق] له»
    elif kind == "PER" and len(tokens) > 1 and runs_on(tokens, before):
        tokens = tokens[:-1]  # «الأمريكي كيري [مثمر]», «الملك سلمان [يصافح]»
    while kind == "ORG" and len(tokens) > 2 and _describes(tokens[-2], tokens[-1]):
        tokens = tokens[:-1]  # «منظمة داعش [الإرهابية]»: a description, not a word of the name
    while len(tokens) > 1 and _lone_clitic(tokens[-1]):
        tokens = tokens[:-1]  # «جامعة لـ», «البطولة العربية الـ»: the next word's clitic or article, cut off by tatweel
    parts = [p for piece in _split_at_links(tokens) for p in _split_names(piece)]
    out: list[Mention] = []
    for part in parts:
        start = part[0].start + clitic_length(part[0].text, bare)
        end = part[-1].end
        while start < end and doc.text[start] == _TATWEEL:
            start += 1  # «بـالرياض»: the tatweel drawn after the clitic is no letter of the name
        while end > start and doc.text[end - 1] == _TATWEEL:
            end -= 1  # «آل سعودــ حفظه الله ــ»: the dash drawn with tatweel is no letter of the name
        if start >= end:
            continue
        m = Mention(start, end, doc.text[start:end], kind)
        name = mention_name(doc, m)
        if not norm_key(name).strip() or _not_a_name(name, kind):
            continue
        out.append(m)
    return out


COMMON_WORD_DF = 100  # articles of the story background (story_df.tsv) a word's stem is in, at least, to be common


@registry_cached
def _registered_first_last() -> frozenset[tuple[str, str]]:
    """The first and last name words (compound عبد X as one word) of the registered persons named with two or more."""
    found: set[tuple[str, str]] = set()
    for entry in shipped_registry().entries.values():
        if entry.type == "PER":
            for form in (entry.name, *entry.variants):
                words = [w for w in compound_words(name_words(form)) if w not in _titles()]
                if len(words) > 1:
                    found.add((words[0], words[-1]))
    return frozenset(found)


def _runs_past_registered_name(tokens: list[Token]) -> bool:
    """True when a person span is a registered person's name, or the first and last words of one whose first word is
    no common given name, and one word more that is no name word: mostly an ordinary word (``name_words.tsv``), or
    never inside a tagged name and common (its stem in ``COMMON_WORD_DF`` articles of ``story_df.tsv`` or more): not
    the rare last word of «كيم إيل سونج», which is no run-on of كيم جونج إيل (first and last words كيم … إيل).  A
    common given name and a lineage's last word are many men's names (محمد عبدالعزيز العويفير is not محمد بن نايف بن
    عبدالعزيز).

    The tagger runs a name on into the next word, a verb («عبد ربه منصور هادي سبق له»), an adjective of the noun
    before the name («لحكومة الرئيس عبد ربه هادي الشرعية») or a title («محمد بن سلمان اللواء ركن»); a rarer
    surname after a registered name is a name word in the corpus counts and stays (سلمان بن عبدالعزيز آل سعود).
    """
    last = name_word(tokens[-1].key)
    common = tagged_count(last) == 0 and shipped_background().df.get(tokens[-1].stem, 0) >= COMMON_WORD_DF
    if is_person_word(last) or not (is_ordinary(last) or common):
        return False
    rest = " ".join(t.text for t in tokens[:-1])
    entry = shipped_registry().lookup(rest)
    if entry is not None and entry.type == "PER":
        return True
    words = [w for w in compound_words(name_words(rest)) if w not in _titles()]
    return len(words) > 1 and not is_given_name(words[0]) and (words[0], words[-1]) in _registered_first_last()


@cache
def _run_on_words() -> frozenset[str]:
    return frozenset(row[0] for row in load_table("entity_run_on_words.tsv"))


def runs_on(tokens: list[Token], before: Token | None = None) -> bool:
    """True when a person span is a registered name run on into an ordinary word: a verb or an indefinite adjective.

    A name is definite, and an adjective of it carries the article; a last word written without it that the corpus
    seldom writes after a name word (``entity_run_on_words.tsv``, mined by ``scripts/mine_run_on_words.py``) is no
    part of a registered name before it: «الأمريكي كيري مثمر», «عادل الجبير سيركز» (a headline's verb, a predicate
    adjective).  Not after a lone common given name, which is many men's first name («عبد الله قابل» is not King
    Abdullah), unless the word ``before`` the span and that name are a registered name («الملك [سلمان بدء]», King
    Salman began: «الملك سلمان» is the king's), and not when the whole span is registered.  Persons only: after a
    place or an organisation the word may name a thing the place names («السفينة مصر جاز») or the name a common noun
    («حماس سلمى», Salma's zeal).
    """
    word = name_word(tokens[-1].key)
    if word.startswith("ال") or word not in _run_on_words() or is_given_name(word) or is_person_word(word):
        return False  # علي is «on» (على) and Ali
    if shipped_registry().lookup(" ".join(t.text for t in tokens)) is not None:
        return False
    rest = " ".join(t.text for t in tokens[:-1])
    words = compound_words(name_words(rest))
    if len(words) == 1 and is_given_name(words[0]):
        return before is not None and shipped_registry().lookup(f"{before.text} {rest}") is not None
    return shipped_registry().lookup(rest) is not None and bool(words)


def _describes(before: Token, token: Token) -> bool:
    """True for an adjective the corpus almost never sees inside a tagged name (الإرهابية: 0.4% of the time) after
    a word without the article.

    An organisation span of three words or more that ends in one («منظمة داعش الإرهابية») is the name
    and a description of it; the name alone is the mention, so that it resolves as the name does.  After
    a word with the article the adjective agrees with that noun, inside the name («فرقة جدة للفنون الشعبية»).
    """
    if any(v.startswith("ال") for v in stem_variants(before.key)):
        return False
    rate = ordinary_rate(token.key) if is_adjective(token.key) else None
    return rate is not None and rate < DESCRIPTION_RATE


def _lone_clitic(token: Token) -> bool:
    """True for a proclitic or the article written apart, drawn out with tatweel or not (لـ، بـ، و، الـ)."""
    letters = token.text.replace(_TATWEEL, "")
    return letters == "ال" or (len(letters) == 1 and letters in CLITIC_LETTERS)


@lru_cache(maxsize=NOT_A_NAME_CACHE_SIZE)  # a document repeats its names, and the corpus its documents' names
def _not_a_name(name: str, kind: EntityType) -> bool:
    """A unit or currency with its modifiers (الدولار الأمريكي), or one word that is no name.

    One word is no name when it is mostly an ordinary word in the corpus, shorter than
    ``MIN_REST`` letters and never part of a person's name in the corpus (the pronoun له,
    which the tagger takes for part of لله; not طه), or, for a
    place, organisation or misc, the adjective of a known place (المالي «financial», which the
    tagger reads as Mali's; السورية, اليوناني).  A person's one-word surname may be a nisba
    (المصري), so the last test is not made for persons.  Known places and registry names are
    always names, unless written with tanwin: a one-word place, organisation or misc that carries it is an
    indefinite word, the accusative of a nisba («لاجئًا سوريًا», «مواطنًا تركيًا») or a common noun, never a name
    (every one of the 43 gazetteer places written with tanwin in SaudiNewsNet without its held-out third is one).
    """
    words = norm_key(name).split()
    if kind != "PER" and len(words) == 1 and any(mark in name for mark in _TANWIN):
        return True
    if not words or shipped_registry().lookup(name) is not None:
        return False
    if is_unit(words[0]):
        return True
    if len(words) > 1:
        return False
    word = words[0]
    if word in one_word_places():
        return False
    short = len(word) < MIN_REST and not partner_count(word)
    return is_ordinary(word) or short or (kind != "PER" and (is_place_adjective(word) or _place_with_article(word)))


on_registry_change(_not_a_name.cache_clear)  # registered names are always names


def _place_with_article(key: str) -> bool:
    """True for ال + a one-word place, when the corpus has the article form more often than the place itself.

    A place name is mostly written bare (نيبال 21 times in the corpus sample, النيبال 3); an article
    form more frequent than the bare word is a common noun or adjective: السيول (the floods, 132;
    سيول 32), النوم (sleep), البنين (the boys).  ``name_words.tsv`` counts.
    """
    return key.startswith("ال") and key[2:] in one_word_places() and tagged_count(key) > tagged_count(key[2:])


def common_noun_in_document(m: Mention, definite: frozenset[str]) -> bool:
    """True when a one-word place mention is also a common noun the document uses with the article.

    سيول is Seoul and the plural of سيل (flood); an article that also writes السيول (``definite``:
    the document's words with the article, proclitics off) means the floods («سيول الأمطار»).  A place
    name takes no article, so its article form in the same document is the ordinary word's; not for
    a place ending in ي, whose article form is its adjective (مالي, «الرئيس المالي»), nor when the
    article form is a place too (بيرو, البيرو).
    """
    key = norm_key(m.text)
    return (m.type != "PER" and " " not in key and not key.startswith("ال") and not key.endswith("ي")
            and key in one_word_places() and "ال" + key in definite and "ال" + key not in one_word_places())


def pronoun_spelling(doc: Document, m: Mention) -> bool:
    """True when a one-word place mention is a registered place's name ending in ة written with ه in a document that
    never writes it with ة: a noun with its pronoun, not the place.

    «في قصة [جده] كونتا كونتي» (his grandfather), «تدهور حالة [جده] الصحية»: جده is also Jeddah written with ه
    for its ة, and the tagger reads it so.  In SaudiNewsNet without its held-out third the documents writing «جده» and
    never «جدة» hold 24 «جده/جدّه»: 22 are «his grandfather», 2 Jeddah («سائلة من جده», «الرياض و جده»); a document
    that writes «جدة» keeps its «جده» (half of those 12 are the city).
    """
    if m.type != "LOC":
        return False
    plain = _written(m.text.strip())
    if " " in plain or not plain.endswith("ه"):
        return False
    entry = shipped_registry().lookup(plain)
    return entry is not None and entry.name == plain[:-1] + "ة" and entry.name not in doc.text


@cache
def one_word_places() -> frozenset[str]:
    """One-word place names of the gazetteer (key form)."""
    return frozenset(w for w, tails in lexicon_resources().places.entries.items() if () in tails)


def is_place_adjective(key: str) -> bool:
    """True when ``key`` (normalised) is the nisba adjective of a known place: ال + the place + ي/ية.

    The place is looked for in the gazetteer and the registry with and without its article
    and final alif (المالي ← مالي, اليوناني ← اليونان, السورية ← سوريا, التركي ← تركيا,
    الأمريكية ← أمريكا).  A word that is itself a known place is no adjective, nor is the nisba of a mined place
    (``ner_places_mined.tsv``), mostly a surname or a name's word: العسيري، الجيزاني، «حزب العمال الكردستاني».
    """
    if not key.startswith("ال") or key in one_word_places():
        return False
    for ending in ("يه", "ي"):
        if key.endswith(ending) and len(key) - len(ending) - 2 >= 2:
            stem = key[2:-len(ending)]
            break
    else:
        return False
    return any(is_place_word(place) and place not in mined_places()
               for place in (key[2:], stem, "ال" + stem, stem + "ا", stem + "يا"))


def _split_at_links(tokens: list[Token]) -> list[list[Token]]:
    """Cut a span before an inner word that starts a new phrase, unless the whole span is a registered name.

    Before a word with بال (هيئة كبار العلماء | بالمملكة: a prepositional phrase) the rest
    is dropped; at a word with و whose rest is mostly a name (كيري | ولافروف) the span splits
    in two.
    """
    registry = shipped_registry()
    if len(tokens) < 2 or registry.lookup(" ".join(t.key for t in tokens)) is not None:
        return [tokens]
    for i in range(1, len(tokens)):
        key = tokens[i].key
        if key.startswith(("بال", "وبال")) and len(key) > 5:
            return [tokens[:i]]
        if key.startswith("و") and len(key) > 3:
            rate = ordinary_rate(key[1:])
            if key[1:] in _registry_words() or (rate is not None and rate >= NAME_RATE):
                return [tokens[:i], tokens[i:]]
    return [tokens]


@registry_cached
def _registry_words() -> frozenset[str]:
    words: set[str] = set()
    for entry in shipped_registry().entries.values():
        for form in (entry.name, *entry.variants):
            words.update(norm_key(form).split())
    return frozenset(words)


def _split_names(tokens: list[Token]) -> list[list[Token]]:
    """Split a span made of two registry names (أنطونيو غوتيريش ترامب → أنطونيو غوتيريش | ترامب, البنتاجون موسكو)."""
    registry = shipped_registry()
    if len(tokens) < 2 or registry.lookup(" ".join(t.key for t in tokens)) is not None:
        return [tokens]
    for cut in range(len(tokens) - 1, 0, -1):
        head, tail = tokens[:cut], tokens[cut:]
        if registry.lookup(" ".join(t.key for t in head)) and registry.lookup(" ".join(t.key for t in tail)):
            return [head, tail]
    return [tokens]


def _key(text: str) -> str:
    return norm_key(text)


def _titled(sentences: list[_Sentence], spans: list[list[tuple[int, int, Mention]]]) -> set[int]:
    """Ids of the mentions right after a title word (الرئيس، الأمير، الشيخ)."""
    out: set[int] = set()
    for sent, sent_spans in zip(sentences, spans, strict=True):
        for a, _, m in sent_spans:
            if a and (sent.tokens[a - 1].key in _titles() or sent.tokens[a - 1].stem in _titles()):
                out.add(id(m))
    return out


def _joins_by_first_word(word: str, titled: bool) -> bool:
    """Whether a one-word mention may stand for a full name that it begins (كيم for كيم جونغ أون).

    After a title (الأمير محمد) it may; otherwise only when the word begins few names in the
    unlabelled corpus (at most FIRST_WORD_PARTNERS different name words beside it: a family
    name written first, كيم), not a common given name (حسن، محمد: hundreds), so that حسن in
    بادرة حسن نية does not become حسن روحاني.
    """
    if titled:
        return True
    partners = partner_count(word)
    return partners is not None and partners <= FIRST_WORD_PARTNERS and not is_ordinary(word)


def _shared_surname(word: str, names: list[str]) -> bool:
    """True when ``word`` is a family name that the document's full names (``names``, those with the word) give to
    two different persons: two of them ending with it begin with different words the corpus writes mostly inside
    names (خالد الفيصل, سعود الفيصل; not a title or a junk span's «المخلوع صالح», «رد عبدالفتاح»), and none begins
    with it (عبدالفتاح عسيري).  The word alone may then be any of them or the family itself (لأسرة الصفيان, the
    exhibition «الفيصل» on King Faisal).  A common given name (صالح, as a father's name in أحمد علي عبدالله صالح) is
    no family name: it is weighed as before.
    """
    if is_given_name(word) or any(name.split(" ")[0] == word for name in names):
        return False
    firsts = {_first_word(name) for name in names if _is_surname(name, word)}
    return len({first for first in firsts if is_person_word(first)}) > 1


def _first_word(name: str) -> str:
    """The given name a full name begins with, a compound عبد X as one word (عبد الله الفيصل, عبدالله الفيصل)."""
    words = compound_words(name_words(name))
    return words[0] if words else name


def _is_surname(name: str, word: str) -> bool:
    """True when ``word`` ends ``name`` as a family name (not the father's name after بن: فيصل بن خالد; not a house: آل سعود)."""
    words = name.split(" ")
    return words[-1] == word and words[-2] not in NO_SURNAME_AFTER


def _word_before(doc: Document, start: int) -> Token | None:
    """The word right before offset ``start``, with nothing but spaces between (None after punctuation)."""
    return _last_word(doc.text, start)


@lru_cache(maxsize=1 << 11)  # the document steps ask for the word before each mention several times
def _last_word(text: str, start: int) -> Token | None:
    """:func:`_word_before` in ``text``."""
    token = last_token(text, max(0, start - _BACK), start)
    if token is None or not token.is_word or text[token.end:start].strip():
        return None
    return token


def _title_before(doc: Document, m: Mention) -> str | None:
    """The title word right before a mention (الأمير، الملك), clitic-stripped, if any."""
    word = _word_before(doc, m.start)
    if word is None:
        return None
    return next((k for k in (word.key, word.stem) if k in _titles()), None)


def _extend_first_names(doc: Document, mentions: list[Mention], keys: list[str]) -> None:
    """A one-word person right after its first name takes the first name in (the tagger left it out).

    The word before is a first name when, with the mention, it makes a full name of the
    document, or when the corpus says it is a given name (:func:`marsad.corpus.names.is_given_name`):
    الأمير تركي [الفيصل] is a mention of تركي الفيصل, not of خالد الفيصل, the other الفيصل
    of the article.  A clitic before the first name stays out of the span (وتركي).
    """
    full = {key for m, key in zip(mentions, keys, strict=True) if m.type == "PER" and " " in key}
    for i, (m, key) in enumerate(zip(mentions, keys, strict=True)):
        if m.type != "PER" or " " in key:
            continue
        word = _word_before(doc, m.start)
        if word is None or any(o.start < m.start and o.end > word.start for o in mentions):
            continue  # the word is part of another mention
        for first in stem_variants(word.key):
            # A clitic comes off only for a full name of the document (لدى المالكي is not دى المالكي).
            if f"{first} {key}" in full or (first == word.key and is_given_name(first)):
                m.start = word.end - len(first)
                m.text = doc.text[m.start:m.end]
                keys[i] = f"{first} {key}"
                break


def _join_short_forms(doc: Document, mentions: list[Mention], titled: set[int]) -> None:
    """Key every mention; a one-word person joins a full name of the document that contains the word.

    The word must end the full name (a surname) or begin it under :func:`_joins_by_first_word`,
    and a title right before the word must be one seen right before that full name when any
    is (الملك [الفيصل] is not الأمير خالد الفيصل).  Among equally frequent full names, the
    last one before the word wins, else the first one after it (a headline's أسرة المالكي
    is the المالكي the article names).  A family name two persons of the document carry
    (:func:`_shared_surname`: الفيصل beside خالد الفيصل and سعود الفيصل) joins none of them: it is
    keyed ``PER:`` + :data:`SHARED_SURNAME` + the word, which resolution keeps apart.
    """
    keys = [_key(mention_name(doc, m)) for m in mentions]
    _extend_first_names(doc, mentions, keys)
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    titles: dict[str, set[str]] = defaultdict(set)
    for i, (m, key) in enumerate(zip(mentions, keys, strict=True)):
        words = key.split(" ")
        if m.type == "PER" and len(words) > 1:
            for w in words:
                full[w].append((i, key))
            title = _title_before(doc, m)
            if title:
                titles[key].add(title)
    clubs = _organisation_ends(mentions, keys)
    qualified = _qualified_events(mentions, keys)
    registered_parts = _registered_organisation_parts(mentions, keys)
    shared: dict[str, bool] = {}  # a lone word -> whether two full names of the document carry it
    for i, (m, key) in enumerate(zip(mentions, keys, strict=True)):
        m.entity = f"{m.type}:{key}"
        if m.type == "ORG" and key in clubs:
            m.entity = f"ORG:{clubs[key]}"
        if m.type == "MISC" and key in qualified:
            m.entity = f"MISC:{qualified[key]}"
        if m.type == "ORG" and key in registered_parts:
            m.entity = f"ORG:{registered_parts[key]}"
        if m.type != "PER" or " " in key or key not in full:
            continue
        by_first = _joins_by_first_word(key, id(m) in titled)
        title = _title_before(doc, m)
        pool = [(j, name) for j, name in full[key]
                if (_is_surname(name, key) or (by_first and name.split(" ")[0] == key))
                and (title is None or not titles[name] or title in titles[name])]
        if not pool:
            continue
        if key not in shared:
            shared[key] = _shared_surname(key, [name for _, name in full[key]])
        if shared[key]:
            m.entity = f"PER:{SHARED_SURNAME}{key}"  # الفيصل beside خالد الفيصل and سعود الفيصل: none of them
            continue
        counts = Counter(name for _, name in pool)
        before = [name for j, name in pool if j < i]
        rank = {name: (n, name.split(" ")[-1] == key) for name, n in counts.items()}
        top = max(rank.values())
        leaders = [name for name, r in rank.items() if r == top]
        after = [name for j, name in pool if j > i]
        chosen = leaders[0] if len(leaders) == 1 else next(
            (b for b in [*reversed(before), *after] if b in leaders), None)
        if chosen is not None:
            m.entity = f"PER:{chosen}"


def _organisation_ends(mentions: list[Mention], keys: list[str]) -> dict[str, str]:
    """One-word organisation keys of the document that stand for a longer organisation of it ending with that word.

    «سيتي» for «مانشستر سيتي», «يونايتد» for «مانشستر يونايتد»: the short form is the last word of
    the longer names, and stands for the one the document names most often (beside «سوانزي سيتي» and
    «ستوك سيتي», «سيتي» is مانشستر سيتي when the article names it more often than either); on a tie it
    stands for none.  A short form that is an Arabic word with the article (الهلال of «نادي الهلال»)
    is a name of its own, and so is a registry name (داعش beside «منظمة داعش», which the registry
    does not list).
    """
    longer: dict[str, Counter[str]] = defaultdict(Counter)
    for m, key in zip(mentions, keys, strict=True):
        words = key.split(" ")
        if m.type == "ORG" and len(words) > 1:
            longer[words[-1]][key] += 1
    out: dict[str, str] = {}
    for word, names in longer.items():
        if word.startswith("ال") or shipped_registry().lookup(word) is not None:
            continue  # a registry name is resolved as itself (داعش beside «منظمة داعش»)
        (top, n), *rest = names.most_common()
        if not rest or n > rest[0][1]:
            out[word] = top
    return out


def _registered_organisation_parts(mentions: list[Mention], keys: list[str]) -> dict[str, str]:
    """Organisation keys of the document that are a short form of the one registered organisation it names in full.

    «تبني [حزب العمال] الاربعاء قتل شرطيين», «داعش و«[الكردستاني]»» in articles naming «حزب العمال الكردستاني»: the
    first two words or more of the registered name (its head and complement), or its last word when that is a
    nisba adjective (:func:`is_adjective`; a noun with the article, الاتحاد, is a name of its own), stand for it.
    A short form the registry lists is resolved as itself (مجلس الأمن), and one two registered names of the
    document share stands for none; it takes the key of the longest form of its organisation in the document
    («بنك قطر الوطني» beside «قطر الوطني الأهلي» and «بنك قطر الوطني الأهلي» joins the last).
    """
    registry = shipped_registry()
    full: dict[str, str] = {}  # a registered organisation's key in the document -> its registry id
    for m, key in zip(mentions, keys, strict=True):
        entry = registry.lookup(key) if m.type == "ORG" and " " in key else None
        if entry is not None and entry.type == "ORG":
            full[key] = entry.id
    parts: dict[str, set[str]] = defaultdict(set)
    for key, ident in full.items():
        words = key.split(" ")
        for n in range(2, len(words)):
            parts[" ".join(words[:n])].add(ident)
        if is_adjective(words[-1]):
            parts[words[-1]].add(ident)
    out: dict[str, str] = {}
    for m, key in zip(mentions, keys, strict=True):
        ids = parts.get(key)
        if m.type == "ORG" and ids is not None and len(ids) == 1 and key not in out and registry.lookup(key) is None:
            ident = next(iter(ids))  # the longest form, so that the group keeps a registered fullest name
            out[key] = max((k for k, i in full.items() if i == ident), key=lambda k: (k.count(" "), k))
    return out


@registry_cached
def _registered_organisation_heads() -> frozenset[str]:
    """The kind words the registry writes before an organisation's own name as another name of it (منظمة داعش beside
    داعش, حركة حماس beside حماس, هيئة الأمم المتحدة beside الأمم المتحدة): the registry's forms «H rest» of an
    organisation whose «rest» is a form of it too."""
    heads: set[str] = set()
    for entry in shipped_registry().entries.values():
        if entry.type == "ORG":
            forms = {norm_key(f) for f in (entry.name, *entry.variants)}
            heads.update(f.split(" ", 1)[0] for f in forms if " " in f and f.split(" ", 1)[1] in forms)
    return frozenset(heads)


def _qualified_events(mentions: list[Mention], keys: list[str]) -> dict[str, str]:
    """One-word event keys of the document that stand for the one name of it made of that word and a place's adjective.

    An article on the US tennis «بطولة السوبر الأمريكية» goes on with «ذهبيتي السوبر»: the bare word is that
    event (one sense per document), not the Saudi Super Cup of other articles; an article writing two such names
    («السوبر الأوربي والإسباني») leaves its bare word alone.
    """
    qualified: dict[str, set[str]] = defaultdict(set)
    for m, key in zip(mentions, keys, strict=True):
        words = key.split(" ")
        if m.type == "MISC" and len(words) == 2 and is_place_adjective(words[1]):
            qualified[words[0]].add(key)
    return {word: next(iter(names)) for word, names in qualified.items() if len(names) == 1}


OUTLET = "outlet:"  # the per-document key of a mention naming a news outlet: ORG:outlet:<its name>
CLUB = "club:"  # the per-document key of a place name used as a sports club's name: ORG:club:<its name>
CLUB_WORD = "نادي"  # names the club of a registered place (نادي الرياض), apart from the city and its newspaper
NAMING_CLUB_WORDS = frozenset(norm_key(w) for w in ("نادي", "فريق", "ناديي"))  # words a club's name is written after
SHARED_SURNAME = "surname:"  # the per-document key of a lone surname two persons of its document carry: PER:surname:<it>
APART = (OUTLET, CLUB, SHARED_SURNAME)  # key tags of names resolution keeps apart from the same name untagged (the region, the city)
_USUAL_NEAR = 2  # words either side of a registered surname that make its context (as the corpus step counts them)
_USUAL_SHARED = 2  # such words that must be the surname's usual ones
DESCRIPTION_RATE = 0.01  # an adjective inside tagged names less often than this describes an organisation
_OPEN_QUOTES = "«\"“»”"  # » and ” open too: pages written right to left in a left-to-right editor reverse the pair
_CLOSE_QUOTES = "»\"”«“"  # («وفقاً لـ”الرياض”»: the newspaper al-Riyadh)
CLUB_NAME_RATE = 0.9  # a club's name inside tagged names less often than this is also an ordinary word
CLUB_SHARE = 0.1  # a word written after a club word in this share of its articles or more is mostly a club's name
_OWN_BRACKETS = ("(", ")"), ("{", "}")  # how an outlet names itself: «علمت (المدينة)», «النجيفي لـ {الشرق الأوسط}»
_OUTLET_WORDS = frozenset(norm_key(w) for w in ("صحيفة", "جريدة", "لصحيفة", "لجريدة", "بصحيفة", "بجريدة", "وصحيفة"))


def _enclosed(doc: Document, m: Mention, pairs: Sequence[tuple[str, str]]) -> bool:
    """True when the mention stands between an opening and a closing mark of one of ``pairs``, spaces allowed inside."""
    before = doc.text[max(0, m.start - 3):m.start].rstrip(" ")[-1:]
    after = doc.text[m.end:m.end + 3].lstrip(" ")[:1]
    return any(before and after and before in opening and after in closing for opening, closing in pairs)


def _mark_outlets(doc: Document, mentions: list[Mention]) -> None:
    """A mention that names a news outlet of ``outlets.tsv`` in quotation marks or after صحيفة/جريدة is that outlet.

    «قال مصدر لـ«الشرق الأوسط»» is the newspaper Asharq al-Awsat, not the region; «صحيفة
    الرياض» the newspaper, not the city.  The marks may be reversed (لـ»المدينة») or spaced
    («جولة "الرياض "»); a page's own outlet may also stand in brackets or braces («علمت
    (المدينة)» in al-Madina, «لـ {الشرق الأوسط}» in Asharq al-Awsat's titles).  Such mentions
    become organisations keyed apart (``ORG:outlet:`` and the outlet's name), which resolution
    never joins to a place.
    """
    table = outlet_table()
    own = table.canonical(doc.outlet) if doc.outlet else None
    for m in mentions:
        quoted = _enclosed(doc, m, [(_OPEN_QUOTES, _CLOSE_QUOTES)])
        word = _word_before(doc, m.start)
        titled = (word is not None and word.key in _OUTLET_WORDS) or _outlet_titled(m)
        outlet = table.canonical(mention_name(doc, m)) if quoted or titled or own else None
        if outlet is not None and (quoted or titled or (outlet == own and _enclosed(doc, m, _OWN_BRACKETS))):
            m.type = "ORG"
            m.entity = f"ORG:{OUTLET}{outlet}"


def _outlet_titled(m: Mention) -> bool:
    """True when a mention is written with its outlet word inside it: «[جريدة الرياض]», a newspaper's name with a
    place that :func:`marsad.extract.place_names.tag_place_names` tags whole."""
    return outlet_name(m.text) != m.text


def outlet_name(name: str) -> str:
    """A newspaper's name without the outlet word written first in it («جريدة الرياض» → «الرياض»), so that
    resolution keys it as the outlet named alone; any other name as it is."""
    first, _, rest = name.strip().partition(" ")
    return rest.strip() if rest.strip() and norm_key(first) in _OUTLET_WORDS else name


@cache
def _club_heads() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_club_heads.txt"))


@cache
def _club_table() -> dict[str, tuple[int, int]]:
    """Names written after club words (key form) → (articles writing them so, articles writing them at all)."""
    return {norm_key(name): (int(after), int(written)) for name, after, written in load_table("entity_club_names.tsv")}


@cache
def club_names() -> frozenset[str]:
    """Sports clubs' names (key form: النصر، الأهلي، الزمالك): words SaudiNewsNet writes after نادي or فريق in at least
    ``CLUB_SHARE`` of the articles that write them (``entity_club_names.tsv``, mined by ``scripts/mine_club_names.py``;
    not الرياض or الخليج, mostly the city and the Gulf)."""
    return frozenset(name for name, (after, written) in _club_table().items() if after >= CLUB_SHARE * written)


def speaks_of_sport(sentences: Sequence[_Sentence]) -> bool:
    """True when a document writes a club word (``entity_club_heads.txt``, a proclitic or the article allowed:
    «النادي», «ولاعبي») or tags two clubs' names alone (:func:`club_names`: «يعسكر النصر والهلال», «الرياض x
    الهلال»; not الاتحاد of «الاتحاد السوفياتي», tagged with its adjective, nor untagged words such as «للوحدة»)."""
    if any(map(is_club_word, set(map(token_key, chain.from_iterable(sent.tokens for sent in sentences))))):  # each key once
        return True
    clubs: set[str] = set()
    for sent in sentences:
        clubs.update(name_word(sent.tokens[a].key) for a, b, _ in iob_spans(sent.tags) if b == a + 1)
    return len(clubs & club_names()) > 1


@lru_cache(maxsize=1 << 16)  # a text repeats its words
def is_club_word(key: str) -> bool:
    """True when a word key is a club word (``entity_club_heads.txt``), a proclitic or the article allowed."""
    if not key.endswith(_club_head_ends()):  # most words: no reading of them is a club word
        return False
    heads = _club_heads()
    return any(v in heads or v.removeprefix("ال") in heads for v in stem_variants(key))


@cache
def _club_head_ends() -> tuple[str, ...]:
    """What a word a reading of which is a club word ends with (:func:`marsad.text.clitics.reading_ends`)."""
    return reading_ends(_club_heads())


def club_word_out_of_sport(m: Mention, sport: bool) -> bool:
    """True for a one-word mention named like a club that is also an ordinary word, in a document with no club word.

    النصر is a club and «victory»: «ولودر تتكلل بالنصر», «وتحقق النصر عبر ثمانية قرارات» in articles on wars
    that never write نادي، فريق، لاعب or مدرب.  A club's name (``entity_club_names.tsv``) that the corpus writes
    outside tagged names at least ``1 - CLUB_NAME_RATE`` of the time (النصر 16%; not الأهلي 2%, الخليج 1%) is the
    ordinary word there, no mention.
    """
    if sport or m.type == "PER":
        return False
    key = norm_key(m.text)
    rate = ordinary_rate(key) if key in club_names() else None
    return rate is not None and rate < CLUB_NAME_RATE


def _mark_clubs(doc: Document, mentions: list[Mention]) -> None:
    """A place name written after a club word (``entity_club_heads.txt``) names a sports club in the whole document.

    «رئيس نادي الخليج», «وكان فريق الخليج»: the tagger reads الخليج as the Gulf, and resolution
    would join the club Al-Khaleej to the region.  When one mention of a one-word place name
    comes right after نادي, فريق, لاعب or مدرب, every mention of that name in the document
    becomes an organisation keyed apart (``ORG:club:`` and its name; in SaudiNewsNet no article
    writing «نادي الخليج» or «فريق الخليج» also names the Gulf).  So does a name the tagger reads as an
    organisation there («المدير الفني لفريق [الخليج]» typed ORG), unless it stands for a longer name of the
    document (سيتي for مانشستر سيتي: :func:`_organisation_ends`); resolution joins a club back to the same
    name elsewhere when that is an organisation (النصر), never when it is a place.  A registry entry keeps
    its other mentions (a country's national team is the country; a city names its club rarely): only the mention
    after the club word is the club, and only when the corpus writes that name after club words
    (``entity_club_names.tsv``: «ضيفه فريق [الرياض]», Al-Riyadh SC, beside the city in the same article), named
    «نادي الرياض» (``CLUB_WORD``) so that neither the city nor the newspaper of that name takes it.
    """
    clubs: set[str] = set()
    named = ((m, norm_key(mention_name(doc, m))) for m in mentions)
    # places, and organisations keyed by their own name (no club yet, no part of a longer name)
    candidates = [(m, name) for m, name in named if m.type == "LOC" or (m.type == "ORG" and m.entity == f"ORG:{name}")]
    for m, name in candidates:
        if " " in name:
            continue
        word = _word_before(doc, m.start)
        if word is None or not any(v in _club_heads() for v in stem_variants(word.key)):
            continue
        if shipped_registry().lookup(name) is None:
            clubs.add(name)
        elif name in _club_table():  # «ضيفه فريق الرياض»: this mention is the club, the others the city
            m.type = "ORG"
            m.entity = f"ORG:{CLUB}{CLUB_WORD} {mention_name(doc, m)}"
    for m, name in candidates:
        if name in clubs and not any(tag in (m.entity or "") for tag in APART):
            m.type = "ORG"
            m.entity = f"ORG:{CLUB}{name}"


def untag_relative_dates(sentence: _Sentence) -> None:
    """A relative date the tagger ran a name on into is no part of the name: «ببعثة [نادي النصر الأسبوع الماضي]»,
    «وعثرت عليها [الشرطة العام الماضي]».

    A span of three words or more whose last two are a calendar unit with the article and a word that places it
    before or after now (``time_units.tsv``, the ``mod`` words of ``time_words.tsv``: الأسبوع الماضي, العام المقبل) ends
    before them.  Such a pair is no name's: الماضي and المقبل stand inside tagged names 0.7% and 1.3% of the times the
    ``name_words.tsv`` sample sees them, الجاري and الحالي never.  Run before :func:`untag_club_words`, which then reads
    «[نادي النصر]» as the club's name.
    """
    tokens, tags = sentence.tokens, sentence.tags
    lex = time_lexicon()
    for a, b, _ in list(iob_spans(tags)):
        if b - a < 3:
            continue
        unit, mod = tokens[b - 2].key, tokens[b - 1].key
        if unit.startswith("ال") and (unit[2:],) in lex.units and lex.words.get((mod,), ("",))[0] == "mod":
            tags[b - 2:b] = ["O", "O"]


def untag_club_words(sentence: _Sentence) -> None:
    """A club word the tagger took into a club's span is no part of the club's name: «[النادي الأهلي]», «ل[نادي الأهلي]».

    The word says what the name is, as «نادي» before «[الخليج]» does (:func:`_mark_clubs`): a two-word organisation
    span of a club word (``NAMING_CLUB_WORDS``, the article or a proclitic allowed) and a club's name
    (:func:`club_names`), the tagger's or :func:`extend_organisations`' (نادي is an organisation head and الأهلي
    is shaped like an adjective), is the name alone.  Kept whole, «النادي الأهلي» (26 mentions), «نادي الأهلي» (12) and «الأهلي»
    (92) were three entities of one club on 2015-07-25.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in iob_spans(tags):
        if (label == "ORG" and b == a + 2 and name_word(tokens[a + 1].key) in club_names()
                and _naming_club_word(tokens[a].key)):
            tags[a:b] = ["O", "B-ORG"]


def masculine_place_adjective(key: str) -> bool:
    """True for the masculine nisba adjective of a known place with the article: الأمريكي, المصري, and السعودي
    (whose country is named by the feminine form, السعودية); not the feminine الأمريكية."""
    return not key.endswith("يه") and (is_place_adjective(key) or (key.startswith("ال") and is_place_word(key + "ه")))


@cache
def _role_portfolios() -> frozenset[tuple[str, str]]:
    return frozenset((title, word) for title, word, *_ in load_table("entity_role_portfolios.tsv"))


def untag_role_portfolios(sentence: _Sentence) -> None:
    """A title's portfolio and the holder's nationality are no organisation: «وزير [الدفاع الأمريكي] آشتون كارتر».

    The masculine adjective agrees with the title, so the phrase is a role; tagged as an organisation, the pair made
    an entity of its own («الدفاع الأميركي», 56 mentions on 2015-07-23, «الخارجية المصري» 19) and hid the title
    from the role join (:func:`_join_roles`).  A two-word span of a portfolio of the title right before it
    (``entity_role_portfolios.tsv``, mined by ``scripts/mine_role_portfolios.py``: الخارجية، الدفاع، الداخلية
    after وزير, الوزراء after رئيس; a proclitic on the title allowed) and a masculine place adjective is untagged.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, _ in iob_spans(tags):
        if (b == a + 2 and a and masculine_place_adjective(tokens[b - 1].key)
                and any((v, tokens[a].key) in _role_portfolios() for v in stem_variants(tokens[a - 1].key))):
            tags[a:b] = ["O", "O"]


def _naming_club_word(key: str) -> bool:
    """True for a word a club's name is written after (``NAMING_CLUB_WORDS``, the article or a proclitic allowed)."""
    return any(v.removeprefix("ال") in NAMING_CLUB_WORDS for v in stem_variants(key))


def _before_club(sentence: _Sentence, at: int) -> bool:
    """True when the token at ``at`` is a club word right before an organisation's name (بنادي [القادسية])."""
    return (at + 1 < len(sentence.tags) and sentence.tags[at + 1] == "B-ORG"
            and _naming_club_word(sentence.tokens[at].key))


def _country_of_clubs(doc: Document, mentions: list[Mention]) -> dict[str, str]:
    """The one qualified form («الأهلي المصري») the document gives each club name it introduces with its country, by the
    bare name's key: a club word that names a club (``NAMING_CLUB_WORDS``: «النادي الأهلي المصري», «نادي الأهلي
    المصري»), a club's name (:func:`club_names`) and a place's nisba ending an organisation span.  An opponent named
    with its country («أمام النصر الإماراتي» in a story on the Saudi Al-Nassr) introduces no club."""
    found: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = mention_name(doc, m).split()
        keys = [norm_key(w) for w in words]
        before = keys[-3] if len(keys) > 2 else (word.key if (word := _word_before(doc, m.start)) else "")
        if (m.type == "ORG" and len(keys) >= 2 and keys[-2] in club_names() and is_place_adjective(keys[-1])
                and _naming_club_word(before)
                and shipped_registry().lookup(" ".join(words[-2:])) is None):
            found[keys[-2]].add(" ".join(words[-2:]))
    return {name: forms.pop() for name, forms in found.items() if len(forms) == 1}


def _qualify_clubs(doc: Document, mentions: list[Mention]) -> None:
    """A club's bare name in a document on another country's club of that name is that club, apart from the home one.

    الأهلي is a Saudi, an Egyptian, a Kuwaiti club: «وافق مجلس إدارة النادي الأهلي المصري ... لحصول الأهلي على نسبة
    مالية» names Egypt's Al-Ahly, whose bare mentions resolution
    joined to the Saudi club.  In a document that writes a club word (:func:`speaks_of_sport`) and introduces a club
    with its country one way (:func:`_country_of_clubs`), each mention of that name, bare or qualified, is keyed as the
    qualified club (``ORG:club:`` and the qualified form); resolution names it so and keeps it apart from the bare
    name, the home club.
    """
    qualified = _country_of_clubs(doc, mentions)
    by_form = {norm_key(form): form for form in qualified.values()}
    for m in mentions:
        key = norm_key(mention_name(doc, m))
        form = by_form.get(key) or qualified.get(key)
        if form is not None and m.type != "PER" and OUTLET not in (m.entity or ""):
            m.type = "ORG"
            m.entity = f"ORG:{CLUB}{form}"


def _speakers_by_surname(
    doc: Document, sentences: list[_Sentence], spans: list[list[tuple[int, int, Mention]]], mentions: list[Mention],
    bare: frozenset[str],
) -> list[Mention]:
    """Untagged surnames of the document's persons right after a speech verb: واستنكر [التركي], وأضاف [المالكي].

    After a speech verb (the quote cue lexicon) the word is the verb's subject, so the
    surname of a person the document names in full is that person, even when the tagger
    missed it (it reads التركي as «Turkish»).  Each new mention is added to its sentence's spans.
    """
    surnames = set()
    for m in mentions:
        words = _key(mention_name(doc, m)).split(" ")
        if m.type == "PER" and len(words) > 1 and words[-2] not in NO_SURNAME_AFTER:
            surnames.add(words[-1])
    out: list[Mention] = []
    if not surnames:
        return out
    ends = reading_ends(surnames)  # the words that may be one (للمالكي → المالكي)
    for sent, sent_spans in zip(sentences, spans, strict=True):
        for i in compress(count(), map(str.endswith, map(token_key, sent.tokens), repeat(ends))):
            token = sent.tokens[i]
            if i == 0 or sent.tags[i] != "O" or not _is_speech_verb(sent.tokens[i - 1]):
                continue
            if not any(v in surnames for v in stem_variants(token.key)):
                continue
            start = token.start + clitic_length(token.text, bare)
            m = Mention(start, token.end, doc.text[start:token.end], "PER")
            if _key(mention_name(doc, m)) in surnames:
                sent_spans.append((i, i + 1, m))
                out.append(m)
        sent_spans.sort(key=lambda span: span[0])
    return out


def _role_before(sentence: _Sentence, first: int) -> tuple[int, str] | None:
    """The role phrase (title word plus modifiers) ending right before token ``first``."""
    titles = _titles()
    for n in range(min(_MAX_ROLE, first), 1, -1):
        head = sentence.tokens[first - n]
        if head.key not in titles and head.stem not in titles:  # the cheap test first: few words are titles
            continue
        words = sentence.tokens[first - n:first]
        if any(t != "O" for t in sentence.tags[first - n:first]) or not all(w.is_word for w in words):
            continue
        return first - n, " ".join(w.key for w in words[1:]) + "|" + head.stem
    return None


def _may_hold(sent: _Sentence, first: int, name_at: int, m: Mention, date: str | None) -> bool:
    """False when the registry says another person held the role before ``m`` at ``date``.

    A person the registry does not know is not its holder either: «وزير الخارجية الأميركي هنري كيسنجر» in a 2015
    column names a former secretary, and the title later in the column is John Kerry's («جون كيري وزير الخارجية
    الأميركي»), whom the registry gives the role at the date.
    """
    registry = shipped_registry()
    role = registry.role_of(" ".join(t.text for t in sent.tokens[first:name_at]))
    if role is None or role[1]:
        return True
    holder = registry.holder(role[0], date)
    person = registry.lookup(m.text)
    return holder is None or (person is not None and person.id == holder.id)


def _join_roles(
    doc: Document, sentences: list[_Sentence], spans: list[list[tuple[int, int, Mention]]], bare: frozenset[str]
) -> list[Mention]:
    """New mentions for role phrases that name exactly one person in the document.

    When several persons follow the same role phrase, those mentioned only once in the
    document give way to one that recurs (a one-off name after a role is more often a
    tagging slip, حفلا موسيقيا after الرئيس الروسي, than a second holder of the role).
    A name after a cut clitic (ولي ولي العهد وهادي) is coordinated with the role phrase, not
    named by it.  A role phrase followed by السابق (former) is not the role itself: الرئيس الأمريكي
    السابق never stands for the person named after الرئيس الأمريكي; nor is one followed by a place's adjective
    (رئيس الوزراء التركي is not the رئيس الوزراء of an Iraqi name in the same press review).  A registered role
    names a person only when the registry gives it to that person, or to nobody, at the
    document's date.
    """
    roles: dict[str, set[str]] = defaultdict(set)
    counts = Counter(m.entity for sent_spans in spans for _, _, m in sent_spans)
    date = doc.published.value if doc.published else None
    for sent, sent_spans in zip(sentences, spans, strict=True):
        for a, _, m in sent_spans:
            # A name with a clitic cut off is coordinated, not in apposition: ولي ولي العهد وهادي.
            if m.type == "PER" and m.entity is not None and m.start == sent.tokens[a].start:
                found = _role_before(sent, a)
                if found is not None and _may_hold(sent, found[0], a, m, date):
                    roles[found[1]].add(m.entity)
    for role, people in roles.items():
        recurring = {p for p in people if counts[p] > 1}
        if len(people) > 1 and recurring:
            roles[role] = recurring
    unique = {role: next(iter(people)) for role, people in roles.items() if len(people) == 1}
    if not unique:
        return []
    out: list[Mention] = []
    titles = _titles()
    for sent, sent_spans in zip(sentences, spans, strict=True):
        starts = {a for a, _, _ in sent_spans}
        heads = [i for i, t in enumerate(sent.tokens) if t.key in titles or t.stem in titles]
        # a role phrase ends two to _MAX_ROLE words after its title word (:func:`_role_before`): few words are titles
        for b in sorted({h + n for h in heads for n in range(2, _MAX_ROLE + 1) if h + n <= len(sent.tokens)}):
            if b in starts or (b < len(sent.tags) and (sent.tags[b] != "O" or sent.tokens[b].key in _FORMER)):
                continue
            if _before_club(sent, b):
                continue  # «واصل الفريق الأول لكرة القدم بنادي القادسية»: the team of a club, not the rank «الفريق»
            found = _role_before(sent, b)
            if found is None or found[1] not in unique:
                continue
            if b < len(sent.tags) and is_place_adjective(sent.tokens[b].key):
                continue  # «رئيس الوزراء [التركي]» is another role than «رئيس الوزراء» (Turkey's, not Iraq's PM)
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


def is_adjective(key: str) -> bool:
    """True for a definite word shaped like a nisba adjective (ال…ي/ية, five letters or more)."""
    return key.startswith("ال") and len(key) >= 5 and key.endswith(("يه", "ي"))


def extend_organisations(sentence: _Sentence) -> None:
    """Tag an organisation head with its definite modifiers ending in an adjective as one ORG.

    وزارة الدفاع الروسية, وكالة الفضاء الروسية, السفارة الأمريكية: a head word from
    ``ner_org_heads.txt`` followed by up to five words with the article, the last an
    adjective (…ية/…ي), over words not tagged as a person.
    """
    tokens, tags = sentence.tokens, sentence.tags
    heads = _org_heads()
    free = 0  # the first word not inside an organisation tagged here
    is_head = heads.__contains__  # the head words, found without a Python call per token
    for i in compress(count(), map(or_, map(is_head, map(token_key, tokens)), map(is_head, map(token_stem, tokens)))):
        if i < free or tags[i].endswith("PERS"):
            continue
        end = i
        for j in range(i + 1, min(i + 6, len(tokens))):
            if not tokens[j].key.startswith("ال") or tags[j].endswith("PERS"):
                break
            if is_adjective(tokens[j].key):
                end = j
        continues = end + 1 < len(tags) and tags[end + 1].startswith("I-")
        if end > i and not continues and not tags[i].startswith("I-"):
            tags[i:end + 1] = ["B-ORG"] + ["I-ORG"] * (end - i)
            free = end + 1


def untag_quoted_name_heads(sentence: _Sentence) -> None:
    """An organisation span that begins with a head word and stands right before a quoted organisation is no name.

    «ونقلت [وكالة أنباء] «[الأناضول]»»: the name is the quoted one; the head words before it only say what it
    is, and the quote stage takes them into the speaker with the name.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in iob_spans(tags):
        if (label == "ORG" and b + 1 < len(tokens) and tokens[b].text in _OPEN_QUOTES and tags[b + 1] == "B-ORG"
                and any(v in _org_heads() for v in stem_variants(tokens[a].key))):
            tags[a:b] = ["O"] * (b - a)


def qualify_organisations(sentence: _Sentence) -> None:
    """Keep a one-word organisation's distinguishing qualifier in its span, so same-named bodies stay apart.

    Clubs and banks share names across countries (الأهلي is a Saudi, an Egyptian, a Qatari and an
    Emirati club, and a bank; النصر is a Saudi and an Emirati club): the span takes in

    * a nisba adjective of a known place right after a name that is a definite Arabic word
      (النصر الإماراتي، الأهلي المصري), which the tagger leaves out, so the qualified name is keyed
      apart from the bare one; a transliterated name (ميلان الإيطالي، بورتو البرتغالي) is one body
      wherever it is written, and its qualifier stays out so that it keeps one key;
    * an adjective-shaped organisation tagged alone right after another organisation's span
      (بنك قطر الوطني + الأهلي), which continues that name instead of naming the bare club.

    A longer name keeps its span: its qualifier only describes it (حزب الله اللبناني is حزب الله).
    Words separated by punctuation are left alone.  The first rule holds for a one-word event or competition
    (MISC) too: «كأس السوبر الأوروبي», «السوبر الإسباني» are not the Saudi «السوبر» (34 mentions of other
    countries' cups joined it on 2015-08-10).
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in list(iob_spans(tags)):
        if label not in ("ORG", "MISC"):
            continue
        key = tokens[a].key
        if (label == "ORG" and b == a + 1 and a and tags[a - 1].endswith("-ORG") and is_adjective(key)
                and not is_place_adjective(key) and key not in _org_heads()):
            tags[a] = "I-ORG"
        if (tags[a] == f"B-{label}" and b == a + 1 and key.startswith("ال") and b < len(tokens) and tags[b] == "O"
                and tokens[b].is_word and is_place_adjective(tokens[b].key)):
            tags[b] = f"I-{label}"


def extend_given_names(sentence: _Sentence) -> None:
    """A common given name tagged alone takes in the surname right after it, which the tagger left out.

    «أستاذ العلوم السياسية بجامعة تعز، [صالح] اليافعي»: a one-word person span that is a common given
    name (:func:`marsad.corpus.names.is_given_name`), followed with only a space by an untagged word the
    corpus shows mostly inside people's names (:func:`marsad.corpus.names.is_person_word`), is that
    person's full name, not the lone صالح that joins علي عبدالله صالح.  A coordinated word (والحوثيين)
    or a particle never continues the name.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in list(iob_spans(tags)):
        if label not in ("PERS", "PER") or b != a + 1 or b >= len(tokens) or tags[b] != "O":
            continue
        after = tokens[b]
        if (after.is_word and after.start == tokens[a].end + 1 and after.key[:1] not in "وف"
                and after.key not in STOPWORDS and any(is_given_name(v) for v in stem_variants(tokens[a].key))
                and is_person_word(after.key)):
            tags[b] = "I-" + label


@cache
def _compound_name_ends() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_compound_name_ends.txt"))


def join_compound_given_names(sentence: _Sentence) -> None:
    """The second word of a compound given name, tagged apart, joins the person span before it.

    «سيف [الإسلام] القذافي», «بذل سيف [الإسلام] جهوداً»: the tagger tags the common given name سيف as a
    person and الإسلام (the religion) as MISC on its own.  A span of another type starting with a word of
    ``entity_compound_name_ends.txt`` (الإسلام، الدين), written with only a space after a person span that
    ends with a common given name (:func:`marsad.corpus.names.is_given_name`), is the rest of that name: it
    and the rest of its span («الإسلام القذافي») become part of the person span.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for _a, b, label in list(iob_spans(tags)):
        if (label not in ("PERS", "PER") or b >= len(tokens) or not tags[b].startswith("B-")
                or tags[b][2:] == label or tokens[b].start != tokens[b - 1].end + 1
                or tokens[b].key not in _compound_name_ends()
                or not any(is_given_name(v) for v in stem_variants(tokens[b - 1].key))):
            continue
        tags[b] = "I-" + label
        for c in range(b + 1, len(tokens)):
            if not tags[c].startswith("I-"):
                break
            tags[c] = "I-" + label


@cache
def state_heads() -> frozenset[str]:
    """Words naming a form of state (``entity_state_heads.txt``, key forms: المملكة, جمهورية)."""
    return frozenset(norm_key(w) for w in load("entity_state_heads.txt"))


def qualify_states(sentence: _Sentence) -> None:
    """A one-word place span naming a form of state (``entity_state_heads.txt``) takes the nisba of a place after it.

    «أن [المملكة] المغربية تدين», «[المملكة] الأردنية»: the tagger leaves the adjective out, and
    the bare word is another country (المملكة alone is Saudi Arabia in the Saudi press); with it,
    the span names the country (``ner_aliases.tsv``: المملكة المغربية → المغرب).
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in list(iob_spans(tags)):
        if (label == "LOC" and b == a + 1 and b < len(tokens) and tags[b] == "O" and tokens[b].is_word
                and any(v in state_heads() for v in stem_variants(tokens[a].key))
                and is_place_adjective(tokens[b].key)):
            tags[b] = "I-LOC"


@registry_cached
def _alias_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for alias, _, kind, *_ in load_table("ner_aliases.tsv"):
        gaz.add(norm_key(alias).split(" "), "PERS" if kind == "PER" else kind)
    for entry in shipped_registry().entries.values():
        for form in (entry.name, *entry.variants):
            words = norm_key(form).split()
            if len(words) > 1 and words[0] not in _titles():
                gaz.add(words, "PERS" if entry.type == "PER" else entry.type)
    return gaz


def tag_aliases(sentence: _Sentence) -> None:
    """Tag formal names from ``ner_aliases.tsv`` (جمهورية كوريا الشعبية الديمقراطية) and multi-word registry names.

    A name found is tagged whole when no tagged span crosses its edges (spans inside it,
    such as كوريا tagged alone, are absorbed).
    """
    tags = sentence.tags
    for i, j, label in name_spans(_alias_gazetteer().match(list(map(token_key, sentence.tokens)))):
        crosses = tags[i].startswith("I-") or (j < len(tags) and tags[j].startswith("I-"))
        if not crosses:
            tags[i:j] = ["B-" + label] + ["I-" + label] * (j - i - 1)


def join_place_parts(sentence: _Sentence) -> None:
    """Two or more place spans side by side that together are one multi-word place of the gazetteer become one span.

    The tagger cuts «والمدينة المنورة» into المدينة and المنورة in lists of cities; a place of the gazetteer
    whose words are all tagged places, the first beginning a span, is tagged whole.
    """
    tags = sentence.tags
    if "B-LOC" not in tags or not any(tags[i] == "B-LOC" and tags[i - 1].endswith("-LOC") for i in range(1, len(tags))):
        return  # no two place spans touch: the common case, decided without the gazetteer
    for i, j, _label in name_spans(lexicon_resources().places.match([t.key for t in sentence.tokens])):
        if (j - i > 1 and tags[i] == "B-LOC" and all(t.endswith("-LOC") for t in tags[i:j])
                and not (j < len(tags) and tags[j] == "I-LOC")):
            tags[i + 1:j] = ["I-LOC"] * (j - i - 1)


@cache
def _document_heads() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_document_heads.txt"))


@cache
def place_org_heads() -> frozenset[str]:
    """Head words of organisations named by a place (``entity_place_org_heads.txt``, key forms)."""
    return frozenset(norm_key(w) for w in load("entity_place_org_heads.txt"))


def place_org_heads_of(key: str) -> list[str]:
    """The readings of ``key`` (clitics stripped) that are heads of organisations named by a place."""
    return [v for v in stem_variants(key) if v in place_org_heads()]


def is_organisation_head(key: str) -> bool:
    """True when a reading of ``key`` (clitics stripped) is a head of organisations named by a place
    (``entity_place_org_heads.txt``) or an organisation head (``ner_org_heads.txt``)."""
    return bool(place_org_heads_of(key) or _organisation_heads_of(key))


def _organisation_heads_of(key: str) -> list[str]:
    """The readings of ``key`` (clitics stripped) that are organisation heads (``ner_org_heads.txt``: جيش، حركة), not
    club words (a name after نادي names the club in the whole document: :func:`_mark_clubs`)."""
    return [v for v in stem_variants(key) if v in _org_heads() and v.removeprefix("ال") not in _club_heads()]


@cache
def _place_org_adjectives() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in load_table("entity_place_org_adjectives.txt"))


@cache
def _city_institution_adjectives() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in load_table("entity_city_institution_adjectives.txt"))


def _city_institution(sentence: _Sentence, place: int) -> bool:
    """True when the one-word place span at ``place`` is inside an institution called a city: «مدينة [جازان]
    الاقتصادية» (``entity_city_institution_adjectives.txt``, the adjectives the corpus writes after «مدينة الملك فهد»),
    «بمدينة» and the adjective untagged.  The span is the tagger's, so a place the gazetteer lacks (جازان) counts."""
    tokens, tags = sentence.tokens, sentence.tags
    return (0 < place < len(tokens) - 1 and tags[place - 1] == tags[place + 1] == "O"
            and "مدينه" in stem_variants(tokens[place - 1].key)
            and tokens[place + 1].key in _city_institution_adjectives())


def is_place_word(key: str) -> bool:
    """True for a one-word place: the gazetteer's (جدة) or a registered place's name (الإمارات)."""
    if key in one_word_places():
        return True
    entry = shipped_registry().lookup(key)
    return entry is not None and entry.type == "LOC"


def is_place_org_ending(key: str) -> bool:
    """True for a word that goes on with an organisation's name after a place: an organisation adjective
    (``entity_place_org_adjectives.txt``: الأدبي) or a ل + definite noun (للثقافة)."""
    return key in _place_org_adjectives() or is_lam_article_word(key)


_BARE_PREFIXES = ("", "و", "ال", "وال")  # a place written with no preposition


@cache
def _place_org_lam_words() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in load_table("entity_place_org_lam_words.tsv"))


def _named_by_lam_word(sentence: _Sentence, place: int) -> bool:
    """True when the one-word place span at ``place`` goes on with a ل + definite noun that continues organisation
    names after a place (``entity_place_org_lam_words.tsv``: «جهاز [قطر] للاستثمار», «و[الإمارات] للاتصالات
    المتكاملة»; not the purpose of «إلى سوريا للمشاركة»), untagged, and no head of a place's organisation is before
    it (:func:`name_place_organisations` reads those with any ل + definite noun).  A place written with a preposition
    («مساعد المدير العام للتعليم ب[جدة] للخدمات المساندة») or after a place word («بمنطقة [الرياض] للخدمات العلاجية»,
    ``ner_loc_triggers.txt``) is where an office serves, no organisation's name; after a function word («إلى [أوروبا]
    للسياحة») it is a purpose's place, and after another organisation head («منتخب [المملكة] للكاراتيه»,
    ``ner_org_heads.txt``: a national team, an army, a ministry) the country's own body.  A definite place after a
    definite word is that word's adjective («الجامعات [السعودية] للتعاون»)."""
    tokens, tags = sentence.tokens, sentence.tags
    if not (place + 1 < len(tokens) and tags[place + 1] == "O" and tokens[place + 1].key in _place_org_lam_words()):
        return False
    before = tokens[place - 1].key if place else ""
    prefix = strip_clitics(tokens[place].key)[0]
    return (prefix in _BARE_PREFIXES and before not in STOPWORDS
            and not (prefix == "ال" and is_definite_word(before))  # «الجامعات [السعودية] للتعاون»: the adjective
            and not any(v in lexicon_resources().loc_triggers for v in stem_variants(before))
            and not is_organisation_head(before))


@lru_cache(maxsize=1 << 16)
def is_definite_word(key: str) -> bool:
    """True for a definite word (a proclitic allowed), not a function word spelt like one («الي», «التي»)."""
    return key not in STOPWORDS and any(v.startswith("ال") for v in stem_variants(key))


@cache
def _place_org_short_heads() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in load_table("entity_place_org_short_heads.tsv"))


def _short_name(head: str, readings: list[str]) -> bool:
    """True when ``head`` (a word with ``readings`` of organisation heads) before a one-word place names an
    organisation with nothing after the place: a head of ``entity_place_org_short_heads.tsv`` without the article
    («[بنك] الرياض», «ل[بنك] الرياض»; «طالبت الشركة فرنسا» is no name)."""
    return strip_clitics(head)[0] not in ARTICLE_PREFIXES and any(h in _place_org_short_heads() for h in readings)


@cache
def _place_org_short_words() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in load_table("entity_place_org_short_words.tsv"))


def _short_word_before(key: str) -> bool:
    """True for a word that stands for a whole organisation's name before its place (``entity_place_org_short_words.tsv``,
    mined by ``scripts/mine_place_org_short_words.py``): «أدبي [جدة]» for «نادي جدة الأدبي», «فنون [الرياض]» for
    «جمعية الثقافة والفنون بالرياض»; the definite word is no short name: «الثقافة والفنون [السعودية]», an adjective)."""
    return not is_definite_word(key) and any(v in _place_org_short_words() for v in stem_variants(key))


@cache
def _place_media_heads() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_place_media_heads.txt"))


def _media_head(key: str) -> bool:
    """True for an indefinite head of a broadcaster named by the place after it (``entity_place_media_heads.txt``:
    «[تلفزيون] عدن», «و[إذاعة] الرياض»)."""
    return not is_definite_word(key) and any(v in _place_media_heads() for v in stem_variants(key))


@cache
def _district_adjectives() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_district_adjectives.txt"))


@cache
def _city_keys() -> frozenset[str]:
    """The cities of the place lists (key forms): kind ``city`` in ``ner_places.tsv`` and ``ner_places_extra.tsv``
    and never ``country`` there (تونس is both), and the mined places (``ner_places_mined.tsv``: Saudi regions and
    governorates, Yemeni, Iraqi and Syrian cities)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for name in ("ner_places.tsv", "ner_places_extra.tsv"):
        for row in load_table(name):
            kinds[norm_key(row[0])].add(row[1])
    return frozenset(k for k, kind in kinds.items() if kind == {"city"}) | mined_places()


def name_districts(sentence: _Sentence) -> None:
    """Tag a city and an adjective that makes a district or a new town of it (``entity_district_adjectives.txt``)
    as one place: «[جدة] القديمة» is Old Jeddah, «ب[القاهرة] الجديدة» New Cairo, places apart from the city.

    The city is a one-word place span of a city (:func:`_city_keys`; after a country the phrase is its new era,
    «مصر الجديدة»), the adjective untagged right after it, and the word before no organisation head, whose
    adjective it may be («محطة جدة الجديدة»)."""
    tokens, tags = sentence.tokens, sentence.tags
    if "B-LOC" not in tags:
        return
    adjectives = _district_adjectives()
    at = 0
    while (at := _next_index(tags, "B-LOC", at) + 1) and at < len(tokens):  # the word after each place span's start
        if (tags[at] == "O" and tokens[at].key in adjectives
                and any(v in _city_keys() for v in stem_variants(tokens[at - 1].key))
                and not (at > 1 and is_organisation_head(tokens[at - 2].key))):
            tags[at] = "I-LOC"


def _next_index(tags: list[str], tag: str, start: int) -> int:
    """The index of the first ``tag`` in ``tags`` from ``start`` on, -1 when there is none."""
    try:
        return tags.index(tag, start)
    except ValueError:
        return -1


def _place_org_end(sentence: _Sentence, place: int) -> int:
    """Where an organisation named by the place at ``place`` ends (``place + 1`` when nothing names one): adjectives
    that name organisations after a place (``entity_place_org_adjectives.txt``: نادي جدة [الأدبي]), then a ل +
    definite noun with up to two definite or coordinated definite words after it (هيئة البحرين [للثقافة والآثار]),
    all untagged."""
    tokens, tags = sentence.tokens, sentence.tags
    end = place + 1
    while end < len(tokens) and tags[end] == "O" and tokens[end].key in _place_org_adjectives():
        end += 1
    if end < len(tokens) and tags[end] == "O" and is_lam_article_word(tokens[end].key):
        end += 1
        for _ in range(2):
            word = tokens[end] if end < len(tokens) and tags[end] == "O" and tokens[end].is_word else None
            if word is None or not word.text.startswith(("ال", "وال")) or word.key in STOPWORDS:  # not ألوان
                break
            end += 1
    return end


def name_place_organisations(sentences: Sequence[_Sentence]) -> None:
    """Tag an organisation named by a place whole: a head of ``entity_place_org_heads.txt``, a one-word place span and
    what ends the name (:func:`_place_org_end`).

    «هيئة [البحرين] للثقافة والآثار», «فرقة [جدة] للفنون الشعبية», «نادي [جدة] الأدبي», «بنك [إيران] المركزي»: the
    tagger tags the place alone, and resolution would count the organisation as the place.  A head whose place
    phrases mostly go on with such an ending in the corpus (``entity_place_org_short_heads.tsv``: بنك، شركة) names the
    organisation with nothing after the place too: «بنك [الرياض]», «مؤسسة [قطر]» (:func:`_short_name`).  Without such a
    head, a ل + definite noun that the corpus writes after a place mostly behind an organisation head
    (``entity_place_org_lam_words.tsv``) ends an organisation's name that begins at the place: «جهاز [قطر] للاستثمار»,
    «و[الإمارات] للاتصالات المتكاملة» (:func:`_named_by_lam_word`).  A word that stands for a whole organisation's
    name before its place (:func:`_short_word_before`: «أدبي [جدة]», «فنون [الرياض]») names it with the place, and so
    does the bare name of an organisation the document tags alone elsewhere: «شاركت إطعام [الرياض]» (the charity's
    Riyadh branch, «أطلقت «إطعام»» in the same article).  An organisation named by a head, a place and more words
    that the document tags whole is named by its words after the head too: «"[جازان] الاقتصادية"» beside «مدينة
    جازان الاقتصادية».  So would it a document or
    meeting the corpus names after a city (``entity_place_documents.tsv``: «إعلان [القاهرة]», «مؤتمر [جنيف]»), which
    becomes one MISC name.  A head and place the
    document tags as one organisation elsewhere (بنك الرياض) are that organisation wherever the place alone is tagged
    after the head.  A head and place tagged together as one organisation take in what ends the name the same way
    («[بنك إيران] المركزي»).  So does any organisation head (``ner_org_heads.txt``) and word: «جيش [الإسلام]» (the
    religion tagged MISC alone, twice in an article that tags «جيش الإسلام» whole once) is the armed group.
    """
    named: set[tuple[str, str]] = set()
    alone: set[str] = set()  # one-word organisations of the document, written bare («أطلقت «إطعام»»)
    found: list[tuple[_Sentence, int, int]] = []
    cut: list[tuple[_Sentence, int]] = []  # one-word spans of another name after an untagged organisation head
    tails: set[tuple[str, ...]] = set()  # what follows the head of an organisation named by a place and more words
    for sent in sentences:
        tokens, tags = sent.tokens, sent.tags
        for a, b, label in iob_spans(tags):
            if label == "ORG" and b > a + 2 and place_org_heads_of(tokens[a].key) and is_place_word(tokens[a + 1].key):
                tails.add(tuple(t.key for t in tokens[a + 1:b]))
            if label == "ORG" and b == a + 1 and not is_definite_word(tokens[a].key) and not is_place_word(tokens[a].key):
                alone.add(tokens[a].key)
            if label == "ORG" and b == a + 2 and (heads := place_org_heads_of(tokens[a].key)) \
                    and is_place_word(tokens[a + 1].key):
                named.update((h, tokens[a + 1].key) for h in heads)
                end = _place_org_end(sent, a + 1)  # «[بنك إيران] المركزي»: the tagger left out what ends the name
                tags[b:end] = ["I-ORG"] * (end - b)
            elif label == "ORG" and b == a + 2:  # «جيش الإسلام» tagged whole
                named.update((h, tokens[a + 1].key) for h in _organisation_heads_of(tokens[a].key))
            elif label == "LOC" and b == a + 1 and _city_institution(sent, a):
                tags[a - 1:a + 2] = ["B-ORG", "I-ORG", "I-ORG"]  # «مدينة جازان الاقتصادية»: Jazan Economic City
                tails.add((tokens[a].key, tokens[a + 1].key))
            elif label == "LOC" and b == a + 1 and _named_by_lam_word(sent, a):
                end = _place_org_end(sent, a)
                tags[a:end] = ["B-ORG"] + ["I-ORG"] * (end - a - 1)  # «جهاز [قطر للاستثمار]»: the organisation
            elif label == "LOC" and b == a + 1 and a and tags[a - 1] == "O" and is_place_word(tokens[a].key):
                found.append((sent, a, b))
            elif label in ("MISC", "LOC") and b == a + 1 and a and tags[a - 1] == "O":
                cut.append((sent, a))
    for sent, a in cut:  # «جيش [الإسلام]» where the document tags «جيش الإسلام» whole elsewhere: that organisation
        if any((h, sent.tokens[a].key) in named for h in _organisation_heads_of(sent.tokens[a - 1].key)):
            sent.tags[a - 1:a + 1] = ["B-ORG", "I-ORG"]
    documents = load_groups("entity_place_documents.tsv")  # head -> the cities it names documents after
    for sent, a, _ in found:
        tokens, tags = sent.tokens, sent.tags
        tail = next((t for t in tails if tuple(k.key for k in tokens[a:a + len(t)]) == t
                     and all(x == "O" for x in tags[a + 1:a + len(t)])), None)
        if tail is not None:  # «"جازان الاقتصادية"» in a document that names «مدينة جازان الاقتصادية» whole
            tags[a:a + len(tail)] = ["B-ORG"] + ["I-ORG"] * (len(tail) - 1)
            continue
        if any(tokens[a].key in documents.get(v, ()) for v in stem_variants(tokens[a - 1].key)):
            tags[a - 1:a + 1] = ["B-MISC", "I-MISC"]  # «إعلان القاهرة», «مؤتمر جنيف»: a document or meeting
            continue
        if _short_word_before(tokens[a - 1].key) or tokens[a - 1].key in alone:
            tags[a - 1:a + 1] = ["B-ORG", "I-ORG"]  # «أدبي جدة»: the literary club's short name, not the city
            continue
        if _media_head(tokens[a - 1].key):
            tags[a - 1:a + 1] = ["B-ORG", "I-ORG"]  # «تلفزيون عدن»: the station
            continue
        heads = place_org_heads_of(tokens[a - 1].key)
        end = _place_org_end(sent, a) if heads else a + 1
        if heads and (end > a + 1 or any((h, tokens[a].key) in named for h in heads)
                      or _short_name(tokens[a - 1].key, heads)):
            tags[a - 1:end] = ["B-ORG"] + ["I-ORG"] * (end - a)


@registry_cached
def _one_word_registry() -> dict[str, str]:
    """One-word registry names and variants (key form) with their tagger label, when not ordinary words."""
    out: dict[str, str] = {}
    for entry in shipped_registry().entries.values():
        for form in (entry.name, *entry.variants):
            key = norm_key(form)
            if " " not in key and not is_ordinary(key):
                out.setdefault(key, "PERS" if entry.type == "PER" else entry.type)
    return out


@registry_cached
def _registered_surname_endings() -> tuple[str, ...]:
    """The keys of :func:`_registered_surnames`, for ``str.endswith`` (a word no reading of which is one)."""
    return tuple(_registered_surnames())


@registry_cached
def _registered_surnames() -> dict[str, frozenset[str]]:
    """Registered persons' surnames that are common given names (صالح), with the words the corpus writes around them.

    ``entity_registry_contexts.tsv`` (mined by ``scripts/mine_registry_contexts.py`` from the articles naming
    the person in full): the surname -> those words (clitic-stripped stems).
    """
    registry = shipped_registry()
    out: dict[str, frozenset[str]] = {}
    for entry_id, words in load_groups("entity_registry_contexts.tsv").items():
        entry = registry.entries.get(entry_id)
        if entry is not None:
            out[norm_key(entry.name).split(" ")[-1]] = words
    return out


def fill_registered_surnames(sentence: _Sentence) -> None:
    """Tag an untagged registered surname that is also a given name as a person when its usual words are around it.

    «لميليشيات صالح والمتمردين الحوثيين»: two of the content words within two words either side (the clause
    only) are words the corpus writes around صالح in the articles naming علي عبدالله صالح; the corpus step
    joins such a lone name to him by the same words (``marsad.corpus.entities``).
    """
    surnames, ends = _registered_surnames(), _registered_surname_endings()
    tokens, tags = sentence.tokens, sentence.tags
    for i in compress(count(), map(str.endswith, map(token_key, tokens), repeat(ends))):  # most words: no reading is one
        token = tokens[i]
        usual = next((surnames[v] for v in stem_variants(token.key) if v in surnames), None)
        if usual is None or tags[i] != "O" or (i + 1 < len(tags) and tags[i + 1].startswith("I-")):
            continue
        near = near_content_stems(((tokens[j] for j in reversed(range(i))), tokens[i + 1:]), _USUAL_NEAR)
        if len(near & usual) >= _USUAL_SHARED:
            tags[i] = "B-PERS"


@registry_cached
def _registry_labels() -> dict[str, str | None]:
    """Each word key met so far with the label of its first reading that is a one-word registry name (or None)."""
    return {}


def _registry_label(key: str) -> str | None:
    known = _one_word_registry()
    label = next((known[v] for v in stem_variants(key) if v in known), None)
    labels = _registry_labels()
    if len(labels) >= _LABELS_KEPT:
        labels.clear()
    labels[key] = label
    return label


def fill_registry(sentence: _Sentence) -> None:
    """Tag an untagged word that is a one-word registry name (لافروف، داعش، واس), a clitic allowed before it.

    A key's label is looked up once (most words are no name): only the words with one are visited.
    """
    tags = sentence.tags
    keys = list(map(token_key, sentence.tokens))
    labels = list(map(_registry_labels().get, keys, repeat(True)))  # True where not looked up yet
    for i in compress(count(), labels):
        found = labels[i]
        label = _registry_label(keys[i]) if isinstance(found, bool) else found
        if label is None or tags[i] != "O" or (i + 1 < len(tags) and tags[i + 1].startswith("I-")):
            continue
        tags[i] = "B-" + label


_LINK_STARTS = ("http", "www")  # a web address begins with one of these: no word of a name


def cut_web_links(sentence: _Sentence) -> None:
    """A span stops before a web address glued to it: «تعليم [جازان http]://es.jazteachers.com» is جازان."""
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, _ in list(iob_spans(tags)):
        cut = next((i for i in range(a + 1, b) if tokens[i].key.lower().startswith(_LINK_STARTS)), None)
        if cut is not None:
            tags[cut:b] = ["O"] * (b - cut)


def _registered_head(tokens: list[Token]) -> bool:
    """True when the words (a proclitic allowed on the first) are a registered name."""
    rest = " ".join(t.key for t in tokens[1:])
    registry = shipped_registry()
    return any(registry.lookup(f"{v} {rest}".strip()) is not None for v in stem_variants(tokens[0].key))


def split_after_registered_names(sentence: _Sentence) -> None:
    """Split a span at the «و» right after a registered name: two names coordinated, not one.

    «تنظيمي [داعش والقاعدة]», «مع [الاتحاد الأوروبي وصندوق النقد الدولي]», «لدى [الأمم المتحدة والمنظمات الدولية]»:
    the tagger took the pair for one name, an entity of its own that hid the registered one (2015-07-26).  When the
    words before a word with the conjunction «و» are a registered name and the whole span is not (البوسنة والهرسك
    stays whole), the conjunct begins a span of its own, or, when its «و» would stay in it (:func:`clitic_length`:
    «والشرعية الدولية»), is dropped; the registered name is the mention it is.  One word after a name ending with a
    definite word is that word's coordinate, not a name («أمريكا الشمالية والوسطى»: North and Central America).
    So does a place written with the preposition ل that ends the span after a registered name
    (:func:`_preposition_place`): «زيارة رئيسة [كوريا الجنوبية للسعودية]» is South Korea and Saudi Arabia, the
    president's visit to it; and a place written with ب that ends any span of two words or more, where the name was
    (no name ends with «بأبها»): «بجامع [الملك فيصل بأبها]» is King Faisal (whose mosque it is) and Abha, «[جامعة
    الملك خالد بأبها]» the university and Abha.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in list(iob_spans(tags)):
        if b - a > 1 and (_preposition_place(tokens[b - 1], "ب") or (
                _preposition_place(tokens[b - 1], "ل") and _registered_head(tokens[a:b - 1]))) \
                and not _registered_head(tokens[a:b]):
            tags[b - 1] = "B-LOC"
            continue
        joins = [i for i in range(b - 1, a, -1) if tokens[i].key.startswith("و") and len(tokens[i].key) > 3]
        if not joins or _registered_head(tokens[a:b]):
            continue
        cut = next((i for i in joins if _registered_head(tokens[a:i])), None)  # the longest registered name first
        if cut is not None and cut == b - 1 and cut - a > 1 and tokens[cut - 1].key.startswith("ال"):
            continue  # «أمريكا الشمالية والوسطى»: one adjective coordinated with the name's last, not a second name
        if cut is not None and clitic_length(tokens[cut].text, frozenset()):
            tags[cut] = "B-" + label
        elif cut is not None:  # «والشرعية الدولية»: a conjunct whose «و» would stay in its span is no name
            tags[cut:b] = ["O"] * (b - cut)


def split_place_pairs(sentence: _Sentence) -> None:
    """Split a place span of two known places that are no place together: «مدينة [أبها السعودية]» (the Saudi city
    of Abha) is Abha and Saudi Arabia, not a place of its own that hid the city.  The first may carry a preposition,
    the second is written bare; a two-word place of the gazetteer («أمريكا الجنوبية») stays whole."""
    tokens, tags = sentence.tokens, sentence.tags
    if "I-LOC" not in tags:
        return
    for a, b, label in iob_spans(tags):
        if (label == "LOC" and b - a == 2 and is_place_word(tokens[a + 1].key)
                and any(is_place_word(v) for v in stem_variants(tokens[a].key))
                and lexicon_resources().places.match([tokens[a].key, tokens[a + 1].key])[1] != "LOC-I"):
            tags[a + 1] = "B-LOC"


def _preposition_place(token: Token, letter: str) -> bool:
    """True for a known place written with the preposition ``letter`` (ل: للسعودية، لمصر; ب: بأبها، بجدة), not a
    place that begins with the letter (لبنان، لندن، ليبيا، بغداد، بريطانيا)."""
    key = token.key
    return (key.startswith(letter) and not is_place_word(key)
            and any(is_place_word(v) for v in stem_variants(key) if v != key)
            and clitic_length(token.text, frozenset()) > 0)


@cache
def _name_descriptions() -> frozenset[str]:
    return frozenset(row[0] for row in load_table("entity_name_descriptions.tsv"))


def untag_name_descriptions(sentence: _Sentence) -> None:
    """A description after a registered place or organisation is no part of its span: «مع [المملكة العربية السعودية
    الشقيقة]», «دولة [الإمارات العربية المتحدة الشقيقة]».

    The words SaudiNewsNet writes after many different registered names (``entity_name_descriptions.tsv``, mined by
    ``scripts/mine_name_descriptions.py``: الشقيقة after 14) describe the name; taken into the span they made an
    entity of their own that hid the registered one (2015-07-26, 2015-08-07).  A span that is a registered name and one
    of them, and not a registered name whole, ends before it.
    """
    tokens, tags = sentence.tokens, sentence.tags
    for a, b, label in list(iob_spans(tags)):
        if (label not in ("PER", "PERS") and b - a > 1 and tokens[b - 1].key in _name_descriptions()
                and _registered_head(tokens[a:b - 1]) and not _registered_head(tokens[a:b])):
            tags[b - 1] = "O"


def untag_registered_kind_words(sentence: _Sentence) -> None:
    """A kind word before a registered organisation's name is left out of its span.

    «بين (داعش) و[منظمة حزب العمال الكردستاني]»: the kind word (:func:`_registered_organisation_heads`) adds nothing
    to the registered name, and with it the span named an entity of its own; without it the mention resolves as the
    registered name does.  A name the registry lists whole (منظمة داعش, حركة حماس) keeps its word.
    """
    tokens, tags = sentence.tokens, sentence.tags
    registry = shipped_registry()
    for a, b, label in list(iob_spans(tags)):
        if label != "ORG" or b - a < 2 or not any(v in _registered_organisation_heads() for v in stem_variants(tokens[a].key)):
            continue
        entry = registry.lookup(" ".join(t.key for t in tokens[a + 1:b]))
        if entry is not None and entry.type == "ORG" and not _registered_head(tokens[a:b]):
            tags[a:a + 2] = ["O", "B-ORG"]


@lru_cache(maxsize=1 << 16)  # a text repeats its words, and the corpus its texts' words
def _definite_readings(key: str) -> tuple[str, ...]:
    """The readings of a word key (:func:`marsad.text.clitics.stem_variants`) that have the article."""
    return tuple(v for v in stem_variants(key) if v.startswith("ال"))


def annotate(doc: Document) -> None:
    """Fill ``doc.mentions`` for the document's articles, with per-document entity keys."""
    annotate_batch([doc])


def annotate_batch(docs: Sequence[Document]) -> None:
    """:func:`annotate` for several documents, tagging all their sentences in one run of the networks."""
    token_lists = [_sentences(doc) for doc in docs]
    tags = shipped_tagger().tag_documents(
        [[[t.text for t in tokens] for tokens in doc_tokens] for doc_tokens in token_lists],
        keys=[[[t.key for t in tokens] for tokens in doc_tokens] for doc_tokens in token_lists],
    )
    for doc, doc_tokens, doc_tags in zip(docs, token_lists, tags, strict=True):
        _annotate_tagged(doc, doc_tokens, doc_tags)


def _annotate_tagged(doc: Document, token_lists: list[list[Token]], tags: list[list[str]]) -> None:
    sentences = [_Sentence(tokens, sent_tags) for tokens, sent_tags in zip(token_lists, tags, strict=True)]
    nisba_names: list[tuple[str, str]] = []  # organisations named with a nisba the sentences tag whole
    sentence_keys: list[list[str]] = []
    for sent in sentences:
        untag_quoted_name_heads(sent)
        extend_organisations(sent)
        untag_relative_dates(sent)
        untag_club_words(sent)
        untag_role_portfolios(sent)
        qualify_organisations(sent)
        qualify_states(sent)
        join_compound_given_names(sent)
        extend_given_names(sent)
        join_place_parts(sent)
        tag_aliases(sent)
        fill_registry(sent)
        fill_registered_surnames(sent)
        cut_web_links(sent)
        split_after_registered_names(sent)
        split_place_pairs(sent)
        untag_name_descriptions(sent)
        untag_registered_kind_words(sent)
        keys = list(map(token_key, sent.tokens))
        tag_place_names(keys, sent.tags)
        tag_place_brands(keys, sent.tags)
        nisba_names.extend(tag_nisba_names(keys, sent.tags))
        name_districts(sent)
        sentence_keys.append(keys)
    if nisba_names:  # «من كشافة [المملكة]» in a document that names «الكشافة السعودية»
        tag_nisba_name_constructs([(keys, sent.tags) for keys, sent in zip(sentence_keys, sentences, strict=True)],
                                  nisba_names)
    name_place_organisations(sentences)
    bare = frozenset(map(token_key, chain.from_iterable(token_lists)))
    definite = frozenset(chain.from_iterable(map(_definite_readings, bare)))  # each key once
    sport = speaks_of_sport(sentences)
    spans: list[list[tuple[int, int, Mention]]] = []
    mentions: list[Mention] = []
    for sent in sentences:
        sent_spans: list[tuple[int, int, Mention]] = []
        for a, b, label in iob_spans(sent.tags):
            for m in _mentions(doc, sent.tokens[a:b], label, bare, sent.tokens[a - 1] if a else None):
                if b == a + 1 and (in_construct(doc, sent.tokens, a, m) or in_idiom(sent.tokens, a, m)
                                   or attributive(sent, a, m) or common_noun_in_document(m, definite)
                                   or adjective_of_place(sent, a, m) or measured(sent, a, m)
                                   or club_word_out_of_sport(m, sport) or pronoun_spelling(doc, m)):
                    continue
                sent_spans.append((a, b, m))
                mentions.append(m)
        spans.append(sent_spans)
    mentions.extend(_speakers_by_surname(doc, sentences, spans, mentions, bare))
    mentions.sort(key=lambda m: (m.start, m.end))
    _join_short_forms(doc, mentions, _titled(sentences, spans))
    _mark_outlets(doc, mentions)
    _mark_clubs(doc, mentions)
    if sport:
        _qualify_clubs(doc, mentions)
    mentions.extend(_join_roles(doc, sentences, spans, bare))
    doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
