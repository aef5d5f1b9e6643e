"""Seed documents for the corpus tests, split into main/appended segments by hand.

Until every seed goes through the page stage in these tests, each seed's article
boundaries are given here as marker strings read off the pages (first words of the
article title, first words after its last paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.model import Document, Published, Segment, SegmentKind

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# seed file prefix -> (outlet, published, [(kind, start marker, end marker or None, title line)])
SEEDS: dict[str, tuple[str, str, list[tuple[SegmentKind, str, str | None]]]] = {
    "000": ("vetogate", "2024-06-18T10:00:00", [("main", 'بوتين وكيم "قمة نووية', "ونقدم لكم من خلال موقع")]),
    "001": ("youm7", "2024-06-18T20:16:00", [("main", "بوتين في زيارة تاريخية", "الكلمات الدالة")]),
    "002": (
        "omandaily",
        "2024-06-18T12:00:00",
        [
            ("main", 'عواصم "وكالات"', "كلمات دلالية"),
            ("appended", "بوتين يرسل برقيتي شكر إلى قيادتي كوريا الديمقراطية وفيتنام\n\nبعث", "مقالات مشابهة"),
        ],
    ),
    "003": ("alsouria", "2023-09-05T09:00:00", [("main", "بوتين وكيم.. قمة منتظرة", "شاهد أيضاً")]),
    "004": (
        "aawsat",
        "2023-09-14T00:00:00",
        [
            ("main", "بوتين لـ«تعاون استراتيجي» وكيم", "مقالات ذات صلة"),
            ("appended", "بوتين يأمر بـ«اختبارات»", None),
        ],
    ),
}


def seed_document(prefix: str) -> Document:
    """Build the seed document ``prefix`` with its hand-split article segments."""
    path = next((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    outlet, published, parts = SEEDS[prefix]
    doc = Document(
        id=prefix, source=str(path), format="txt", text=text, outlet=outlet,
        published=Published(published, "metadata"),
    )
    for n, (kind, start_marker, end_marker) in enumerate(parts):
        start = text.index(start_marker)
        end = text.index(end_marker, start) if end_marker else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        title_end = text.index("\n", start)
        doc.segments.append(Segment(f"{prefix}:{n}", kind, start, end, title=doc.span(start, title_end)))
    return doc


@pytest.fixture(scope="session")
def seed_docs() -> list[Document]:
    """The five seed documents."""
    return [seed_document(p) for p in sorted(SEEDS)]
