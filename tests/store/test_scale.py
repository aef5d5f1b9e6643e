"""Scale-out: the same articles analysed on a Dask LocalCluster into PostgreSQL, and in one process into SQLite."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from marsad.api import run
from marsad.options import Options, OptionsError
from marsad.store import Store
from marsad.store.compare import compare_stores


def _sample(shared_dir: Path, folder: Path, articles: int) -> Path:
    path = folder / "sample.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as src:
        lines = [line for _, line in zip(range(articles), src, strict=False)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_cluster_into_postgresql_equals_one_process_into_sqlite(
    shared_dir: Path, tmp_path: Path, postgres_databases: Any, pytestconfig: pytest.Config
) -> None:
    articles: int = pytestconfig.getoption("scale_articles")
    sample = _sample(shared_dir, tmp_path, articles)
    with Store(tmp_path / "one.db") as sqlite, Store(postgres_databases()) as postgres:
        alone = run([str(sample)], Options(progress=False, batch_size=16), sqlite)
        spread = run([str(sample)], Options(progress=False, batch_size=16, cluster="local:2"), postgres)
        sections, groupings = compare_stores(sqlite, postgres)
        entities, stories = (len(sqlite.rows(f"SELECT id FROM {t}")) for t in ("entities", "stories"))
    assert alone.inputs == spread.inputs == articles
    assert alone.documents == spread.documents and (alone.errors, alone.repeats) == (spread.errors, spread.repeats)
    assert entities > 100 and stories > 5
    differing = [line for diffs in sections.values() for d in diffs if not d.same for line in d.lines()]
    assert not differing, "\n".join(differing)
    assert all(g.f1 == 1.0 and g.same_ids == g.items for g in groupings), [g.line() for g in groupings]


def test_cluster_names_are_checked() -> None:
    with pytest.raises(OptionsError, match="local:N or tcp://"):
        Options(cluster="udp://somewhere")
