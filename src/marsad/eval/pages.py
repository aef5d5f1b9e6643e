"""``marsad eval pages``: page segmentation on sites never used for training.

The gold file (``tests/gold/page/pages.json``) names pages, never their text: trafilatura
evaluation pages by file name (dev and held-out site splits), and synthetic Arabic pages by
the SaudiNewsNet line numbers of their article and of the articles in their teasers, their
seed and their split (dev: an outlet not trained on, training phrase inventory; held-out:
outlets not trained on and the held-out phrase inventory). Each page is rebuilt from
../shared/datasets, run through the product's page stage as the analysis runs it (site
chrome learnt across the inputs, then :func:`marsad.pipeline.analyze_batch` with every
extractor disabled, i.e. :func:`marsad.page.build.build_document`), and scored:

- main-text line F1: a line is positive when it lies in the main article's own text (not in
  a nested caption, teaser or chrome segment); the scored lines are those with a gold role
  (the snippet lines of trafilatura pages; every line of a synthetic page but its byline
  and dateline);
- title, outlet and dateline (``published``, basis ``explicit``) accuracy where gold has them.

``plain`` pages are the same articles with no chrome at all (title, blank line, paragraphs): the
model must leave clean text alone.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

from marsad.ingest.raw import RawDocument
from marsad.model import Document
from marsad.options import Options
from marsad.page.chrome import repeated_lines, site_key
from marsad.page.lines import split_lines
from marsad.pipeline import Job, analyze_batch, components
from marsad.text.normalize import norm_key
from marsad.train.page_data import (
    TRAFILATURA_PAGES,
    LabelledPage,
    render_html,
    site_of,
    snippet_roles,
    split_of,
)
from marsad.train.page_synth import make_page, plain_page, read_articles, synthetic_pages

SKIPPED_ROLES = ("byline", "dateline")


def gold_pages(shared: Path, gold: dict[str, object]) -> list[tuple[str, str, LabelledPage]]:
    """(split, kind, page) for every page the gold file names, rebuilt from the shared datasets."""
    entries: list[dict[str, object]] = gold["pages"]  # type: ignore[assignment]
    out: list[tuple[str, str, LabelledPage]] = []
    files = {str(e["file"]): e for e in entries if e["kind"] == "trafilatura"}
    if files:
        with gzip.open(shared / TRAFILATURA_PAGES, "rt", encoding="utf-8") as handle:
            for raw in handle:
                record = json.loads(raw)
                entry = files.get(str(record.get("file")))
                if entry is None:
                    continue
                text = render_html(str(record["html"]))
                roles = snippet_roles([ln.text for ln in split_lines(text)], record)
                page = LabelledPage(site_of(str(record.get("url"))), text, roles, source=str(record["file"]))
                out.append((str(entry["split"]), "trafilatura", page))
    synthetic = [e for e in entries if e["kind"] == "synthetic"]
    plain = [e for e in entries if e["kind"] == "plain"]
    wanted: set[int] = set()
    for entry in synthetic + plain:
        wanted.add(int(entry["line"]))  # type: ignore[call-overload]
        wanted.update(int(n) for n in entry.get("others", []))  # type: ignore[attr-defined]
    by_line = {a.line: a for arts in read_articles(shared, 0, 0, wanted).values() for a in arts}
    for entry in plain:
        out.append((str(entry["split"]), "plain", plain_page(by_line[int(entry["line"])], str(entry["split"]))))  # type: ignore[call-overload]
    for entry in synthetic:
        article = by_line[int(entry["line"])]  # type: ignore[call-overload]
        others = [by_line[int(n)] for n in entry["others"]]  # type: ignore[attr-defined]
        page = make_page(article, others, str(entry["split"]), int(entry["seed"]))  # type: ignore[call-overload]
        out.append((str(entry["split"]), "synthetic", page))
    return out


def _analyse(pages: list[LabelledPage]) -> list[Document]:
    """The pipeline's page stage on every page (flat-text inputs, site chrome learnt across them; no extractor)."""
    raws = [RawDocument(source=p.source, format="txt", text=p.text) for p in pages]
    chrome = repeated_lines(raws)
    jobs = [Job(raw, chrome.get(site_key(raw) or "", frozenset())) for raw in raws]
    docs: list[Document] = []
    for item in analyze_batch(jobs, Options(), disable=[c.name for c in components()]):
        if not isinstance(item, Document):
            raise RuntimeError(f"page stage failed: {item.input}: {item.reason}")
        docs.append(item)
    return docs


