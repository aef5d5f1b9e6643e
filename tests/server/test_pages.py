"""The HTML pages over the seed store, read as HTML (the browser tests drive them in Chromium)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.server import routes_pages
from marsad.server.routes_pages import outlet_badge, passage_order, per_document


def test_pages_are_arabic_right_to_left_without_script(client: TestClient, pyongyang: dict[str, Any]) -> None:
    doc = pyongyang["documents"][0]["id"]
    for path in ("/", "/entities", "/search?q=كوريا", f"/stories/{pyongyang['id']}", f"/documents/{doc}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="ar" dir="rtl">' in response.text
        assert "<script" not in response.text and " style=" not in response.text


def test_story_list_filters_by_entity_name(client: TestClient, pyongyang: dict[str, Any]) -> None:
    page = client.get("/", params={"entity": "بوتين"}).text
    assert pyongyang["title"] in page and "فلاديمير بوتين" in page
    assert "لا توجد قصص" in client.get("/", params={"since": "2030-01-01"}).text


def test_document_page_marks_the_cited_passage(client: TestClient, pyongyang: dict[str, Any]) -> None:
    ref = pyongyang["timeline"][0]["sources"][0]
    page = client.get(f"/documents/{ref['document']}", params={"mark": f"{ref['start']}-{ref['end']}"}).text
    assert 'id="mark"' in page and 'class="mark"' in page
    assert 'class="mark"' not in client.get(f"/documents/{ref['document']}", params={"mark": "x-1"}).text


def test_long_story_sections_are_paged_one_section_at_a_time(
    client: TestClient, pyongyang: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The seeds' story is small: shrink the pages so that each long section spans several.
    monkeypatch.setattr(routes_pages, "SECTION_SIZES", {"timeline": 10, "claims": 1, "copies": 3, "documents": 2})
    path = f"/stories/{pyongyang['id']}"
    first = client.get(path).text
    entries = len(pyongyang["timeline"])
    assert entries > 10 and first.count('<li class="entry">') == 10
    assert f"1–10 من {entries}" in first
    assert '<a href="?timeline=2&amp;claims=1&amp;copies=1&amp;documents=1#timeline">' in first
    second = client.get(path, params={"timeline": 2, "copies": 2}).text
    assert f"11–20 من {entries}" in second and second.count('<li class="entry">') == 10
    dates = re.findall(r'<time class="when" dir="ltr">([^<]+)</time>', first + second)
    assert dates == [row["date"] for row in pyongyang["timeline"][:20]]
    copies = len(pyongyang["passages"])
    assert f"4–6 من {copies}" in second and second.count('<div class="copy">') == 3
    # a page past the end shows the last page; a page 0 is refused
    last = client.get(path, params={"documents": 999}).text
    docs = len(pyongyang["documents"])
    assert f"من {docs} · صفحة {-(-docs // 2)} من {-(-docs // 2)}" in last
    assert client.get(path, params={"timeline": 0}).status_code == 422


def test_unknown_pages_are_arabic_404s(client: TestClient) -> None:
    response = client.get("/stories/nope")
    assert response.status_code == 404 and "لا توجد قصة" in response.text
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/entities/nope").status_code == 404


def _side(doc: str, published: str | None) -> dict[str, Any]:
    return {"document": doc, "start": 0, "end": 4, "text": "نص", "published": published}


def test_copied_passages_say_who_ran_first_at_the_precision_known() -> None:
    earlier, later = _side("a", "2024-06-17"), _side("b", "2024-06-18T09:00")
    first, second, how = passage_order({"a": later, "b": earlier, "earliest": None})
    assert (first["document"], second["document"], how) == ("a", "b", "first")
    timed = _side("c", "2024-06-18T20:16")
    assert passage_order({"a": timed, "b": later, "earliest": None})[0]["document"] == "b"
    assert passage_order({"a": _side("d", "2024-06-18"), "b": timed, "earliest": None})[2] == "same-day"
    assert passage_order({"a": _side("d", "2024-06-18"), "b": _side("e", None), "earliest": None})[2] == "unknown"
    assert passage_order({"a": timed, "b": later, "earliest": "c"})[0]["document"] == "c"


def test_a_page_naming_no_publisher_is_labelled_so_and_outlets_stay_inert() -> None:
    unnamed = str(outlet_badge({"outlet": None, "url": None, "source": "../seeds/001_c4de.txt"}))
    assert unnamed.startswith('<span class="unnamed">ناشر غير مذكور</span>') and "001_c4de.txt" in unnamed
    assert outlet_badge({"outlet": None, "url": "https://www.youm7.com/story/1", "source": "x"}) == "youm7.com"
    hostile = str(outlet_badge({"outlet": None, "url": None, "source": "<img src=x onerror=alert(1)>\u202e.txt"}))
    assert "<img" not in hostile and "\u202e" not in hostile


def test_timeline_sources_are_one_badge_per_document() -> None:
    refs = [_side("a", None), _side("b", None), _side("a", None), _side("a", None)]
    assert [(r["document"], n) for r, n in per_document(refs)] == [("a", 3), ("b", 1)]
