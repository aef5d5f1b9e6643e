"""Documents posted to the server: read with the CLI's rules, analysed by the product pipeline, joined to stories.

A posted document is either content received whole (a page, a text, a JSON record or
JSON Lines of records, its kind told by the file name's extension) or an ``http(s)``
URL to fetch; both obey the CLI's size limit.  :data:`Ingest` is the function that
analyses them and makes them readable; :class:`MemoryIngest` does it for a
:class:`~marsad.server.reader.MemoryReader`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from marsad.api import analyze_items
from marsad.ingest.fetch import is_url
from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_bytes, read_inputs
from marsad.model import Document, InputError
from marsad.options import Options
from marsad.pipeline import analyze_corpus
from marsad.server.reader import MemoryReader

Item = RawDocument | InputError


@dataclass
class Ingested:
    """What a post added: the new documents' ids, the story each joined, and the rejected inputs."""

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


def story_of(doc_id: str, stories: Iterable[tuple[str, list[str]]]) -> str | None:
    """The id of the first story listing ``doc_id``."""
    return next((sid for sid, docs in stories if doc_id in docs), None)


class MemoryIngest:
    """Analyse posted documents into a :class:`MemoryReader`, rerunning the corpus steps over all documents."""

    def __init__(self, docs: list[Document], options: Options) -> None:
        self._docs = list(docs)
        self._options = options
        self._lock = threading.Lock()
        self.reader = MemoryReader([], [], [], [])
        self._rebuild()

    def _rebuild(self) -> list[tuple[str, list[str]]]:
        corpus = analyze_corpus(self._docs)
        self.reader.load(self._docs, corpus.entities, corpus.stories, corpus.duplicates)
        return [(s.id, s.documents) for s in corpus.stories]

    def __call__(self, items: Iterable[Item]) -> Ingested:
        """Analyse ``items``, keep the documents not already held, and rebuild the corpus findings."""
        analysis = analyze_items(items, self._options)
        out = Ingested(documents=[d.id for d in analysis.documents], errors=analysis.errors)
        with self._lock:
            held = {d.id for d in self._docs}
            self._docs.extend(d for d in analysis.documents if d.id not in held)
            stories = self._rebuild()
        out.stories = {d: sid for d in out.documents if (sid := story_of(d, stories)) is not None}
        return out
