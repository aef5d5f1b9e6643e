"""Every source of a repeated text: one document keeps the earliest publication among them.

A text that several inputs carried (two outlets running one wire story, a feed and a
file) is one document with several :class:`~marsad.model.DocumentSource` records.  Its
``published`` becomes the earliest publication any source gives (so that "who ran it
first" and copied passages' ``earliest`` count from the first appearance), its outlet the
first outlet known, and its time expressions are normalised again against the new date.
"""

from __future__ import annotations

from marsad.corpus.result import CorpusResult
from marsad.extract.time.annotate import annotate
from marsad.model import Document, Published


def earliest_source(doc: Document) -> Published | None:
    """The earliest publication among the document's own date and its sources' (``None`` when none is dated)."""
    dated = [(s.published, s.basis) for s in doc.sources if s.published and s.basis]
    if doc.published is not None:
        dated.append((doc.published.value, doc.published.basis))
    if not dated:
        return None
    value, basis = min(dated, key=lambda vb: (vb[0][:10], vb[0]))
    return Published(value, basis)


def apply_sources(docs: list[Document], result: CorpusResult) -> None:
    """Corpus step: give each document with several sources its earliest publication and a known outlet."""
    del result
    for doc in docs:
        if len(doc.sources) < 2:
            continue
        if doc.outlet is None:
            doc.outlet = next((s.outlet for s in doc.sources if s.outlet), None)
        earliest = earliest_source(doc)
        if earliest is not None and earliest != doc.published:
            doc.published = earliest
            annotate(doc)
