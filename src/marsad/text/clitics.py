"""Arabic proclitics: the one place that knows which letters and sequences attach to a word's front.

Arabic writes the conjunctions و ف, the prepositions ب ل ك and the article ال as part of
the next word (وبالكرملين = و + ب + ال + كرملين; للولايات = ل + ال + ولايات, the article's
alif dropped after ل).  Every module that looks a word up, trims a span or compares names
strips them here, on keys made by :func:`marsad.text.normalize.norm_key`:

* :func:`strip_clitics` splits off the longest proclitic sequence (the stem keeps two letters);
* :func:`stem_variants` lists every reading, ``لل`` + noun also read as ``ال`` + noun;
* :func:`readings` gives, for a word, each reading with the number of characters cut;
* :func:`name_word` drops a conjunction/preposition before the article, keeping the article;
* :func:`bare_word` drops the article with whatever conjunction/preposition precedes it;
* :func:`separable_length` says how many leading characters of a word a mention span leaves
  out: a conjunction/preposition, never the article, and only when the rest is attested.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache

# Proclitic sequences, longest first, in key form (after normalisation).
PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ك", "ل")
# The one-letter proclitics (conjunctions و ف, prepositions ب ل ك).
CLITIC_LETTERS = "وفبلك"
# Sequences ending in the article (ال, or its ل after the preposition ل).
ARTICLE_PREFIXES = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# Conjunction/preposition sequences a mention span may leave out, longest first.
SEPARABLE = ("وبال", "وكال", "فبال", "ولل", "فلل", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "و", "ف", "ب", "ل", "ك")
_DOUBLE_L = ("لل", "ولل", "فلل")
MIN_LAM_ARTICLE_WORD = 5  # لل + a noun of 3+ letters: لله (three letters) is no such word


def is_lam_article_word(key: str) -> bool:
    """True for a word written ل + the article + a noun (للصحفيين, للثقافة): "to the ...", never a name's word."""
    return key.startswith("لل") and len(key) >= MIN_LAM_ARTICLE_WORD
MIN_STEM = 2
# The proclitic sequences by their first letter, longest first: a word is tried only with those it may begin with.
_BY_LETTER = {letter: tuple(p for p in PROCLITICS if p[0] == letter) for letter in dict.fromkeys(p[0] for p in PROCLITICS)}
CACHE_SIZE = 1 << 18  # word types are few; the splitters are pure functions of the key


@lru_cache(maxsize=CACHE_SIZE)
def strip_clitics(key: str) -> tuple[str, str]:
    """Split a normalised word key into (proclitics, stem); the stem keeps at least two letters.

    >>> strip_clitics("وبالكرملين")
    ('وبال', 'كرملين')
    """
    for pre in _BY_LETTER.get(key[:1], ()):
        if key.startswith(pre) and len(key) - len(pre) >= MIN_STEM:
            return pre, key[len(pre):]
    return "", key


@lru_cache(maxsize=CACHE_SIZE)
def stem_variants(key: str) -> tuple[str, ...]:
    """All readings of a key with zero or more proclitics removed (the word itself first)."""
    out = [key]
    for pre in _BY_LETTER.get(key[:1], ()):
        if key.startswith(pre) and len(key) - len(pre) >= MIN_STEM:
            rest = key[len(pre):]
            if rest not in out:
                out.append(rest)
            if pre in _DOUBLE_L and "ال" + rest not in out:
                out.append("ال" + rest)
    return tuple(out)


def reading_ends(words: Collection[str]) -> tuple[str, ...]:
    """What a key ends with when one of its readings (:func:`stem_variants`) is one of ``words``: a reading is the
    key's end, or ال + its end (للمالكي → المالكي), so each word, and each word with the article without it.  For
    ``str.endswith``: most keys are no such word, and this test rules them out without making their readings."""
    return tuple({*words, *(w[2:] for w in words if w.startswith("ال"))})


@lru_cache(maxsize=1 << 16)
def readings(word: str) -> tuple[tuple[int, str], ...]:
    """Readings of a word with its proclitics stripped: ``(chars stripped, rest)``, the whole word first.

    و/ف (conjunction) then ب/ل/ك (preposition); ``لل`` + noun is ``ل`` + ``ال`` + noun.
    Cached: a text repeats its words.
    """
    out = [(0, word)]
    cut = 0
    rest = word
    if len(rest) > 2 and rest[0] in "وف":
        cut, rest = 1, rest[1:]
        out.append((cut, rest))
    if len(rest) > 3 and rest.startswith("لل"):
        out.append((cut + 1, "ا" + rest[1:]))
    elif len(rest) > 2 and rest[0] in "بلك":
        out.append((cut + 1, rest[1:]))
    return tuple(out)


def name_word(key: str) -> str:
    """The form a name word is counted and looked up under: a proclitic before the article off, the article kept.

    وللرئيس → الرئيس, والسورية → السورية.  A lone letter is left on (بوتين is not ب + وتين,
    كيم not ك + يم): without the article, only the context can tell a clitic from a letter.
    """
    pre, stem = strip_clitics(key)
    if pre in ("ال", "") or not pre.endswith(("ال", "لل")):
        return key
    return "ال" + stem


@lru_cache(maxsize=CACHE_SIZE)
def bare_word(key: str, min_rest: int = MIN_STEM) -> str:
    """``key`` without its article and the conjunction/preposition before it (والرئيس → رئيس).

    Cached: the quote and entity steps ask it of the same words again and again.
    """
    for pre in ARTICLE_PREFIXES:
        if key.startswith(pre) and len(key) - len(pre) >= min_rest:
            return key[len(pre):]
    return key


def separable_length(key: str, attested: Callable[[str], bool]) -> tuple[int, str]:
    """How many leading characters of word ``key`` a name span leaves out, and the word that remains.

    The conjunctions and prepositions go (ولروسيا → روسيا); after ل the article's dropped
    alif comes back (للولايات → الولايات, cut 2: the span starts at the second ل, whose text
    is read as the article).  A cut is made only when the remaining word is ``attested``
    (seen alone in the document, a known name), so بيونج keeps its ب and لبنان its ل.
    Returns ``(0, key)`` when nothing is cut.
    """
    for pre in SEPARABLE:
        if not key.startswith(pre) or len(key) - len(pre) < MIN_STEM:
            continue
        rest = key[len(pre):]
        if pre.endswith("لل"):
            # ل + (ا)ل + noun: the span starts at the article's ل; the key of that word is ال + noun.
            if len(rest) >= MIN_STEM and attested("ال" + rest):
                return len(pre) - 1, "ال" + rest
            continue
        if pre.endswith("ال"):
            if attested("ال" + rest):
                return len(pre) - 2, "ال" + rest
            continue
        if attested(rest):
            return len(pre), rest
    return 0, key
