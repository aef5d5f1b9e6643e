"""Mine the organisation heads whose place name is an organisation's name even with nothing after it: «بنك [الرياض]».

A head of ``entity_place_org_heads.txt`` written before a one-word place names an organisation when an ending follows
(«فرقة جدة [للفنون الشعبية]», «بنك قطر [الوطني]»), and such an organisation is also written short, the head and
the place alone («بنك الرياض», «فرقة جازان»).  A head whose place phrases mostly go on with such an ending is a word
that names organisations after a place; one that rarely does names the city's own bodies («غرفة/أمانة الرياض», the
city's by the audits' convention) or a mere location.  For every head (a proclitic allowed) before a one-word place
(:func:`marsad.extract.entities.is_place_word`), the phrase is counted, and counted as ended when the next word is an
organisation adjective (``entity_place_org_adjectives.txt``) or a ل + definite noun.  Heads seen at least
``--min-count`` times with an ended share of at least ``--min-share`` are written with their counts
(``entity_place_org_short_heads.tsv``, read by ``marsad.extract.entities.name_place_organisations``; the file leaves
out «مركز», whose bare phrases were read and are often a country's standing: see its header).  Club words
(``entity_club_heads.txt``: نادي، فريق) are left out: a place after them is a club's name, which
:func:`marsad.extract.entities._mark_clubs` keys in the whole document.  The held-out third of the corpus
(crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_place_org_short_heads.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > heads.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.extract.entities import is_club_word, is_place_org_ending, is_place_word, place_org_heads_of
from marsad.train.saudinewsnet import content_keys, mining_records


def mine(path: str) -> tuple[Counter[str], Counter[str]]:
    """For each head, the count of its phrases before a one-word place and of those that go on with an ending."""
    phrases: Counter[str] = Counter()
    ended: Counter[str] = Counter()
    for record in mining_records(path):
        keys = [k for k in content_keys(record) if k[:1].isalpha()]
        for i in range(len(keys) - 1):
            if not is_place_word(keys[i + 1]):
                continue
            heads = set(place_org_heads_of(keys[i]))
            phrases.update(heads)
            if i + 2 < len(keys) and is_place_org_ending(keys[i + 2]):
                ended.update(heads)
    return phrases, ended


def main() -> None:
    """Print the heads that pass the thresholds: head, phrases, ended phrases."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--min-share", type=float, default=0.25)
    args = parser.parse_args()
    phrases, ended = mine(args.path)
    for head, n in phrases.most_common():
        if n >= args.min_count and ended[head] >= args.min_share * n and not is_club_word(head):
            sys.stdout.write(f"{head}\t{n}\t{ended[head]}\n")
        sys.stderr.write(f"{head}\t{n}\t{ended[head]}\t{ended[head] / n:.2f}\n")


if __name__ == "__main__":
    main()
