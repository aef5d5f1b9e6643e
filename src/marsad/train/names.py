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

Place and organisation names have no person partners (جيزان/جازان, واشنطون/واشنطن), so a
second, tagger-free reading of every article (:func:`collect_contexts`) gives each candidate
word two contexts: the words around it (``WINDOW`` either side, function words left out)
and the name words of the documents it occurs in (its *company*).  A rarer spelling of a
frequent name word (tagged at least ``MIN_ANCHOR`` times) is a variant of it
(:func:`context_pairs`) when the two differ by one letter inside the word once the
transliteration consonants are folded (never the first or last letter: ليبي/ليبيا, دولارا/دولار
are inflections), neither is a unit, a common given name, a person's name word (mostly
inside person names: العبيدي/العبادي are two Iraqi politicians, left to the partner test above) or
a clitic form of a name (وواشنطن), and both contexts agree: company cosine at least
``MIN_COMPANY`` and window cosine at least ``MIN_WINDOW`` (idf-weighted), and the rarer is
written within ``CLOSE`` words of the other in less than ``MAX_CLOSE`` of its occurrences
(a writer does not spell one name two ways in one sentence; a village of a province is
named beside it: «محافظة ميسان ... قرية مثان»).  Different places one letter apart do not
pass: غانا/جيانا (Ghana, Guyana), لوران/لوريان (Laurent, Lorient), فرنسا/فرنسوا.

Variants are grouped (union-find) and each maps to the group's most frequent form.  The
run writes ``name_variants.tsv`` (variant, canonical, both counts, shared partners) and
``name_words.tsv`` (word, times inside a name, times in the text, number of different name
words it appears with, for words tagged at least ``MIN_TAGGED`` times), the rates :mod:`marsad.corpus.names` uses to tell a name from an
ordinary word (السورية, سعيد, دولار).
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from marsad.corpus.names import GIVEN_NAME_PARTNERS, fold, is_unit, skeleton
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
MIN_ANCHOR = 10  # a frequent name word a rarer spelling may be a variant of
MIN_SEEN = 3  # a candidate spelling occurs at least this often in the whole corpus
MIN_COMPANY = 0.5
MIN_WINDOW = 0.1
PERSON_SHARE = 0.3  # a word with person partners in this share of its tagged occurrences is a person's name word
WINDOW = 3
CLOSE = 12  # words: a spelling is not written this close to another spelling of the same name
MAX_CLOSE = 0.4  # جيزان is within CLOSE words of جازان in 23% of its uses; the village مثان of ميسان in 78%


def _save_json(path: Path, data: dict[str, Any]) -> None:
    """Write counts as gzipped JSON (so that tables can be rebuilt without reading the corpus again)."""
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def _counters(data: dict[str, dict[str, int]]) -> dict[str, Counter[str]]:
    """A word -> Counter table read back from JSON (a defaultdict, as the counting pass builds it)."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    table.update({w: Counter(c) for w, c in data.items()})
    return table


def _load_json(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


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
        _save_json(path, data)

    @classmethod
    def load(cls, path: Path) -> NameStats:
        """Read counts written by :meth:`save`."""
        data = _load_json(path)
        return cls(Counter(data["total"]), Counter(data["tagged"]), _counters(data["partners"]), int(data["documents"]))


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


@dataclass
class ContextStats:
    """Contexts of candidate spelling variants, read from every article without the tagger (:func:`collect_contexts`)."""

    documents: int = 0
    seen: Counter[str] = field(default_factory=Counter)  # documents a candidate word occurs in
    df: Counter[str] = field(default_factory=Counter)  # documents a context word occurs in
    window: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    company: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    candidates: list[tuple[str, str]] = field(default_factory=list)
    close: Counter[str] = field(default_factory=Counter)  # "a|b": occurrences of a with b within CLOSE words
    occurrences: Counter[str] = field(default_factory=Counter)

    def save(self, path: Path) -> None:
        """Write the contexts as gzipped JSON."""
        data = {"documents": self.documents, "seen": self.seen, "df": self.df, "window": self.window,
                "company": self.company, "candidates": self.candidates, "close": self.close,
                "occurrences": self.occurrences}
        _save_json(path, data)

    @classmethod
    def load(cls, path: Path) -> ContextStats:
        """Read contexts written by :meth:`save`."""
        data = _load_json(path)
        return cls(int(data["documents"]), Counter(data["seen"]), Counter(data["df"]), _counters(data["window"]),
                   _counters(data["company"]),
                   [(a, b) for a, b in data["candidates"]], Counter(data["close"]), Counter(data["occurrences"]))


def _one_inner_edit(a: str, b: str) -> bool:
    """True when folded ``a`` and ``b`` are equal or differ by one letter, never their first or last letter."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head >= 1 and tail >= 1 and max(len(a), len(b)) - head - tail == 1


