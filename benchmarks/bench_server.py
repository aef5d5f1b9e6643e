"""Latency of the server on a prebuilt store: p50/p95/max of ``/api/stories/{id}`` and of the story list page.

Run on demand (not a test), on a store ``marsad analyze`` built (for the goal, all 31,030 SaudiNewsNet articles:
``marsad analyze ../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz --db snn.sqlite``):
    .venv/bin/python benchmarks/bench_server.py --db snn.sqlite [--requests 200] [--seed 1]

Starts uvicorn on 127.0.0.1 (a free port) over the store and times real HTTP requests over one
keep-alive connection, each series after a warm-up of 5: ``/api/stories/{id}`` over ``--requests``
story ids sampled from every story and over the 20 largest, the story page ``/stories/{id}``, and the
story list page ``/`` with each filter (later pages, date ranges, outlets, entity names, a word of a
title; ``--requests`` ÷ 4 each), then all of them together, and the same through ``/api/stories``.
Each series gives wall latency and CPU milliseconds per request (``cpu_``: this process's CPU time, the server
thread's and the client's, which other jobs on a shared machine cannot inflate).
Goals on the 31k-article SaudiNewsNet store: p95 <= 100 ms for the API and <= 300 ms for the list page.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import random
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import uvicorn

from marsad.options import Options
from marsad.server.app import create_app
from marsad.server.backend import open_backend
from marsad.server.reader import ReadAPI
from marsad.server.routes_pages import PAGE
from marsad.store.codec import JSON

WARMUP = 5


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one request (CPU: this process's, the server thread's and the client's)."""
    start, cpu = time.perf_counter(), time.process_time()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    elapsed, used = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    if response.status != 200:
        raise SystemExit(f"GET {path}: HTTP {response.status}")
    return elapsed, used


def _quantiles(values: list[float], prefix: str) -> dict[str, float]:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return {f"{prefix}p50_ms": round(statistics.median(values), 1), f"{prefix}p95_ms": round(p95, 1),
            f"{prefix}max_ms": round(values[-1], 1)}


def _time(conn: http.client.HTTPConnection, paths: list[str]) -> dict[str, float]:
    """Wall latency (what a user waits) and CPU time (what other jobs on the machine cannot inflate) per request."""
    for path in paths[:WARMUP]:
        _get(conn, path)
    runs = [_get(conn, path) for path in paths]
    return {"n": len(runs), **_quantiles([w for w, _ in runs], ""), **_quantiles([c for _, c in runs], "cpu_")}


def _all_stories(reader: ReadAPI) -> list[JSON]:
    items: list[JSON] = []
    page = 1
    while True:
        answer = reader.stories(page, 200)
        items += answer["items"]
        if page * 200 >= answer["total"]:
            return items
        page += 1


def _list_paths(reader: ReadAPI, stories: list[JSON], rng: random.Random, n: int) -> dict[str, list[str]]:
    """Story list page requests per filter: pages, date ranges, outlets, entities (by name, as users type them), words."""
    pages = max(1, math.ceil(len(stories) / PAGE))
    days = sorted({s[k][:10] for s in stories for k in ("first_published", "last_published") if s[k]})
    outlets = sorted({o for s in stories for o in s["outlets"]})
    names = [e["name"] for e in reader.entities(1, 200)["items"]]
    titles = [s["title"] for s in stories if s["title"]]

    def some(make: Callable[[], str]) -> list[str]:
        return [make() for _ in range(n)]

    def span() -> str:
        a, b = sorted(rng.sample(days, 2)) if len(days) > 1 else (days * 2 or ["2000-01-01"] * 2)
        return f"/?since={a}&until={b}"

    return {
        "page": ["/", *some(lambda: f"/?page={rng.randint(1, pages)}")[1:]],
        "since+until": some(span),
        "outlet": some(lambda: "/?" + urlencode({"outlet": rng.choice(outlets)})) if outlets else [],
        "entity": some(lambda: "/?" + urlencode({"entity": rng.choice(names)})) if names else [],
        "q": some(lambda: "/?" + urlencode({"q": rng.choice(rng.choice(titles).split())})) if titles else [],
    }


def main() -> None:
    """Serve the store, time the requests and print one JSON line per endpoint."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a prebuilt store (SQLite file)")
    parser.add_argument("--requests", type=int, default=200, help="story ids sampled (and requests per list filter ÷ 4)")
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
        print(json.dumps({"store": str(args.db), "bytes": args.db.stat().st_size, **reader.health()}, ensure_ascii=False))
        rng = random.Random(args.seed)
        stories = _all_stories(reader)
        largest = sorted(stories, key=lambda s: -s["size"])[:20]
        sample = rng.sample(stories, min(args.requests, len(stories)))
        ids = [s["id"] for s in sample]
        print(json.dumps({"stories": len(stories), "largest": [(s["id"], s["size"]) for s in largest[:5]]}))
        report: dict[str, dict[str, float]] = {
            "/api/stories/{id} (sampled)": _time(conn, [f"/api/stories/{i}" for i in ids]),
            "/api/stories/{id} (20 largest)": _time(conn, [f"/api/stories/{s['id']}" for s in largest]),
            "/stories/{id} (story page)": _time(conn, [f"/stories/{i}" for i in ids[: max(1, args.requests // 2)]]),
        }
        every: list[str] = []
        by_id: list[str] = []  # the API filters entities by id, the page by name
        for name, paths in _list_paths(reader, stories, rng, max(1, args.requests // 4)).items():
            if paths:
                report[f"/ (story list page, {name})"] = _time(conn, paths)
                every += paths
                by_id += [] if name == "entity" else paths
        report["/ (story list page, all filters)"] = _time(conn, every)
        report["/api/stories (list, all but entity)"] = _time(
            conn, [p.replace("/?", "/api/stories?", 1) if p != "/" else "/api/stories" for p in by_id]
        )
        for endpoint, figures in report.items():
            print(json.dumps({"endpoint": endpoint, **figures}, ensure_ascii=False))
    finally:
        server.should_exit = True
        thread.join(10)
        reader.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
