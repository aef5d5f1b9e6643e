"""Mine the fixed multi-word names that contain a place: «الشبكة السعودية للمدفوعات», «سوق دبي المالي», «أوروبا الشرقية».

A company, exchange, bank, agency, newspaper, club, district or region named with a place («الشبكة [السعودية]
للمدفوعات», «وكالة أنباء [البحرين]», «[أوروبا] الشرقية») is another referent than the place, but the tagger tags the
place word alone and the corpus step files the mention under the place.  Such names are fixed: the corpus writes the
same words around the place word again and again, in several outlets.  For every one-word place
(:func:`marsad.extract.entities.is_place_word`, written bare or with the article, not a word of a longer place of the
gazetteer) and every n-gram of two to four words around it (the first word counted as its head reading, «لبنك» →
بنك, or without a conjunction or preposition before its article), the miner counts the n-gram and the outlets writing
it.  An n-gram seen ``--min-count`` times in ``--min-outlets`` outlets is a name when it has a name's shape
(:func:`label`) and is closed:

* opened by a head (``entity_place_org_heads.txt``, ``entity_place_name_heads.txt``, a place trigger of
  ``ner_loc_triggers.txt``) and going on after the place with an organisation's ending (bare definite words, a ل +
  definite noun and what is coordinated after it, never a person's title): the head almost always comes before the
  rest (the n-gram is at least ``--min-share`` of the n-gram without its head: «دبي المالي» after «سوق»); after a place
  trigger only one region adjective (``entity_place_region_adjectives.txt``) that almost always follows («بحر الصين
  الجنوبي»: at least ``--min-share`` of the n-gram without its last word); nothing after the place only after a media,
  agency or market head (``entity_place_name_heads.txt``: «صحيفة مكة», «وكالة أنباء البحرين»);
* opened by the place: a region adjective (LOC: «أوروبا الشرقية»), a masculine place adjective (a club: «الكويت
  الكويتي») or an organisation adjective («الإمارات دبي الوطني»); the two-word form must be a collocation: at least
  ``--min-place-share`` of the place's uses and ``--min-ratio`` times what the two words' frequencies predict; and no
  one word before it may take ``--min-share`` of its uses («[ريال] مدريد الإسباني» is the longer name);
* no name may go on with one ending word that takes ``--min-share`` of its uses (then the longer one is the name).

Two more kinds follow the names (:func:`short_forms`, :func:`towns`): a head and a place with nothing after them that
go on with one name's ending in at least ``--min-share`` of their uses, the short form of that name («مستشفى عسير»,
54 of its 60 uses «مستشفى عسير المركزي»), ORG; and a place of two words, a town and its region («محايل عسير»: a word
written before that place in at least ``--min-share`` of its uses, the pair after a place trigger in at least
``--min-placed`` of its uses), LOC.

Never a free adjective: a place after a definite word with nothing after it («الحكومة السعودية», «سوق الأسهم
السعودية») is the place's adjective, nor a city's own body («غرفة جدة»: a head of ``entity_place_org_heads.txt`` with
nothing after the place is left to ``entity_place_org_short_heads.tsv``).  The label is LOC after a place trigger or for
a region, ORG otherwise.  The held-out third of the corpus (crc32(url) % 3 == 0) and the days given with
``--exclude-day`` (an audit's unseen test day) are left out.

Usage: python scripts/mine_place_names.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz \
           --exclude-day 2015-07-22 --exclude-day 2015-08-07 > names.tsv   (the header of
       src/marsad/lexicons/entity_place_names.tsv above it; with --brands, of entity_place_brands.tsv)
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache

from marsad.corpus.names import ORDINARY_RATE, is_given_name, is_person_word, ordinary_rate
from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import (
    is_club_word,
    is_definite_word,
    is_place_adjective,
    is_place_word,
    lexicon_resources,
    place_org_heads,
    place_org_heads_of,
)
from marsad.lexicons import load, load_table
from marsad.text.clitics import is_lam_article_word, name_word, stem_variants, strip_clitics
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_keys, mining_records

_MAX = 4


def _is_word(key: str) -> bool:
    return key[:1].isalpha() and not key.isdigit()


def _grams(keys: list[str], i: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of the n-grams of two to four words around the place at ``i`` (words only)."""
    for a in range(max(0, i - _MAX + 1), i + 1):
        for b in range(max(i + 1, a + 2), min(len(keys), a + _MAX) + 1):
            if all(_is_word(k) for k in keys[a:b]):
                yield a, b


