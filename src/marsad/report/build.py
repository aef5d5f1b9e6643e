"""The report contract ``marsad.report/1``: documents, entities, stories, duplicates, errors as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from marsad import __version__
from marsad.corpus.result import CorpusResult
from marsad.model import Document, InputError

SCHEMA_ID = "marsad.report/1"


def document_json(doc: Document) -> dict[str, Any]:
    """One document as its report object (every layer, offsets into ``text``)."""
    return asdict(doc)


def build_report(docs: list[Document], corpus: CorpusResult, errors: list[InputError]) -> dict[str, Any]:
    """The whole report object."""
    return {
        "schema": SCHEMA_ID,
        "generated_by": {"name": "marsad", "version": __version__},
        "documents": [document_json(d) for d in docs],
        "entities": [asdict(e) for e in corpus.entities],
        "stories": [asdict(s) for s in corpus.stories],
        "duplicates": [asdict(d) for d in corpus.duplicates],
        "errors": [asdict(e) for e in errors],
    }


def dumps(report: dict[str, Any]) -> str:
    """Serialise a report (UTF-8 JSON, Arabic kept readable)."""
    return json.dumps(report, ensure_ascii=False, indent=1)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the report."""
    raw = resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded
