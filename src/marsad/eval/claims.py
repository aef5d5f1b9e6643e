"""Claims scored against hand-annotated statements of facts in multi-outlet SaudiNewsNet coverage.

The gold file (``tests/gold/claims/README.md``) is tab-separated: ``story``, ``fact``,
``slot``, ``value``, ``split``, ``url``, ``quote``.  Each row is one statement of a fact in
one article, located by a short quote (every occurrence of the quote in the article's
title + blank line + content is that statement).  Two statements of the same fact from
different outlets form a gold pair: *conflicting* when their value intervals do not overlap,
*agreeing* otherwise; rows valued ``*`` (superseded tolls, background figures, other facts
of the same slot) are neither, and predicted pairs touching them are not scored.

The gold articles go through the product pipeline as the CLI assembles it
(:func:`marsad.pipeline.annotate_documents`: every document component, then
:func:`marsad.pipeline.analyze_corpus`: date inference, copied passages, entities,
events, stories with their claims).  A *predicted contested pair* is two spans of one contested
claim, from different outlets, in two values whose intervals do not overlap.  Precision
counts the pairs that match a gold conflicting pair (a span matches a statement when it
overlaps its quote); a pair with a side matching no statement is a false positive.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from marsad.eval.shared import record_article
from marsad.eval.stories import iter_records
from marsad.model import Claim, Document, SpanRef, Story

Interval = tuple[float, float]
ABOUT = 0.1


@dataclass(frozen=True)
class GoldStatement:
    """One annotated statement: its fact, slot, value interval (None = not scored) and where it is."""

    row: int
    story: str
    fact: str
    slot: str
    value: Interval | None
    split: str
    url: str
    quote: str


def gold_interval(value: str) -> Interval | None:
    """A gold value as an interval: ``27``, ``~100`` (+-10 %), ``30+`` (30 or more), ``200-999``; ``*`` is None."""
    value = value.strip()
    if value == "*":
        return None
    if value.startswith("~"):
        n = float(value[1:])
        return math.floor(round(n * (1 - ABOUT), 3)), math.ceil(round(n * (1 + ABOUT), 3))
    if value.endswith("+"):
        return float(value[:-1]), math.inf
    if "-" in value:
        low, high = value.split("-", 1)
        return float(low), float(high)
    return float(value), float(value)


def predicted_interval(value: str) -> Interval:
    """A claim value (``27``, ``90..110``, ``30..``, ``..50``, unit after a space) as an interval."""
    number = value.split(" ", 1)[0]
    if ".." not in number:
        return float(number), float(number)
    low, high = number.split("..", 1)
    return float(low or 0), float(high) if high else math.inf


def overlaps(a: Interval, b: Interval) -> bool:
    """True when two closed intervals share a value."""
    return a[0] <= b[1] and b[0] <= a[1]


def read_gold(path: Path) -> list[GoldStatement]:
    """Read the gold TSV (``#`` lines are comments)."""
    out: list[GoldStatement] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        story, fact, slot, value, split, url, quote = line.split("\t")[:7]
        out.append(GoldStatement(n, story, fact, slot, gold_interval(value), split, url, quote))
    return out


def load_documents(urls: set[str], dataset: Path) -> dict[str, Document]:
    """The SaudiNewsNet articles with these urls as the product reads them, keyed by url (every url must be found)."""
    docs: dict[str, Document] = {}
    for _i, rec in iter_records(dataset):
        if rec.get("url") in urls:
            docs[rec["url"]] = record_article(rec)[0]
    missing = urls - docs.keys()
    if missing:
        raise ValueError(f"{len(missing)} gold urls not in {dataset}, e.g. {sorted(missing)[0]}")
    return docs


def run_pipeline(docs: list[Document]) -> list[Story]:
    """The product pipeline on ready documents: every extractor, then every corpus step; the stories."""
    from marsad.pipeline import analyze_corpus, annotate_documents

    annotate_documents(docs)
    return analyze_corpus(docs).stories


def locate(gold: list[GoldStatement], docs: dict[str, Document]) -> dict[int, list[tuple[str, int, int]]]:
    """Every (document id, start, end) occurrence of each statement's quote."""
    out: dict[int, list[tuple[str, int, int]]] = {}
    for g in gold:
        doc = docs[g.url]
        found: list[tuple[str, int, int]] = []
        pos = doc.text.find(g.quote)
        while pos >= 0:
            found.append((doc.id, pos, pos + len(g.quote)))
            pos = doc.text.find(g.quote, pos + 1)
        if not found:
            raise ValueError(f"gold row {g.row + 1}: quote not found in {g.url}")
        out[g.row] = found
    return out


def _match(ref: SpanRef, places: dict[int, list[tuple[str, int, int]]]) -> int | None:
    """The statement whose quote overlaps ``ref`` best (intersection over union), if any."""
    best: tuple[float, int] | None = None
    for row, occurrences in places.items():
        for doc, start, end in occurrences:
            shared = min(end, ref.end) - max(start, ref.start)
            if doc != ref.document or shared <= 0:
                continue
            iou = shared / (max(end, ref.end) - min(start, ref.start))
            if best is None or iou > best[0]:
                best = (iou, row)
    return best[1] if best else None


def contested_pairs(claim: Claim, outlet_of: dict[str, str]) -> list[tuple[SpanRef, SpanRef]]:
    """The span pairs a contested claim presents as conflicting: different outlets, disjoint values."""
    out: list[tuple[SpanRef, SpanRef]] = []
    for va, vb in combinations(claim.values, 2):
        if overlaps(predicted_interval(va.value), predicted_interval(vb.value)):
            continue
        for a in va.spans:
            for b in vb.spans:
                if outlet_of[a.document] != outlet_of[b.document]:
                    out.append((a, b))
    return out


@dataclass
class Tally:
    """Pair counts of one split."""

    gold_conflicts: int = 0
    gold_agreements: int = 0
    predicted: int = 0
    true_positive: int = 0
    agreeing_contested: int = 0
    other_fact: int = 0
    unmatched: int = 0
    found_conflicts: int = 0
    corroborated_agreements: int = 0

    def scores(self) -> dict[str, float | int]:
        """The counts with precision, recall and rates."""
        precision = self.true_positive / self.predicted if self.predicted else 1.0
        recall = self.found_conflicts / self.gold_conflicts if self.gold_conflicts else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            **self.__dict__,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "agreeing_contested_rate": round(self.agreeing_contested / self.gold_agreements, 4)
            if self.gold_agreements else 0.0,
            "corroboration_recall": round(self.corroborated_agreements / self.gold_agreements, 4)
            if self.gold_agreements else 1.0,
        }


