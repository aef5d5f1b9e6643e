"""Scoring events and timelines against hand-made gold on SaudiNewsNet (``tests/gold/events``).

Gold rows name an article by ``url`` and give, in offsets of its ``content``: the annotated
``region``, the gold ``events`` (trigger span, type code, ISO date at its known precision or
null) and the hand-dated ``sentences``.  Each article becomes a document as the story eval
reads it (:func:`marsad.eval.shared.record_article`: the record reader and page stage; title,
blank line, content; publication date from the URL path, else the crawl time) and goes
through the product's own per-document extractors and corpus steps (:mod:`marsad.pipeline`).

* ``events``: trigger precision/recall/F1 (a system trigger matches a gold one it overlaps,
  one to one, inside the region), type accuracy on matched triggers, and date accuracy on
  matched gold events that have a date (the system date cut to the gold's precision must
  equal it; a coarser system date is wrong).
* ``timeline``: for each hand-dated sentence, whether an event or a timeline row covers it
  (an event trigger inside it, or a row source overlapping it) and whether the covering
  date is right; and the precision of the timeline rows touching hand-dated sentences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from marsad.corpus.result import CorpusResult
from marsad.eval.shared import record_article, saudinewsnet_records
from marsad.model import Document, Event, TimelineRow
from marsad.pipeline import analyze_corpus, annotate_documents


@dataclass(frozen=True)
class GoldEvent:
    """A gold trigger (document offsets), its type code and its date (None: not determinable)."""

    start: int
    end: int
    text: str
    type: str
    date: str | None


@dataclass(frozen=True)
class GoldSentence:
    """A hand-dated sentence (document offsets) and the date of the happening it reports."""

    start: int
    end: int
    date: str


@dataclass
class GoldArticle:
    """One gold article with its document (analysed in place by :func:`run`)."""

    url: str
    split: str
    doc: Document
    region: tuple[int, int]
    events: list[GoldEvent]
    sentences: list[GoldSentence]


def load_gold(path: Path, shared: Path) -> list[GoldArticle]:
    """Read the gold JSONL and build each article's document from the SaudiNewsNet dump."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = saudinewsnet_records(shared, {r["url"] for r in rows})
    out: list[GoldArticle] = []
    for r in rows:
        if r["url"] not in records:
            raise ValueError(f"gold url not in the SaudiNewsNet dump: {r['url']}")
        doc, shift = record_article(records[r["url"]])
        events = [GoldEvent(e["start"] + shift, e["end"] + shift, e["text"], e["type"], e["date"]) for e in r["events"]]
        for e in events:
            if doc.text[e.start : e.end] != e.text:
                raise ValueError(f"gold trigger {e.text!r} does not match the text of {r['url']} at {e.start}")
        sentences = [GoldSentence(s["start"] + shift, s["end"] + shift, s["date"]) for s in r["sentences"]]
        region = (r["region"][0] + shift, r["region"][1] + shift)
        out.append(GoldArticle(r["url"], r.get("split", "dev"), doc, region, events, sentences))
    return out


def run(articles: list[GoldArticle]) -> CorpusResult:
    """Run the product's components on the gold documents (batched where the pipeline batches), then its corpus steps."""
    docs = [a.doc for a in articles]
    annotate_documents(docs)
    return analyze_corpus(docs)


def type_code(label: str) -> str:
    """The type code of a report label ("04 CONSULT" -> "04", "ELECT" -> "ELECT")."""
    return label.split(" ", 1)[0]


def same_date(system: str | None, gold: str) -> bool:
    """Whether a system date, cut to the gold's precision, equals the gold date."""
    return system is not None and len(system) >= len(gold) and system[: len(gold)] == gold


@dataclass
class EventCounts:
    """Trigger, type and date counts over some articles."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_correct: int = 0
    dated: int = 0
    date_correct: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    def scores(self) -> dict[str, object]:
        """Precision, recall, F1, type and date accuracy, with the counts."""
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {
            "trigger_precision": round(p, 4),
            "trigger_recall": round(r, 4),
            "trigger_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "type_accuracy": round(self.type_correct / self.matched, 4) if self.matched else 0.0,
            "date_accuracy": round(self.date_correct / self.dated, 4) if self.dated else 0.0,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "dated": self.dated,
        }


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score_article(art: GoldArticle) -> EventCounts:
    """Match the article's system events to its gold events (one to one, by trigger overlap)."""
    c = EventCounts(gold=len(art.events))
    lo, hi = art.region
    system = [e for e in art.doc.events if e.trigger is not None and lo <= e.trigger.start < hi]
    c.predicted = len(system)
    used: set[int] = set()
    for g in art.events:
        found: Event | None = None
        for k, e in enumerate(system):
            assert e.trigger is not None
            if k not in used and _overlaps(e.trigger.start, e.trigger.end, g.start, g.end):
                found = e
                used.add(k)
                break
        if found is None:
            c.errors.append({"split": art.split, "url": art.url[:40], "miss": g.text, "type": g.type, "date": g.date})
            continue
        c.matched += 1
        if type_code(found.type) == g.type:
            c.type_correct += 1
        else:
            c.errors.append({"split": art.split, "url": art.url[:40], "trigger": g.text, "type": found.type, "gold_type": g.type})
        if g.date is not None:
            c.dated += 1
            if same_date(found.date, g.date):
                c.date_correct += 1
            else:
                c.errors.append({"split": art.split, "url": art.url[:40], "trigger": g.text, "date": found.date, "gold_date": g.date,
                                 "basis": found.date_basis})
    for k, e in enumerate(system):
        if k not in used:
            c.errors.append({"split": art.split, "url": art.url[:40], "spurious": e.trigger.text if e.trigger else e.text, "type": e.type})
    return c


