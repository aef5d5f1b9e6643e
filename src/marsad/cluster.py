"""Running the per-document stage on a Dask distributed cluster (``marsad analyze --cluster``).

``local:N`` starts a :class:`distributed.LocalCluster` of N single-threaded worker
processes on this machine (bound to 127.0.0.1); ``tcp://HOST:PORT`` joins a running
scheduler (``dask scheduler`` on one machine, ``dask worker tcp://HOST:PORT`` on each of
the others, every machine with marsad installed).  The cluster only analyses: each batch
that ``marsad analyze`` reads is cut into one chunk per worker, the chunks run on the
workers, and the analysed documents stream back, in input order, to the one process that
writes the store and runs the corpus steps beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from marsad.options import OptionsError

T = TypeVar("T")


class Cluster:
    """A Dask client (and, for ``local:N``, the local cluster it started) that maps functions over chunks."""

    def __init__(self, spec: str) -> None:
        """Start or join the cluster named by ``spec`` (``local:N`` or ``tcp://HOST:PORT``)."""
        from distributed import Client, LocalCluster

        self._cluster: Any = None
        if spec.startswith("local:"):
            try:
                workers = int(spec.partition(":")[2])
            except ValueError:
                workers = 0
            if workers < 1:
                raise OptionsError(f"cluster {spec!r}: local:N needs a whole number of workers, at least 1")
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=40,
            )
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        elif spec.startswith("tcp://"):
            self._client = Client(spec, timeout="20s")  # type: ignore[no-untyped-call]
        else:
            raise OptionsError(f"cluster {spec!r}: give local:N or tcp://HOST:PORT")
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def map(self, function: Callable[..., T], *iterables: Iterable[Any]) -> Iterator[T]:
        """``function`` over the zipped ``iterables`` on the workers, submitted at once; results in input order as
        they are needed."""
        futures = self._client.map(function, *(list(items) for items in iterables), pure=False)
        return (future.result() for future in futures)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Close the client, and the local cluster when this process started it."""
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()
