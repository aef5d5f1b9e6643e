"""Reading CoNLL-style NER files (one ``TOKEN TAG`` per line, blank line between sentences)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence: its words and their IOB2 tags."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def read_conll(path: Path) -> list[TaggedSentence]:
    """Read a CoNLL file; the token is the first column and the tag the last."""
    sentences: list[TaggedSentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split()
        if not cells:
            if words:
                sentences.append(TaggedSentence(tuple(words), tuple(tags)))
                words, tags = [], []
            continue
        words.append(cells[0])
        tags.append(cells[-1] if len(cells) > 1 else "O")
    if words:
        sentences.append(TaggedSentence(tuple(words), tuple(tags)))
    return sentences
