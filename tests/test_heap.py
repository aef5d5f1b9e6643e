"""Freed heap memory goes back to the operating system."""

from __future__ import annotations

import gc
import os
import sys
import weakref

import pytest

from marsad.api import _Processes
from marsad.heap import YOUNG_ALLOCATIONS, fewer_collections, release_memory, set_aside_survivors


def _resident() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim is Linux-only")
def test_release_memory_returns_free_pages_inside_the_heap() -> None:
    blocks = [bytearray(2000) for _ in range(40_000)]  # 80 MB of malloc'd blocks (too large for pymalloc)
    kept = blocks[::50]  # one block in fifty stays, so the freed ones are holes inside the heap, not at its top
    del blocks
    before = _resident()
    assert release_memory()
    assert before - _resident() > 50 * 2**20
    assert len(kept) == 800


def test_fewer_collections_inside_the_block_only_and_not_in_the_workers() -> None:
    before = gc.get_threshold()
    with fewer_collections() as saved:
        assert saved == before
        assert gc.get_threshold() == (max(before[0], YOUNG_ALLOCATIONS), *before[1:])
        pool = _Processes(2, saved)
        try:  # a worker started inside the block collects as the process did before it
            assert set(pool.map(_threshold, range(2))) == {before}
        finally:
            pool.shutdown()
    assert gc.get_threshold() == before


def _threshold(_n: int) -> tuple[int, int, int]:
    return gc.get_threshold()


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_set_aside_survivors_collects_garbage_and_freezes_the_rest() -> None:
    lasting = [_Node() for _ in range(100)]
    cycle = _Node()
    cycle.other = _Node()
    cycle.other.other = cycle  # garbage only a collection frees
    gone = weakref.ref(cycle)
    del cycle
    gc.unfreeze()
    try:
        set_aside_survivors()
        assert gone() is None  # collected first
        tracked = {id(o) for o in gc.get_objects()}
        assert not any(id(node) in tracked for node in lasting)  # the survivors are left out of later collections
        # a cycle set aside by one call and garbage since is collected by the next
        was_set_aside = _Node()
        was_set_aside.other = _Node()
        was_set_aside.other.other = was_set_aside
        set_aside_survivors()
        evicted = weakref.ref(was_set_aside)
        del was_set_aside
        set_aside_survivors()
        assert evicted() is None
    finally:
        gc.unfreeze()
