"""Story clustering scored against hand-labelled SaudiNewsNet articles (BCubed and pairwise F1).

The gold file is tab-separated: ``url``, ``story`` label, ``split`` (``tune`` or
``test``); ``#`` lines are comments.  Article records are read at run time from the
SaudiNewsNet dump (never stored with the gold) and go through the product pipeline as
``marsad analyze`` runs on a JSONL dump (:func:`marsad.eval.shared.analyze_like_cli`:
record to raw document, page stage, time, entities, quotes, then the corpus steps:
sources, date inference, copied passages, entity resolution and stories), all gold
articles in one run.  An article's story is
the one holding its main segment.  Scores are reported over all articles and per split.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

from marsad.eval.shared import analyze_like_cli
from marsad.ingest.records import record_document
from marsad.ingest.rejected import Rejected
from marsad.model import Document, Published, Segment
from marsad.page.build import content_id


@dataclass(frozen=True)
class GoldArticle:
    """One labelled article: its url, its story label and its split."""

    url: str
    story: str
    split: str


@dataclass(frozen=True)
class Scores:
    """Clustering scores over one set of articles."""

    articles: int
    gold_stories: int
    predicted_stories: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float


def read_gold(path: Path) -> list[GoldArticle]:
    """Read a gold TSV (url, story, split)."""
    out: list[GoldArticle] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        url, story, split = line.split("\t")[:3]
        out.append(GoldArticle(url.strip(), story.strip(), split.strip()))
    return out


def iter_records(dataset: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """The (line index, record) pairs of the SaudiNewsNet JSONL (gzip) dump."""
    with gzip.open(dataset, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            yield i, json.loads(line)


def article_document(index: int, record: dict[str, str]) -> Document:
    """One SaudiNewsNet article as a document: title, blank line, content; one main segment."""
    title = (record.get("title") or "").strip()
    text = f"{title}\n\n{record.get('content') or ''}" if title else record.get("content") or ""
    doc_id = f"snn-{index}"
    doc = Document(
        id=doc_id,
        source=record.get("url") or doc_id,
        format="json",
        text=text,
        title=title or None,
        outlet=record.get("source"),
        url=record.get("url"),
        published=Published(record["date_extracted"].replace(" ", "T"), "metadata")
        if record.get("date_extracted")
        else None,
        language="ar",
    )
    title_span = doc.span(0, len(title)) if title else None
    doc.title_span = title_span
    doc.segments.append(Segment(f"{doc_id}:0", "main", 0, len(text), title=title_span))
    return doc


def load_gold_records(gold: list[GoldArticle], dataset: Path) -> dict[str, dict[str, str]]:
    """The records of the gold articles, keyed by url (every url must be found)."""
    wanted = {g.url for g in gold}
    records: dict[str, dict[str, str]] = {}
    for _, rec in iter_records(dataset):
        if rec.get("url") in wanted:
            records[rec["url"]] = rec
    missing = wanted - records.keys()
    if missing:
        raise ValueError(f"{len(missing)} gold urls not in {dataset}, e.g. {sorted(missing)[0]}")
    return records


def cluster(records: list[dict[str, str]]) -> list[str]:
    """Run the product pipeline on ``records`` in one run; the story label of each record, in order.

    A record the product rejects (an empty content) is a story of its own, as it would be absent from a run.
    """
    result = analyze_like_cli([], records)
    by_segment = {seg: story.id for story in result.corpus.stories for seg in story.segments}
    by_document = {doc: story.id for story in reversed(result.corpus.stories) for doc in story.documents}
    docs = {d.id: d for d in result.documents}
    labels: list[str] = []
    for n, record in enumerate(records):
        try:
            doc_id = content_id(record_document(record, record.get("url") or f"record-{n}", "jsonl").text)
        except Rejected:
            labels.append(f"rejected-{n}")
            continue
        doc = docs.get(doc_id)
        main = doc.segments_of("main") if doc is not None else []
        label = by_segment.get(main[0].id) if main else None
        labels.append(label or by_document.get(doc_id) or f"alone-{doc_id}")
    return labels


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of ``predicted`` against ``gold`` (item -> label)."""
    items = sorted(gold)
    if not items:
        return 0.0, 0.0, 0.0
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for item in items:
        by_gold.setdefault(gold[item], set()).add(item)
        by_pred.setdefault(predicted[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        g, p = by_gold[gold[item]], by_pred[predicted[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision /= len(items)
    recall /= len(items)
    return precision, recall, _f1(precision, recall)


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 (pairs of items put in one cluster)."""
    items = sorted(gold)
    same_gold = same_pred = both = 0
    for a, b in combinations(items, 2):
        g, p = gold[a] == gold[b], predicted[a] == predicted[b]
        same_gold += g
        same_pred += p
        both += g and p
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_gold if same_gold else 1.0
    return precision, recall, _f1(precision, recall)


def score(gold: dict[str, str], predicted: dict[str, str]) -> Scores:
    """All scores for one set of items (``predicted`` restricted to ``gold``'s items)."""
    pred = {k: predicted[k] for k in gold}
    bp, br, bf = bcubed(gold, pred)
    pp, pr, pf = pairwise(gold, pred)
    return Scores(
        len(gold), len(set(gold.values())), len(set(pred.values())),
        round(bp, 4), round(br, 4), round(bf, 4), round(pp, 4), round(pr, 4), round(pf, 4),
    )


def evaluate(gold_path: Path, dataset: Path) -> dict[str, object]:
    """Cluster the gold articles with the product pipeline and score them: overall, then per split."""
    gold = read_gold(gold_path)
    records = load_gold_records(gold, dataset)
    labels_of = cluster([records[g.url] for g in gold])
    predicted = {g.url: label for g, label in zip(gold, labels_of, strict=True)}
    labels = {g.url: g.story for g in gold}
    report: dict[str, object] = {"gold": str(gold_path), **asdict(score(labels, predicted))}
    splits: dict[str, object] = {}
    for split in sorted({g.split for g in gold}):
        subset = {g.url: g.story for g in gold if g.split == split}
        splits[split] = asdict(score(subset, predicted))
    report["splits"] = splits
    return report
