"""Mine the organisations SaudiNewsNet names with a country's nisba: «الخطوط السعودية», «الكشافة السعودية».

«الخطوط [السعودية]» (Saudia), «الكشافة [السعودية]» (the scouts' society), «فريق الصقور [السعودية]» (the aerobatic
team), «اللجنة الأولمبية [السعودية]»: السعودية is the country's name and its nisba, the registry fills it as the
country, and resolution files the organisation under Saudi Arabia (2015-08-07: some 30 such mentions).  A free
adjective after a definite noun («الحكومة السعودية», «الكرة السعودية», «الأسهم السعودية») is the country's mention and
must stay so.  For every phrase «X NISBA» or «X Y NISBA» (X, Y definite words, no place nor nisba; NISBA a place's
nisba adjective, :func:`marsad.extract.entities.is_place_adjective`, or السعودية, also in its long form «العربية
السعودية»), the miner counts the phrase, its outlets and three ways the corpus writes it as a name:

* ``head``: right after an organisation head (:func:`marsad.extract.entities.is_organisation_head`: «فريق الصقور
  السعودية», «جمعية الكشافة السعودية»);
* ``long``: with the country's official long form «العربية السعودية» («جمعية الكشافة العربية السعودية», «الخطوط الجوية
  العربية السعودية»);
* ``tagged``: the product's name tagger (its network and its own steps) tags the whole phrase inside one organisation
  span, in the first ``--sample`` sentences that write it.

A phrase seen ``--min-count`` times in ``--min-outlets`` outlets is an organisation's name when its words are seldom
written before other countries' nisbas (the phrase is at least ``--min-share`` of the times its words come before any
nisba: «الحكومة» comes before 65 nisbas, a generic noun) and the corpus writes it as a name: after a head at least
``--min-head`` of its times, in the long form ``--min-long`` times or more, or tagged whole at least ``--min-tagged``
of its sampled times; a name that is mostly the end of a longer listed one («الأولمبية السعودية» of «اللجنة الأولمبية
السعودية», at least ``--min-share`` of its times) is left to it.  Columns: the name (key form; the first word may carry a clitic in a text), ORG, its count, its
outlets, its share of its words' nisbas, the share after a head, the long forms, the tagged share.  The held-out third
of the corpus (crc32(url) % 3 == 0) and the days given with ``--exclude-day`` (an audit's day and days measured on)
are left out.  :func:`marsad.extract.place_names.tag_nisba_names` tags the names.

Usage: python scripts/mine_nisba_names.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz \
           --exclude-day 2015-08-07 --exclude-day 2015-08-10 --exclude-day 2015-08-11 > names.tsv
       (the header of src/marsad/lexicons/entity_nisba_names.tsv above it)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import cache

from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import is_organisation_head, is_place_adjective, is_place_word
from marsad.extract.ner.tagger import iob_spans, shipped_tagger
from marsad.text.clitics import name_word
from marsad.text.sentences import split_sentences
from marsad.text.tokens import text_tokens
from marsad.train.saudinewsnet import mining_records

COUNTRY, LONG = "السعوديه", "العربيه"

Phrase = tuple[str, ...]


@cache
def is_nisba(key: str) -> bool:
    """True for السعودية (the country's name and nisba) and any place's nisba adjective."""
    return key == COUNTRY or is_place_adjective(key)


@cache
def _name_word(key: str) -> bool:
    """True for a definite word that may open or go on with an organisation's name before a nisba."""
    word = name_word(key)
    return (word.startswith("ال") and len(word) > 3 and word not in STOPWORDS and word != LONG
            and not is_nisba(word) and not is_place_word(word))


class Counts:
    """What the corpus writes of each phrase «X [Y] NISBA» (key forms, X without its clitic)."""

    def __init__(self) -> None:
        self.times: Counter[Phrase] = Counter()
        self.outlets: dict[Phrase, set[str]] = defaultdict(set)
        self.head: Counter[Phrase] = Counter()
        self.long: Counter[Phrase] = Counter()
        self.before_nisba: Counter[Phrase] = Counter()  # the phrase's words before any nisba
        self.written: Counter[Phrase] = Counter()  # the phrase's words, whatever follows them
        self.samples: dict[Phrase, list[tuple[list[str], list[str], int, int]]] = defaultdict(list)


def count(path: str, exclude: tuple[str, ...], sample: int) -> Counts:
    """Count the phrases of the mining records, with up to ``sample`` sentences of each for the tagger."""
    counts = Counts()
    for record in mining_records(path):
        if exclude and str(record.get("date_extracted", "")).startswith(exclude):
            continue
        text = record.get("content") or ""
        for sentence in split_sentences(text):
            tokens = text_tokens(text, sentence.start, sentence.end)
            keys = [t.key for t in tokens]
            for i, key in enumerate(keys):
                if _name_word(key):
                    counts.written[(name_word(key),)] += 1
                    if i + 1 < len(keys) and _name_word(keys[i + 1]) and keys[i + 1] == name_word(keys[i + 1]):
                        counts.written[(name_word(key), keys[i + 1])] += 1
            for j, key in enumerate(keys):
                if not is_nisba(key):
                    continue
                long = key == COUNTRY and j and keys[j - 1] == LONG
                last = j - 1 if long else j  # the phrase's words end before «العربية السعودية»
                for n in (1, 2):
                    i = last - n
                    if i < 0 or not all(map(_name_word, keys[i:last])) or keys[i + 1:last] != list(
                            map(name_word, keys[i + 1:last])):  # «المواليه للرييس اليمني»: no clitic inside
                        break
                    phrase = (name_word(keys[i]), *keys[i + 1:last], key)
                    counts.before_nisba[phrase[:-1]] += 1
                    counts.times[phrase] += 1
                    counts.outlets[phrase].add(str(record.get("source", "")))
                    counts.long[phrase] += bool(long)
                    counts.head[phrase] += bool(i and is_organisation_head(keys[i - 1]))
                    if len(counts.samples[phrase]) < sample:
                        counts.samples[phrase].append(([t.text for t in tokens], keys, i, j + 1))
    return counts


def tagged_shares(counts: Counts, phrases: list[Phrase]) -> dict[Phrase, float]:
    """The share of each phrase's sampled sentences where the name tagger tags it inside one organisation span."""
    sentences = [s for p in phrases for s in counts.samples[p]]
    tags = shipped_tagger().tag_documents([[words] for words, _, _, _ in sentences],
                                          keys=[[keys] for _, keys, _, _ in sentences])
    whole = iter(any(label == "ORG" and a <= i and b >= j for a, b, label in iob_spans(doc[0]))
                 for doc, (_, _, i, j) in zip(tags, sentences, strict=True))
    return {p: sum(next(whole) for _ in counts.samples[p]) / len(counts.samples[p]) for p in phrases}


def main() -> None:
    """Print the organisations named with a nisba that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-outlets", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.5)
    parser.add_argument("--min-fixed", type=float, default=0.15)
    parser.add_argument("--min-head", type=float, default=0.25)
    parser.add_argument("--min-long", type=int, default=3)
    parser.add_argument("--min-tagged", type=float, default=0.3)
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--exclude-day", action="append", default=[])
    args = parser.parse_args()
    counts = count(args.path, tuple(args.exclude_day), args.sample)
    share = {p: n / counts.before_nisba[p[:-1]] for p, n in counts.times.items()}
    phrases = sorted(p for p, n in counts.times.items()
                     if n >= args.min_count and len(counts.outlets[p]) >= args.min_outlets and share[p] >= args.min_share
                     and n / counts.written[p[:-1]] >= args.min_fixed)
    tagged = tagged_shares(counts, phrases)
    rows = []
    for p in phrases:
        n = counts.times[p]
        if counts.head[p] / n >= args.min_head or counts.long[p] >= args.min_long or tagged[p] >= args.min_tagged:
            rows.append((" ".join(p), n, len(counts.outlets[p]), share[p], n / counts.written[p[:-1]],
                         counts.head[p] / n, counts.long[p], tagged[p]))
    listed = {row[0] for row in rows}
    rows = [row for row in rows  # «الاولمبيه السعوديه» is mostly «اللجنه الاولمبيه السعوديه»: the longer name
            if not any(len(longer.split()) == len(row[0].split()) + 1 and longer.endswith(" " + row[0])
                       and counts.times[tuple(longer.split())] >= args.min_share * row[1] for longer in listed)]
    for name, n, outlets, s, fixed, head, long, tag in sorted(rows, key=lambda r: (-r[1], r[0])):
        sys.stdout.write(f"{name}\tORG\t{n}\t{outlets}\t{s:.2f}\t{fixed:.2f}\t{head:.2f}\t{long}\t{tag:.2f}\n")


if __name__ == "__main__":
    main()
