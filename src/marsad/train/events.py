"""Build the event trigger lexicon (``lexicons/event_triggers.tsv``) from the Arabic CAMEO dictionaries.

Sources, in order of trust:

1. ``lexicons/event_trigger_seeds.tsv``: hand-written lemmas per type (verbal nouns, hollow and
   defective verbs, the non-CAMEO types) — these win over CAMEO for the same form.
2. UniversalPetrarch's ``CAMEO.ar.0.5.txt`` (MIT): each verb block lists lemmas and patterns
   with CAMEO codes.  A lemma's type is the root (first two digits) most of its block's codes
   share — the block header's own code counts five times — kept only when that root holds at
   least :data:`MIN_SHARE` of the codes (the patterns of vague verbs such as عمل or وضع spread
   over many roots and say nothing about the verb alone).

Every lemma is inflected (past and imperfect persons for verbs; plural, dual and construct forms
for nouns) and each form is counted on SaudiNewsNet articles (leaving out the gold days).  The
forms of a lemma seen fewer than :data:`MIN_COUNT` times in all are dropped (a rare inflection
of a common lemma stays), and so are the forms listed in
``lexicons/event_trigger_review.tsv`` with ``drop`` (checked by hand on the most frequent forms of
real text: a form that is mostly not an event, such as the noun قطع "parts").  The review file
may also retype a form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.lexicons import load_table
from marsad.text.normalize import norm_key
from marsad.text.tokens import tokenize

MIN_SHARE = 0.7
MIN_CODES = 3
MIN_COUNT = 3
HEADER_WEIGHT = 5
_BLOCK = re.compile(r"^--- (.+?) \[(.+?)\] ---\s*$", re.M)
_CODE = re.compile(r"\[(\d{2,4})\]")


@dataclass(frozen=True)
class Trigger:
    """One trigger form with its type, its lemma and where it came from."""

    form: str
    type: str
    lemma: str
    origin: str
    kind: str


def cameo_lemmas(text: str) -> dict[str, str]:
    """Lemma key -> CAMEO root, from the verb-pattern blocks of a CAMEO.ar dictionary."""
    verbs = text.split("####### VERB PATTERNS #######", 1)[-1]
    parts = _BLOCK.split(verbs)
    votes: dict[str, Counter[str]] = {}
    for i in range(1, len(parts) - 2, 3):
        code, body = parts[i + 1], parts[i + 2]
        roots: Counter[str] = Counter()
        if code.isdigit():
            roots[code[:2]] += HEADER_WEIGHT
        lemmas: list[str] = []
        for line in body.splitlines():
            s = line.strip()
            if s.startswith("-"):
                m = _CODE.search(s)
                if m:
                    roots[m.group(1)[:2]] += 1
            elif s and not s.startswith("#"):
                word = s.split("#", 1)[0].strip()
                if word and " " not in word:
                    lemmas.append(norm_key(word.split("+", 1)[0]))
        for lemma in lemmas:
            votes.setdefault(lemma, Counter()).update(roots)
    out: dict[str, str] = {}
    for lemma, counts in votes.items():
        total = sum(counts.values())
        if total < MIN_CODES or len(lemma) < 3:
            continue
        root, n = counts.most_common(1)[0]
        if n / total >= MIN_SHARE:
            out[lemma] = root
    return out


def verb_forms(lemma: str) -> set[str]:
    """Past (3rd person) and imperfect forms of a verb key (clitic-free)."""
    forms = {lemma, lemma + "ت", lemma + "وا", lemma + "ا", lemma + "تا"}
    if lemma[-1] in "يا":
        stem = lemma[:-1]
        forms |= {stem + "ت", stem + "وا", stem + "يا"}
    base = lemma[1:] if lemma[0] == "ا" and len(lemma) > 3 else lemma
    for pre in "يتن":
        forms |= {pre + base, pre + base + "ون", pre + base + "ان", pre + base + "وا"}
    return forms


def noun_forms(lemma: str) -> set[str]:
    """A noun key with its plural, dual and construct (before a pronoun) forms."""
    forms = {lemma}
    if lemma.endswith("ه"):
        stem = lemma[:-1]
        forms |= {stem + "ات", stem + "تين", stem + "تان", stem + "ته", stem + "تها", stem + "تهم"}
    else:
        forms |= {lemma + "ات", lemma + "ين", lemma + "ان", lemma + "ه", lemma + "ها", lemma + "هم", lemma + "ا"}
    return forms


def candidates(cameo: dict[str, str], seeds: Iterable[tuple[str, ...]]) -> dict[str, Trigger]:
    """Every candidate form: CAMEO verbs first, then seeds overriding them."""
    out: dict[str, Trigger] = {}
    for lemma, root in sorted(cameo.items()):
        for form in verb_forms(lemma):
            out.setdefault(form, Trigger(form, root, lemma, "cameo", "verb"))
    for row in seeds:
        lemma, kind = norm_key(row[0]), row[2]
        forms = {lemma} if kind in ("form", "vform") else verb_forms(lemma) if kind == "verb" else noun_forms(lemma)
        for form in forms:
            out[form] = Trigger(form, row[1], lemma, "seed", "verb" if kind in ("verb", "vform") else "noun")
    return out


def match_keys(key: str) -> Iterator[str]:
    """The keys a word may match a trigger form under: itself, without proclitics, without a future س."""
    from marsad.text.clitics import stem_variants

    for variant in stem_variants(key):
        yield variant
        if len(variant) > 4 and variant[0] == "س" and variant[1] in "يتن":
            yield variant[1:]


def count_forms(texts: Iterable[str], forms: set[str]) -> Counter[str]:
    """How often each candidate form occurs in ``texts`` (a word counts once, under its first matching key)."""
    counts: Counter[str] = Counter()
    for text in texts:
        for tok in tokenize(text):
            for k in match_keys(tok.key):
                if k in forms:
                    counts[k] += 1
                    break
    return counts


def review() -> dict[str, str]:
    """Form -> ``drop``, ``keep`` or a replacement type, from the hand review on real text."""
    return {norm_key(row[0]): row[1] for row in load_table("event_trigger_review.tsv")}


def build(cameo_text: str, texts: Iterable[str], min_count: int = MIN_COUNT) -> tuple[list[Trigger], Counter[str]]:
    """The kept triggers (counted on ``texts``, reviewed) and the counts of every candidate."""
    cands = candidates(cameo_lemmas(cameo_text), load_table("event_trigger_seeds.tsv"))
    counts = count_forms(texts, set(cands))
    lemma_counts: Counter[str] = Counter()
    for form, trig in cands.items():
        lemma_counts[trig.lemma] += counts[form]
    decisions = review()
    kept: list[Trigger] = []
    for form, trig in sorted(cands.items()):
        decision = decisions.get(form)
        if decision == "drop" or lemma_counts[trig.lemma] < min_count or (trig.origin == "cameo" and decision is None):
            continue
        kept.append(Trigger(form, trig.type if decision in (None, "keep") else decision, trig.lemma, trig.origin, trig.kind))
    return kept, counts


def write_triggers(triggers: list[Trigger], counts: Counter[str], path: Path, sample: int) -> None:
    """Write the trigger TSV (form, type, lemma, origin, count on the sample)."""
    lines = [
        "# Event trigger forms, built by `marsad train events` (do not edit: edit the seeds or the review file).",
        "# Derived in part from UniversalPetrarch's Arabic CAMEO dictionaries (MIT, Open Event Data Alliance).",
        f"# form\ttype\tlemma\torigin\tkind (verb: never after the article ال)\tcount in {sample} SaudiNewsNet articles",
    ]
    lines += [f"{t.form}\t{t.type}\t{t.lemma}\t{t.origin}\t{t.kind}\t{counts[t.form]}" for t in triggers]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