def _first(key: str) -> str:
    """The form a name's first word is counted under: without a conjunction or preposition before its article
    («والشركة» → الشركة), an indefinite word as its head reading («لبنك» → بنك)."""
    word = name_word(key)
    if word.startswith("ال"):
        return word
    return next((v for v in stem_variants(key) if v in place_org_heads() or v in _heads()), key)


def _gram(keys: list[str], a: int, b: int) -> tuple[str, ...]:
    return (_first(keys[a]), *keys[a + 1:b])


@cache
def _heads() -> frozenset[str]:
    return frozenset(lexicon_resources().loc_triggers) | _media_heads()


@cache
def _media_heads() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_place_name_heads.txt"))


@cache
def _region_adjectives() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("entity_place_region_adjectives.txt"))


@cache
def _org_adjectives() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in load_table("entity_place_org_adjectives.txt"))


def _is_trigger(key: str) -> bool:
    return any(v in lexicon_resources().loc_triggers for v in stem_variants(key))


def _is_head(key: str) -> bool:
    """A head of organisations named by a place (``entity_place_org_heads.txt``: not an army's, ministry's or national
    team's, which are the country's), of media and markets, or a place trigger."""
    return bool(place_org_heads_of(key)) or any(v in _heads() for v in stem_variants(key))


def _bare_place(key: str) -> bool:
    """A place word written bare or with the article («بجدة», «وجدة» are no name's words; «بغداد», «لندن», «فرنسا»
    are places whole, their first letter no clitic: what is left without it is no place)."""
    pre, stem = strip_clitics(key)
    return is_place_word(key) and (pre in ("", "ال") or not is_place_word(stem))


def mine(path: str, exclude: tuple[str, ...]) -> tuple[Counter[tuple[str, ...]], dict[tuple[str, ...], set[str]],
                                                      Counter[str], int]:
    """Count the n-grams around one-word places and their outlets, every word (its conjunction or preposition before
    the article off) and all words.  An n-gram one word shorter at the end away from the place, or one word longer,
    is an n-gram around the place too, so its count is in the same table."""
    grams: Counter[tuple[str, ...]] = Counter()
    outlets: dict[tuple[str, ...], set[str]] = defaultdict(set)
    words: Counter[str] = Counter()
    total = 0
    for record in mining_records(path):
        if str(record.get("date_extracted", "")).startswith(exclude):
            continue
        keys = content_keys(record)
        words.update(map(name_word, keys))
        total += len(keys)
        known = lexicon_resources().places.match(keys)
        for i, key in enumerate(keys):
            if (not _bare_place(key) or known[i].endswith("-I")
                    or (i + 1 < len(keys) and known[i + 1].endswith("-I"))):
                continue  # «المملكة العربية السعودية»: a word of a longer place
            for a, b in _grams(keys, i):
                gram = _gram(keys, a, b)
                grams[gram] += 1
                outlets[gram].add(str(record.get("source")))
    return grams, outlets, words, total


def _ending(words: tuple[str, ...]) -> bool:
    """True for words that end an organisation's or a district's name after its place: definite words written bare
    (adjectives, الوطني، الجديدة), a ل + definite noun and the definite words coordinated after it («للثقافة
    والفنون»), or another place before them («الإمارات [دبي] الوطني»); never a person's title, which opens the next
    name («الهيئة السعودية للمهندسين [الدكتور]»), nor a place last («العاصمة السعودية [الرياض]»)."""
    lam = False
    for k in words:
        lam = lam or is_lam_article_word(k)
        if k in STOPWORDS or k in _titles() or not (
                strip_clitics(k)[0] == "ال" or is_lam_article_word(k) or (lam and k.startswith("وال"))
                or (k is not words[-1] and _bare_place(k))):
            return False
    return not _bare_place(words[-1])


@cache
def _titles() -> frozenset[str]:
    return frozenset(norm_key(w) for w in load("ner_person_titles.txt"))


