"""Name lists for the NER tagger: places, training names, person titles, organisation heads.

Every entry is held in key form (:func:`marsad.text.normalize.norm_key`); a name matches
with clitics on its first word (لكوريا الشمالية).  The lists themselves are data files in
``marsad/lexicons`` and ``marsad/models``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count, repeat

from marsad.lexicons import load, load_table
from marsad.text.clitics import stem_variants
from marsad.text.normalize import key_text, norm_key, normalize

_UNWRITTEN = {0x0640: None, 0x0651: None}  # tatweel, shadda


@dataclass
class Gazetteer:
    """Multi-word names (as key tuples) with a type, matched longest-first; clitics allowed on word one."""

    entries: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    longest: int = 1
    # per one-word name (key form), the written forms it takes (:func:`written_form`): a word read as that name but
    # written otherwise, with marks its key drops (tanwin, harakat, another hamza seat or madda), is not that name
    forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # the one-word names whose key is as often another word (:data:`HOMOGRAPH_SHARE`): matched, but only a hint
    homographs: frozenset[str] = frozenset()
    # per word key, the names' tails of each of its readings that begins a name, with the numbers of words the
    # names beginning with that reading have, most first (filled as keys are met)
    _heads: dict[str, tuple[tuple[dict[tuple[str, ...], str], tuple[int, ...]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # the same for each first word of a name (made on first use)
    _firsts: dict[str, tuple[dict[tuple[str, ...], str], tuple[int, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def add(self, keys: Sequence[str], label: str) -> None:
        """Add one name given as its word keys."""
        if not keys:
            return
        self.entries.setdefault(keys[0], {})[tuple(keys[1:])] = label
        self.longest = max(self.longest, len(keys))
        self._heads.clear()
        self._firsts.clear()

    def _tails(self, key: str) -> tuple[tuple[dict[tuple[str, ...], str], tuple[int, ...]], ...]:
        """The tails of the names beginning with each reading of ``key`` (the word itself first), with the numbers
        of words of those names, most first."""
        firsts = self._firsts
        if not firsts:
            firsts.update(
                (first, (tails, tuple(sorted({1 + len(tail) for tail in tails}, reverse=True))))
                for first, tails in self.entries.items() if tails
            )
        found = self._heads[key] = tuple(map(firsts.__getitem__, filter(firsts.__contains__, stem_variants(key))))
        return found

    def refuses(self, key: str, word: str) -> bool:
        """True when every one-word name ``key`` reads as has written forms (:attr:`forms`) and ``word``, as written,
        is none of them and is marked (:func:`is_marked`): «دوماً» (tanwin) is not دوما, «مآرب» (madda) not مأرب,
        «تعزُّ» (a verb) not تعز; a bare spelling («الاسماعيلية» for «الإسماعيلية») is no sign and is matched."""
        names = [r for r in stem_variants(key) if () in self.entries.get(r, {})]
        return bool(names) and all(
            r in self.forms and (form := written_form(word, r)) is not None and is_marked(form)
            and form not in self.forms[r] for r in names
        )

    def homograph(self, key: str) -> bool:
        """True when ``key`` reads as a one-word name that is often another word (دوما, «always»)."""
        return not self.homographs.isdisjoint(stem_variants(key))

    def match(self, keys: Sequence[str], words: Sequence[str] | None = None) -> list[str]:
        """Tag each position with ``TYPE-B``/``TYPE-I`` for the longest names found, '' elsewhere.

        ``words``: the words as written; a one-word name whose word is written in a form the name never takes
        (:meth:`refuses`) is then not matched."""
        out = [""] * len(keys)
        heads = self._heads
        # the positions whose word may begin a name (known to, or not yet looked up): most words begin none
        candidates = compress(count(), map(heads.get, keys, repeat(True)))
        free = 0  # the first position not inside a name found
        for i in candidates:
            if i < free:
                continue
            found = heads.get(keys[i])
            if found is None:
                found = self._tails(keys[i])
            best = 0
            best_label = ""
            for tails, sizes in found:
                for n in sizes:  # only the lengths some name has
                    if n <= best:
                        break
                    if i + n > len(keys):
                        continue
                    label = tails.get(tuple(keys[i + 1:i + n]))
                    if label is not None:
                        best, best_label = n, label
                        break
            if best == 1 and words is not None and self.forms and self.refuses(keys[i], words[i]):
                continue
            if best:
                out[i] = best_label + "-B"
                for j in range(i + 1, i + best):
                    out[j] = best_label + "-I"
                free = i + best
        return out


def written_form(word: str, reading: str) -> str | None:
    """The written form of ``word`` read as ``reading`` (its key with proclitics off): the word from the letter the
    reading begins at, as written (hamza seats, madda, tanwin, harakat kept; tatweel and shadda off: a shadda
    doubles a letter of the name, «الفلّوجة», and does not choose another word): «ودوماً» → «دوماً», «فَأَبَيْنَ» →
    «أَبَيْنَ».  None when the reading is not the key's end (للطائف read as الطائف)."""
    norm = normalize(word)
    if not norm.text.endswith(reading):
        return None
    return word[norm.offsets[len(norm.text) - len(reading)]:].translate(_UNWRITTEN)


