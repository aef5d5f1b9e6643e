"""The corpus stage alone, batch by batch: its cost per new document as the store grows, its memory, its stories.

Run on demand (not a test), on documents already analysed by the per-document stage
and kept in a store (any store ``marsad analyze`` wrote; it is only read)::

    .venv/bin/python benchmarks/bench_corpus.py --source snn.db --n 5000 --batch 64 --members b64.tsv
    .venv/bin/python benchmarks/bench_corpus.py --source snn.db --n 5000 --batch 5000 --members whole.tsv
    .venv/bin/python benchmarks/bench_corpus.py --compare b64.tsv whole.tsv

The first ``n`` stored documents (in arrival order, as the per-document pipeline made
them) are committed to a fresh SQLite store ``batch`` at a time, each batch followed by
the corpus steps (:func:`marsad.store.relate.relate_batch`), exactly as ``marsad analyze``
does after each batch.  Printed: the CPU milliseconds of the corpus steps per new document
for every tenth of the run (the growth as the store fills) and for the first and the last
thousand documents, the total, the peak resident
memory of the process (``ru_maxrss``) and the store's size.  The mean text length of
each tenth is printed beside its cost (the cost follows the length of the documents, so a
tenth of longer articles costs more at any corpus size).  ``--members`` writes each
article unit's story (id, after redirects); ``--compare`` gives the BCubed precision,
recall and F1 of one such file against another (units of both).  ``--prepare`` replays the
main process of ``marsad analyze`` with workers: each document's stored form is written
and its corpus part prepared (:func:`marsad.corpus.prepare.prepare`) outside the timer, as
the workers do, and the corpus steps take the documents as they are (not read back), so the
cost printed is what the main process spends on the corpus steps of a run.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from marsad.corpus.prepare import Prepared, prepare
from marsad.eval.stories import bcubed
from marsad.model import Document, DocumentSource
from marsad.options import Options
from marsad.store import Store
from marsad.store.codec import from_json
from marsad.store.relate import describe_due, relate_batch


def _batches(source: Path, n: int, size: int) -> Iterator[list[Document]]:
    """The first ``n`` stored documents, ``size`` at a time (read as they are needed)."""
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    ids = [str(r[0]) for r in conn.execute("SELECT id FROM documents ORDER BY seq, id LIMIT ?", (n,))]
    for i in range(0, len(ids), size):
        batch: list[Document] = []
        for doc_id in ids[i : i + size]:
            analysis, report = conn.execute("SELECT analysis, report FROM documents WHERE id = ?", (doc_id,)).fetchone()
            doc = from_json(Document, json.loads(analysis or report))
            doc.sources = [DocumentSource(*r) for r in conn.execute(
                "SELECT input, format, url, outlet, published, basis FROM document_sources WHERE document = ? "
                "ORDER BY seq", (doc_id,))]
            batch.append(doc)
        yield batch
    conn.close()


def _members(store: Store) -> dict[str, str]:
    return {str(u): store.resolve_id("story", str(s)) for u, s in store.rows("SELECT segment, story FROM story_members")}


def _thousand(costs: list[tuple[int, float]]) -> float:
    """CPU ms a document of the first batches of ``costs`` that hold at least 1,000 documents."""
    count, spent = 0, 0.0
    for n, t in costs:
        if count >= 1000:
            break
        count, spent = count + n, spent + t
    return 1000 * spent / count


def main() -> None:
    """Replay stored documents through the corpus stage, or compare two memberships."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, help="a store of analysed documents (read only)")
    parser.add_argument("--n", type=int, default=1000, help="the first N stored documents (default 1000)")
    parser.add_argument("--batch", type=int, default=64, help="documents per batch (default 64, as marsad analyze)")
    parser.add_argument("--members", type=Path, help="write unit -> story (TSV) here")
    parser.add_argument("--db", type=Path, help="keep the replayed store here (default: a temporary one)")
    parser.add_argument("--prepare", action="store_true",
                        help="prepare each document's corpus part outside the timer and relate the documents as they "
                             "are, as a run with workers does (the main process's cost)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="BCubed of membership A against B")
    args = parser.parse_args()
    if args.compare:
        a, b = ({u: s for u, s in (line.split("\t") for line in p.read_text(encoding="utf-8").splitlines())}
                for p in args.compare)
        common = sorted(set(a) & set(b))
        p, r, f = bcubed({u: b[u] for u in common}, {u: a[u] for u in common})
        print(f"{len(common)} units in both ({len(a)}, {len(b)}): BCubed precision {p:.4f} recall {r:.4f} F1 {f:.4f}")
        return
    if args.source is None:
        parser.error("--source is needed")
    options = Options(progress=False, batch_size=args.batch)
    with tempfile.TemporaryDirectory(prefix="marsad-corpus-") as tmp:
        db = args.db or Path(tmp) / "replay.db"
        with Store(db) as store:
            run = store.start_run(["replay"])
            costs: list[tuple[int, float]] = []
            chars: list[int] = []
            for batch in _batches(args.source, args.n, args.batch):
                chars.append(sum(len(d.text) for d in batch))
                store.write_batch(run, batch, [(d.id, d.sources[0]) for d in batch if d.sources], {}, [], layers=False)
                fresh: dict[str, Document] | None = None
                prepared: dict[str, Prepared] | None = None
                if args.prepare:
                    fresh, prepared = {d.id: d for d in batch}, {d.id: prepare(d) for d in batch}
                began = time.process_time()
                while relate_batch(store, run, options.stories, args.batch, fresh, prepared) is not None:
                    pass
                costs.append((len(batch), time.process_time() - began))
            began = time.process_time()
            described = describe_due(store, run)
            describing = time.process_time() - began
            tenth = max(1, len(costs) // 10)
            done = 0
            for j in range(0, len(costs), tenth):
                part = costs[j : j + tenth]
                count = sum(c for c, _ in part)
                done += count
                size = sum(chars[j : j + tenth]) / count
                print(f"documents {done - count + 1:6d}-{done:6d}: {1000 * sum(t for _, t in part) / count:7.2f} ms/doc "
                      f"({size:5.0f} characters/doc)")
            relating, documents = sum(t for _, t in costs), sum(c for c, _ in costs)
            if documents >= 2000:  # the growth: the first and the last thousand documents (whole batches)
                first, last = _thousand(costs), _thousand(costs[::-1])
                print(f"first thousand {first:.2f} ms/doc, last thousand {last:.2f} ms/doc")
            total = relating + describing
            print(f"relating {1000 * relating / documents:.2f} ms/doc; describing {described} stories at the end "
                  f"{describing:.1f} cpu-s, {1000 * describing / documents:.2f} ms/doc")
            size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
            print(f"total corpus stage {total:.1f} cpu-s, {documents} documents, {1000 * total / documents:.2f} ms/doc; "
                  f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; "
                  f"store {size / 2**20:.0f} MiB")
            if args.members:
                members = _members(store)
                args.members.write_text("".join(f"{u}\t{s}\n" for u, s in sorted(members.items())), encoding="utf-8")


if __name__ == "__main__":
    main()
