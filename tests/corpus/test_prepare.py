"""What the workers prepare for the corpus steps changes nothing the steps find (only where it is computed)."""

from __future__ import annotations

import copy
import gzip
import json
import zlib
from itertools import islice
from pathlib import Path

import pytest

from marsad.corpus.dates import infer_dates
from marsad.corpus.duplicates import detect_duplicates
from marsad.corpus.entities import resolve
from marsad.corpus.passages import decode_shingles
from marsad.corpus.prepare import prepare
from marsad.corpus.result import CorpusResult
from marsad.corpus.story_index import StoryIndex, StoryParams
from marsad.corpus.terms import unit_terms
from marsad.corpus.units import units_of
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import Document
from marsad.options import Options
from marsad.pipeline import Job, analyze_batch
from marsad.store import Store
from marsad.store.compare import compare_stores
from marsad.store.indexes import PassageTables
from marsad.store.relate import describe_due, relate_batch
from marsad.store.store import source_of

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


HELD_OUT = 3  # SaudiNewsNet's held-out third: zlib.crc32(url) % 3 == 0, never read here


@pytest.fixture(scope="module")
def analysed(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    """The first 60 SaudiNewsNet articles outside the held-out third, analysed, each with its own source."""
    sample = tmp_path_factory.mktemp("snn") / "sample.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as src:
        kept = (line for line in src if zlib.crc32(json.loads(line)["url"].encode()) % HELD_OUT)
        sample.write_text("".join(islice(kept, 60)), encoding="utf-8")
    options = Options(progress=False)
    raws = [r for r in read_inputs([str(sample)], options) if isinstance(r, RawDocument)]
    docs = [d for d in analyze_batch([Job(r) for r in raws], options) if isinstance(d, Document)]
    for doc in docs:
        doc.sources = [source_of(doc)]
    return docs


def test_prepared_story_terms_weights_and_shingles_are_what_the_writer_computes(analysed: list[Document]) -> None:
    """A worker counts each unit's terms before resolution (the names it will keep: mentions with a name) and weighs
    what depends on the unit alone; the writer's counts after resolution, and its vectors, are the same bit for bit."""
    docs = copy.deepcopy(analysed)
    prepared = {d.id: prepare(d) for d in docs}
    resolve(docs, CorpusResult(prepared=prepared))
    index = StoryIndex()
    units = [(doc, unit) for doc in docs for unit in units_of(doc)]
    for doc, unit in units:
        index.df.update(unit_terms(doc, unit).counts.keys())
    index.n_units = len(units)
    names = 0
    for doc, unit in units:
        here = unit_terms(doc, unit)
        counts, weights = prepared[doc.id].terms[unit.id], prepared[doc.id].weights[unit.id]
        assert list(counts.items()) == list(here.counts.items())
        assert weights is not None
        assert index._weigh(counts, weights) == index._weigh(here.counts)
        names += sum(1 for term in counts if term.startswith("@"))
    assert len(units) >= 55 and names >= 800  # measured: 60 units, 911 name terms
    for doc in docs:
        own = prepared[doc.id]
        assert [decode_shingles(s) for s in own.shingles] == [p.shingles for p in own.passages]


def test_relating_with_what_the_workers_prepared_stores_the_same(analysed: list[Document], tmp_path: Path) -> None:
    """Batches related with each document's prepared part (as ``marsad analyze`` with workers does) and without it
    (the writer computing every part, as for a killed run's queued documents) leave identical stores."""
    stores = []
    for arm in ("prepared", "writer"):
        store = Store(tmp_path / f"{arm}.db")
        run = store.start_run(["sample"])
        docs = copy.deepcopy(analysed)
        for i in range(0, len(docs), 20):
            batch = docs[i : i + 20]
            store.write_batch(run, batch, [(d.id, d.sources[0]) for d in batch], {}, [], layers=False)
            prepared = {d.id: prepare(d) for d in batch} if arm == "prepared" else {}
            while relate_batch(store, run, StoryParams(), 20, {d.id: d for d in batch}, prepared) is not None:
                pass
        describe_due(store, run)
        stores.append(store)
    try:
        sections, groupings = compare_stores(*stores)
        assert all(d.same for diffs in sections.values() for d in diffs), [
            line for diffs in sections.values() for d in diffs for line in d.lines()]
        assert all(g.f1 == 1.0 and g.same_ids == g.items >= 50 for g in groupings), [g.line() for g in groupings]
    finally:
        for store in stores:
            store.close()
