"""CPU cost of the entity component's own steps, without the networks (not a test).

Usage: ``python benchmarks/bench_entity_rules.py [N_ARTICLES]`` (default 120: the whole-text tokenisations stay
cached, as they are between the components of a batch).

The first N SaudiNewsNet articles are cut into sentences and tagged by the shipped networks
once, outside the timing; then the document steps that follow the tagger in the entity
component (:func:`marsad.extract.entities._annotate_tagged`: the sentence rules, mentions, their
filters, surnames, short forms, outlets, clubs, roles) run over every article with a fresh copy of
its tags, five times; the best time is printed in CPU milliseconds a document.
"""

from __future__ import annotations

import copy
import sys
import time

from saudinewsnet import documents

from marsad.extract.entities import _annotate_tagged, _sentences
from marsad.extract.ner.tagger import shipped_tagger
from marsad.heap import fewer_collections


def main() -> None:
    """Tag the first N articles, then time the entity component's document steps over them (best of five)."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    docs = documents(n)
    sentences = [_sentences(doc) for doc in docs]
    tags = shipped_tagger().tag_documents(
        [[[t.text for t in sent] for sent in doc] for doc in sentences],
        keys=[[[t.key for t in sent] for sent in doc] for doc in sentences],
    )
    best = float("inf")
    with fewer_collections():  # as in a one-process run
        for _ in range(5):
            fresh = copy.deepcopy(tags)
            began = time.process_time()
            for doc, doc_sentences, doc_tags in zip(docs, sentences, fresh, strict=True):
                _annotate_tagged(doc, doc_sentences, doc_tags)
            best = min(best, time.process_time() - began)
    print(f"{n} documents: entity document steps {1000 * best / n:.3f} ms of CPU a document (best of 5)")


if __name__ == "__main__":
    main()
