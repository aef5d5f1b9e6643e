"""Giving freed heap memory back to the operating system after a large piece of work.

glibc's allocator keeps the pages it has freed inside its heaps (only the top of the main
heap is returned, past a threshold), so a process that once held a large batch — a chunk
of documents analysed, the members of a few hundred stories described — keeps that
resident memory for the rest of the run, and the run's processes together hold the sum
of their high-water marks.  :func:`release_memory` calls ``malloc_trim(0)``, which returns
every free page of every heap; it does nothing where the C library is not glibc.

The process that writes the store holds each batch's documents while it relates them: a few hundred thousand
objects that survive CPython's young collections and soon trigger full ones, each walking every live object
(gen2 collections were about a fifth of that process's CPU on 1,000 SaudiNewsNet articles).
:func:`fewer_collections` lets many more allocations pass between young collections, so that most of a batch's
objects are freed by their reference counts before any collection sees them; it changes when cyclic garbage is
collected, never what is computed.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

# Allocations (less deallocations) between two young collections in the writing process (CPython's default is 700).
YOUNG_ALLOCATIONS = 50_000


@cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None (not Linux, or another C library)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)


def release_memory() -> bool:
    """Return the free pages of the C heaps to the operating system; False when the C library cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@contextmanager
def fewer_collections() -> Iterator[tuple[int, int, int]]:
    """Collect young objects only every :data:`YOUNG_ALLOCATIONS` allocations inside the block; yield the
    thresholds in force before it (a process started inside, such as a worker, can set them back) and restore
    them after it."""
    saved = gc.get_threshold()
    gc.set_threshold(max(saved[0], YOUNG_ALLOCATIONS), *saved[1:])
    try:
        yield saved
    finally:
        gc.set_threshold(*saved)


def set_aside_survivors() -> None:
    """Collect the garbage now, then leave every object still alive out of all later collections (``gc.freeze``).

    For a worker between two chunks of documents: what survives a chunk is its lasting state (models, lexicons,
    caches), which each full collection would otherwise walk again; objects set aside are still freed by their
    reference counts, and later garbage is collected as before.  What an earlier call set aside is taken back
    first, so that a cycle among objects set aside (a cache entry evicted since) is not kept for ever.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()

