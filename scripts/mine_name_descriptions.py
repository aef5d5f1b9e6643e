"""Mine the definite words SaudiNewsNet writes after many registered names of places and organisations: descriptions.

«مع المملكة العربية السعودية الشقيقة», «دولة الإمارات العربية المتحدة الشقيقة», «الأردن الشقيقة»: the writer describes
the country (sisterly), and the name tagger takes the description into the span, an entity of its own that hides
the registered name (2015-07-26, 2015-08-07; 7 such spans in 80 sampled articles writing a registered country and
«الشقيقة»).  A description follows many different names, where a word of a longer name follows one or two
(«بغداد الجديدة», «جدة القديمة»).  For every place or organisation name of the registry written whole (one to three
words) and followed by a definite word that makes no longer registered name, the word is counted, with the registered
names it follows.  Words seen ``--min-count`` times or more after ``--min-names`` distinct registered names or more are
written (defaults 10 and 10: الشقيقة after 14 names, المركز after 12; the words of longer names stay below, الجديدة
after 8 («بغداد الجديدة»), القديمة after 5, الشرقية after 3; tab-separated: word, times, names), most names
first, unless a function word (``corpus_stopwords.txt``), a
word of the time lexicons (اليوم، العام، الأسبوع، الثلاثاء), a person's title (``ner_person_titles.txt``: الشيخ،
الدكتور), a place's nisba adjective (a qualifier of a club or a company, «الأهلي المصري», which names another
referent) or a word of a registered name (العربية، المتحدة).  A place or organisation span that is a registered name
and one of these words ends before it (:func:`marsad.extract.entities.untag_name_descriptions`, from
``entity_name_descriptions.tsv``).  The held-out third of the corpus (crc32(url) % 3 == 0) and the days given with
``--exclude-day`` (an audit's unseen test day) are left out.

Usage: python scripts/mine_name_descriptions.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz \
           --exclude-day 2015-08-07 > descriptions.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from marsad.corpus.known import shipped_registry
from marsad.corpus.names import name_words
from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import is_place_adjective, masculine_place_adjective
from marsad.extract.time.lexicon import lexicon as time_lexicon
from marsad.lexicons import load
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_words, mining_records

LONGEST = 3  # words of a registered name looked up before a word


def _excluded() -> frozenset[str]:
    """Function words, time words, titles and the words of registered names (key forms)."""
    lex = time_lexicon()
    time_words = {w for table in (lex.units, lex.words, lex.weekdays, lex.months) for key in table for w in key}
    time_words |= {"ال" + w for w in time_words}
    titles = {norm_key(w) for w in load("ner_person_titles.txt")}
    names = {norm_key(w) for entry in shipped_registry().entries.values()
             for form in (entry.name, *entry.variants) for w in name_words(form)}
    return frozenset(STOPWORDS | time_words | titles | names)


def mine(path: str, exclude: tuple[str, ...]) -> tuple[Counter[str], dict[str, set[str]]]:
    """The times each definite word follows a registered place or organisation name, and the names it follows."""
    registry = shipped_registry()
    found: dict[str, str | None] = {}
    times: Counter[str] = Counter()
    names: dict[str, set[str]] = defaultdict(set)
    for record in mining_records(path):
        if exclude and str(record.get("date_extracted", "")).startswith(exclude):
            continue
        words = [w for w in content_words(record) if w.strip()]
        for i in range(len(words) - 1):
            for n in range(min(LONGEST, len(words) - 1 - i), 0, -1):
                form = " ".join(words[i:i + n])
                if form not in found:
                    entry = registry.lookup(form)
                    found[form] = entry.id if entry is not None and entry.type in ("LOC", "ORG") else None
                ident = found[form]
                if ident is None:
                    continue
                word = norm_key(words[i + n])
                if word.startswith("ال") and registry.lookup(f"{form} {words[i + n]}") is None:
                    times[word] += 1
                    names[word].add(ident)
                break
    return times, names


def main() -> None:
    """Print the description words that pass the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--min-count", type=int, default=10)
    parser.add_argument("--min-names", type=int, default=10)
    parser.add_argument("--exclude-day", action="append", default=[])
    args = parser.parse_args()
    times, names = mine(args.path, tuple(args.exclude_day))
    excluded = _excluded()
    rows = [(w, n, len(names[w])) for w, n in times.items()
            if n >= args.min_count and len(names[w]) >= args.min_names and w not in excluded
            and w[2:] not in excluded and not is_place_adjective(w) and not masculine_place_adjective(w)]
    for word, n, count in sorted(rows, key=lambda r: (-r[2], -r[1], r[0])):
        sys.stdout.write(f"{word}\t{n}\t{count}\n")


if __name__ == "__main__":
    main()
