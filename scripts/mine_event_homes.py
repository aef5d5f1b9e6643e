"""Mine the place adjective SaudiNewsNet writes after a definite word far more often than any other.

«السوبر» alone is the Saudi Super Cup in the Saudi press, «السوبر السعودي» written out; other countries'
cups are written with their adjective («السوبر الأوروبي», «السوبر الإسباني»).  For every definite word
followed by the nisba adjective of a known place (:func:`marsad.extract.entities.is_place_adjective`, or
the masculine of a place named by its own nisba, السعودي; a feminine adjective counted as its masculine,
«السوبر الأوروبية» as «السوبر الأوروبي», since it agrees with كأس or بطولة before the name) the pairs are
counted.  A word written so at least ``--min-qualified`` times, one adjective of which takes at least
``--min-share`` of those uses, written after a competition head (كأس، بطولة، لقب) at least
``--min-headed`` times and no place itself, is written (tab-separated: word, adjective, its count, all
qualified uses), most used first.  Resolution keys a one-word event (MISC) of such a word that its
document does not qualify otherwise as the word with that adjective, so the bare «السوبر» and «السوبر
السعودي» are one cup (``entity_event_homes.tsv``, :func:`marsad.corpus.entities.event_home`).  The
held-out third of the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_event_homes.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > homes.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from itertools import pairwise

from marsad.extract.entities import is_place_adjective, is_place_word
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_keys, mining_records


def masculine(adjective: str) -> str:
    """The masculine of a place's nisba adjective (key form: الاوروبيه → الاوروبي)."""
    return adjective[:-1] if adjective.endswith("يه") else adjective


def own_nisba(key: str) -> bool:
    """The masculine adjective of a place named by its own feminine nisba (السعودي of السعودية), which
    :func:`marsad.extract.entities.is_place_adjective` leaves out (its feminine is the place's name)."""
    return key.startswith("ال") and key.endswith("ي") and is_place_word(key + "ه")


COMPETITION_HEADS = frozenset(norm_key(w) for w in ("كأس", "بطولة", "بطولتي", "لقب"))  # كأس السوبر, بطولة السوبر


def mine(path: str) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per definite word, the counts of the place adjectives written right after it, and of competition heads
    (``COMPETITION_HEADS``) written right before it."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    headed: Counter[str] = Counter()
    adjectives: dict[str, bool] = {}
    for record in mining_records(path):
        keys = content_keys(record)
        for before, word in pairwise(keys):
            if before in COMPETITION_HEADS and word.startswith("ال"):
                headed[word] += 1
        for word, nxt in pairwise(keys):
            if not word.startswith("ال") or not nxt.startswith("ال"):
                continue
            known = adjectives.get(nxt)
            if known is None:
                known = adjectives[nxt] = is_place_adjective(nxt) or own_nisba(nxt)
            if known:
                found[word][masculine(nxt)] += 1
    return found, headed


def main() -> None:
    """Print the words that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-qualified", type=int, default=20)
    parser.add_argument("--min-share", type=float, default=0.6)
    parser.add_argument("--min-headed", type=int, default=10)
    args = parser.parse_args()
    found, headed = mine(args.path)
    rows = []
    for word, counts in found.items():
        total = sum(counts.values())
        adjective, top = counts.most_common(1)[0]
        if (total >= args.min_qualified and top >= args.min_share * total and headed[word] >= args.min_headed
                and not is_place_word(word)):  # «بطولة المملكة» is a place's championship, not an event's name
            rows.append((word, adjective, top, total))
    for word, adjective, top, total in sorted(rows, key=lambda r: (-r[3], r[0])):
        sys.stdout.write(f"{word}\t{adjective}\t{top}\t{total}\n")


if __name__ == "__main__":
    main()
