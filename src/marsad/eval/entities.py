"""Entity-resolution evaluation on multi-outlet news: B-cubed over gold mentions, and the error kinds behind it.

The gold (``tests/gold/entities/news_clusters.tsv``) lists, per SaudiNewsNet article, the
names written in it (clitics left out) with a cluster id shared across articles.  Every
occurrence of a gold name in the article's text, longest names first, a proclitic allowed
on its first word (للأمم المتحدة is an occurrence of الأمم المتحدة), is a gold mention.

The articles run through the product's pipeline (:func:`marsad.pipeline.analyze_raw` on
each record, then :func:`marsad.pipeline.analyze_corpus` over them all), exactly as
``marsad analyze`` runs them.  A gold mention takes the entity of the predicted mention
overlapping it most; one with no overlapping mention is a singleton.  Scores per split:

* B-cubed precision, recall and F1 over the split's gold mentions;
* ``merged``: predicted entities holding gold mentions of two or more clusters;
* ``split``: gold clusters spread over two or more predicted entities;
* ``missed``: gold mentions with no predicted mention;
* ``span``: matched mentions whose name differs from the gold name (a clitic or a
  neighbouring word inside the span, a word cut off);
* ``spurious``: predicted mentions outside every gold name that were joined to an entity
  holding gold mentions (حسن in بادرة حسن نية joined to حسن روحاني);
* ``empty``: entities with an empty name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from marsad.corpus.result import CorpusResult
from marsad.eval.shared import saudinewsnet_records
from marsad.eval.stories import bcubed
from marsad.extract.entities import mention_name
from marsad.ingest.records import record_document
from marsad.model import Document, Mention
from marsad.options import Options
from marsad.pipeline import analyze_corpus, analyze_raw
from marsad.text.clitics import MIN_STEM, SEPARABLE
from marsad.text.normalize import norm_key
from marsad.text.tokens import tokenize

SPLITS = ("dev", "test", "heldout")


@dataclass(frozen=True)
class GoldName:
    """One gold name of one article: split, article url, cluster id and the name as written."""

    split: str
    url: str
    cluster: str
    form: str


@dataclass(frozen=True)
class GoldMention:
    """An occurrence of a gold name in a document's text."""

    split: str
    doc: str
    start: int
    end: int
    cluster: str
    form: str


