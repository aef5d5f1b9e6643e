"""Scale-out: the same articles analysed on a Dask LocalCluster into PostgreSQL, and in one process into SQLite."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from marsad.api import run
from marsad.options import Options, OptionsError
from marsad.store import Store
from marsad.store.export import build_report


def _sample(shared_dir: Path, folder: Path, articles: int) -> Path:
    path = folder / "sample.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as src:
        lines = [line for _, line in zip(range(articles), src, strict=False)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _findings(store: Store) -> dict[str, Any]:
    report = build_report(store)
    return {
        "documents": sorted(
            (d["id"], d["published"]["value"] if d["published"] else None, d["outlet"],
             tuple((m["start"], m["end"], m["type"], m["entity"]) for m in d["mentions"]))
            for d in report["documents"]
        ),
        "entities": sorted((e["id"], e["name"], e["type"], e["mentions"]) for e in report["entities"]),
        "stories": sorted((s["id"], tuple(sorted(s["segments"]))) for s in report["stories"]),
    }


def test_cluster_into_postgresql_equals_one_process_into_sqlite(
    shared_dir: Path, tmp_path: Path, postgres_databases: Any, pytestconfig: pytest.Config
) -> None:
    articles: int = pytestconfig.getoption("scale_articles")
    sample = _sample(shared_dir, tmp_path, articles)
    with Store(tmp_path / "one.db") as sqlite:
        alone = run([str(sample)], Options(progress=False, batch_size=16), sqlite)
        expected = _findings(sqlite)
    with Store(postgres_databases()) as postgres:
        spread = run([str(sample)], Options(progress=False, batch_size=16, cluster="local:2"), postgres)
        found = _findings(postgres)
    assert alone.inputs == spread.inputs == articles
    assert alone.documents == spread.documents and (alone.errors, alone.repeats) == (spread.errors, spread.repeats)
    assert len(expected["entities"]) > 100 and len(expected["stories"]) > 5
    assert found == expected


def test_cluster_names_are_checked() -> None:
    with pytest.raises(OptionsError, match="local:N or tcp://"):
        Options(cluster="udp://somewhere")