def _gold_main(page: LabelledPage) -> list[bool | None]:
    """Per line: in the main article's text (True), not (False), or not scored (None)."""
    out: list[bool | None] = []
    appended = False
    for role in page.roles:
        if role == "appended":
            appended = True
        if role is None or role in SKIPPED_ROLES:
            out.append(None)
        else:
            out.append(role in ("title", "main") and not appended)
    return out


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and " ".join(norm_key(a).split()) == " ".join(norm_key(b).split())


def evaluate(gold_path: Path, shared: Path) -> dict[str, dict[str, object]]:
    """Scores per split and kind of page (and per split over every kind)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rebuilt = gold_pages(shared, gold)
    docs = _analyse([page for _, _, page in rebuilt])
    tallies: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    sites: dict[str, set[str]] = defaultdict(set)
    for (split, kind, page), doc in zip(rebuilt, docs, strict=True):
        main = doc.segments_of("main")
        pieces = doc.pieces(main[0]) if main else []
        lines = split_lines(doc.text)
        for group in (f"{split}/{kind}", split):
            t = tallies[group]
            sites[group].add(page.site)
            t["pages"] += 1
            for line, expected in zip(lines, _gold_main(page), strict=True):
                if expected is None:
                    continue
                got = any(p.start <= line.start and line.end <= p.end for p in pieces)
                t["tp"] += got and expected
                t["fp"] += got and not expected
                t["fn"] += expected and not got
            if page.title is not None:
                t["title_n"] += 1
                t["title_ok"] += _same(doc.title, page.title)
            if page.outlet is not None:
                t["outlet_n"] += 1
                t["outlet_ok"] += doc.outlet == page.outlet
            if page.published is not None:
                t["date_n"] += 1
                got_date = doc.published.value if doc.published and doc.published.basis == "explicit" else None
                t["date_ok"] += got_date == page.published
    report: dict[str, dict[str, object]] = {}
    for group in sorted(tallies):
        t = tallies[group]
        precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        row: dict[str, object] = {
            "pages": int(t["pages"]),
            "sites": len(sites[group]),
            "main_lines": int(t["tp"] + t["fn"]),
            "main_P": round(precision, 4),
            "main_R": round(recall, 4),
            "main_F1": round(f1, 4),
        }
        for name in ("title", "outlet", "date"):
            if t[f"{name}_n"]:
                row[f"{name}_acc"] = round(t[f"{name}_ok"] / t[f"{name}_n"], 4)
                row[f"{name}_n"] = int(t[f"{name}_n"])
        report[group] = row
    return report


GOLD_SEED = 2024
GOLD_PER_OUTLET = 50


def make_gold(shared: Path) -> dict[str, object]:
    """The gold page list: every trafilatura page of the dev and held-out site splits, and synthetic pages of the
    dev and held-out outlets (``GOLD_PER_OUTLET`` each, their own seed, so none is a training page)."""
    pages: list[dict[str, object]] = []
    with gzip.open(shared / TRAFILATURA_PAGES, "rt", encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            split = split_of(site_of(str(record.get("url") or record.get("file"))))
            if split != "train":
                pages.append({"kind": "trafilatura", "split": split, "file": record["file"]})
    for page in synthetic_pages(shared, {"dev", "heldout"}, GOLD_PER_OUTLET, GOLD_SEED):
        split, line = page.site.split("/")[1], int(page.extra["line"])
        pages.append({
            "kind": "synthetic", "split": split, "line": line,
            "others": [int(n) for n in page.extra["others"].split()], "seed": int(page.extra["seed"]),
        })
        pages.append({"kind": "plain", "split": split, "line": line})
    return {"about": "see README.md: pages named, rebuilt from ../shared/datasets by marsad eval pages", "pages": pages}