Counts = tuple[Counter[tuple[str, ...]], dict[tuple[str, ...], set[str]], Counter[str], int]


def scored(counts: Counts, min_count: int, min_outlets: int) -> Iterator[tuple[tuple[str, ...], str, list[float]]]:
    """Each n-gram seen ``min_count`` times in ``min_outlets`` outlets that has a name's shape, with its label and
    figures: count, outlets, the share of its uses without its first word that have it (left), the share of its first
    word's uses that it is (right: a brand before a place), the place's share of its uses and the collocation ratio
    (two-word names opened by the place), and the largest share of its uses one word before it takes (opened by the
    place: a longer name).  A share that does not apply is 1 (0 for the last)."""
    grams, outlets, words, total = counts
    before: Counter[tuple[str, ...]] = Counter()  # the most frequent n-gram one word longer at the front
    for gram, n in grams.items():
        rest = (_first(gram[1]), *gram[2:])
        before[rest] = max(before[rest], n)
    after = _going_on(grams)
    for gram, n in grams.most_common():
        if n < min_count or len(outlets[gram]) < min_outlets:
            continue
        place = next((i for i, k in enumerate(gram) if _bare_place(k)), None)
        tag = None if place is None else label(gram, place)
        if place is None or tag is None:
            continue
        left = right = share = 1.0
        ratio = math.inf
        if place and len(gram) > 2:  # «صوت إسرائيل» almost always after «إذاعة»
            left = n / max(grams[(_first(gram[1]), *gram[2:])], n)
        if place and tag == "LOC":  # «منطقة بغداد» almost always goes on with «الجديدة»
            right = n / max(grams[gram[:-1]], n)
        if not place and len(gram) == 2:
            share = n / max(words[gram[0]], 1)
            ratio = n * total / max(words[gram[0]] * words[name_word(gram[1])], 1)
        longer = max(0 if place else before[gram], after[gram]) / n  # «[ريال] مدريد الإسباني»
        yield gram, tag, [n, len(outlets[gram]), left, right, share, ratio, longer]


