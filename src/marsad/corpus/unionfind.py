"""Union-find (disjoint sets) over hashable items: the one grouping structure of the corpus steps.

``find`` follows parent links with path halving; ``union`` links the larger root under the
smaller one, so the representative of a set is its smallest item and groups come out the
same whatever order the pairs are given in.  Near-constant time per operation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, Protocol, TypeVar


class _Ordered(Protocol):
    def __hash__(self) -> int: ...
    def __lt__(self, other: Any, /) -> bool: ...


T = TypeVar("T", bound=_Ordered)


class UnionFind(Generic[T]):
    """Disjoint sets of items; an item is added on first sight."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        """Start with each of ``items`` in a set of its own."""
        self.parent: dict[T, T] = {}
        for item in items:
            self.find(item)

    def find(self, item: T) -> T:
        """The representative (smallest item) of ``item``'s set."""
        parent = self.parent
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, b: T) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True

    def groups(self) -> dict[T, list[T]]:
        """Every set, as representative → members (in insertion order)."""
        out: dict[T, list[T]] = {}
        for item in list(self.parent):
            out.setdefault(self.find(item), []).append(item)
        return out
