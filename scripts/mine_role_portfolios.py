"""Mine the portfolios of a title: the word between a title and the holder's nationality («وزير [الدفاع] الأمريكي»).

In «وزير الدفاع الأمريكي» the masculine adjective agrees with the title وزير, not with the word between: the
phrase is a role (the US defense secretary), and «الدفاع الأمريكي» names no organisation (the department is
«وزارة الدفاع الأمريكية»).  The tagger still tags such a pair as an organisation, and the role join then never
reads the title.  The corpus tells a portfolio from an organisation named with an adjective («الجيش الأمريكي»,
«البرلمان اليوناني»): for every word with the article written right before a masculine adjective of a known place
(``marsad.extract.entities.masculine_place_adjective``: الأمريكي, السعودي, not الأمريكية), the counts are taken of all such pairs
and of those with a title (``ner_person_titles.txt``, a proclitic allowed: ووزير، لوزير) right before the word.  A
word seen there after one title at least ``--min-role`` times and in at least ``--share`` of all its pairs is that
title's portfolio: «الدفاع» stands after وزير in nearly all its uses before a country's adjective, «الجيش» almost
never.  Written tab-separated: title, portfolio, pairs after the title, all pairs; most frequent first.  The
held-out third of the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_role_portfolios.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > portfolios.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.extract.entities import masculine_place_adjective
from marsad.lexicons import load
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_keys, mining_records


def mine(path: str) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """The (title, word) pairs before a masculine place adjective, and every word's count there."""
    titles = frozenset(norm_key(w) for w in load("ner_person_titles.txt"))
    after_title: Counter[tuple[str, str]] = Counter()
    every: Counter[str] = Counter()
    adjectives: dict[str, bool] = {}
    for record in mining_records(path):
        keys = content_keys(record)
        for i in range(1, len(keys)):
            key = keys[i]
            adjective = adjectives.get(key)
            if adjective is None:
                adjective = adjectives[key] = masculine_place_adjective(key)
            word = keys[i - 1]
            if not adjective or not word.startswith("ال") or word == key:
                continue
            every[word] += 1
            if i > 1:
                title = next((v for v in stem_variants(keys[i - 2]) if v in titles), None)
                if title is not None:
                    after_title[title, word] += 1
    return after_title, every


def main() -> None:
    """Print the portfolios that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-role", type=int, default=20)
    parser.add_argument("--share", type=float, default=0.8)
    args = parser.parse_args()
    after_title, every = mine(args.path)
    rows = [(title, word, n, every[word]) for (title, word), n in after_title.items()
            if n >= args.min_role and n >= args.share * every[word]]
    for title, word, n, total in sorted(rows, key=lambda r: (-r[2], r[0], r[1])):
        sys.stdout.write(f"{title}\t{word}\t{n}\t{total}\n")


if __name__ == "__main__":
    main()
