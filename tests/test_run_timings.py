"""The per-phase timings a run reports (what benchmarks/bench_analyze.py reads as the serial share)."""

from __future__ import annotations

import gzip
from pathlib import Path

from marsad.api import PHASES, run
from marsad.options import Options
from marsad.store import Store


def test_run_times_each_phase(shared_dir: Path, tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    with gzip.open(shared_dir / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as src:
        sample.write_text("".join(line for _, line in zip(range(6), src, strict=False)), encoding="utf-8")
    with Store(tmp_path / "marsad.db") as store:
        first = run([str(sample)], Options(progress=False, batch_size=4), store)
        again = run([str(sample)], Options(progress=False, batch_size=4), store)
    assert tuple(first.timings) == tuple(first.cpu_timings) == PHASES
    assert all(first.timings[phase] > 0 for phase in PHASES)
    # The analysis dominates a first run; a re-run of stored texts analyses nothing and skips the corpus steps.
    assert first.timings["analyse"] > first.timings["write"] + first.timings["read"]
    assert first.cpu_timings["analyse"] > first.cpu_timings["write"] + first.cpu_timings["read"]
    assert again.added == 0 and again.timings["analyse"] < first.timings["analyse"] / 10
    assert again.timings["corpus"] < first.timings["corpus"]
