"""What the workers prepare for the corpus steps changes nothing the steps find (only where it is computed)."""

from __future__ import annotations

import copy
import gzip
from itertools import islice
from pathlib import Path

from marsad.corpus.dates import infer_dates
from marsad.corpus.duplicates import detect_duplicates
from marsad.corpus.prepare import prepare
from marsad.corpus.result import CorpusResult
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document
from marsad.options import Options
from marsad.pipeline import Job, analyze_batch
from marsad.store import Store
from marsad.store.indexes import PassageTables

ARTICLES = 80


def test_prepared_clues_and_passages_give_the_same_dates_and_copies(shared_dir: Path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as src:
        sample.write_text("".join(islice(src, ARTICLES)), encoding="utf-8")
    options = Options(progress=False)
    raws = [r for r in read_inputs([str(sample)], options) if isinstance(r, RawDocument)]
    docs = [d for d in analyze_batch([Job(r) for r in raws], options) if isinstance(d, Document)]
    prepared = {d.id: prepare(d) for d in docs}
    # measured on these 80 articles: 34 need clues, 691 usable passages, 27 copies, 20 days inferred
    assert sum(p.clues is not None for p in prepared.values()) >= 30
    assert sum(len(p.passages) for p in prepared.values()) >= 650
    found = []
    for given in (prepared, {}):
        batch = copy.deepcopy(docs)
        with Store(tmp_path / f"{len(given)}.db") as store, store.write():
            result = CorpusResult(passages=PassageTables(store), prepared=given)
            infer_dates(batch, result)
            detect_duplicates(batch, result)
        found.append(([(d.id, d.published, d.timexes) for d in batch], result.duplicates))
    assert found[0] == found[1]
    dates, copies = found[0]
    assert len(copies) >= 25
    assert sum(1 for _, published, _ in dates if published is not None and published.basis == "inferred") >= 18
