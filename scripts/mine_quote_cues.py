"""Mine speech-cue forms the quote lexicon lacks from SaudiNewsNet (held-out urls left out).

A word is counted where it opens a clause (after a sentence or clause boundary, or with a و/ف proclitic); its
continuation is quote-like when a complementizer (إن، أن، بأن) or a colon and a quotation mark follows within
``--window`` words, before any sentence end.  Forms seen at least ``--min-count`` times with a quote-like share of
at least ``--min-share``, and not yet in quote_cue_verbs.tsv, are printed (tab-separated: kind "share", key, count,
quote-like, share, an example), most frequent first, for review before they go into the lexicon with their counts.
Clause-opening و/ف forms written right before a colon and a quotation mark (وزاد: «...») at least
``--min-colon`` times are printed too (kind "colon"): the lexicon's role "colon" makes them cues only there.

Usage: python scripts/mine_quote_cues.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz [--articles N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from itertools import islice

from marsad.lexicons import load_table
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import mining_records

_TOKEN = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+|[.!?؟:؛،,«»\"“”\n]")
_COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "انهم", "بانهم"})
_SENTENCE_END = frozenset(".!?؟\n")
_MARKS = frozenset("«\"“")


def mine(path: str, articles: int, window: int) -> tuple[Counter[str], Counter[str], Counter[str], dict[str, str]]:
    """Count clause-opening forms, their quote-like continuations and the و/ف forms right before a colon and a
    quotation mark, over the first ``articles`` articles outside the held-out third."""
    seen: Counter[str] = Counter()
    colon: Counter[str] = Counter()
    quoting: Counter[str] = Counter()
    example: dict[str, str] = {}
    for record in islice(mining_records(path), articles):
        tokens = _TOKEN.findall(record.get("content") or "")
        for i, tok in enumerate(tokens):
            if not tok[0].isalpha() or len(tok) < 3:
                continue
            prev = tokens[i - 1] if i else "."
            opens = prev in _SENTENCE_END or prev in "،,:؛" or tok[0] in "وف"
            if not opens:
                continue
            key = norm_key(tok)
            seen[key] += 1
            if tok[0] in "وف" and tokens[i + 1:i + 2] == [":"] and tokens[i + 2:i + 3] and tokens[i + 2] in _MARKS:
                colon[key] += 1
            if _quote_like(tokens, i + 1, window):
                quoting[key] += 1
                example.setdefault(key, " ".join(tokens[max(0, i - 2):i + window + 2]))
    return seen, quoting, colon, example


def _quote_like(tokens: list[str], start: int, window: int) -> bool:
    """True when a complementizer, or a colon and a quotation mark, follows within ``window`` words."""
    words = 0
    for k in range(start, min(len(tokens), start + 3 * window)):
        tok = tokens[k]
        if tok in _SENTENCE_END:
            return False
        if tok in ":" and k + 1 < len(tokens) and tokens[k + 1] in _MARKS:
            return True
        if tok[0].isalpha():
            if norm_key(tok) in _COMPLEMENTIZERS:
                return True
            words += 1
            if words > window:
                return False
    return False


def main() -> None:
    """Print the candidate cue forms."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--articles", type=int, default=15000)
    parser.add_argument("--window", type=int, default=6)
    parser.add_argument("--min-count", type=int, default=15)
    parser.add_argument("--min-share", type=float, default=0.4)
    parser.add_argument("--min-colon", type=int, default=4)
    args = parser.parse_args()
    known = {norm_key(row[0]) for row in load_table("quote_cue_verbs.tsv")}
    seen, quoting, colon, example = mine(args.corpus, args.articles, args.window)

    def new(key: str) -> bool:
        return key not in known and not (key[:1] in "وف" and len(key) > 3 and key[1:] in known)

    for key, n in seen.most_common():
        if n >= args.min_count and new(key) and quoting[key] / n >= args.min_share:
            example_text = example.get(key, "").replace("\n", " ")
            sys.stdout.write(f"share\t{key}\t{n}\t{quoting[key]}\t{quoting[key] / n:.2f}\t{example_text}\n")
    for key, n in colon.most_common():
        if n >= args.min_colon and new(key):
            sys.stdout.write(f"colon\t{key}\t{seen[key]}\t{n}\t{n / seen[key]:.2f}\n")


if __name__ == "__main__":
    main()