def _going_on(grams: Counter[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """For each n-gram, the count of the most frequent n-gram one word longer at the end whose last word ends a name
    (:func:`_ending`): «سوق دبي [المالي]»."""
    after: Counter[tuple[str, ...]] = Counter()
    for gram, n in grams.items():
        if _ending(gram[-1:]):
            after[gram[:-1]] = max(after[gram[:-1]], n)
    return after


def short_forms(counts: Counts, min_count: int, min_outlets: int,
                min_share: float) -> Iterator[tuple[tuple[str, ...], list[float]]]:
    """Each head and place with nothing after it («مستشفى عسير») seen ``min_count`` times in ``min_outlets`` outlets
    that goes on with one name's ending in at least ``min_share`` of its uses («مستشفى عسير [المركزي]» 54 of 60): the
    short form of that organisation's name, with its count, outlets and that share.  The head is indefinite
    (``entity_place_org_heads.txt``; «غرفة الرياض» goes on 0.1 of the time, the city's own body) and no club word,
    whose place names the club in the whole document (:func:`marsad.extract.entities._mark_clubs`)."""
    grams, outlets, _, _ = counts
    after = _going_on(grams)
    for gram, n in grams.most_common():
        if (len(gram) == 2 and n >= min_count and len(outlets[gram]) >= min_outlets and after[gram] >= min_share * n
                and _bare_place(gram[1]) and place_org_heads_of(gram[0]) and not is_definite_word(gram[0])
                and not is_club_word(gram[0])):
            yield gram, [n, len(outlets[gram]), after[gram] / n]


def label(gram: tuple[str, ...], place: int) -> str | None:
    """ORG or LOC for a name around the place at ``place``, None for no name by its shape.

    Opened by a head: ORG, or LOC after a place trigger when one region adjective ends it («منطقة بغداد الجديدة»,
    «بحر الصين الجنوبي»; «منطقة الرياض» or «مدينة جدة السعودية» are the place itself); with nothing after the place,
    two words or a head, a word and the place («إذاعة صوت إسرائيل»).  Opened by the place: one region adjective makes
    a region (LOC: «أوروبا الشرقية»), a masculine place adjective a club («الكويت الكويتي»), an organisation adjective
    an organisation («الإمارات دبي الوطني»); a ل + definite noun after a place is read by
    ``entity_place_org_lam_words.tsv`` (a purpose as often: «امتلاك إيران للسلاح النووي»)."""
    first, rest = gram[0], gram[place + 1:]
    if first in STOPWORDS or (rest and not _ending(rest)):
        return None
    if place:
        between = gram[1:place]
        if not _is_head(first) or any(strip_clitics(k)[0] not in ("", "ال") or k in STOPWORDS for k in between):
            return None
        if _is_trigger(first):
            return "LOC" if len(rest) == 1 and rest[0] in _region_adjectives() else None
        if not rest and (len(gram) > 3 or first not in _media_heads()
                         or is_definite_word(first) or (between and is_definite_word(between[-1]))):
            return None  # «غرفة الرياض», «الحكومة السعودية»: the place's own body, the place's adjective
        return "ORG"
    if not rest or any(map(is_lam_article_word, rest)):
        return None
    if any(k in _org_adjectives() for k in rest):
        return "ORG"
    if len(rest) == 1 and rest[0] in _region_adjectives():
        return "LOC"  # «أوروبا الشرقية», «القدس الشرقية»
    if len(rest) == 1 and is_place_adjective(rest[0]) and rest[0].endswith("ي"):
        return "ORG"  # «الكويت الكويتي»: a club called by its city and country
    return None


def brand_word(key: str, words: Counter[str]) -> str:
    """The reading a word before a place is counted under as a brand: without a conjunction or preposition when the
    corpus writes the rest more often («وزين» → زين; «بيونغ» stays)."""
    return max(stem_variants(key), key=lambda v: (words[v], v == key))


def brand_shape(word: str, words: Counter[str], max_article: float) -> bool:
    """True for a word that may open a brand named by a place without a head («[أرامكو] السعودية», «[زين]
    السعودية»): indefinite and seldom written with the article (below ``max_article`` of its uses: not a noun,
    «ريف حلب», «أكراد سوريا», «مواليد السعودية», «سلطنة عمان»), no stopword, place, head or title, mostly inside
    tagged names in the corpus (:func:`marsad.corpus.names.ordinary_rate`: not an ordinary word nor a verb, «أبرمته
    إيران»), and neither a common given name nor a person's name word (a person and a place: «تركي السعودية» is two
    names)."""
    rate = ordinary_rate(word)
    return (len(word) > 2 and _is_word(word) and not word.startswith("ال") and word not in STOPWORDS
            and words["ال" + word] < max_article * words[word]
            and not _bare_place(word) and not _is_head(word) and word not in _titles()
            and rate is not None and rate >= ORDINARY_RATE and not is_given_name(word) and not is_person_word(word))


Pairs = tuple[Counter[tuple[str, str]], dict[tuple[str, str], set[str]], Counter[tuple[str, str]]]


def word_place_pairs(counts: Counts) -> Pairs:
    """The pairs «WORD PLACE» (the word as :func:`brand_word` reads it, no place), their outlets, and how often each is
    written right after a place trigger («محافظة محايل عسير»)."""
    grams, outlets, words, _ = counts
    pairs: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    for gram, n in grams.items():
        if len(gram) == 2 and _bare_place(gram[1]) and not _bare_place(gram[0]):
            pair = (brand_word(gram[0], words), gram[1])
            pairs[pair] += n
            where[pair] |= outlets[gram]
    placed: Counter[tuple[str, str]] = Counter()  # the pairs written after a place trigger: «محافظة محايل عسير»
    for gram, n in grams.items():
        if len(gram) == 3 and _is_trigger(gram[0]) and (pair := (brand_word(gram[1], words), gram[2])) in pairs:
            placed[pair] += n
    return pairs, where, placed


def brands(counts: Counts, min_count: int, min_outlets: int,
           max_article: float) -> Iterator[tuple[tuple[str, str], list[float]]]:
    """Each pair «WORD PLACE» seen ``min_count`` times in ``min_outlets`` outlets whose word has a brand's shape
    (:func:`brand_shape`) and that is seldom written after a place trigger (below ``max_article`` of its uses: a
    place of two words, «محافظة محايل عسير», :func:`towns`), with its count, outlets, the share of the word's uses it
    is, and the word's rate inside tagged names."""
    words = counts[2]
    pairs, where, placed = word_place_pairs(counts)
    for (word, place), n in pairs.most_common():
        if (n >= min_count and len(where[word, place]) >= min_outlets and brand_shape(word, words, max_article)
                and placed[word, place] < max_article * n):
            yield (word, place), [n, len(where[word, place]), n / max(words[word], n), ordinary_rate(word) or 0.0]


def towns(counts: Counts, min_count: int, min_outlets: int, min_share: float,
          min_placed: float) -> Iterator[tuple[tuple[str, str], list[float]]]:
    """Each place of two words, a town and its region («محايل عسير»): a pair «WORD PLACE» seen ``min_count`` times
    in ``min_outlets`` outlets, written after a place trigger in at least ``min_placed`` of its uses («محافظة محايل
    عسير»; the brands of :func:`brands` seldom are), whose word is written before that place in at least
    ``min_share`` of its uses (50 of «محايل»'s 53; «ريف إدلب» 0.19, «قطاع غزة» 0.06), indefinite, and no
    stopword, head or place; with its count, outlets, the share after a trigger and the word's share."""
    words = counts[2]
    pairs, where, placed = word_place_pairs(counts)
    for (word, place), n in pairs.most_common():
        share = n / max(words[word], n)
        if (n >= min_count and len(where[word, place]) >= min_outlets and placed[word, place] >= min_placed * n
                and share >= min_share and word not in STOPWORDS and not is_definite_word(word)
                and not _is_head(word) and not _bare_place(word)):
            yield (word, place), [n, len(where[word, place]), placed[word, place] / n, share]


def main() -> None:
    """Print the names that pass (the name in key form, its label, count, outlets, left and right shares, the place's
    share, the ratio) to stdout, and the others of a name's shape to stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--exclude-day", action="append", default=[])
    parser.add_argument("--min-count", type=int, default=4)
    parser.add_argument("--min-outlets", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.5)
    parser.add_argument("--min-place-share", type=float, default=0.005)
    parser.add_argument("--min-ratio", type=float, default=20.0)
    parser.add_argument("--brands", action="store_true",
                        help="print the brands named by a place without a head («أرامكو السعودية») instead")
    parser.add_argument("--min-brand-share", type=float, default=0.1)
    parser.add_argument("--max-article", type=float, default=0.1)
    parser.add_argument("--min-placed", type=float, default=0.25,
                        help="the share of a town's uses written after a place trigger («محافظة محايل عسير»)")
    args = parser.parse_args()
    counts = mine(args.path, tuple(args.exclude_day))
    if args.brands:
        for (word, place), (n, outlets, share, rate) in brands(counts, args.min_count, args.min_outlets, args.max_article):
            line = f"{word} {place}\tORG\t{n:.0f}\t{outlets:.0f}\t{share:.3f}\t{rate:.2f}\n"
            (sys.stdout if share >= args.min_brand_share else sys.stderr).write(line)
        return
    for gram, tag, (n, outlets, left, right, share, ratio, longer) in scored(counts, args.min_count, args.min_outlets):
        line = f"{' '.join(gram)}\t{tag}\t{n:.0f}\t{outlets:.0f}\t{left:.2f}\t{right:.2f}\t{share:.3f}\t{ratio:.0f}\n"
        keep = (min(left, right) >= args.min_share and share >= args.min_place_share and ratio >= args.min_ratio
                and longer < args.min_share)
        (sys.stdout if keep else sys.stderr).write(line)
    for gram, (n, outlets, going_on) in short_forms(counts, args.min_count, args.min_outlets, args.min_share):
        sys.stdout.write(f"{' '.join(gram)}\tORG\t{n:.0f}\t{outlets:.0f}\t{going_on:.2f}\n")
    for pair, (n, outlets, placed, share) in towns(counts, args.min_count, args.min_outlets, args.min_share,
                                                   args.min_placed):
        sys.stdout.write(f"{' '.join(pair)}\tLOC\t{n:.0f}\t{outlets:.0f}\t{placed:.2f}\t{share:.2f}\n")


if __name__ == "__main__":
    main()
