"""Name keys: one key for every spelling of a name, and the test that tells a name from an ordinary word.

:func:`name_key` reads a name (a mention's text, clitics already off the span) word by word:
normalised (:func:`marsad.text.normalize.norm_key`: hamza seats, ى/ي, ة/ه), formal names
mapped to short ones (``ner_aliases.tsv``: جمهورية مصر العربية → مصر), each word replaced by
the canonical spelling of its variant group — mined from SaudiNewsNet by ``marsad train
names`` (``name_variants.tsv``) and listed in the entity registry — and the words joined
without spaces (نصر الله = نصرالله, بيونغ يانغ = بيونغيانغ, عبد المحسن = عبدالمحسن).  Nothing
else is folded: سعيد and سعد, حسن and حسين, الرياض and رياض stay different.
:func:`short_key` also leaves out ``بن X`` links (عادل بن أحمد الجبير = عادل الجبير).

:func:`skeleton` is the alignment the miner pairs words on (vowel letters set aside,
transliteration consonants folded); it is never a key by itself.

:func:`ordinary_rate` is the share of a word's occurrences in the unlabelled corpus that
are inside a tagged name (``name_words.tsv``): السورية, سعيد or دولار are mostly ordinary
words; :func:`is_ordinary` turns that and the unit/currency list (``entity_not_names.txt``)
into the test a one-word candidate name must pass.
"""

from __future__ import annotations

from functools import cache, lru_cache

from marsad.corpus.known import HOUSE, base_registry, on_registry_change, registry_cached
from marsad.corpus.unionfind import UnionFind
from marsad.lexicons import load, load_table
from marsad.text.normalize import norm_key

_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "ط": "ت", "ص": "س", "ث": "س", "ض": "د", "ذ": "ز", "ظ": "ز", "ى": "ي"})
_VOWELS = "اوي"
# A word seen at least this often in the corpus whose share inside names is below ORDINARY_RATE is an ordinary word.
MIN_SEEN = 30
ORDINARY_RATE = 0.2
GIVEN_NAME_PARTNERS = 30  # a common given name is seen with at least this many different name words
GIVEN_NAME_RATE = 0.5  # and inside a tagged name at least this often
PERSON_WORD_RATE = 0.6  # a word inside tagged names at least this often, beside other name words, is a person's name word
LINKS = frozenset({"بن", "ابن", "بنت"})  # the word after بن is a father's name, not a surname
# A last word after these is no surname a one-word mention may stand for: a father's name, a house (آل سعود), or
# the second half of a compound name (عبد العزيز: العزيز alone is «dear», as in «ضيف مصر العزيز»).
NO_SURNAME_AFTER = LINKS | {HOUSE, "عبد"}


def fold(word: str) -> str:
    """``word`` with the consonants transliterations split folded (غ/ق → ج, ط → ت, ص/ث → س, ض → د, ذ/ظ → ز)."""
    return word.translate(_FOLD)


def skeleton(word: str) -> str:
    """``word`` with vowel letters after its first letter removed and transliteration consonants folded.

    ترامب and ترمب give ترمب; بيونج and بيونغ give بنج; ميشال and ميشيل give مشل.
    """
    folded = fold(word)
    return folded[:1] + "".join(c for c in folded[1:] if c not in _VOWELS)


@cache
def _aliases() -> dict[str, str]:
    return {norm_key(alias): norm_key(name) for alias, name, *_ in load_table("ner_aliases.tsv")}


