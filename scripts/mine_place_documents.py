"""Mine the documents and meetings SaudiNewsNet names after a city: «إعلان القاهرة», «اتفاق فيينا», «مؤتمر جنيف».

For every word of ``entity_document_heads.txt`` (a proclitic allowed) written right before a city of the gazetteer
(``ner_places.tsv`` and ``ner_places_extra.tsv``, type ``city``: a country after the head is a party, «اتفاق إيران»,
or the subject of a verbal noun, «إعلان تركيا أن»), the pair is counted, and so are the times the next word is أن or
عن (the head read as a verbal noun: «إعلان بروكسل عن ارتفاع»).  Pairs seen at least ``--min-count`` times whose
verbal share is at most ``--max-verbal`` are written (head, city, count, verbal count; tab-separated, most frequent
first): ``entity_place_documents.tsv``, read by ``marsad.extract.entities.name_place_organisations``, which tags
such a pair whole as one MISC name.  The held-out third of the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_place_documents.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > documents.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.lexicons import load, load_table
from marsad.text.clitics import stem_variants
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_keys, mining_records

_VERBAL = frozenset(norm_key(w) for w in ("أن", "عن", "أنه", "أنها"))


def mine(path: str) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """The counts of each (head, city) pair and of its verbal readings."""
    heads = frozenset(norm_key(w) for w in load("entity_document_heads.txt"))
    cities = frozenset(norm_key(name) for table in ("ner_places.tsv", "ner_places_extra.tsv")
                       for name, kind, *_ in load_table(table) if kind == "city" and " " not in name)
    pairs: Counter[tuple[str, str]] = Counter()
    verbal: Counter[tuple[str, str]] = Counter()
    for record in mining_records(path):
        keys = [k for k in content_keys(record) if k[:1].isalpha()]
        for i in range(len(keys) - 1):
            found = [v for v in stem_variants(keys[i]) if v in heads]
            if found and keys[i + 1] in cities:
                pair = (found[0], keys[i + 1])
                pairs[pair] += 1
                if i + 2 < len(keys) and keys[i + 2] in _VERBAL:
                    verbal[pair] += 1
    return pairs, verbal


def main() -> None:
    """Print the pairs that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--max-verbal", type=float, default=0.1)
    args = parser.parse_args()
    pairs, verbal = mine(args.path)
    for (head, city), n in sorted(pairs.items(), key=lambda p: (-p[1], p[0])):
        if n >= args.min_count and verbal[(head, city)] <= args.max_verbal * n:
            sys.stdout.write(f"{head}\t{city}\t{n}\t{verbal[(head, city)]}\n")


if __name__ == "__main__":
    main()
