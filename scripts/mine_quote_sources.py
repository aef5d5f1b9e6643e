"""Mine the nouns that speak in SaudiNewsNet: the word right after a speech-cue verb whose clause goes on to a
complementizer (قال التقرير إن، أظهرت الدراسة أن، وأكدت المصادر أن) — held-out urls left out.

A nominal attribution cue («بحسب X»، «وفق X»، «طبقا لـX») names a source only when X can speak: a person, a body,
a role, a channel, or a noun seen as the subject of a speech verb.  «وفق تعاليم دينه»، «طبقاً للمواصفات الدولية»,
«حسب خصائصه» are no sources: تعاليم، مواصفات، خصائص never open a cue verb's subject in the corpus.  The nouns seen
at least ``--min-count`` times (normalised keys without the article and the proclitics before it: marsad.text.clitics.bare_word) are written one a line to
``src/marsad/lexicons/quote_source_nouns.txt`` with a header naming the run.

Usage: python scripts/mine_quote_sources.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz [--articles N]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from itertools import islice
from pathlib import Path

from marsad.lexicons import load_table
from marsad.text.clitics import bare_word
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import mining_records

_TOKEN = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+|[.!?؟:؛،,«»\"“”\n]")
_COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "انهم", "بانهم"})
_STOP = frozenset(".!?؟\n:؛،,")
_OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "lexicons" / "quote_nonsource_nouns.txt"


def mine(path: str, articles: int, window: int) -> tuple[Counter[str], Counter[str]]:
    """Count the bare word right after each speech-cue verb form whose clause reaches a complementizer within
    ``window`` words, and the bare word right after each leading nominal cue (بحسب، حسب، وفق، وفقا، طبقا), over the
    first ``articles`` articles outside the held-out third (crc32(url) % 3 == 0)."""
    verbs = {norm_key(r[0]) for r in load_table("quote_cue_verbs.tsv") if len(r) > 2 and r[2] in ("verb", "bare")}
    verbs |= {p + v for v in verbs for p in "وف"}
    nominal = {norm_key(r[0]) for r in load_table("quote_nominal_cues.tsv") if r[1] == "lead" and " " not in r[0]}
    nominal |= {"و" + n for n in nominal}
    subjects: Counter[str] = Counter()
    after_cue: Counter[str] = Counter()
    for record in islice(mining_records(path), articles):
        tokens = [k for k in (norm_key(t) if t[0].isalpha() else t for t in _TOKEN.findall(record.get("content") or "")) if k]
        for i, tok in enumerate(tokens[:-2]):
            nxt = tokens[i + 1]
            if tok in nominal and nxt[0].isalpha():
                after_cue[bare_word(nxt[1:] if nxt[:1] == "ل" and nxt[:2] != "لل" else nxt)] += 1
            if tok not in verbs or not nxt[0].isalpha() or nxt in _COMPLEMENTIZERS:
                continue
            for k in range(i + 2, min(len(tokens), i + 2 + window)):
                if tokens[k] in _STOP:
                    break
                if tokens[k] in _COMPLEMENTIZERS:
                    subject = bare_word(nxt)
                    subjects[subject] += 1
                    if subject.endswith("ون") and len(subject) > 4:
                        subjects[subject[:-2] + "ين"] += 1  # the oblique plural (بحسب المحللين) is the same noun
                    break
    return subjects, after_cue


def main() -> None:
    """Mine and write the list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--window", type=int, default=6)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    subjects, after_cue = mine(args.corpus, args.articles, args.window)
    kept = sorted(w for w, n in after_cue.items() if n >= args.min_count and subjects[w] * 20 < n and len(w) > 1)
    header = (f"# Nouns that follow a nominal cue (بحسب، حسب، وفق، وفقا، طبقا) at least {args.min_count} times but open a"
              f" speech verb's subject before a complementizer less than once in 20 of those (scripts/"
              f"mine_quote_sources.py: SaudiNewsNet, first {args.articles} articles outside the held-out third, window"
              f" {args.window}); keys without the article (marsad.text.clitics.bare_word).\n")
    _OUT.write_text(header + "".join(w + "\n" for w in kept), encoding="utf-8")


if __name__ == "__main__":
    main()
