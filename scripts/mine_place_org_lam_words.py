"""Mine the ل + definite nouns that go on with an organisation's name after a place: «جهاز قطر [للاستثمار]».

A place followed by ل + a definite noun is an organisation's name after a head («شركة الإمارات للاتصالات», «هيئة
البحرين للثقافة») but a purpose after a verb or a direction («وصل إلى سوريا للمشاركة», «إلى الدوحة للقاء»), and
company names are written without their head in stock lists («و[الإمارات] للاتصالات المتكاملة»).  For every ل +
definite noun (:func:`marsad.text.clitics.is_lam_article_word`) after a one-word place
(:func:`marsad.extract.entities.is_place_word`), the phrase is counted, and counted as headed when the word before the
place is an organisation head (``entity_place_org_heads.txt`` or ``ner_org_heads.txt``, a proclitic allowed).  A place
written as an adjective of the definite word before it («العاصمة العربية للثقافة») is no phrase of a place and is not
counted.  Words with at least ``--min-headed`` headed phrases that are at least ``--min-share`` of their phrases are
written with their counts (``entity_place_org_lam_words.tsv``, read by
``marsad.extract.entities.name_place_organisations``); purpose words are rarely or never headed (للمشاركة 1 of 45,
للقاء 0 of 14, للقتال 0 of 7).  The held-out third of the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_place_org_lam_words.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > words.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.extract.entities import is_definite_word, is_organisation_head, is_place_word
from marsad.text.clitics import is_lam_article_word
from marsad.train.saudinewsnet import content_keys, mining_records


def mine(path: str) -> tuple[Counter[str], Counter[str]]:
    """For each ل + definite noun, the count of its phrases after a one-word place and of those with a head before."""
    phrases: Counter[str] = Counter()
    headed: Counter[str] = Counter()
    for record in mining_records(path):
        keys = [k for k in content_keys(record) if k[:1].isalpha()]
        for i in range(1, len(keys) - 1):
            word = keys[i + 1]
            if not is_lam_article_word(word) or not is_place_word(keys[i]):
                continue
            if is_organisation_head(keys[i - 1]):
                headed[word] += 1
            elif is_definite_word(keys[i - 1]):
                continue  # «العاصمة العربية للثقافة»: the place word is the adjective of the word before
            phrases[word] += 1
    return phrases, headed


def main() -> None:
    """Print the words that pass the thresholds: word, phrases, headed phrases."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-headed", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.5)
    args = parser.parse_args()
    phrases, headed = mine(args.path)
    for word, n in phrases.most_common():
        if headed[word] >= args.min_headed and headed[word] >= args.min_share * n:
            sys.stdout.write(f"{word}\t{n}\t{headed[word]}\n")
        sys.stderr.write(f"{word}\t{n}\t{headed[word]}\t{headed[word] / n:.2f}\n")


if __name__ == "__main__":
    main()
