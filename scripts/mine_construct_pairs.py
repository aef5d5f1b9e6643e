"""Mine the pairs «given name + word» that SaudiNewsNet writes mostly as an ordinary noun in construct.

صالح, حسن, سعيد are common given names and ordinary words: «لصالح الوطن» (in the nation's interest), «بحسن
نية» (in good faith).  For every word the corpus shows as a common given name (:func:`marsad.corpus.names.is_given_name`)
and the word right after it, the pair is counted, and counted as a construct when the test the product makes on a
mention, :func:`marsad.extract.entities.noun_in_construct`, reads it so: the given name carries a preposition clitic
(ل، ب، ك; read so only when the word with the clitic is not more frequent than the bare word: لجان is «committees»,
not ل + جان) before a word with the article that is no adjective («لصالح الجيش»; not «ممثلين لصالح يجرون», Saleh's
representatives), or follows a word of ``entity_construct_before.txt`` (في، أجل...), and the next word is no
particle, no coordinated word and not mostly inside names.  Pairs
seen at least ``--min-construct`` times as a construct and in at least ``--min-share`` of all their occurrences, whose
next word is no coordinated word (و، ف) and no word of people's names (inside tagged names in at least 60% of its
occurrences and beside other name words, ``name_words.tsv``: «لسعد البريكي» is a man; «لصالح الوطن» a construct), are
written (tab-separated: given name, next word, construct count, total count), most frequent first: such a pair
is the noun even where it is written bare («ونتوخى منها صالح الوطن»), which
:func:`marsad.extract.entities.in_construct` reads from ``entity_construct_pairs.tsv``.  The held-out third of
the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_construct_pairs.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > pairs.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.names import is_given_name, is_person_word
from marsad.extract.entities import noun_in_construct
from marsad.lexicons import load_table
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_keys, mining_records

_CLITICS = ("ل", "ب", "ك")


def mine(path: str) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Construct and total counts of (given name, next word) pairs over the articles outside the held-out third."""
    given = {w for w in (norm_key(row[0]) for row in load_table("name_words.tsv")) if is_given_name(w)}
    construct: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    texts: list[list[str]] = []
    frequency: Counter[str] = Counter()
    for record in mining_records(path):
        texts.append(content_keys(record))
        frequency.update(texts[-1])
    for keys in texts:
        for i in range(len(keys) - 1):
            word, nxt = keys[i], keys[i + 1]
            if not nxt[:1].isalpha():
                continue
            if word in given:
                name, cut = word, False
            elif word[:1] in _CLITICS and word[1:] in given and frequency[word] <= frequency[word[1:]]:
                name, cut = word[1:], True
            else:
                continue
            total[(name, nxt)] += 1
            if noun_in_construct(cut, keys[i - 1] if i else None, nxt):
                construct[(name, nxt)] += 1
    return construct, total


def main() -> None:
    """Print the pairs that pass the thresholds, most frequent construct first."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-construct", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.75)
    args = parser.parse_args()
    construct, total = mine(args.path)
    rows = [(pair, n, total[pair]) for pair, n in construct.items()
            if n >= args.min_construct and n / total[pair] >= args.min_share
            and pair[1][:1] not in "وف" and not is_person_word(pair[1])]
    for (name, nxt), n, t in sorted(rows, key=lambda r: (-r[1], r[0])):
        sys.stdout.write(f"{name}\t{nxt}\t{n}\t{t}\n")


if __name__ == "__main__":
    main()