def _person_word(stats: NameStats, word: str) -> bool:
    partners = stats.partners.get(word, Counter())
    person = sum(n for p, n in partners.items() if not p.startswith("@"))
    return (person > 0 and person >= PERSON_SHARE * stats.tagged[word]) or len(partners) >= GIVEN_NAME_PARTNERS


def candidate_pairs(stats: NameStats, vocabulary: Counter[str]) -> list[tuple[str, str]]:
    """(anchor, spelling) pairs of the corpus vocabulary the context test is made on (see the module docstring)."""
    names = set(_names(stats))
    taken = {frozenset((a, b)) for a, b, _ in variant_pairs(stats)}
    anchors: dict[str, list[str]] = defaultdict(list)
    for w in names:
        if stats.tagged[w] >= MIN_ANCHOR and len(w) > MIN_WORD and not _person_word(stats, w) and not is_unit(w):
            anchors[skeleton(w)].append(w)

    def plausible(word: str) -> bool:
        total = stats.total[word]
        clitic = word[:1] in "وفبلك" and word[1:] in names
        return not (clitic or is_unit(word) or _person_word(stats, word)
                    or (total >= MIN_TAGGED and stats.tagged[word] < MIN_NAME_RATE * total))

    pairs: list[tuple[str, str]] = []
    for word, n in vocabulary.items():
        if n < MIN_SEEN or len(word) <= MIN_WORD:
            continue
        for anchor in anchors.get(skeleton(word), ()):
            if (word != anchor and frozenset((word, anchor)) not in taken and anchor.startswith("ال") == word.startswith("ال")
                    and not _nisba(word, anchor) and _one_inner_edit(word, anchor)
                    and plausible(word) and plausible(anchor)):
                pairs.append((anchor, word))
    return sorted(pairs)


def _content_words(text: str) -> list[str]:
    return [name_word(t.key) for t in tokenize(text, 0, len(text)) if t.is_word]


def collect_contexts(path: Path, stats: NameStats, progress: Callable[[int], None] | None = None) -> ContextStats:
    """Read every article twice: the vocabulary, then the window and company of each candidate word."""
    vocabulary: Counter[str] = Counter()
    for text in _articles(path, 1, None):
        vocabulary.update(_content_words(text))
    out = ContextStats(candidates=candidate_pairs(stats, vocabulary))
    wanted = {w for pair in out.candidates for w in pair}
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in out.candidates:
        partners[a].add(b)
        partners[b].add(a)
    names = {w for w in _names(stats) if stats.tagged[w] >= MIN_ANCHOR} - wanted
    stop = frozenset(norm_key(w) for w in load("corpus_stopwords.txt"))
    for text in _articles(path, 1, None):
        words = _content_words(text)
        out.documents += 1
        present = set(words)
        out.df.update(bare_word(w) for w in present)
        here = present & names
        for w in present & wanted:
            out.seen[w] += 1
            out.company[w].update(here)
        for i, w in enumerate(words):
            if w in wanted:
                out.occurrences[w] += 1
                for other in set(words[max(0, i - CLOSE):i + 1 + CLOSE]) & partners[w]:
                    out.close[f"{w}|{other}"] += 1
                for other in words[max(0, i - WINDOW):i] + words[i + 1:i + 1 + WINDOW]:
                    bare = bare_word(other)
                    if len(bare) >= MIN_WORD and other not in stop and bare not in stop and other not in wanted:
                        out.window[w][bare] += 1
        if progress is not None:
            progress(1)
    return out


