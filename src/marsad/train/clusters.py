"""Word clusters learned from unlabelled SaudiNewsNet text, for the NER tagger's features.

Method (deterministic, numpy/scipy only), over the 80,000 most frequent words (of about
119k seen at least three times): directional context counts (the 8,000 most frequent
words as contexts) in a ±2 window
(left and right contexts kept apart, as Brown clustering's class bigrams are), positive
PMI with context smoothing 0.75, a truncated SVD to 100 dimensions, then k-means with
a fixed seed at 1024 clusters, whose centroids are clustered again into 256 and 64, so
that the three granularities nest like prefixes of a Brown path.  The output is a TSV
``word  c64  c256  c1024`` over normalised word keys (:func:`marsad.text.normalize.norm_key`).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from marsad.text.normalize import norm_key

_WORD = re.compile(r"\w+|[^\w\s]")
SEED = 13
GRANULARITIES = (64, 256, 1024)


def corpus_keys(path: Path, limit: int | None = None) -> Iterator[list[str]]:
    """Yield each article of a SaudiNewsNet jsonl.gz as a list of normalised token keys."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            content = json.loads(line).get("content") or ""
            yield _WORD.findall(norm_key(content))


def _kmeans(x: NDArray[np.float32], k: int, rng: np.random.Generator, iters: int = 12) -> NDArray[np.int64]:
    """Plain Lloyd k-means on unit vectors (cosine), initialised by a seeded sample of rows."""
    centers = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        for lo in range(0, len(x), 20000):
            labels[lo:lo + 20000] = np.argmax(x[lo:lo + 20000] @ centers.T, axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                v = members.sum(axis=0)
                centers[c] = v / (np.linalg.norm(v) + 1e-9)
    return labels


def build_clusters(path: Path, out: Path, vocab_size: int = 80000, contexts: int = 8000) -> int:
    """Learn the clusters from ``path`` and write them to ``out``; return the vocabulary size."""
    from scipy.sparse import coo_matrix, csr_matrix  # type: ignore[import-untyped]
    from scipy.sparse.linalg import svds  # type: ignore[import-untyped]

    docs = list(corpus_keys(path))
    counts = Counter(w for doc in docs for w in doc)
    vocab = [w for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 3][:vocab_size]
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.fromiter(
        (index.get(w, -1) for doc in docs for w in [*doc, "\0"]), dtype=np.int64
    )
    del docs
    rows: list[NDArray[np.int64]] = []
    cols: list[NDArray[np.int64]] = []
    for slot, d in enumerate((-2, -1, 1, 2)):
        a = ids[max(0, -d): len(ids) - max(0, d)]
        b = ids[max(0, d): len(ids) - max(0, -d)]
        keep = (a >= 0) & (b >= 0) & (b < contexts)
        rows.append(a[keep])
        cols.append(b[keep] + slot * contexts)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), 4 * contexts)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col_sum / col_sum.sum()
    coo = m.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    ppmi = csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    v0 = np.random.default_rng(SEED).standard_normal(min(ppmi.shape))
    u, s, _ = svds(ppmi, k=100, v0=v0)
    emb = (u * np.sqrt(s)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    rng = np.random.default_rng(SEED)
    fine = _kmeans(emb, GRANULARITIES[2], rng)
    centers = np.stack([emb[fine == i].mean(axis=0) if np.any(fine == i) else emb[0] for i in range(GRANULARITIES[2])])
    centers /= np.linalg.norm(centers, axis=1, keepdims=True) + 1e-9
    mid_of_fine = _kmeans(centers, GRANULARITIES[1], rng)
    mid_centers = np.stack([centers[mid_of_fine == i].mean(axis=0) for i in range(GRANULARITIES[1])])
    mid_centers /= np.linalg.norm(mid_centers, axis=1, keepdims=True) + 1e-9
    top_of_mid = _kmeans(mid_centers, GRANULARITIES[0], rng)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# word clusters from SaudiNewsNet (PPMI-SVD-100 + nested k-means); see NER_MODEL_CARD.md\n")
        for i, w in enumerate(vocab):
            f = int(fine[i])
            mid = int(mid_of_fine[f])
            fh.write(f"{w}\t{int(top_of_mid[mid])}\t{mid}\t{f}\n")
    return len(vocab)


def main() -> None:
    """Command-line entry: ``python -m marsad.train.clusters CORPUS OUT``."""
    n = build_clusters(Path(sys.argv[1]), Path(sys.argv[2]))
    sys.stderr.write(f"{n} words clustered\n")


if __name__ == "__main__":
    main()
