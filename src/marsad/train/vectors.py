"""Word vectors learned from unlabelled SaudiNewsNet text, the NER tagger's word input.

Skip-gram word2vec (gensim, a training-time extra) over the normalised word keys of all
31,030 articles (about 9.9M tokens): 100 dimensions, a ±5 window, words seen at least
three times, five epochs, one worker thread and a fixed seed, so that a rebuild gives the
same vectors.  The output is word2vec's text format, most frequent word first.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from marsad.text.normalize import norm_key

_WORD = re.compile(r"\w+|[^\w\s]")

SEED = 13
DIMENSIONS = 100


def corpus_keys(path: Path) -> Iterator[list[str]]:
    """Yield each article of a SaudiNewsNet jsonl.gz as a list of normalised token keys."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            yield _WORD.findall(norm_key(content))


def _stable_hash(text: str) -> int:
    """A string hash that does not change with PYTHONHASHSEED (gensim seeds from it)."""
    return zlib.crc32(text.encode("utf-8"))


def build_vectors(corpus: Path, out: Path) -> int:
    """Train the vectors on ``corpus`` (SaudiNewsNet jsonl.gz) into ``out``; return the vocabulary size."""
    from gensim.models import Word2Vec  # type: ignore[import-untyped,unused-ignore]

    docs = list(corpus_keys(corpus))
    model = Word2Vec(
        sentences=docs, vector_size=DIMENSIONS, window=5, min_count=3, sg=1, negative=5,
        epochs=5, workers=1, seed=SEED, sample=1e-4, hashfxn=_stable_hash,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save_word2vec_format(str(out))
    return len(model.wv)
