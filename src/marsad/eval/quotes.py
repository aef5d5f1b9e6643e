"""Quote evaluation: span recall and precision (overlap ≥ 50% of the gold span) and speaker accuracy.

Gold files (JSON lines, see ``tests/gold/quotes/README.md``) reference their text:
``seed:NAME`` is ``shared/seeds/NAME`` and ``saudinewsnet:URL`` is the SaudiNewsNet
article with that url.  Each quote has offsets, its first characters (checked
against the text), its kind and the acceptable names of its speaker.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.eval.shared import saudinewsnet_texts
from marsad.model import Document, Quote, Segment
from marsad.text.clitics import bare_word
from marsad.text.normalize import norm_key

_IGNORED = frozenset({"باسم", "في", "من", "عن", "ل", "و"})


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote: its offsets, kind and the acceptable names of its speaker."""

    start: int
    end: int
    kind: str
    speakers: tuple[str, ...]


@dataclass(frozen=True)
class GoldDoc:
    """A gold document: its reference, its text, the regions annotated and their quotes."""

    ref: str
    text: str
    regions: tuple[tuple[int, int], ...]
    quotes: tuple[GoldQuote, ...]

    def covers(self, offset: int) -> bool:
        """True when ``offset`` lies in an annotated region."""
        return any(s <= offset < e for s, e in self.regions)


@dataclass
class QuoteScores:
    """Counts and rates of one evaluation run."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Matched gold quotes over gold quotes."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Matched predicted quotes over predicted quotes."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Matched quotes with the right speaker over matched quotes."""
        return self.speaker_correct / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures under the report's JSON keys."""
        return {
            "quote_recall": round(self.recall, 4),
            "quote_precision": round(self.precision, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "speaker_correct": self.speaker_correct,
        }


def gold_files(path: Path) -> list[Path]:
    """The gold files at ``path`` (a .jsonl file, or every .jsonl in a folder)."""
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def load_gold(paths: Iterable[Path], shared: Path) -> list[GoldDoc]:
    """Read gold records and the texts they reference; a record whose text disagrees is an error."""
    records: list[dict[str, object]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    urls = {str(r["doc"]).split(":", 1)[1] for r in records if str(r["doc"]).startswith("saudinewsnet:")}
    articles = saudinewsnet_texts(shared, urls)
    docs: list[GoldDoc] = []
    for rec in records:
        ref = str(rec["doc"])
        scheme, name = ref.split(":", 1)
        text = (shared / "seeds" / name).read_text(encoding="utf-8") if scheme == "seed" else articles[name]
        quotes = []
        for q in rec["quotes"]:  # type: ignore[attr-defined]
            start, end, head = int(q["start"]), int(q["end"]), str(q["head"])
            if text[start:start + len(head)] != head:
                raise ValueError(f"{ref}: gold quote at {start} does not start with {head!r}")
            quotes.append(GoldQuote(start, end, str(q["kind"]), tuple(q["speaker"])))
        regions = tuple((int(s), int(e)) for s, e in rec.get("regions", [[0, len(text)]]))  # type: ignore[attr-defined]
        docs.append(GoldDoc(ref, text, regions, tuple(quotes)))
    return docs


def speaker_words(text: str) -> frozenset[str]:
    """The comparable words of a speaker name (normalised, article and clitics off)."""
    out = set()
    for word in norm_key(text).split():
        word = word.strip("\"'«»“”().,،:")
        word = bare_word(word)
        if word.endswith("ون") and len(word) > 4:
            word = word[:-2] + "ين"
        if word and word not in _IGNORED:
            out.add(word)
    return frozenset(out)


def speaker_matches(predicted: str | None, gold: Iterable[str]) -> bool:
    """True when the predicted name and one gold name contain one another (as word sets)."""
    if not predicted:
        return False
    words = speaker_words(predicted)
    if not words:
        return False
    for name in gold:
        ref = speaker_words(name)
        if ref and (ref <= words or words <= ref):
            return True
    return False


def document_for(gold: GoldDoc) -> Document:
    """A document over the gold text with one main segment (independent of the page stage)."""
    return Document(
        id=gold.ref, source=gold.ref, format="text", text=gold.text,
        segments=[Segment("quotes-eval", "main", 0, len(gold.text))],
    )


def score(docs: Iterable[GoldDoc], annotate: Callable[[Document], None]) -> QuoteScores:
    """Run ``annotate`` on each gold document and score its quotes inside the annotated regions."""
    scores = QuoteScores()
    for gold in docs:
        doc = document_for(gold)
        annotate(doc)
        predicted = [q for q in doc.quotes if gold.covers(q.start)]
        scores.gold += len(gold.quotes)
        scores.predicted += len(predicted)
        used: set[int] = set()
        for g in gold.quotes:
            best, best_overlap = _best(predicted, used, g)
            if best is None or best_overlap * 2 < g.end - g.start:
                scores.misses.append(f"{gold.ref} miss {gold.text[g.start:g.start + 40]!r}")
                continue
            used.add(best)
            scores.matched += 1
            pred = predicted[best]
            if speaker_matches(pred.speaker_text.text if pred.speaker_text else None, g.speakers):
                scores.speaker_correct += 1
            else:
                said = pred.speaker_text.text if pred.speaker_text else None
                scores.misses.append(f"{gold.ref} speaker {said!r} != {g.speakers[0]!r}")
        for k, pred in enumerate(predicted):
            if k not in used:
                scores.misses.append(f"{gold.ref} extra {pred.text[:40]!r}")
    return scores


def _best(predicted: list[Quote], used: set[int], g: GoldQuote) -> tuple[int | None, int]:
    best: int | None = None
    best_overlap = 0
    for k, pred in enumerate(predicted):
        if k in used:
            continue
        overlap = min(pred.end, g.end) - max(pred.start, g.start)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best, best_overlap