@registry_cached
def _variants() -> dict[str, str]:
    """Word variant → canonical word, from the mined pairs and the registry's spellings.

    Pairs from both sources are grouped (union-find); a group's canonical word is the one
    a registry name uses, else the mined table's canonical (the most frequent spelling).
    """
    mined = [(norm_key(v), norm_key(c)) for v, c, *_ in load_table("name_variants.tsv")]
    listed = base_registry().word_variants
    groups: UnionFind[str] = UnionFind()
    for a, b in _with_and_without_article([*mined, *listed.items()]):
        groups.union(a, b)
    preferred = {w for _, c in _with_and_without_article(list(listed.items())) for w in (c,)}
    frequent = {c for _, c in _with_and_without_article(mined)}
    table: dict[str, str] = {}
    for members in groups.groups().values():
        best = min(members, key=lambda w: (w not in preferred, w not in frequent, w))
        table.update({w: best for w in members if w != best})
    return table


def _with_and_without_article(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each pair, and the same pair with the article added (or taken off) on both words."""
    out = list(pairs)
    for a, b in pairs:
        if a.startswith("ال") and b.startswith("ال") and min(len(a), len(b)) >= 5:
            out.append((a[2:], b[2:]))
        elif not a.startswith("ال") and not b.startswith("ال"):
            out.append(("ال" + a, "ال" + b))
    return out


def canonical_word(word: str) -> str:
    """The canonical spelling of one normalised name word (itself when it has no known variant)."""
    return _variants().get(word, word)


def _patronymic_free(words: list[str]) -> list[str]:
    """The words without ``بن X`` links (عادل بن أحمد الجبير → عادل الجبير), when two names or more remain.

    Not when the family name is ال + a common given name other than the father's: the sons
    of فيصل are الفيصل, so سعود بن خالد الفيصل (a grandson) is not سعود الفيصل, while
    سعود بن فيصل الفيصل would be.  A given name is a word seen with at least
    ``GIVEN_NAME_PARTNERS`` different name words in the corpus (:func:`partner_count`).
    """
    out: list[str] = []
    kept: list[int] = []  # positions in ``words`` of the words kept
    skip = False
    for i, w in enumerate(words):
        if skip:
            skip = False
            continue
        if w in LINKS and out:
            skip = True
            continue
        out.append(w)
        kept.append(i)
    if not _name_count(out) >= 2 or len(out) == len(words):
        return words  # عبد العزيز بن زيد is not the lone given name عبد العزيز
    if len(out) >= 3 and out[-2] == HOUSE:
        return words  # عبدالعزيز بن سلمان آل سعود is not عبدالعزيز آل سعود: a house holds many of one given name
    last, at = out[-1], kept[-1]
    father = words[at - 1] if at >= 2 and words[at - 2] in LINKS else ""
    if father and last.startswith("ال") and last[2:] != father and (partner_count(last[2:]) or 0) >= GIVEN_NAME_PARTNERS:
        return words
    return out


def _name_count(words: list[str]) -> int:
    return len(compound_words(words))


def compound_words(words: list[str]) -> list[str]:
    """Name words (key form) with a compound عبد X written as one word (عبد العزيز → عبدالعزيز: one given name)."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "عبد":
            out[-1] += w
        else:
            out.append(w)
    return out


def name_words(name: str, variants: bool = True) -> list[str]:
    """The words of ``name`` in key form: aliases applied, variants folded, the article dropped."""
    return list(_name_words(name, variants))


@lru_cache(maxsize=1 << 16)
def _name_words(name: str, variants: bool) -> tuple[str, ...]:
    """:func:`name_words`, kept for the names met most (the corpus steps ask for the same names again and again)."""
    key = norm_key(name).replace("-", " ")
    key = " ".join(key.split())
    key = _aliases().get(key, key)
    words = key.split(" ") if key else []
    if variants:
        words = [canonical_word(w) for w in words]
    return tuple(words)


on_registry_change(_name_words.cache_clear)  # the variants folded come from the registry in use


def name_key(name: str) -> str:
    """The key under which every spelling of one name coincides (words joined without spaces)."""
    return "".join(name_words(name))


def short_key(name: str) -> str:
    """The key of ``name`` without its ``بن X`` links (the name key itself when it has none).

    A father's compound name is one link (سلمان بن سلطان بن عبد العزيز has no surname «العزيز» to share with سلمان بن
    عبد العزيز: written with or without its space, عبد العزيز is one given name).
    """
    return "".join(_patronymic_free(compound_words(name_words(name))))


@cache
def _rates() -> dict[str, tuple[int, int, int]]:
    return {w: (int(t), int(n), int(p)) for w, t, n, p in load_table("name_words.tsv")}


def tagged_count(word: str) -> int:
    """How often ``word`` was inside a tagged name in the corpus sample (0 below three, ``name_words.tsv``)."""
    return _rates().get(norm_key(word), (0, 0, 0))[0]


def partner_count(word: str) -> int | None:
    """How many different name words ``word`` appears with in the corpus's names (None when unseen).

    A common given name (محمد، حسن) has hundreds; a family name written first (كيم) a few.
    """
    found = _rates().get(norm_key(word))
    return None if found is None else found[2]


def is_given_name(word: str) -> bool:
    """A word (key form) the corpus shows as a common given name: mostly inside names, beside many name words.

    تركي (95 different name words, 64% of its occurrences inside names) and عادل are; كيري
    (9) and دونالد (7) are surnames or rare first names; a word with the article (الشيخ), a
    link (بن) or shorter than three letters never is.
    """
    if len(word) < 3 or word.startswith("ال") or word in NO_SURNAME_AFTER:
        return False
    rate = ordinary_rate(word)
    return rate is not None and rate >= GIVEN_NAME_RATE and (partner_count(word) or 0) >= GIVEN_NAME_PARTNERS


def is_person_word(word: str) -> bool:
    """True for a word (key form) mostly inside tagged names and seen beside other name words: a surname (اليافعي).

    Unlike :func:`ordinary_rate`, rare words count (اليافعي is seen 27 times, always in a name); a
    place (إيران) or an organisation word is inside names too, but beside no person's name word.
    """
    tagged, total, partners = _rates().get(norm_key(word), (0, 0, 0))
    return total > 0 and tagged / total >= PERSON_WORD_RATE and partners > 0


def transliterations(a: str, b: str) -> bool:
    """True when two name words (key form) may be spellings of one foreign name: سرجي/سيرغي, ميشال/ميشيل.

    Their :func:`skeleton` agree and neither is a common given name of the corpus (seen with
    ``GIVEN_NAME_PARTNERS`` name words or more): native names that differ by a vowel letter
    are different names (سعد/سعيد, حسن/حسين, محمد/محمود), and so are جون and جين.
    """
    if a == b:
        return True
    return skeleton(a) == skeleton(b) and all((partner_count(w) or 0) < GIVEN_NAME_PARTNERS for w in (a, b))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_not_names.txt"))


def ordinary_rate(word: str) -> float | None:
    """Share of ``word``'s corpus occurrences inside a tagged name (None when seen too rarely to tell)."""
    tagged, total, _ = _rates().get(norm_key(word), (0, 0, 0))
    if total < MIN_SEEN:
        return None
    return tagged / total


_ENDINGS = ("ات", "ين", "ان", "ا")  # plural, dual and accusative endings: دولارات، دولارين، ريالا


@lru_cache(maxsize=1 << 16)  # asked of every one-word mention
def is_unit(word: str) -> bool:
    """True for a currency, unit or other common noun the tagger mistakes for a name (دولار، الريال، ريالًا، كيلومترات)."""
    key = norm_key(word)
    bare = key[2:] if key.startswith("ال") else key
    forms = [key, bare] + [bare[: -len(e)] for e in _ENDINGS if bare.endswith(e) and len(bare) - len(e) >= 3]
    return any(f in _not_names() for f in forms)


def is_ordinary(word: str) -> bool:
    """True when a one-word candidate name is a unit or, in the unlabelled corpus, mostly an ordinary word."""
    if is_unit(word):
        return True
    rate = ordinary_rate(word)
    return rate is not None and rate < ORDINARY_RATE