HAMZA_SEATS = frozenset("آأإؤئ")


def is_marked(form: str) -> bool:
    """True for a written form with a mark a bare spelling leaves out: harakat or tanwin (characters keys drop), a
    madda or a hamza on its seat."""
    return len(key_text(form)) != len(form) or not HAMZA_SEATS.isdisjoint(form)


def name_spans(found: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """The names of a :meth:`Gazetteer.match` result as (start, end, type) spans, in order."""
    for i in compress(count(), found):  # the positions inside a name ('' elsewhere): each name's first yields it
        if found[i].endswith("-B"):
            j = i + 1
            while j < len(found) and found[j].endswith("-I"):
                j += 1
            yield i, j, found[i][:-2]


def gazetteer_from_names(names: Iterable[tuple[Sequence[str], str]]) -> Gazetteer:
    """Build a gazetteer from (word keys, type) pairs, keeping each name's most frequent type."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for keys, label in names:
        votes.setdefault(tuple(keys), Counter())[label] += 1
    gaz = Gazetteer()
    for keys, counter in sorted(votes.items()):
        gaz.add(keys, counter.most_common(1)[0][0])
    return gaz


@dataclass(frozen=True)
class Lexicons:
    """The hand-written and CLDR-derived lists the tagger flags words with."""

    places: Gazetteer
    titles: frozenset[str]
    org_heads: frozenset[str]
    loc_triggers: frozenset[str]


def parse_names(text: str) -> Gazetteer:
    """Parse a ``name<TAB>TYPE`` gazetteer TSV (``#`` comment lines skipped)."""
    gaz = Gazetteer()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, label = line.partition("\t")
        gaz.add(norm_key(name).split(" "), label)
    return gaz


def _keyset(name: str) -> frozenset[str]:
    return frozenset(norm_key(w) for w in load(name))


# A mined place is a homograph when this share of its key's uses or more is written in a marked form it never takes
# (the last column of ner_places_mined.tsv): «دوماً», «دومًا» are 0.26 of «دوما»'s, the next place's share is 0.09.
HOMOGRAPH_SHARE = 0.1


def place_gazetteer() -> Gazetteer:
    """Countries, regions and cities in Arabic (CLDR names via babel, ``ner_places.tsv``, ``ner_places_extra.tsv``, and
    the frequent places of SaudiNewsNet they miss, ``ner_places_mined.tsv``, with the written forms each mined place
    takes after a place trigger and the share of its key's uses written as another word in its last two)."""
    gaz = Gazetteer()
    homographs: set[str] = set()
    for name in ("ner_places.tsv", "ner_places_extra.tsv", "ner_places_mined.tsv"):
        for row in load_table(name):
            gaz.add(norm_key(row[0]).split(" "), "LOC")
            if name == "ner_places_mined.tsv" and len(row) > 7:
                gaz.forms[norm_key(row[0])] = frozenset(row[6].split(" "))
                if float(row[7]) >= HOMOGRAPH_SHARE:
                    homographs.add(norm_key(row[0]))
    gaz.homographs = frozenset(homographs)
    return gaz


@cache
def mined_places() -> frozenset[str]:
    """The places of ``ner_places_mined.tsv`` (key forms): the frequent SaudiNewsNet places CLDR's lists miss."""
    return frozenset(norm_key(row[0]) for row in load_table("ner_places_mined.tsv"))


@cache
def lexicon_resources() -> Lexicons:
    """The shipped lexicons (loaded once)."""
    return Lexicons(
        places=place_gazetteer(),
        titles=_keyset("ner_person_titles.txt"),
        org_heads=_keyset("ner_org_heads.txt"),
        loc_triggers=_keyset("ner_loc_triggers.txt"),
    )
