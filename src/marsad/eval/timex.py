"""Scoring temporal expressions: spans (strict and overlap) and values against hand-made gold.

Gold (``tests/gold/timex/gold.jsonl``, documented in its README) references texts in the
shared data folder: seeds by file name, SaudiNewsNet articles by URL.  Each document is
analysed as one main segment per annotated region, anchored to the gold's anchor date, so
the score measures the time grammar alone.  The Wojood mode scores span detection against
the DATE and TIME tags of a Wojood CoNLL file (tokens joined with spaces, no anchor).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.eval.shared import saudinewsnet_texts
from marsad.model import Document, Published, Segment, Timex
from marsad.pipeline import component


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its text, anchor, annotated regions, expressions and split."""

    ref: str
    split: str
    text: str
    anchor: str | None
    regions: list[tuple[int, int]]
    timexes: list[Timex]


@dataclass
class Counts:
    """Match counts for span and value scores."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    overlap: int = 0
    value_pairs: int = 0
    value_correct: int = 0
    type_correct: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Accumulate another document's counts."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.strict += other.strict
        self.overlap += other.overlap
        self.value_pairs += other.value_pairs
        self.value_correct += other.value_correct
        self.type_correct += other.type_correct
        self.errors.extend(other.errors)


def load_gold(path: Path, shared: Path) -> list[GoldDoc]:
    """Read the gold JSONL and load each document's text from ``shared``."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    urls = {r["url"] for r in rows if "url" in r}
    snn = saudinewsnet_texts(shared, urls)
    docs: list[GoldDoc] = []
    for r in rows:
        if "seed" in r:
            ref = r["seed"]
            text = (shared / "seeds" / ref).read_bytes().decode("utf-8-sig")
        else:
            ref = r["url"]
            text = snn[ref]
        tx = [Timex(t["start"], t["end"], t["text"], t["type"], t["value"], t.get("end_value")) for t in r["timexes"]]
        for t in tx:
            if text[t.start : t.end] != t.text:
                raise ValueError(f"gold span {t.text!r} does not match the text of {ref} at {t.start}")
        regions = [(int(a), int(b)) for a, b in r["regions"]]
        docs.append(GoldDoc(ref, r.get("split", "dev"), text, r.get("anchor"), regions, tx))
    return docs


def predict(doc: GoldDoc) -> list[Timex]:
    """Run the extractor on the gold document's regions, anchored to its anchor."""
    published = Published(doc.anchor, "explicit") if doc.anchor else None
    segments = [Segment(f"s{i}", "main", a, b) for i, (a, b) in enumerate(doc.regions)]
    d = Document(id=doc.ref, source=doc.ref, format="txt", text=doc.text, published=published, segments=segments)
    component("time").run(d)
    return d.timexes


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def compare(gold: list[Timex], predicted: list[Timex], ref: str = "") -> Counts:
    """Match predictions to gold one-to-one (exact spans first, then overlaps) and count."""
    c = Counts(gold=len(gold), predicted=len(predicted))
    free = list(predicted)
    pairs: list[tuple[Timex, Timex]] = []
    unmatched: list[Timex] = []
    for g in gold:
        exact = next((p for p in free if p.start == g.start and p.end == g.end), None)
        if exact is not None:
            free.remove(exact)
            pairs.append((g, exact))
            c.strict += 1
        else:
            unmatched.append(g)
    for g in unmatched:
        over = next((p for p in free if _overlaps(g, p)), None)
        if over is not None:
            free.remove(over)
            pairs.append((g, over))
        else:
            c.errors.append({"doc": ref, "kind": "missed", "gold": g.text, "type": g.type, "value": g.value})
    c.overlap = len(pairs)
    for g, p in pairs:
        c.value_pairs += 1
        c.type_correct += g.type == p.type
        if g.value == p.value and (g.end_value is None or g.end_value == p.end_value):
            c.value_correct += 1
        else:
            c.errors.append({"doc": ref, "kind": "value", "gold": g.text, "pred": p.text,
                             "value": g.value, "end_value": g.end_value, "got": p.value, "got_end": p.end_value})
        if (g.start, g.end) != (p.start, p.end):
            c.errors.append({"doc": ref, "kind": "boundary", "gold": g.text, "pred": p.text})
    for p in free:
        c.errors.append({"doc": ref, "kind": "spurious", "pred": p.text, "type": p.type, "value": p.value})
    return c


