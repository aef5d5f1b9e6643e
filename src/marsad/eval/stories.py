"""Story clustering scored against hand-labelled SaudiNewsNet articles (BCubed and pairwise F1).

The gold file is tab-separated: ``url``, ``story`` label, ``split`` (``tune`` or
``test``); ``#`` lines are comments.  Article text is read at run time from the
SaudiNewsNet dump (never stored with the gold).  Each article becomes one document
whose text is its title, a blank line and its content, with one ``main`` segment and
its ``date_extracted`` as publication date.  All gold articles are clustered together;
scores are reported over all of them and over each split.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

from marsad.corpus.duplicates import find_duplicates
from marsad.corpus.stories import place_units
from marsad.corpus.story_index import StoryIndex, StoryParams
from marsad.model import Document, Published, Segment


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


def load_gold_documents(gold: list[GoldArticle], dataset: Path) -> dict[str, Document]:
    """The documents of the gold articles, keyed by url (every url must be found)."""
    wanted = {g.url for g in gold}
    docs: dict[str, Document] = {}
    for i, rec in iter_records(dataset):
        if rec.get("url") in wanted:
            docs[rec["url"]] = article_document(i, rec)
    missing = wanted - docs.keys()
    if missing:
        raise ValueError(f"{len(missing)} gold urls not in {dataset}, e.g. {sorted(missing)[0]}")
    return docs


def cluster(docs: list[Document], params: StoryParams | None = None) -> dict[str, str]:
    """Cluster ``docs`` (copied passages first, then the story index): document id -> story id."""
    index, units = place_units(docs, find_duplicates(docs), StoryIndex(params or StoryParams()))
    out: dict[str, str] = {}
    for unit in units:
        state = index.story_of(unit.id)
        if state is not None:
            out[unit.document] = state.id
    return out


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


def add_entities(docs: list[Document]) -> None:
    """Run entity mention tagging and cross-document resolution, so that stories can use entity ids."""
    from marsad.corpus.result import CorpusResult
    from marsad.pipeline import component, corpus_step

    entities = component("entities")
    for doc in docs:
        entities.run(doc)
    result = CorpusResult()
    for name in ("entities", "entity_ids"):
        corpus_step(name).run(docs, result)


def evaluate(
    gold_path: Path, dataset: Path, params: StoryParams | None = None, entities: bool = False
) -> dict[str, object]:
    """Cluster the gold articles (with resolved entities if asked) and score them: overall, then per split."""
    gold = read_gold(gold_path)
    docs = load_gold_documents(gold, dataset)
    ordered = [docs[g.url] for g in gold]
    if entities:
        add_entities(ordered)
    predicted_by_doc = cluster(ordered, params)
    predicted = {g.url: predicted_by_doc[docs[g.url].id] for g in gold}
    labels = {g.url: g.story for g in gold}
    report: dict[str, object] = {"gold": str(gold_path), "entities": entities, **asdict(score(labels, predicted))}
    splits: dict[str, object] = {}
    for split in sorted({g.split for g in gold}):
        subset = {g.url: g.story for g in gold if g.split == split}
        splits[split] = asdict(score(subset, predicted))
    report["splits"] = splits
    return report
