"""The pipeline assembled in one place: named components, declared layers, faults that stay with their document."""

from __future__ import annotations

import pytest

import marsad.pipeline
from marsad.ingest.raw import RawDocument
from marsad.model import Document, InputError
from marsad.options import Options
from marsad.pipeline import Component, Job, analyze_batch, check_order, component, components, corpus_steps

TEXT = "قال وزير الخارجية اليوم إن المحادثات مع الوفد الروسي في موسكو كانت مثمرة وستستمر الأسبوع المقبل."


def test_components_are_named_and_ordered_by_what_they_need() -> None:
    assert [c.name for c in components()] == ["time", "entities", "quotes", "events"]
    check_order(components())
    with pytest.raises(ValueError, match="quotes requires mentions"):
        check_order([component("time"), component("quotes")])
    assert [s.name for s in corpus_steps()] == [
        "sources", "dates", "duplicates", "entities", "entity_ids", "event_actors", "stories"
    ]


def test_a_batch_component_that_fails_is_retried_document_by_document(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def per_doc(doc: Document) -> None:
        if "سيئ" in doc.text:
            raise ValueError("bad page")
        doc.metadata["checked"] = "yes"

    def per_batch(docs: list[Document]) -> None:
        seen.append(len(docs))
        for doc in docs:
            per_doc(doc)

    real = marsad.pipeline.components
    monkeypatch.setattr(
        marsad.pipeline, "components", lambda: [*real(), Component("check", ("segments",), (), per_doc, per_batch)]
    )
    jobs = [Job(RawDocument(f"in{i}", "txt", TEXT + (" سيئ" if i == 1 else ""))) for i in range(3)]
    out = list(analyze_batch(jobs, Options()))
    assert seen == [3]
    assert isinstance(out[1], InputError) and out[1].reason == "check failed: ValueError: bad page"
    assert out[1].input == "in1"
    good = [d for d in out if isinstance(d, Document)]
    assert len(good) == 2 and all(d.metadata["checked"] == "yes" and d.mentions for d in good)
