"""Mine the ordinary words the name tagger runs a name on into: seldom written after a name word.

A headline or a caption writes a name and goes straight on with a verb or an adjective: «أمير نجران يواسي والد
الشهيد», «جيزان يعايد المرضى», «الأمريكي كيري مثمر»; the tagger takes the next word into the span (نجران يواسي).  A
name is definite, and its adjective would carry the article, so a span's last word written without it may be the
name's own (حفتر of «خليفة حفتر», تيفيز of «كارلوس تيفيز», written nearly always after a given name) or an ordinary
word (يواسي, مثمر, written after anything).  The corpus tells them apart: for every word written without the article
(proclitics off, letters only, three letters or more), the times it stands in the text and the times it stands right
after a name word (inside tagged names in the ``name_words.tsv`` sample often, and mostly: نجران, كيري, جيزان).  Words seen
at least ``--min-text`` times, after a name word at least ``--min-after`` times (a name may run on into them) but at
most ``--max-share`` of their occurrences are written (tab-separated: word, times after a name word, times in the
text), most frequent first: a registered person's span whose last word is among them ends before it (:func:`marsad.extract.entities.runs_on`, from
``entity_run_on_words.tsv``).  The held-out third of the corpus (crc32(url) % 3 == 0) is left out.

Usage: python scripts/mine_run_on_words.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz > run_on.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from marsad.corpus.names import PERSON_WORD_RATE, ordinary_rate, tagged_count
from marsad.text.clitics import name_word
from marsad.train.saudinewsnet import content_keys, mining_records

NAME_WORD_TAGGED = 10  # times inside a tagged name in the name_words.tsv sample, at least, for a name word


def _name_word(word: str) -> bool:
    """A word (key form) the ``name_words.tsv`` sample has inside tagged names ``NAME_WORD_TAGGED`` times or more, and
    mostly when it is seen often enough to tell: نجران, كيري, جيزان."""
    rate = ordinary_rate(word)
    return tagged_count(word) >= NAME_WORD_TAGGED and (rate is None or rate >= PERSON_WORD_RATE)


def mine(path: str) -> tuple[Counter[str], Counter[str]]:
    """The times each word stands in the text and right after a name word."""
    text: Counter[str] = Counter()
    after: Counter[str] = Counter()
    names: dict[str, bool] = {}
    for record in mining_records(path):
        keys = [name_word(k) for k in content_keys(record)]
        for i, key in enumerate(keys):
            if not key.isalpha():
                continue
            text[key] += 1
            before = keys[i - 1] if i else ""
            named = names.get(before)
            if named is None:
                named = names[before] = _name_word(before)
            if named:
                after[key] += 1
    return text, after


def main() -> None:
    """Print the run-on words that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-text", type=int, default=5)
    parser.add_argument("--min-after", type=int, default=1)
    parser.add_argument("--max-share", type=float, default=0.2)
    args = parser.parse_args()
    text, after = mine(args.path)
    rows = [(w, n, text[w]) for w, n in after.items()
            if n >= args.min_after and text[w] >= args.min_text and n <= args.max_share * text[w]
            and len(w) >= 3 and not w.startswith("ال")]
    for word, n, total in sorted(rows, key=lambda r: (-r[1], r[0])):
        sys.stdout.write(f"{word}\t{n}\t{total}\n")


if __name__ == "__main__":
    main()
