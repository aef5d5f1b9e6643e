"""Mine the names of sports clubs: the definite words SaudiNewsNet writes right after a club word.

A definite word written right after نادي، فريق or ناديي (proclitics allowed, the article not: «لنادي الاتحاد»,
«وفريق النصر», not «الفريق الكروي») in at least ``--min-documents`` different articles is written with the number of
those articles and of all the articles that write it (a proclitic before the article off), so that the reader can
weigh how much of its use is a club's (النصر 209 of 690, الهلال 202 of 866; الرياض 14 of 2254: a city that has a club).
Words that are mostly ordinary words in the corpus (``marsad.corpus.names.is_ordinary``: «فريق العمل», «فريق التحقيق»,
and clubs like الشباب or التعاون that are never mentions alone) and place nisbas are left out.  Read by
``marsad.extract.entities`` (``entity_club_names.tsv``).  The held-out third of the corpus (crc32(url) % 3 == 0) is
left out.

Usage: python scripts/mine_club_names.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > entity_club_names.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.names import is_ordinary
from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import NAMING_CLUB_WORDS, is_place_adjective
from marsad.text.clitics import name_word
from marsad.train.saudinewsnet import content_keys, mining_records

_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def _club_word(key: str) -> bool:
    """True for نادي، فريق، ناديي with proclitics but without the article (not «الفريق الكروي»)."""
    return key in NAMING_CLUB_WORDS or any(key.startswith(c) and key[len(c):] in NAMING_CLUB_WORDS for c in _CLITICS)


def mine(path: str) -> tuple[Counter[str], Counter[str]]:
    """Articles each definite word follows a club word in, and articles each definite word is written in."""
    after_head: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for record in mining_records(path):
        keys = [k for k in content_keys(record) if k[:1].isalpha()]
        words = {name_word(k) for k in keys}
        written.update(w for w in words if w.startswith("ال"))
        after_head.update({name_word(keys[i + 1]) for i in range(len(keys) - 1) if _club_word(keys[i])})
    return after_head, written


def main() -> None:
    """Print the club names that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-documents", type=int, default=5)
    args = parser.parse_args()
    after_head, written = mine(args.path)
    sys.stdout.write("# club name\tarticles writing it right after نادي/فريق/ناديي\tarticles writing it\n")
    rows = [(name, n) for name, n in after_head.items()
            if name.startswith("ال") and len(name) > 3 and name not in STOPWORDS and n >= args.min_documents
            and not is_place_adjective(name) and not is_ordinary(name)]
    for name, n in sorted(rows, key=lambda r: (-r[1], r[0])):
        sys.stdout.write(f"{name}\t{n}\t{written[name]}\n")


if __name__ == "__main__":
    main()
