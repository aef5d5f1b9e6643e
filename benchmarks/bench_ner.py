"""Tokens per second of NER tagging and of the whole entity stage on SaudiNewsNet articles, one process.

Usage: ``python benchmarks/bench_ner.py [N_ARTICLES]`` (default 300; the first N articles).
Baseline = splitting the same articles into sentences and tokens (measured in the same run);
tagging = input encoding + the BiLSTM-CRF + document consistency over pre-tokenised sentences,
one document at a time and then every document at once (sentences batched across documents);
entity stage = the pipeline's entities component over all articles as one batch (sentences,
tokens, tagging, spans, within-document joining), then :func:`marsad.corpus.entities.resolve` over all.
Each figure is also given as a ratio to the baseline's tokens/s.  Times are CPU seconds of this
process (time.process_time): the machine's cores are shared, and wall time counts other processes' load.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from marsad.corpus.result import CorpusResult
from marsad.extract.ner.tagger import shipped_tagger
from marsad.model import Document
from marsad.pipeline import component, corpus_step
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def main() -> None:
    """Run the benchmark and print the figures."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    texts: list[str] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            if content.strip():
                texts.append(content)
            if len(texts) >= n:
                break
    tagger = shipped_tagger()
    started = time.process_time()
    docs_tokens = [
        [[t.text for t in tokenize(text, s.start, s.end)] for s in split_sentences(text)] for text in texts
    ]
    baseline = time.process_time() - started
    tokens = sum(len(s) for d in docs_tokens for s in d)
    started = time.process_time()
    for sentences in docs_tokens:
        tagger.tag_document([s for s in sentences if s])
    tagging = time.process_time() - started
    started = time.process_time()
    tagger.tag_documents([[s for s in sentences if s] for sentences in docs_tokens])
    batched = time.process_time() - started
    docs = [Document(id=str(i), source="saudinewsnet", format="txt", text=t) for i, t in enumerate(texts)]
    started = time.process_time()
    entities = component("entities")
    if entities.run_batch is not None:
        entities.run_batch(docs)
    else:
        for doc in docs:
            entities.run(doc)
    stage = time.process_time() - started
    started = time.process_time()
    result = CorpusResult()
    corpus_step("entities").run(docs, result)
    resolving = time.process_time() - started
    mentions = sum(len(d.mentions) for d in docs)
    print(f"{len(texts)} articles, {tokens} tokens, {mentions} mentions, {len(result.entities)} entities")
    base_rate = tokens / baseline
    for name, secs in (
        ("tokenising (baseline)", baseline), ("tagging per document", tagging),
        ("tagging across documents", batched), ("annotate", stage),
        ("annotate+resolve", stage + resolving),
    ):
        print(f"{name:26} {tokens / secs:9,.0f} tokens/s  x{tokens / secs / base_rate:.3f}  ({secs:.1f} s)")


if __name__ == "__main__":
    main()
