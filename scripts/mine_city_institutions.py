"""Mine the adjectives that end the name of an institution called a city: «مدينة الملك فهد [الطبية]».

SaudiNewsNet names hospitals, sports grounds and economic zones «مدينة» + a name + an adjective: «مدينة الملك فهد
الطبية», «مدينة الأمير عبدالله الرياضية», «مدينة الملك عبدالله الاقتصادية».  Written after «مدينة» and a place the
same adjective names such an institution too («مدينة [جازان] الاقتصادية», Jazan Economic City), while an adjective
that describes the city («مدينة عدن الساحلية») is not written after a royal's name.  For every «مدينة» (a proclitic
allowed) followed by «الملك» or «الأمير», a given name, an optional «بن» + name, then a definite adjective (ال…ي/ية,
no stopword), the adjective is counted.  Adjectives seen at least ``--min-count`` times are written one a line, most
frequent first (``entity_city_institution_adjectives.txt``, read by
``marsad.extract.entities.name_place_organisations``).  The held-out third of the corpus (crc32(url) % 3 == 0) is
left out.

Usage: python scripts/mine_city_institutions.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > adjectives.txt
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import is_adjective
from marsad.text.clitics import stem_variants
from marsad.train.saudinewsnet import content_keys, mining_records

_CITY = "مدينه"
_ROYALS = frozenset({"الملك", "الامير"})


def mine(path: str) -> Counter[str]:
    """The count of each adjective written after «مدينة» + a royal's name."""
    counts: Counter[str] = Counter()
    for record in mining_records(path):
        keys = [k for k in content_keys(record) if k[:1].isalpha()]
        for i in range(len(keys) - 3):
            if _CITY not in stem_variants(keys[i]) or keys[i + 1] not in _ROYALS:
                continue
            j = i + 3 if i + 3 < len(keys) and keys[i + 3] != "بن" else i + 5
            if j < len(keys) and is_adjective(keys[j]) and keys[j] not in STOPWORDS:
                counts[keys[j]] += 1
    return counts


def main() -> None:
    """Print the adjectives that pass the threshold."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-count", type=int, default=4)
    args = parser.parse_args()
    for adjective, n in mine(args.path).most_common():
        if n >= args.min_count:
            sys.stdout.write(f"{adjective}\t{n}\n")


if __name__ == "__main__":
    main()
