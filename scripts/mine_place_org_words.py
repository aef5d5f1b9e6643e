"""Mine the adjectives that end an organisation's name after a place: «بنك [إيران] المركزي», «نادي [جدة] الأدبي».

For every head word of ``entity_place_org_heads.txt`` (a proclitic allowed) written right before a one-word place
(the gazetteer's one-word places or a registered place) and then a definite adjective (ال…ي/ية) that is no stopword,
no place's nisba (``marsad.extract.entities.is_place_adjective``) and no last word of a multi-word place of the
gazetteer or the registry (الشمالية of كوريا الشمالية: «اتحاد أمريكا الشمالية» names a continent), the distinct (head, place) pairs are counted per adjective.  Adjectives seen with at
least ``--min-pairs`` pairs name organisations (المركزي with بنك فرنسا, مصرف ليبيا...); one seen with a single pair
may only describe it («سهم بنك الرياض الحالي»).  They are written one a line, most pairs first
(``entity_place_org_adjectives.txt``, read by ``marsad.extract.entities.name_place_organisations``).  The held-out
third of the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_place_org_words.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > adjectives.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from marsad.corpus.known import shipped_registry
from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import is_adjective, is_place_adjective, is_place_word, place_org_heads_of
from marsad.extract.ner.gazetteers import lexicon_resources
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_keys, mining_records


def _place_endings() -> frozenset[str]:
    """The last words of the multi-word places of the gazetteer and the registry (الشماليه, المتحده)."""
    names = list(lexicon_resources().places.entries)
    for entry in shipped_registry().entries.values():
        if entry.type == "LOC":
            names.extend(norm_key(f) for f in (entry.name, *entry.variants))
    return frozenset(n.split()[-1] for n in names if " " in n)


def mine(path: str) -> dict[str, set[tuple[str, str]]]:
    """The (head, place) pairs written before each candidate adjective."""
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    endings = _place_endings()
    for record in mining_records(path):
        keys = [k for k in content_keys(record) if k[:1].isalpha()]
        for i in range(len(keys) - 2):
            heads = place_org_heads_of(keys[i])
            head, place, adjective = heads[0] if heads else "", keys[i + 1], keys[i + 2]
            if (head and is_place_word(place) and is_adjective(adjective) and adjective not in STOPWORDS
                    and not is_place_adjective(adjective) and adjective not in endings):
                pairs[adjective].add((head, place))
    return pairs


def main() -> None:
    """Print the adjectives that pass the threshold."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-pairs", type=int, default=2)
    args = parser.parse_args()
    rows = [(a, len(p)) for a, p in mine(args.path).items() if len(p) >= args.min_pairs]
    for adjective, n in sorted(rows, key=lambda r: (-r[1], r[0])):
        sys.stdout.write(f"{adjective}\t{n}\n")


if __name__ == "__main__":
    main()
