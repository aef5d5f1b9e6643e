"""Entity-level exact-match scoring of IOB2 tag sequences, with seqeval's (default mode) semantics.

Chunks are read as seqeval's ``get_entities`` reads them: sentences are joined with an
``O`` between them, an ``I-X`` that does not continue a chunk of type X starts a new
chunk, and a chunk ends at ``O``, at ``B-``, or where the type changes.  Precision,
recall and F1 are micro-averaged over all chunks; per type they are computed the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.extract.ner.conll import TaggedSentence, read_conll
from marsad.extract.ner.tagger import NerTagger

Chunk = tuple[str, int, int]


def _split(tag: str) -> tuple[str, str]:
    if tag in ("O", ""):
        return "O", ""
    prefix, _, label = tag.partition("-")
    return prefix, label


def _ends(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if prev_tag in ("E", "S"):
        return True
    if prev_tag == "B" and tag in ("B", "S", "O"):
        return True
    if prev_tag == "I" and tag in ("B", "S", "O"):
        return True
    return prev_tag not in ("O", ".") and prev_type != type_


def _starts(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if tag in ("B", "S"):
        return True
    if prev_tag in ("E", "S", "O") and tag in ("E", "I"):
        return True
    return tag not in ("O", ".") and prev_type != type_


def chunks(sentences: Sequence[Sequence[str]]) -> list[Chunk]:
    """Return (type, first, last) token chunks over the sentences joined with ``O`` separators."""
    flat: list[str] = []
    for sent in sentences:
        flat.extend(sent)
        flat.append("O")
    out: list[Chunk] = []
    prev_tag, prev_type, begin = "O", "", 0
    for i, tag in enumerate([*flat, "O"]):
        t, type_ = _split(tag)
        if _ends(prev_tag, t, prev_type, type_):
            out.append((prev_type, begin, i - 1))
        if _starts(prev_tag, t, prev_type, type_):
            begin = i
        prev_tag, prev_type = t, type_
    return out


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 (fractions) with their counts."""

    precision: float
    recall: float
    f1: float
    support: int
    predicted: int
    correct: int


def _score(correct: int, predicted: int, support: int) -> Score:
    p = correct / predicted if predicted else 0.0
    r = correct / support if support else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, support, predicted, correct)


@dataclass(frozen=True)
class Report:
    """Overall and per-type scores."""

    overall: Score
    per_type: dict[str, Score] = field(default_factory=dict)


def evaluate(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Report:
    """Score predicted IOB2 sentences against gold ones (same shapes)."""
    if len(gold) != len(predicted) or any(len(g) != len(p) for g, p in zip(gold, predicted, strict=True)):
        raise ValueError("gold and predicted sequences differ in shape")
    true_set = set(chunks(gold))
    pred_set = set(chunks(predicted))
    types = sorted({c[0] for c in true_set | pred_set})
    per_type = {
        t: _score(
            len({c for c in true_set & pred_set if c[0] == t}),
            len({c for c in pred_set if c[0] == t}),
            len({c for c in true_set if c[0] == t}),
        )
        for t in types
    }
    return Report(_score(len(true_set & pred_set), len(pred_set), len(true_set)), per_type)


def keep_types(sentences: Sequence[Sequence[str]], types: set[str]) -> list[list[str]]:
    """The tag lists with every tag whose type is not in ``types`` made ``O``."""
    return [[tag if tag.partition("-")[2] in types else "O" for tag in sent] for sent in sentences]


def outermost(tags: Sequence[str], mapping: Mapping[str, str]) -> str:
    """One flat IOB2 tag for a token of a nested corpus (tags listed outermost first, as in Wojood).

    The outermost tag whose type ``mapping`` knows, renamed by it (``{"GPE": "LOC"}``); ``O`` when none is.
    """
    for tag in tags:
        prefix, _, label = tag.partition("-")
        if label in mapping:
            return f"{prefix}-{mapping[label]}"
    return "O"


def tag_sentences(
    sentences: Sequence[TaggedSentence], tagger: NerTagger, doc_sentences: int = 50
) -> list[list[str]]:
    """Tag gold sentences with ``tagger``; return the predicted tag lists.

    A CoNLL file has no document boundaries: the consistency step runs over blocks of
    ``doc_sentences`` consecutive sentences (0 makes the whole file one document).
    """
    size = doc_sentences or max(len(sentences), 1)
    predicted: list[list[str]] = []
    for k in range(0, len(sentences), size):
        predicted.extend(tagger.tag_document([s.words for s in sentences[k:k + size]]))
    return predicted


def tag_conll(path: Path, tagger: NerTagger, doc_sentences: int = 50) -> tuple[list[list[str]], list[list[str]]]:
    """Tag a CoNLL file's sentences; return (gold, predicted) tag lists."""
    sentences = read_conll(path)
    return [list(s.tags) for s in sentences], tag_sentences(sentences, tagger, doc_sentences)


def report_json(report: Report) -> dict[str, object]:
    """The JSON form: precision, recall, f1 (fractions), counts and ``per_type``."""

    def one(score: Score) -> dict[str, float | int]:
        return {
            "precision": round(score.precision, 4),
            "recall": round(score.recall, 4),
            "f1": round(score.f1, 4),
            "support": score.support,
            "predicted": score.predicted,
            "correct": score.correct,
        }

    return {**one(report.overall), "per_type": {t: one(s) for t, s in report.per_type.items()}}
