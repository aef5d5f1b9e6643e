"""Documents posted to the server, read with the CLI's rules.

A posted document is either content received whole (a page, a text, a JSON record or
JSON Lines of records, its kind told by the file name's extension) or an ``http(s)``
URL to fetch; both obey the CLI's size limit.  :data:`Ingest` is the function that
analyses them into the store (:class:`marsad.server.backend.StoreIngest`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from marsad.ingest.fetch import is_url
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_bytes, read_inputs
from marsad.model import InputError
from marsad.options import Options

Item = RawDocument | InputError


@dataclass
class Ingested:
    """What a post added: the documents' ids, the story each joined, and the rejected inputs."""

    documents: list[str] = field(default_factory=list)
    stories: dict[str, str] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)


Ingest = Callable[[Iterable[Item]], Ingested]


def posted_items(content: bytes | None, name: str, url: str | None, options: Options) -> Iterator[Item]:
    """The raw documents of a post: ``content`` read as the file ``name`` would be, or the page at ``url``."""
    if url is not None:
        if not is_url(url):
            yield InputError(url, "only http(s) URLs are fetched")
            return
        yield from read_inputs([url], options)
    elif content is not None:
        yield from read_bytes(content, name, options)