def _cosine(a: Counter[str], b: Counter[str], idf: Callable[[str], float]) -> float:
    va = {k: v * idf(k) for k, v in a.items()}
    vb = {k: v * idf(k) for k, v in b.items()}
    dot = sum(v * vb.get(k, 0.0) for k, v in va.items())
    norm = math.sqrt(sum(v * v for v in va.values()) * sum(v * v for v in vb.values()))
    return dot / norm if norm else 0.0


def context_pairs(contexts: ContextStats) -> list[tuple[str, str, float, float]]:
    """Candidate pairs whose company and window contexts agree, with both cosines."""

    def idf(word: str) -> float:
        return math.log(contexts.documents / max(1, contexts.df[bare_word(word)]))

    out: list[tuple[str, str, float, float]] = []
    for a, b in contexts.candidates:
        company = _cosine(contexts.company.get(a, Counter()), contexts.company.get(b, Counter()), idf)
        window = _cosine(contexts.window.get(a, Counter()), contexts.window.get(b, Counter()), idf)
        rare = min((a, b), key=lambda w: (contexts.occurrences[w], w))
        other = b if rare == a else a
        close = contexts.close[f"{rare}|{other}"] / max(1, contexts.occurrences[rare])
        if company >= MIN_COMPANY and window >= MIN_WINDOW and close < MAX_CLOSE:
            out.append((a, b, round(company, 2), round(window, 2)))
    return out


def variant_table(stats: NameStats, contexts: ContextStats | None = None) -> list[tuple[str, str, int, int, str]]:
    """Rows (variant, canonical, variant count, canonical count, evidence), grouped by union-find.

    The evidence is the number of shared specific partners (person-name pairs), or ``company/window``
    cosines (pairs from :func:`context_pairs`).  A group's canonical is its most tagged word, then
    the most seen.
    """
    uf: UnionFind[str] = UnionFind()
    evidence: dict[str, str] = {}
    for a, b, n in variant_pairs(stats):
        uf.union(a, b)
        for w in (a, b):
            evidence[w] = str(max(int(evidence.get(w, "0")), n))
    seen: Counter[str] = Counter()
    if contexts is not None:
        seen = contexts.seen
        for a, b, company, window in context_pairs(contexts):
            uf.union(a, b)
            evidence.setdefault(b, f"{company}/{window}")
            evidence.setdefault(a, f"{company}/{window}")
    rows: list[tuple[str, str, int, int, str]] = []
    for members in uf.groups().values():
        canonical = max(members, key=lambda w: (stats.tagged[w], seen[w], w))
        for w in sorted(members):
            if w != canonical:
                rows.append((w, canonical, stats.tagged[w], stats.tagged[canonical], evidence[w]))
    return sorted(rows, key=lambda r: (r[1], r[0]))


def write_tables(stats: NameStats, out_dir: Path, command: str,
                 contexts: ContextStats | None = None) -> tuple[Path, Path]:
    """Write ``name_variants.tsv`` and ``name_words.tsv`` into ``out_dir``."""
    head = f"# Built by `{command}` from {stats.documents} SaudiNewsNet articles (marsad.train.names).\n"
    if contexts is not None:
        head += f"# Context pairs from all {contexts.documents} articles (company/window cosines).\n"
    variants = out_dir / "name_variants.tsv"
    with variants.open("w", encoding="utf-8") as f:
        f.write(head + "# variant\tcanonical\tvariant tagged\tcanonical tagged"
                       "\tevidence: shared name partners, or company/window context cosines\n")
        for row in variant_table(stats, contexts):
            f.write("\t".join(map(str, row)) + "\n")
    words = out_dir / "name_words.tsv"
    with words.open("w", encoding="utf-8") as f:
        f.write(head + "# word (a proclitic before the article off)\ttimes inside a tagged name\ttimes in the text"
                       "\tdifferent name words it appears with\n")
        for w in sorted(w for w, n in stats.tagged.items() if n >= MIN_TAGGED):
            partners = sum(1 for p in stats.partners.get(w, ()) if not p.startswith("@"))
            f.write(f"{w}\t{stats.tagged[w]}\t{stats.total[w]}\t{partners}\n")
    return variants, words
