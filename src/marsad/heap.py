"""Giving freed heap memory back to the operating system after a large piece of work.

glibc's allocator keeps the pages it has freed inside its heaps (only the top of the main
heap is returned, past a threshold), so a process that once held a large batch — a chunk
of documents analysed, the members of a few hundred stories described — keeps that
resident memory for the rest of the run, and the run's processes together hold the sum
of their high-water marks.  :func:`release_memory` calls ``malloc_trim(0)``, which returns
every free page of every heap; it does nothing where the C library is not glibc.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any


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
