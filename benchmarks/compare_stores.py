"""Compare two stores: the same documents, layers, entities and stories? (not a test; issue 14's scale-out check)

Usage::

    marsad analyze snn2000.jsonl --cluster local:2 --db postgresql://user@host:port/name -o out_pg
    marsad analyze snn2000.jsonl --db snn2000.sqlite -o out_sqlite
    python benchmarks/compare_stores.py snn2000.sqlite postgresql://user@host:port/name

Both stores are read through :class:`marsad.store.Store` (a SQLite file or a ``postgresql://``
URL; each is opened as ``marsad`` opens it, so a store of an older layout is upgraded first).
Printed per section (documents, layers, entities, stories, corpus indexes), per table: the rows
on each side, the keys found on one side only, the rows whose other columns differ and which
columns (for a document's stored report, which of its top-level keys), with a few examples;
then the BCubed precision, recall and F1 of store B's grouping of mentions into entities and of
story units into stories against store A's, and how many items carry the same id on both sides.
Run timestamps, the story index's generation token and the full-text index are not compared.
Exit status 0 when every table is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time

from marsad.store import Store
from marsad.store.compare import compare_stores


def main() -> int:
    """Compare store A with store B and print what differs."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", help="store A: a SQLite file or a postgresql:// URL")
    parser.add_argument("b", help="store B: a SQLite file or a postgresql:// URL")
    args = parser.parse_args()
    began = time.perf_counter()
    with Store(args.a) as a, Store(args.b) as b:
        sections, groupings = compare_stores(a, b)
    print(f"A = {args.a}\nB = {args.b}")
    differing = 0
    for section, diffs in sections.items():
        same = sum(d.same for d in diffs)
        print(f"\n== {section}: {same} of {len(diffs)} tables identical")
        for diff in diffs:
            differing += not diff.same
            print("\n".join("  " + line for line in diff.lines()))
    print()
    for grouping in groupings:
        print(grouping.line())
    verdict = "IDENTICAL" if not differing else f"{differing} TABLES DIFFER"
    print(f"\n{verdict} ({time.perf_counter() - began:.0f} s)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