@dataclass
class SplitScores:
    """The figures of one split."""

    mentions: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    merged: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    span: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Rounded figures, error counts and the errors themselves."""
        return {
            "mentions": self.mentions, "bcubed_precision": round(self.precision, 4),
            "bcubed_recall": round(self.recall, 4), "bcubed_f1": round(self.f1, 4),
            "merged": len(self.merged), "split": len(self.split), "missed": len(self.missed),
            "span": len(self.span), "spurious": len(self.spurious),
            "errors": {"merged": self.merged, "split": self.split, "missed": self.missed, "span": self.span,
                       "spurious": self.spurious},
        }


def read_gold(path: Path) -> list[GoldName]:
    """The gold rows of a TSV file (or of every ``*.tsv`` with four columns in a folder)."""
    files = sorted(path.glob("news_*.tsv")) if path.is_dir() else [path]
    rows: list[GoldName] = []
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 4 or cells[0] not in SPLITS:
                raise ValueError(f"{file}:{n}: need split ({'/'.join(SPLITS)}), url, cluster, name")
            rows.append(GoldName(*cells))
    return rows


def _records(shared: Path, urls: set[str]) -> dict[str, dict[str, str]]:
    found = saudinewsnet_records(shared, urls)
    missing = urls - found.keys()
    if missing:
        raise ValueError(f"gold articles not in SaudiNewsNet: {sorted(missing)[:3]}")
    return found


def analyse(gold: list[GoldName], shared: Path) -> tuple[dict[str, Document], CorpusResult]:
    """The gold articles run through the product pipeline (page, extractors, corpus steps), by url."""
    urls = {g.url for g in gold}
    records = _records(shared, urls)
    docs: dict[str, Document] = {}
    options = Options(progress=False)
    for url in sorted(urls):
        raw = record_document(records[url], f"saudinewsnet:{url}", "jsonl")
        docs[url] = analyze_raw(raw, options)
    result = analyze_corpus(list(docs.values()))
    return docs, result


def gold_mentions(gold: list[GoldName], docs: dict[str, Document]) -> list[GoldMention]:
    """Every occurrence of every gold name in its document, longest names first, without overlaps."""
    out: list[GoldMention] = []
    by_url: dict[str, list[GoldName]] = defaultdict(list)
    for g in gold:
        by_url[g.url].append(g)
    for url, names in by_url.items():
        doc = docs[url]
        tokens = [t for t in tokenize(doc.text) if t.is_word]
        taken = [False] * len(tokens)
        for g in sorted(names, key=lambda n: (-len(norm_key(n.form).split()), -len(norm_key(n.form)))):
            words = norm_key(g.form).split()
            for i in range(len(tokens) - len(words) + 1):
                if any(taken[i:i + len(words)]) or words[0] not in _readings(tokens[i].key):
                    continue
                if [t.key for t in tokens[i + 1:i + len(words)]] != words[1:]:
                    continue
                taken[i:i + len(words)] = [True] * len(words)
                out.append(GoldMention(g.split, url, tokens[i].start, tokens[i + len(words) - 1].end, g.cluster, g.form))
    return out


def _readings(key: str) -> set[str]:
    """A word and its readings without a conjunction/preposition (the article stays: السورية is not سورية)."""
    out = {key}
    for pre in SEPARABLE:
        if key.startswith(pre) and len(key) - len(pre) >= MIN_STEM:
            rest = key[len(pre):]
            out.add("ال" + rest if pre.endswith(("لل", "ال")) else rest)
    return out


def _overlap(m: Mention, g: GoldMention) -> int:
    return max(0, min(m.end, g.end) - max(m.start, g.start))


def score(gold: list[GoldName], docs: dict[str, Document], result: CorpusResult) -> dict[str, SplitScores]:
    """Scores per split (see the module docstring)."""
    names = {e.id: e.name for e in result.entities}
    mentions = gold_mentions(gold, docs)
    matched: dict[GoldMention, Mention | None] = {}
    for g in mentions:
        over = [(m, _overlap(m, g)) for m in docs[g.doc].mentions]
        best = max(over, key=lambda p: p[1], default=(None, 0))
        matched[g] = best[0] if best[1] > 0 else None
    out: dict[str, SplitScores] = {}
    for split in SPLITS:
        chosen = [g for g in mentions if g.split == split]
        if not chosen:
            continue
        scores = SplitScores(mentions=len(chosen))
        ids = {g: f"{g.doc}:{g.start}" for g in chosen}
        gold_of = {ids[g]: g.cluster for g in chosen}
        pred_of: dict[str, str] = {}
        for g in chosen:
            m = matched[g]
            pred_of[ids[g]] = m.entity if m is not None and m.entity else "#" + ids[g]
            if m is None:
                scores.missed.append(f"{g.form} ({g.doc[-40:]})")
            elif norm_key(mention_name(docs[g.doc], m)) != norm_key(g.form):
                scores.span.append(f"{m.text} ≠ {g.form}")
        scores.precision, scores.recall, scores.f1 = bcubed(gold_of, pred_of)
        clusters_of: dict[str, Counter[str]] = defaultdict(Counter)
        entities_of: dict[str, Counter[str]] = defaultdict(Counter)
        for item, cluster in gold_of.items():
            if not pred_of[item].startswith("#"):
                clusters_of[pred_of[item]][cluster] += 1
                entities_of[cluster][pred_of[item]] += 1
        scores.merged = [f"{names.get(e, e)}: {', '.join(sorted(c))}" for e, c in clusters_of.items() if len(c) > 1]
        scores.split = [f"{c}: {' | '.join(names.get(e, e) for e in sorted(es))}" for c, es in entities_of.items()
                        if len(es) > 1]
        covered = {(g.doc, g.start, g.end) for g in chosen}
        for url in {g.doc for g in chosen}:
            for m in docs[url].mentions:
                inside = any(d == url and m.start < e and s < m.end for d, s, e in covered)
                if not inside and m.entity in clusters_of:
                    scores.spurious.append(f"{m.text} → {names.get(m.entity, m.entity)}")
        out[split] = scores
    return out


def empty_names(result: CorpusResult) -> list[str]:
    """Ids of entities without a name."""
    return [e.id for e in result.entities if not e.name.strip()]
