"""Store: the source of truth (documents, every layer, sources, corpus findings) and its read API."""

from marsad.store.store import Store, StoreError, StoreLocked

__all__ = ["Store", "StoreError", "StoreLocked"]
