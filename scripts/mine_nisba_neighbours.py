"""Mine the words SaudiNewsNet writes beside a country's indefinite adjective rather than beside a country's name.

سورية is Syria and the feminine adjective «Syrian»: «امرأة سورية» (a Syrian woman), «ميليشيات سورية», «سورية
الجنسية» are the adjective, «في سورية», «أصدقاء سورية» the country.  The corpus tells them apart through the
other countries, whose adjective and name differ: for every word the counts are taken of the times it stands right
before (side ``before``) or right after (side ``after``) an indefinite adjective of a known place (مصرية, عراقية,
سعودية: ``marsad.extract.entities.is_place_adjective`` of the form with the article, the form itself no place name)
and of the times it stands there beside a one-word place name written without the article (مصر, سوريا, إيران).
Words seen beside such adjectives at least ``--min-adjective`` times and at least ``--ratio`` times as often as
beside place names are written (tab-separated: side, word, adjective count, place count), most frequent first; so
is, on the ``before`` side, an indefinite feminine noun (ending in ة, no article: the adjective after it agrees with
it, «طائرة سورية», «أسرة سورية») seen before such adjectives at least ``--feminine-min`` times and at least as often
as before place names (``--feminine-ratio``; both counted only where the word is written with ة): a construct with the country is written with its name as often
(«حكومة سوريا», «دولة قطر», «مدينة حلب»), so those stay out.  A
one-word place mention shaped like its own adjective beside such a word is the adjective, no mention
(:func:`marsad.extract.entities.attributive`, from ``entity_nisba_neighbours.tsv``).  Words are read without their
proclitics (وسورية after مصرية).  The held-out third of the corpus (crc32(url) % 3 == 0) is left out.

Side ``accusative``: تركيا, سوريا, ليبيا are also the indefinite accusative masculine adjective written without its
tanwin («إن جنديا تركيا قتل», a Turkish soldier).  The words counted are indefinite accusative words written with
their alif (جنديا، دعما; no place name), right before another place's such adjective (مصريا، أمريكيا:
``marsad.extract.entities.accusative_place_adjective``, the form no place name) and right before a place name;
those seen before the adjectives at least ``--accusative-min`` times and ``--ratio`` times as often as before
place names are written.

Usage: python scripts/mine_nisba_neighbours.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > neighbours.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.known import shipped_registry
from marsad.extract.entities import accusative_place_adjective, indefinite_place_adjective, one_word_places
from marsad.text.clitics import name_word, stem_variants
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_words, mining_records

FEMININE = "feminine"  # the before side, counted only where the word is written with ة
ACCUSATIVE = "accusative"  # the before side of a masculine accusative adjective (جنديا مصريا)


def _is_place(key: str) -> bool:
    """A one-word place name written without the article (مصر, سوريا), by the gazetteer or the registry."""
    if key.startswith("ال"):
        return False
    if key in one_word_places():
        return True
    entry = shipped_registry().lookup(key)
    return entry is not None and entry.type == "LOC"


def _is_place_name(key: str) -> bool:
    """A one-word place name, its article allowed (ألمانيا, written المانيا, is Germany, no adjective)."""
    return key in one_word_places() or any(
        entry.type == "LOC" for entry in [shipped_registry().lookup(key)] if entry is not None)


def mine(path: str) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """Per side, the counts of each neighbour word beside indefinite place adjectives and beside place names."""
    sides: dict[str, tuple[Counter[str], Counter[str]]] = {
        side: (Counter(), Counter()) for side in ("before", "after", FEMININE, ACCUSATIVE)}
    kinds: dict[str, int] = {}  # word key -> 1 adjective, 2 place, 3 accusative adjective, 0 neither (cached)
    for record in mining_records(path):
        words = content_words(record)
        keys = [name_word(norm_key(w)) for w in words]
        for i, key in enumerate(keys):
            kind = kinds.get(key)
            if kind is None:
                kind = kinds[key] = (1 if indefinite_place_adjective(key) else 2 if _is_place(key)
                                     else 3 if accusative_place_adjective(key) and not _is_place_name(key) else 0)
            if not kind:
                continue
            # the accusative side's places leave out those shaped like the adjective (جنديا [تركيا]): the question
            if i and kind > 1 and _accusative_noun(keys[i - 1]) and not (kind == 2 and accusative_place_adjective(key)):
                sides[ACCUSATIVE][kind - 2][keys[i - 1]] += 1
            if kind == 3:
                continue
            for side, j in (("before", i - 1), ("after", i + 1)):
                if 0 <= j < len(keys) and keys[j][:1].isalpha():
                    sides[side][kind - 1][keys[j]] += 1
            if i and _feminine(words[i - 1], keys[i - 1]):
                sides[FEMININE][kind - 1][keys[i - 1]] += 1
    return sides


def _accusative_noun(key: str) -> bool:
    """An indefinite accusative word written with its alif (جنديا، دعما), no place name (فرنسا، وبريطانيا)."""
    return (key.endswith("ا") and len(key) > 2 and key[:1].isalpha() and not key.startswith("ال")
            and not any(_is_place(v) for v in stem_variants(key)))


def _feminine(written: str, key: str) -> bool:
    """A word written with the feminine ending ة and without the article: «طائرة», «أسرة» (not the pronoun of «بلده»)."""
    return written.endswith("ة") and not key.startswith("ال") and len(key) > 2


def main() -> None:
    """Print the neighbour words that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-adjective", type=int, default=5)
    parser.add_argument("--ratio", type=float, default=10.0)
    parser.add_argument("--feminine-min", type=int, default=1)
    parser.add_argument("--feminine-ratio", type=float, default=1.0)
    parser.add_argument("--accusative-min", type=int, default=2)
    args = parser.parse_args()
    sides = mine(args.path)
    feminine_adjective, feminine_place = sides.pop(FEMININE)
    accusative_place, accusative_adjective = sides.pop(ACCUSATIVE)
    for side, (adjective, place) in sides.items():
        rows = [(w, n, place[w]) for w, n in adjective.items() if n >= args.min_adjective and n >= args.ratio * place[w]]
        if side == "before":
            rows += [(w, n, feminine_place[w]) for w, n in feminine_adjective.items()
                     if n >= args.feminine_min and n >= args.feminine_ratio * feminine_place[w]
                     and not (n >= args.min_adjective and n >= args.ratio * place[w])]
        for word, n, p in sorted(rows, key=lambda r: (-r[1], r[0])):
            sys.stdout.write(f"{side}\t{word}\t{n}\t{p}\n")
    rows = [(w, n, accusative_place[w]) for w, n in accusative_adjective.items()
            if n >= args.accusative_min and n >= args.ratio * accusative_place[w]]
    for word, n, p in sorted(rows, key=lambda r: (-r[1], r[0])):
        sys.stdout.write(f"{ACCUSATIVE}\t{word}\t{n}\t{p}\n")


if __name__ == "__main__":
    main()
