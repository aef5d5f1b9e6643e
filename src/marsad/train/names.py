"""Mining name-spelling variants and name-word rates from unlabelled news (``marsad train names``).

The shipped tagger reads a sample of SaudiNewsNet.  For every word it counts how often the
word occurs and how often it is inside a tagged name; for every name word it collects its
*partners*: the other words of the multi-word names it occurs in (ميشال ← عون، سليمان) and
the title word right before the name (الرئيس).

Two name words are a spelling-variant pair when

* they align letter by letter once vowel letters (ا و ي) are set aside and the consonants
  transliteration splits are folded (ج/غ/ق for a foreign g, ت/ط, س/ص/ث, د/ض, ز/ذ/ظ): this is
  :func:`marsad.corpus.names.skeleton`, equal for ترامب/ترمب, ميشال/ميشيل, بيونج/بيونغ;
* both are mostly names (tagged in at least ``MIN_NAME_RATE`` of their occurrences);
* they share *specific* context (:func:`variant_pairs`): a partner that accompanies at most
  ``MAX_SPREAD`` name words (دونالد، جواد، عون), making up ``MIN_OVERLAP`` of the rarer
  word's partner occurrences, so that two different native names that align (سعد/سعيد,
  الحسن/الحسين: their partners are common first names) stay apart; a long foreign word
  (seven letters or more, البنتاجون/البنتاغون) with no partners at all is accepted on the
  alignment alone when a consonant differs (not vowel letters only: العروبة/العربية stay apart);
* neither is the other with an adjective ending (الإسلام/الإسلامي).

Variants are grouped (union-find) and each maps to the group's most frequent form.  The
run writes ``name_variants.tsv`` (variant, canonical, both counts, shared partners) and
``name_words.tsv`` (word, times inside a name, times in the text, number of different name
words it appears with, for words tagged at least ``MIN_TAGGED`` times), the rates :mod:`marsad.corpus.names` uses to tell a name from an
ordinary word (السورية, سعيد, دولار).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from marsad.corpus.names import skeleton
from marsad.corpus.unionfind import UnionFind
from marsad.extract.ner.tagger import iob_spans, shipped_tagger
from marsad.lexicons import load
from marsad.text.clitics import bare_word, name_word
from marsad.text.normalize import norm_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

MIN_TAGGED = 3
MIN_NAME_RATE = 0.4
MIN_OVERLAP = 0.5
MAX_SPREAD = 12
MIN_LONE_LENGTH = 7
MIN_WORD = 3


@dataclass
class NameStats:
    """Counts gathered over the sample."""

    total: Counter[str] = field(default_factory=Counter)
    tagged: Counter[str] = field(default_factory=Counter)
    partners: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    documents: int = 0

    def save(self, path: Path) -> None:
        """Write the counts as gzipped JSON (so the tables can be rebuilt without tagging again)."""
        data = {"documents": self.documents, "total": self.total, "tagged": self.tagged, "partners": self.partners}
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)

    @classmethod
    def load(cls, path: Path) -> NameStats:
        """Read counts written by :meth:`save`."""
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
        partners: dict[str, Counter[str]] = defaultdict(Counter)
        partners.update({w: Counter(p) for w, p in data["partners"].items()})
        return cls(Counter(data["total"]), Counter(data["tagged"]), partners, int(data["documents"]))


def _articles(path: Path, every: int, limit: int | None) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        taken = 0
        for n, line in enumerate(handle):
            if n % every:
                continue
            text = json.loads(line).get("content") or ""
            if text:
                yield text
                taken += 1
                if limit is not None and taken >= limit:
                    return


def collect(path: Path, every: int, limit: int | None, progress: Callable[[int], None] | None = None) -> NameStats:
    """Tag every ``every``-th article of the SaudiNewsNet dump (at most ``limit``) and count."""
    tagger = shipped_tagger()
    titles = frozenset(norm_key(w) for w in load("ner_person_titles.txt"))
    stats = NameStats()
    for text in _articles(path, every, limit):
        sentences = [tokenize(text, s.start, s.end) for s in split_sentences(text, 0, len(text))]
        sentences = [[t for t in sent if t.is_word] for sent in sentences]
        sentences = [s for s in sentences if s]
        tags = tagger.tag_document([[t.text for t in s] for s in sentences])
        for sent, sent_tags in zip(sentences, tags, strict=True):
            words = [name_word(t.key) for t in sent]
            stats.total.update(words)
            for a, b, label in iob_spans(sent_tags):
                span = words[a:b]
                stats.tagged.update(span)
                title = bare_word(words[a - 1]) if a else ""
                for w in span:
                    if label == "PERS":
                        stats.partners[w].update(o for o in span if o != w)
                    if title in titles:
                        stats.partners[w]["@" + title] += 1
        stats.documents += 1
        if progress is not None:
            progress(1)
    return stats


def _names(stats: NameStats) -> list[str]:
    return [w for w, n in stats.tagged.items()
            if n >= MIN_TAGGED and len(w) >= MIN_WORD and n >= MIN_NAME_RATE * stats.total[w]]


def _nisba(a: str, b: str) -> bool:
    """True when one word is the other with an adjective ending (الاسلام/الاسلامي, سوريا/السوريه)."""
    short, long = sorted((a, b), key=len)
    return long.endswith(("ي", "يه")) and not short.endswith(("ي", "يه"))


def _unvowelled(word: str) -> str:
    return word[:1] + "".join(c for c in word[1:] if c not in "اوي")


def _spread(stats: NameStats) -> Counter[str]:
    """For each partner, how many different name words it accompanies (محمد: thousands; دونالد: a few)."""
    spread: Counter[str] = Counter()
    for partners in stats.partners.values():
        spread.update(partners.keys())
    return spread


def variant_pairs(stats: NameStats) -> list[tuple[str, str, int]]:
    """Pairs of name words that align and share specific context, with their shared specific partner count.

    A partner is specific when it accompanies at most ``MAX_SPREAD`` different name words
    (دونالد, جواد, عون; not محمد or الرئيس).  The pair must share one, and the shared specific
    partners must account for ``MIN_OVERLAP`` of the rarer word's partner occurrences: ترمب is
    nearly always دونالد ترمب, while الحسن and الحسين, two surnames, share only common first names.
    """
    spread = _spread(stats)
    buckets: dict[str, list[str]] = defaultdict(list)
    for w in _names(stats):
        buckets[skeleton(w)].append(w)
    pairs: list[tuple[str, str, int]] = []
    for words in buckets.values():
        for a, b in combinations(sorted(words), 2):
            if abs(len(a) - len(b)) > 2 or a.startswith("ال") != b.startswith("ال") or _nisba(a, b):
                continue
            pa, pb = stats.partners.get(a, Counter()), stats.partners.get(b, Counter())
            shared = [p for p in pa.keys() & pb.keys() if spread[p] <= MAX_SPREAD]
            rare = pa if stats.tagged[a] <= stats.tagged[b] else pb
            mass = sum(rare.values())
            if shared and sum(rare[p] for p in shared) >= MIN_OVERLAP * mass:
                pairs.append((a, b, len(shared)))
            elif not pa and not pb and min(len(a), len(b)) >= MIN_LONE_LENGTH and _unvowelled(a) != _unvowelled(b):
                pairs.append((a, b, 0))
    return pairs


def variant_table(stats: NameStats) -> list[tuple[str, str, int, int, int]]:
    """Rows (variant, canonical, variant count, canonical count, shared partners), grouped by union-find."""
    uf: UnionFind[str] = UnionFind()
    shared: dict[str, int] = {}
    for a, b, n in variant_pairs(stats):
        uf.union(a, b)
        shared[a] = max(shared.get(a, 0), n)
        shared[b] = max(shared.get(b, 0), n)
    rows: list[tuple[str, str, int, int, int]] = []
    for members in uf.groups().values():
        canonical = max(members, key=lambda w: (stats.tagged[w], w))
        for w in sorted(members):
            if w != canonical:
                rows.append((w, canonical, stats.tagged[w], stats.tagged[canonical], shared[w]))
    return sorted(rows, key=lambda r: (r[1], r[0]))


def write_tables(stats: NameStats, out_dir: Path, command: str) -> tuple[Path, Path]:
    """Write ``name_variants.tsv`` and ``name_words.tsv`` into ``out_dir``."""
    head = f"# Built by `{command}` from {stats.documents} SaudiNewsNet articles (marsad.train.names).\n"
    variants = out_dir / "name_variants.tsv"
    with variants.open("w", encoding="utf-8") as f:
        f.write(head + "# variant\tcanonical\tvariant tagged\tcanonical tagged\tshared name partners\n")
        for row in variant_table(stats):
            f.write("\t".join(map(str, row)) + "\n")
    words = out_dir / "name_words.tsv"
    with words.open("w", encoding="utf-8") as f:
        f.write(head + "# word (a proclitic before the article off)\ttimes inside a tagged name\ttimes in the text"
                       "\tdifferent name words it appears with\n")
        for w in sorted(w for w, n in stats.tagged.items() if n >= MIN_TAGGED):
            partners = sum(1 for p in stats.partners.get(w, ()) if not p.startswith("@"))
            f.write(f"{w}\t{stats.tagged[w]}\t{stats.total[w]}\t{partners}\n")
    return variants, words
