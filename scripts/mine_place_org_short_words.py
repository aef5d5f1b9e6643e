"""Mine the words that stand for a whole organisation's name before its place: «أدبي [جدة]», «“فنون [الرياض]”».

An organisation named by a place has a full name that holds the place and a word of its own («نادي جدة الأدبي»,
«جمعية الثقافة والفنون بجدة»), and a short name: that word without the article, then the place («أدبي جدة», «فنون
الرياض»).  Written short, the tagger tags the place alone and resolution counts the organisation as the city.  The
word is no head of ``entity_place_org_heads.txt`` (too rare before a place for its counts), so it is counted here
from both forms: ``short`` is how often the word (no article) stands right before a one-word place
(:func:`marsad.extract.entities.is_place_word`, no preposition on the place, no punctuation between); ``long`` how
often its definite form is inside an organisation's full name with a place: right after a head of
``entity_place_org_heads.txt`` and the place («نادي جدة [الأدبي]»), or within three words after such a head and
before the place written with ب («جمعية الثقافة [والفنون] بجدة»).  A word whose full names are at least
``--min-ratio`` times as frequent as its short phrases (and both seen at least ``--min-count`` times) is mostly the
organisation's own word, not a noun of the place («أطفال سوريا», «أمن الرياض», «ملك الأردن»).  The held-out third of
the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_place_org_short_words.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > words.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import is_place_word, place_org_heads_of
from marsad.train.saudinewsnet import content_keys, mining_records

_ARTICLES = ("وال", "ال")
_WINDOW = 3  # words a head stands before the place written with ب, at most


def _with_b(key: str) -> bool:
    """True for a one-word place written with ب (and و): «بجدة», «وبالرياض»."""
    rest = key.removeprefix("و")
    return rest.startswith("ب") and is_place_word(rest[1:])


def _short_word(key: str) -> bool:
    """True for a word that may stand before a place as an organisation's short name: no article, no function word,
    no place."""
    return key[:1].isalpha() and not key.startswith(_ARTICLES) and key not in STOPWORDS and not is_place_word(key)


def mine(path: str) -> tuple[Counter[str], Counter[str]]:
    """For each word, the count of its short phrases before a place and of its definite form in full names."""
    short: Counter[str] = Counter()
    full: Counter[str] = Counter()
    for record in mining_records(path):
        keys = content_keys(record)
        for i in range(len(keys) - 1):
            word, place = keys[i], keys[i + 1]
            if is_place_word(place):
                if _short_word(word):
                    short[word] += 1
                if place_org_heads_of(word) and i + 2 < len(keys) and keys[i + 2].startswith("ال"):
                    full[keys[i + 2].removeprefix("ال")] += 1  # «نادي جدة الأدبي»
            elif _with_b(place):
                for j in range(max(0, i - _WINDOW), i + 1):
                    if place_org_heads_of(keys[j]):  # «جمعية الثقافة والفنون بجدة»
                        full.update(next((k[len(a):] for a in _ARTICLES if k.startswith(a)), "") for k in keys[j + 1:i + 1])
                        break
    del full[""]
    return short, full


def main() -> None:
    """Print the words that pass the thresholds: word, short phrases, full names."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-ratio", type=float, default=2.0)
    args = parser.parse_args()
    short, full = mine(args.path)
    for word, n in short.most_common():
        if n >= args.min_count and full[word] >= max(args.min_count, args.min_ratio * n):
            sys.stdout.write(f"{word}\t{n}\t{full[word]}\n")
        if n >= args.min_count and full[word] >= args.min_count:
            sys.stderr.write(f"{word}\t{n}\t{full[word]}\t{full[word] / n:.2f}\n")


if __name__ == "__main__":
    main()
