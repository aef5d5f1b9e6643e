"""Check that a change to the per-document pipeline leaves every document's layers unchanged (not a test).

Usage::

    python benchmarks/check_identical.py --save before.json [--n 600]   # on the old code
    python benchmarks/check_identical.py --compare before.json          # on the new code

The inputs are the first N SaudiNewsNet records (through ingest, as ``marsad analyze``
reads a JSON Lines file), the shared seed pages, the Arabic news HTML pages and the pages of
the trafilatura evaluation set that contain Arabic script (the page stage on real HTML).  They run through
:func:`marsad.pipeline.analyze_batch` in batches of ``Options.batch_size`` with the chrome
lines learnt per batch, as :func:`marsad.api.run` runs them.  Each document (or input error)
is reduced to a SHA-256 per layer of its JSON form (a document's stored form and its part of the
corpus steps, made in a run's workers, are two more layers); ``--compare`` prints each input whose
layers differ, naming the layers, and exits with status 1 when any does.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from marsad.corpus.prepare import prepare
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_bytes, read_inputs
from marsad.model import Document, InputError
from marsad.options import Options
from marsad.page.chrome import repeated_lines, site_key
from marsad.pipeline import Job, analyze_batch
from marsad.store.store import source_of, stored_form

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAUDINEWSNET = SHARED / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
TRAFILATURA = SHARED / "datasets" / "trafilatura_eval" / "pages.jsonl.gz"


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def _inputs(n: int, folder: Path, options: Options) -> Iterator[RawDocument | InputError]:
    """The SaudiNewsNet records, the seed pages and the Arabic HTML pages, read as ``marsad analyze`` reads them."""
    sample = folder / "saudinewsnet.jsonl"
    with gzip.open(SAUDINEWSNET, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        dst.writelines(line for _, line in zip(range(n), src, strict=False))
    pages = [*(SHARED / "seeds").glob("*.txt"), *(SHARED / "datasets" / "html_arabic_news").glob("*/*.html")]
    yield from read_inputs([str(sample), *sorted(str(p) for p in pages)], options)
    with gzip.open(TRAFILATURA, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if _arabic(record["html"]):
                yield from read_bytes(record["html"].encode("utf-8"), record["file"], options)


def _hash(value: object, folder: Path) -> str:
    """A SHA-256 of ``value``'s JSON form (sets as sorted lists; the temporary folder's name left out)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=sorted).replace(str(folder), "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: object) -> object:
    """``value`` as JSON-ready data: dataclasses as dicts, every dict (``Counter`` too) as a plain dict, tuples as
    lists, sets as sorted lists, arrays as lists (``dataclasses.asdict`` would make a ``Counter`` of its pairs)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


def _layers(item: Document | InputError, folder: Path) -> dict[str, str]:
    """A SHA-256 of each field's JSON form, and for a document also of what a worker hands the writer with it (its
    stored form and its part of the corpus steps, computed as :func:`marsad.api.run`'s workers do)."""
    if isinstance(item, Document):
        item.sources = [source_of(item)]
        extra = {"stored form": dataclasses.asdict(stored_form(item)), "prepared": _plain(prepare(item))}
    else:
        extra = {}
    return {name: _hash(value, folder) for name, value in [*dataclasses.asdict(item).items(), *extra.items()]}


def fingerprints(n: int) -> dict[str, dict[str, str]]:
    """Per input source, the layer hashes of its analysed document (or of its input error)."""
    options = Options(progress=False)
    out: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="marsad-identical-") as tmp:
        folder = Path(tmp)
        items = list(_inputs(n, folder, options))
    raws = [item for item in items if isinstance(item, RawDocument)]
    for item in items:
        if isinstance(item, InputError):
            out[item.input.rsplit("/", 1)[-1]] = _layers(item, folder)
    for i in range(0, len(raws), options.batch_size):
        batch = raws[i:i + options.batch_size]
        chrome = repeated_lines(batch)
        jobs = [Job(raw, chrome.get(site_key(raw) or "", frozenset())) for raw in batch]
        for raw, result in zip(batch, analyze_batch(jobs, options), strict=True):
            out[raw.source.rsplit("/", 1)[-1]] = _layers(result, folder)
    return out


def main() -> None:
    """Save the fingerprints, or compare them with saved ones."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=600, help="the first N SaudiNewsNet records (default 600)")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the fingerprints to this file")
    action.add_argument("--compare", type=Path, help="compare with fingerprints saved by --save")
    args = parser.parse_args()
    began = time.process_time()
    found = fingerprints(args.n)
    print(f"{len(found)} inputs analysed in {time.process_time() - began:.1f} CPU s", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
        return
    saved: dict[str, dict[str, str]] = json.loads(args.compare.read_text(encoding="utf-8"))
    differing = 0
    for source in sorted(saved.keys() | found.keys()):
        old, new = saved.get(source), found.get(source)
        if old == new:
            continue
        differing += 1
        layers = "missing" if old is None or new is None else ", ".join(k for k in old if old[k] != new.get(k))
        print(f"{source}: {layers}")
    print(f"{len(found)} inputs, {differing} differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
