"""Throughput, memory and serial share of ``marsad analyze`` on the first N SaudiNewsNet articles.

Run on demand (not a test):  .venv/bin/python benchmarks/bench_analyze.py [--n 1000] [--configs w=1 w=2 local:2]

Configurations, each in a fresh child process (so that its peak memory is its own) and
into a fresh SQLite store:

* ``tokenise``: normalising and tokenising the same texts (marsad.text.tokens) — the
  floor every rate is compared to, measured in the same run;
* ``w=1``: ``api.run`` in one process; ``w=2``: two local worker processes;
* ``local:2``: the per-document stage on a Dask LocalCluster of two workers.

Each line gives documents/s by wall time and by CPU time (the CPU seconds of the
benchmark process and all its worker processes); the ratio to the floor is by CPU time,
because on a shared machine wall time is inflated by other processes' load.  Peak memory
is ``ru_maxrss`` of the main process and of its largest worker (``RUSAGE_CHILDREN``), and
the largest sum of the resident memory of the main process and all its descendants
(Dask workers included), sampled with psutil every 0.2 s from the benchmark's parent process: sampled from the
measured process, the sampling (about 3.5 ms of CPU a sample here) was counted in the run's CPU and in whichever
phase it fell in, serial ones included, in proportion to their wall time.  The serial share is the wall
time of the run spent outside the per-document stage — reading, looking up the store,
writing batches, corpus steps (``RunSummary.timings``) — over the run's wall time;
``setup`` is what no phase covers (starting and stopping the pool or cluster).  The
serial share is also given by CPU time: the main process's CPU seconds in those phases
over the CPU seconds of all the run's processes (``RunSummary.cpu_timings``), which the
load of other processes does not distort.  With workers, the corpus steps of a batch run
while the workers analyse the next batch, and the stories are described in the workers:
the wall figure still counts the whole ``corpus`` phase as serial (an upper bound), the
CPU figure counts only what the main process spends.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
CONFIGS = {"w=1": {"workers": 1}, "w=2": {"workers": 2}, "local:2": {"cluster": "local:2"}}
SERIAL = ("read", "prepare", "write", "corpus")


def _cpu() -> float:
    """CPU seconds (user and system) of this process and of its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _Sampler:
    """The largest resident memory of a process and all its descendants together, sampled in a thread of the
    benchmark's parent process (so that the sampling's CPU is not counted as the run's)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        import psutil

        while not self._stop.wait(0.2):
            total = 0
            try:
                family = [self._process, *self._process.children(recursive=True)]
            except psutil.Error:
                continue
            for proc in family:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _measure(config: str, sample: Path, folder: Path) -> dict[str, Any]:
    """Run one configuration in this (fresh) process and return its figures."""
    began, cpu = time.perf_counter(), _cpu()
    if config == "tokenise":
        from marsad.text.tokens import tokenize

        texts = [json.loads(line)["content"] for line in sample.open(encoding="utf-8")]
        began, cpu = time.perf_counter(), _cpu()
        tokens = sum(len(tokenize(text)) for text in texts)
        figures: dict[str, Any] = {"documents": len(texts), "tokens": tokens}
    else:
        from marsad.api import run
        from marsad.options import Options
        from marsad.store import Store

        db = folder / f"{config.replace(':', '-').replace('=', '')}.db"
        with Store(db) as store:
            summary = run([str(sample)], Options(progress=False, **CONFIGS[config]), store)
        figures = {"documents": summary.added, "timings": summary.timings, "cpu_timings": summary.cpu_timings,
                   "store_bytes": sum(p.stat().st_size for p in folder.glob(db.name + "*"))}
    figures["wall"] = time.perf_counter() - began
    figures["cpu"] = _cpu() - cpu
    figures["rss_main"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    figures["rss_child"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return figures


def _mib(value: int | None) -> str:
    return "not measured" if value is None else f"{value / 2**20:.0f} MiB"


def main() -> None:
    """Run every configuration in a child process and print one line per configuration."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="the first N articles (default 1000)")
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=list(CONFIGS),
                        help="the configurations to run after the floor (default: all)")
    parser.add_argument("--only", choices=["tokenise", *CONFIGS], help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:  # a child: measure one configuration, print its figures as JSON
        json.dump(_measure(args.only, args.sample, args.sample.parent), sys.stdout)
        return
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(DATA, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            dst.writelines(line for _, line in zip(range(args.n), src, strict=False))
        print(f"{args.n} SaudiNewsNet articles, {os.cpu_count()} CPUs, load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        floor = 0.0
        for config in ("tokenise", *args.configs):
            child = subprocess.Popen([sys.executable, __file__, "--only", config, "--sample", str(sample)],
                                     stdout=subprocess.PIPE, text=True)
            try:
                sampler: _Sampler | None = _Sampler(child.pid)
            except ImportError:
                sampler = None
            out, _ = child.communicate()
            if child.returncode:
                raise subprocess.CalledProcessError(child.returncode, child.args)
            fig = json.loads(out)
            fig["rss_all"] = sampler.stop() if sampler is not None else None
            docs, wall, cpu = fig["documents"], fig["wall"], fig["cpu"]
            line = (f"{config:8} {docs:6d} docs  wall {wall:7.1f} s {docs / wall:9.1f} docs/s  "
                    f"cpu {cpu:7.1f} s {docs / cpu:9.1f} docs/cpu-s")
            if config == "tokenise":
                floor = docs / cpu
                print(f"{line}  (floor)  peak main {_mib(fig['rss_main'])}", flush=True)
                continue
            timings = fig["timings"]
            serial = sum(timings[p] for p in SERIAL)
            phases = " ".join(f"{p} {timings[p]:.1f}/{fig['cpu_timings'][p]:.1f}" for p in timings)
            cpu_serial = sum(fig["cpu_timings"][p] for p in SERIAL)
            print(f"{line}  floor/x {floor / (docs / cpu):6.0f}  serial share {serial / wall:5.1%} wall, "
                  f"{cpu_serial / cpu:5.1%} cpu "
                  f"[wall/cpu s: {phases} setup {wall - sum(timings.values()):.1f}]  "
                  f"peak main {_mib(fig['rss_main'])}, "
                  f"largest worker {_mib(fig['rss_child']) if fig['rss_child'] else 'none'}, "
                  f"all processes {_mib(fig['rss_all'])}  "
                  f"store {fig['store_bytes'] / docs / 1024:.1f} KiB/doc", flush=True)


if __name__ == "__main__":
    main()
