"""Training the line-role CRF (``marsad train pages``) from ../shared/datasets.

Training pages: the trafilatura evaluation pages of the ``train`` site split (rendered to
flat text, gold snippet roles completed by trafilatura's own extraction), the two shared
Arabic HTML pages, and synthetic Arabic pages around SaudiNewsNet articles of the
training outlets (``train`` phrase inventory). Sites of the ``dev`` and ``heldout``
splits and the held-out outlets and inventory are never seen. Everything is seeded, so
the same command gives the same model.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from marsad.ingest.raw import RawDocument
from marsad.page.chrome import repeated_lines
from marsad.page.lines import split_lines
from marsad.page.roles import MODEL_FILE, line_features
from marsad.page.segment import label_lines
from marsad.train.page_data import LabelledPage, arabic_html_pages, trafilatura_pages
from marsad.train.page_synth import synthetic_pages

SEED = 7
PER_SOURCE = 120
MAX_LINES = 400
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True, "feature.minfreq": 2}


def page_sequence(page: LabelledPage, chrome: frozenset[str]) -> tuple[list[list[str]], list[str]]:
    """The CRF features and roles of a fully labelled page (a long page keeps its first ``MAX_LINES`` lines)."""
    lines = split_lines(page.text)
    if len(lines) != len(page.roles):
        raise ValueError(f"{page.source}: {len(lines)} lines but {len(page.roles)} roles")
    rules = [label.value for label in label_lines(lines, chrome)]
    feats = line_features(lines, rules, chrome)
    roles = [role or "boiler" for role in page.roles]
    return feats[:MAX_LINES], roles[:MAX_LINES]


def site_chrome(pages: list[LabelledPage]) -> dict[str, frozenset[str]]:
    """Per site, the short lines repeated on several of its pages (as the analysis learns them across inputs)."""
    raws = [RawDocument(source=p.source, format="txt", text=p.text, title=p.title, sitename=p.site) for p in pages]
    return repeated_lines(raws)


def training_pages(shared: Path, seed: int = SEED, per_source: int = PER_SOURCE) -> Iterable[LabelledPage]:
    """Every training page (no page of a dev or held-out site)."""
    yield from trafilatura_pages(shared, {"train"}, silver=True)
    yield from arabic_html_pages(shared, silver=True)
    yield from synthetic_pages(shared, {"train"}, per_source, seed)


def train(shared: Path, out_dir: Path, seed: int = SEED, per_source: int = PER_SOURCE) -> dict[str, object]:
    """Train the CRF on the training pages and write ``page_roles.crfsuite`` into ``out_dir``."""
    started = time.monotonic()
    trainer = pycrfsuite.Trainer(verbose=False)
    counts: Counter[str] = Counter()
    sites: set[str] = set()
    pages = 0
    pages_list = list(training_pages(shared, seed, per_source))
    chrome = site_chrome(pages_list)
    for n, page in enumerate(pages_list):
        # every other page as a lone input (no other page of its site to learn repeated chrome from)
        feats, roles = page_sequence(page, chrome.get(page.site, frozenset()) if n % 2 else frozenset())
        trainer.append(feats, roles)
        counts.update(roles)
        sites.add(page.site)
        pages += 1
    prepared = time.monotonic() - started
    print(f"train pages: {pages} pages, {sum(counts.values())} lines, {len(sites)} sites ({prepared:.0f} s)", file=sys.stderr)
    trainer.set_params(PARAMS)
    out_dir.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_dir / MODEL_FILE))
    return {
        "pages": pages,
        "lines": sum(counts.values()),
        "sites": len(sites),
        "roles": dict(counts),
        "seconds": round(time.monotonic() - started, 1),
        "model_bytes": (out_dir / MODEL_FILE).stat().st_size,
    }
