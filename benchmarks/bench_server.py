"""Latency of the server on an existing store: p50/p95/max of ``/api/stories/{id}`` and of the story list page.

Run on demand (not a test):
    .venv/bin/python benchmarks/bench_server.py --db marsad.db [--requests 200] [--stories 100]

Starts uvicorn on 127.0.0.1 (a free port) over the store and times real HTTP requests
over one keep-alive connection, after a warm-up: ``/api/stories/{id}`` over the
``--stories`` largest and as many random stories (cycled up to ``--requests``), the
story list page ``/`` (first page and random later pages) and the story page
``/stories/{id}``.  Goals on the 31k-article SaudiNewsNet store: p95 <= 100 ms for the
API and <= 300 ms for the list page.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import uvicorn

from marsad.options import Options
from marsad.server.app import create_app
from marsad.server.backend import open_backend

WARMUP = 5


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[float, bytes]:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        raise SystemExit(f"GET {path}: HTTP {response.status}")
    return elapsed, body


def _time(conn: http.client.HTTPConnection, paths: list[str]) -> dict[str, float]:
    for path in paths[:WARMUP]:
        _get(conn, path)
    times = sorted(_get(conn, path)[0] for path in paths)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return {"n": len(times), "p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
            "max_ms": round(times[-1], 1)}


def main() -> None:
    """Serve the store, time the requests and print one JSON line per endpoint."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"no store at {args.db}")
    reader, ingest = open_backend(args.db, Options(workers=1, progress=False))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(reader, ingest), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        counts = reader.health()
        print(json.dumps({"store": str(args.db), **counts}, ensure_ascii=False))
        total = reader.stories(1, 1)["total"]
        largest = [s["id"] for s in reader.stories(1, min(args.stories, 200))["items"]]
        rng = random.Random(args.seed)
        pages = max(1, total // 25)
        picks = [reader.stories(rng.randint(1, max(1, total)), 1)["items"] for _ in range(args.stories)]
        ids = largest + [p[0]["id"] for p in picks if p]
        cycle = [ids[i % len(ids)] for i in range(args.requests)] if ids else []
        list_pages = ["/"] + [f"/?page={rng.randint(1, pages)}" for _ in range(max(1, args.requests // 2) - 1)]
        report = {
            "/api/stories/{id}": _time(conn, [f"/api/stories/{i}" for i in cycle]),
            "/ (story list page)": _time(conn, list_pages),
            "/stories/{id} (story page)": _time(conn, [f"/stories/{i}" for i in cycle[: max(1, args.requests // 2)]]),
            "/api/stories (list)": _time(conn, ["/api/stories"] + [f"/api/stories?page={rng.randint(1, pages)}"
                                                                 for _ in range(max(1, args.requests // 2) - 1)]),
        }
        for endpoint, figures in report.items():
            print(json.dumps({"endpoint": endpoint, **figures}, ensure_ascii=False))
    finally:
        server.should_exit = True
        thread.join(10)
        reader.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
