"""Quote evaluation: span recall and precision (overlap ≥ 50% of the gold span) and speaker accuracy.

Gold files (JSON lines, see ``tests/gold/quotes/README.md``) reference their text:
``seed:NAME`` is ``shared/seeds/NAME`` and ``saudinewsnet:URL`` is the SaudiNewsNet
article with that url.  Each quote has offsets, its first characters (checked
against the text), its kind and the acceptable names of its speaker.

The scored documents come from the product itself: a seed is read as the CLI reads a
file, an article record becomes the CLI's raw document (title, blank line, content:
gold offsets into the content are shifted), and every gold document goes through
:func:`marsad.eval.shared.analyze_like_cli` in one run (what ``marsad analyze`` does:
page stage, time, entities, quotes, then the corpus steps), with default :class:`marsad.options.Options`.  Files whose name
contains ``test`` are the held-out part, scored apart from the development files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.eval.shared import analyze_like_cli, saudinewsnet_records
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.ingest.records import record_document
from marsad.model import Document, Quote
from marsad.options import Options
from marsad.page.build import content_id
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
    """A gold document: its file, its reference, the raw document the product reads, regions and quotes.

    Offsets (regions and quotes) index ``raw.text``, the text every later stage indexes.
    """

    file: str
    ref: str
    raw: RawDocument
    regions: tuple[tuple[int, int], ...]
    quotes: tuple[GoldQuote, ...]
    path: Path | None = None
    record: dict[str, str] | None = None

    @property
    def text(self) -> str:
        """The document text the offsets index."""
        return self.raw.text

    @property
    def held_out(self) -> bool:
        """True for the held-out part (a gold file whose name contains ``test``)."""
        return "test" in self.file

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
    records: list[tuple[str, dict[str, object]]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            records.extend((path.stem, json.loads(line)) for line in handle if line.strip())
    urls = {str(r["doc"]).split(":", 1)[1] for _, r in records if str(r["doc"]).startswith("saudinewsnet:")}
    articles = saudinewsnet_records(shared, urls)
    docs: list[GoldDoc] = []
    for file, rec in records:
        ref = str(rec["doc"])
        raw, shift = _raw(ref, shared, articles)
        scheme, name = ref.split(":", 1)
        text = raw.text
        quotes = []
        for q in rec["quotes"]:  # type: ignore[attr-defined]
            start, end, head = int(q["start"]) + shift, int(q["end"]) + shift, str(q["head"])
            if text[start:start + len(head)] != head:
                raise ValueError(f"{ref}: gold quote at {start - shift} does not start with {head!r}")
            quotes.append(GoldQuote(start, end, str(q["kind"]), tuple(q["speaker"])))
        spans = rec.get("regions", [[0, len(text) - shift]])
        regions = tuple((int(s) + shift, int(e) + shift) for s, e in spans)  # type: ignore[attr-defined]
        seed = shared / "seeds" / name if scheme == "seed" else None
        record = articles[name] if scheme == "saudinewsnet" else None
        docs.append(GoldDoc(file, ref, raw, regions, tuple(quotes), seed, record))
    return docs


def _raw(ref: str, shared: Path, articles: dict[str, dict[str, str]]) -> tuple[RawDocument, int]:
    """The raw document the product reads for ``ref`` and the shift from gold offsets to its text."""
    scheme, name = ref.split(":", 1)
    if scheme == "seed":
        path = shared / "seeds" / name
        for item in read_inputs([str(path)], Options(progress=False)):
            if isinstance(item, RawDocument):
                return item, 0
            raise ValueError(f"{ref}: {item.reason}")
        raise ValueError(f"{ref}: nothing read from {path}")
    record = articles[name]
    raw = record_document(record, ref, "jsonl")
    content = record.get("content") or ""
    body = content.strip()
    shift = (len(raw.text) - len(body)) - (len(content) - len(content.lstrip()))
    return raw, shift


def speaker_words(text: str) -> frozenset[str]:
    """The comparable words of a speaker name (normalised, article and clitics off)."""
    out = set()
    for word in norm_key(text).replace("-", " ").split():
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
    # a name span cut after «لل» starts at the article's ل («للجيش التركي» → «لجيش التركي», read as الجيش): that
    # word also reads without it
    article = frozenset(bare_word("ا" + w) if w.startswith("ل") and len(w) > 3 else w for w in words)
    for name in gold:
        ref = speaker_words(name)
        if ref and any(ref <= w or w <= ref for w in (words, article)):
            return True
    return False


def run_pipeline(docs: list[GoldDoc]) -> dict[str, Document]:
    """Analyse the gold documents in one batch with the product pipeline: content id -> analysed document."""
    paths = list(dict.fromkeys(g.path for g in docs if g.path is not None))
    records = [g.record for g in docs if g.record is not None]
    result = analyze_like_cli(paths, records)
    return {d.id: d for d in result.documents}


def score(docs: Iterable[GoldDoc], analysed: dict[str, Document]) -> QuoteScores:
    """Score the quotes of each analysed gold document inside its annotated regions."""
    scores = QuoteScores()
    for gold in docs:
        doc = analysed[content_id(gold.text)]
        predicted = [q for q in doc.quotes if gold.covers(q.start)]
        scores.gold += len(gold.quotes)
        scores.predicted += len(predicted)
        used: set[int] = set()
        for g in gold.quotes:
            best, best_overlap = best_match(predicted, used, g)
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


def evaluate(docs: list[GoldDoc]) -> dict[str, QuoteScores]:
    """Scores over all gold documents, the development part, the held-out part and each gold file."""
    analysed = run_pipeline(docs)
    out = {
        "all": score(docs, analysed),
        "dev": score([g for g in docs if not g.held_out], analysed),
        "held_out": score([g for g in docs if g.held_out], analysed),
    }
    for file in dict.fromkeys(g.file for g in docs):
        out[f"file:{file}"] = score([g for g in docs if g.file == file], analysed)
    return out


def best_match(predicted: list[Quote], used: set[int], g: GoldQuote) -> tuple[int | None, int]:
    """The predicted quote (index not in ``used``) overlapping the gold quote most, and by how many characters."""
    best: int | None = None
    best_overlap = 0
    for k, pred in enumerate(predicted):
        if k in used:
            continue
        overlap = min(pred.end, g.end) - max(pred.start, g.start)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best, best_overlap