def _gold_pairs(gold: list[GoldStatement], outlet_of_url: dict[str, str]) -> dict[frozenset[int], bool]:
    """Gold pairs of statements (row pair -> conflicting?)."""
    out: dict[frozenset[int], bool] = {}
    for a, b in combinations(gold, 2):
        if (a.story, a.fact) != (b.story, b.fact) or a.value is None or b.value is None:
            continue
        if outlet_of_url[a.url] == outlet_of_url[b.url]:
            continue
        out[frozenset((a.row, b.row))] = not overlaps(a.value, b.value)
    return out


def corroboration_violations(stories: list[Story], outlet_of: dict[str, str]) -> list[str]:
    """Claims whose sources are fewer than they say: one outlet alone, or more sources than outlets."""
    bad: list[str] = []
    for story in stories:
        for claim in story.claims:
            outlets = {outlet_of.get(r.document, r.document) for r in claim.spans}
            if claim.independent_sources > len(outlets):
                bad.append(f"{story.id}: {claim.independent_sources} sources from {len(outlets)} outlets")
            if claim.status == "corroborated" and (len(outlets) < 2 or claim.independent_sources < 2):
                bad.append(f"{story.id}: corroborated by {sorted(outlets)} alone")
    return bad


def score(gold: list[GoldStatement], docs: dict[str, Document], stories: list[Story]) -> dict[str, object]:
    """Score the stories' claims against the gold statements, overall and per split."""
    outlet_of = {d.id: d.outlet or d.id for d in docs.values()}
    outlet_of_url = {url: d.outlet or d.id for url, d in docs.items()}
    by_row = {g.row: g for g in gold}
    split_of_doc = {docs[g.url].id: g.split for g in gold}
    places = locate(gold, docs)
    pairs = _gold_pairs(gold, outlet_of_url)
    tallies: dict[str, Tally] = {"all": Tally()}
    for g in {g.split for g in gold}:
        tallies[g] = Tally()

    def tally(split: str) -> list[Tally]:
        return [tallies["all"], tallies[split]]

    for key, conflict in pairs.items():
        split = by_row[min(key)].split
        for t in tally(split):
            t.gold_conflicts += conflict
            t.gold_agreements += not conflict
    found: set[frozenset[int]] = set()
    corroborated: set[frozenset[int]] = set()
    seen: set[tuple[str, int, int, str, int, int]] = set()
    for story in stories:
        for claim in story.claims:
            for value in claim.values:
                rows = {r for r in (_match(ref, places) for ref in value.spans) if r is not None}
                corroborated.update(frozenset(p) for p in combinations(sorted(rows), 2))
            if claim.status != "contested":
                continue
            for a, b in contested_pairs(claim, outlet_of):
                key2 = (a.document, a.start, a.end, b.document, b.start, b.end)
                if key2 in seen or a.document not in split_of_doc:
                    continue
                seen.add(key2)
                ra, rb = _match(a, places), _match(b, places)
                if (ra is not None and by_row[ra].value is None) or (rb is not None and by_row[rb].value is None):
                    continue  # a "*" statement: not scored
                split = split_of_doc[a.document]
                for t in tally(split):
                    t.predicted += 1
                if ra is None or rb is None:
                    for t in tally(split):
                        t.unmatched += 1
                    continue
                pair = frozenset((ra, rb))
                if pair not in pairs:
                    for t in tally(split):
                        t.other_fact += 1
                elif pairs[pair]:
                    for t in tally(split):
                        t.true_positive += 1
                    found.add(pair)
                else:
                    for t in tally(split):
                        t.agreeing_contested += 1
    for key, conflict in pairs.items():
        split = by_row[min(key)].split
        for t in tally(split):
            t.found_conflicts += conflict and key in found
            t.corroborated_agreements += not conflict and key in corroborated
    violations = corroboration_violations(stories, outlet_of)
    return {
        "statements": len(gold),
        "documents": len(docs),
        "corroboration_violations": violations,
        **{name: t.scores() for name, t in sorted(tallies.items())},
    }


def evaluate(gold_path: Path, dataset: Path) -> dict[str, object]:
    """Run the pipeline on the gold articles and score their claims (``all`` and per split)."""
    gold = read_gold(gold_path)
    by_url = load_documents({g.url for g in gold}, dataset)
    docs = list(by_url.values())
    stories = run_pipeline(docs)
    report: dict[str, object] = {"gold": str(gold_path)}
    report.update(score(gold, by_url, stories))
    return report
