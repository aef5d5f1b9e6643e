"""Mine the frequent places of SaudiNewsNet that the place lists miss: «جازان», «بغداد», «عسير», «تعز».

The gazetteer (``ner_places.tsv``, CLDR's countries and time-zone cities, and ``ner_places_extra.tsv``) and the
registry lack most of the Saudi regions and governorates and the Yemeni, Iraqi and Syrian cities the Saudi press
writes every day, so the entity step cannot tell them from a name word: «مدير التعليم ب[جازان عيسى بن أحمد الحكمي]» is
one span, and no fixed name around them is mined (``scripts/mine_place_names.py`` anchors on known places: «بغداد
الجديدة»).  A place is written after a place trigger in construct (``ner_loc_triggers.txt`` without the article:
«منطقة جازان», «محافظة الطائف»; «العاصمة بغداد», but not an adjective agreeing with it, «العاصمة القطرية») in a
good share of its uses, and is a
name: the corpus seldom writes it with the article added or taken off (an ordinary noun or adjective after a trigger,
«منطقة عازلة», «مدينة ذكية», is also written «العازلة», «الذكية»), nor as a common given name.  A word is kept when it
follows such a trigger ``--min-count`` times, in ``--min-outlets`` outlets, in at least ``--min-share`` of its uses,
its other article form is below ``--max-article`` of its uses, and it is no place, trigger or stopword already.

Each place's written forms after a trigger (seen ``--min-form`` times: «مأرب مارب») are written with it, and the share
of its key's uses written in a marked form it never takes, another word's («دوماً», «دومًا» always: 0.26 of «دوما»'s);
the gazetteer matches no such form as the place, and tags a place with a large share alone only beside another place.

The held-out third of the corpus (crc32(url) % 3 == 0) and the days given with ``--exclude-day`` are left out.

Usage: python scripts/mine_places.py ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz \
           --exclude-day 2015-07-22 --exclude-day 2015-08-07 > places.tsv
       (the header of src/marsad/lexicons/ner_places_mined.tsv above it)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from marsad.corpus.names import is_given_name
from marsad.corpus.terms import STOPWORDS
from marsad.extract.entities import is_place_adjective, is_place_word, lexicon_resources
from marsad.extract.ner.gazetteers import is_marked, mined_places, written_form
from marsad.text.clitics import stem_variants, strip_clitics
from marsad.text.normalize import norm_key
from marsad.train.saudinewsnet import content_words, mining_records


def is_trigger(key: str) -> bool:
    """True for a place trigger in construct (no article: «منطقة», «بمحافظة», «والعاصمة» read without it)."""
    return any(v in lexicon_resources().loc_triggers for v in stem_variants(key))


def _construct_trigger(key: str) -> bool:
    """A trigger without the article, or with it when the list writes it so («العاصمة بغداد»; not «المدينة المنورة»);
    a word with the article after a trigger with it agrees with it («العاصمة المقدسة») and is not counted."""
    pre, stem = strip_clitics(key)
    return "ال" + stem in lexicon_resources().loc_triggers if pre.endswith("ال") else is_trigger(key)


@dataclass
class Counts:
    """What :func:`mine` counts: every word (key form); the words right after a trigger in construct, their outlets
    and their written forms there (:func:`written_form`: «مأرب», «مارب»)."""

    words: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)
    outlets: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    written: Counter[str] = field(default_factory=Counter)


def mine(path: str, exclude: tuple[str, ...]) -> Counts:
    """Count every word, and the words written right after a trigger in construct with their outlets and forms."""
    counts = Counts()
    for record in mining_records(path):
        if str(record.get("date_extracted", "")).startswith(exclude):
            continue
        written = content_words(record)
        keys = [norm_key(t) for t in written]
        counts.words.update(keys)
        counts.written.update(written)
        for before, key, word in zip(keys, keys[1:], written[1:], strict=False):
            if _construct_trigger(before) and not (key.startswith("ال") and strip_clitics(before)[0].endswith("ال")):
                counts.after[key] += 1
                counts.outlets[key].add(str(record.get("source")))
                counts.forms[key][written_form(word, key) or key] += 1
    return counts


def candidate(key: str) -> bool:
    """True for a word that may be a missing place: a word of three letters or more, no stopword, trigger, known
    place (but those this script mined, so that it writes them again), known place's adjective or common given
    name."""
    return (len(key) > 2 and key.isalpha() and key not in STOPWORDS and not is_trigger(key)
            and (key in mined_places() or not is_place_word(key)) and not is_place_adjective(key) and not is_given_name(key))


def article_share(key: str, words: Counter[str]) -> float:
    """How often the corpus writes the word with its article added (or taken off), per use of it as it is."""
    other = key[2:] if key.startswith("ال") else "ال" + key
    return words[other] / max(words[key], 1)


def homograph_shares(counts: Counts, places: dict[str, frozenset[str]]) -> dict[str, float]:
    """Per place (key form, with the written forms it takes), the share of its key's uses written in a marked form
    it never takes: another word's («دوماً», «دومًا» always: 0.26 of «دوما»'s uses)."""
    other: Counter[str] = Counter()
    for word, n in counts.written.items():
        key = norm_key(word)
        if key in places and is_marked(form := written_form(word, key) or key) and form not in places[key]:
            other[key] += n
    return {key: other[key] / max(counts.words[key], 1) for key in places}


def main() -> None:
    """Print the places that pass (the word in key form, LOC, uses after a trigger, outlets, share, article share,
    written forms, homograph share) to stdout, and the other words seen ``--min-count`` times after a trigger to
    stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--exclude-day", action="append", default=[])
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--min-outlets", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.25)
    parser.add_argument("--max-article", type=float, default=0.1)
    parser.add_argument("--min-form", type=int, default=2)
    args = parser.parse_args()
    counts = mine(args.path, tuple(args.exclude_day))
    words, outlets = counts.words, counts.outlets
    lines: list[tuple[str, str, bool]] = []
    written: dict[str, frozenset[str]] = {}  # the written forms listed for each place
    for key, n in counts.after.most_common():
        if n < args.min_count or not candidate(key):
            continue
        share = n / max(words[key], n)
        article = article_share(key, words)
        keep = len(outlets[key]) >= args.min_outlets and share >= args.min_share and article < args.max_article
        forms = [f for f, m in counts.forms[key].most_common() if m >= args.min_form]
        written[key] = frozenset(forms)
        lines.append((key, f"{key}\tLOC\t{n}\t{len(outlets[key])}\t{share:.2f}\t{article:.2f}\t{' '.join(forms)}", keep))
    homographs = homograph_shares(counts, written)
    for key, line, keep in lines:
        (sys.stdout if keep else sys.stderr).write(f"{line}\t{homographs[key]:.2f}\n")


if __name__ == "__main__":
    main()