def _f1(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(c: Counts) -> dict[str, object]:
    """Precision/recall/F1 (strict and overlap), value and type accuracy on matched spans."""
    ps, rs, fs = _f1(c.strict, c.gold, c.predicted)
    po, ro, fo = _f1(c.overlap, c.gold, c.predicted)
    return {
        "gold": c.gold,
        "predicted": c.predicted,
        "span_precision_strict": round(ps, 4),
        "span_recall_strict": round(rs, 4),
        "span_f1_strict": round(fs, 4),
        "span_precision_overlap": round(po, 4),
        "span_recall_overlap": round(ro, 4),
        "span_f1_overlap": round(fo, 4),
        "value_accuracy": round(c.value_correct / c.value_pairs, 4) if c.value_pairs else 0.0,
        "type_accuracy": round(c.type_correct / c.value_pairs, 4) if c.value_pairs else 0.0,
        "matched": c.value_pairs,
    }


def evaluate(docs: Iterable[GoldDoc], splits: set[str] | None = None) -> tuple[dict[str, object], list[dict[str, object]]]:
    """Score the gold documents (optionally only some splits): overall and per-split summaries, and errors."""
    total = Counts()
    per: dict[str, Counts] = {}
    for doc in docs:
        if splits and doc.split not in splits:
            continue
        inside = [t for t in predict(doc) if any(a <= t.start and t.end <= b for a, b in doc.regions)]
        c = compare(doc.timexes, inside, doc.ref)
        total.add(c)
        per.setdefault(doc.split, Counts()).add(c)
    report = summary(total)
    report["splits"] = {name: summary(c) for name, c in sorted(per.items())}
    return report, total.errors


def read_wojood(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Sentences of a Wojood CoNLL file as (text with tokens joined by spaces, DATE/TIME character spans).

    A token may carry several tags (nested entities); a DATE or TIME chunk is read from the
    tags of that type at any nesting level.
    """
    out: list[tuple[str, list[tuple[int, int]]]] = []
    tokens: list[tuple[str, list[str]]] = []

    def flush() -> None:
        if not tokens:
            return
        text_parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        pos = 0
        for tok, _tags in tokens:
            offsets.append((pos, pos + len(tok)))
            text_parts.append(tok)
            pos += len(tok) + 1
        spans: list[tuple[int, int]] = []
        for label in ("DATE", "TIME"):
            begin: int | None = None
            for k, (_tok, tags) in enumerate(tokens):
                tag = next((t for t in tags if t.endswith("-" + label)), "O")
                if tag.startswith("B-") or (tag.startswith("I-") and begin is None):
                    if begin is not None:
                        spans.append((offsets[begin][0], offsets[k - 1][1]))
                    begin = k
                elif tag == "O" and begin is not None:
                    spans.append((offsets[begin][0], offsets[k - 1][1]))
                    begin = None
            if begin is not None:
                spans.append((offsets[begin][0], offsets[len(tokens) - 1][1]))
        out.append((" ".join(text_parts), sorted(spans)))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            flush()
            continue
        tokens.append((parts[0], parts[1:]))
    flush()
    return out


def evaluate_wojood(path: Path) -> dict[str, object]:
    """Span detection (strict and overlap P/R/F1) against Wojood DATE/TIME chunks, unanchored."""
    total = Counts()
    for text, spans in read_wojood(path):
        gold = [Timex(a, b, text[a:b], "DATE", None) for a, b in spans]
        d = Document(id="w", source=str(path), format="conll", text=text, segments=[Segment("s", "main", 0, len(text))])
        component("time").run(d)
        total.add(compare(gold, d.timexes))
    report = summary(total)
    for key in ("value_accuracy", "type_accuracy"):
        report.pop(key)
    return report