def evaluate_events(articles: list[GoldArticle]) -> tuple[dict[str, object], list[dict[str, object]]]:
    """Event scores overall and per split (the articles must have been :func:`run`)."""
    overall = EventCounts()
    per: dict[str, EventCounts] = {}
    for art in articles:
        c = score_article(art)
        for acc in (overall, per.setdefault(art.split, EventCounts())):
            acc.gold += c.gold
            acc.predicted += c.predicted
            acc.matched += c.matched
            acc.type_correct += c.type_correct
            acc.dated += c.dated
            acc.date_correct += c.date_correct
        overall.errors.extend(c.errors)
    report = overall.scores()
    report["splits"] = {name: c.scores() for name, c in sorted(per.items())}
    return report, overall.errors


@dataclass
class TimelineCounts:
    """Coverage and date counts for hand-dated sentences, and timeline-row precision."""

    sentences: int = 0
    covered: int = 0
    covered_right: int = 0
    rows: int = 0
    rows_right: int = 0

    def add(self, other: TimelineCounts) -> None:
        """Accumulate another article's counts."""
        self.sentences += other.sentences
        self.covered += other.covered
        self.covered_right += other.covered_right
        self.rows += other.rows
        self.rows_right += other.rows_right

    def scores(self) -> dict[str, object]:
        """Coverage share, date accuracy (over all and over covered sentences), row precision."""
        return {
            "coverage": round(self.covered / self.sentences, 4) if self.sentences else 0.0,
            "dated_right": round(self.covered_right / self.sentences, 4) if self.sentences else 0.0,
            "date_accuracy_covered": round(self.covered_right / self.covered, 4) if self.covered else 0.0,
            "row_precision": round(self.rows_right / self.rows, 4) if self.rows else 0.0,
            "sentences": self.sentences,
            "covered": self.covered,
            "rows": self.rows,
        }


def _covering_date(art: GoldArticle, s: GoldSentence, rows: list[TimelineRow]) -> tuple[bool, str | None]:
    """Whether a timeline row or an event covers the sentence, and the date it gives.

    The row (else the event) whose source holds the trigger nearest the sentence's first
    dated gold trigger gives the date.
    """
    anchor = next((g.start for g in art.events if s.start <= g.start < s.end and g.date), s.start)
    inside = [e for e in art.doc.events if e.trigger is not None and s.start <= e.trigger.start < s.end]
    covering = [
        (abs(src.start - anchor) if not src.start <= anchor < src.end else 0, row.date)
        for row in rows
        for src in row.sources
        if src.document == art.doc.id and _overlaps(src.start, src.end, s.start, s.end)
    ]
    if covering:
        return True, min(covering)[1]
    dated = [e for e in inside if e.date and e.trigger is not None]
    if dated:
        best = min(dated, key=lambda e: abs(e.trigger.start - anchor) if e.trigger else 0)
        return True, best.date
    return bool(inside), None


def evaluate_timeline(articles: list[GoldArticle], result: CorpusResult) -> dict[str, object]:
    """Timeline scores overall and per split (the articles must have been :func:`run`)."""
    rows = [row for story in result.stories for row in story.timeline]
    overall = TimelineCounts()
    per: dict[str, TimelineCounts] = {}
    for art in articles:
        c = TimelineCounts(sentences=len(art.sentences))
        for s in art.sentences:
            covered, date = _covering_date(art, s, rows)
            c.covered += covered
            c.covered_right += covered and date is not None and same_date(date, s.date)
        for row in rows:
            touched = [
                s for s in art.sentences
                for src in row.sources
                if src.document == art.doc.id and _overlaps(src.start, src.end, s.start, s.end)
            ]
            if touched:
                c.rows += 1
                c.rows_right += all(same_date(row.date, s.date) for s in touched)
        overall.add(c)
        per.setdefault(art.split, TimelineCounts()).add(c)
    report = overall.scores()
    report["splits"] = {name: c.scores() for name, c in sorted(per.items())}
    return report
