"""The HTML pages over the seed store, read as HTML (the browser tests drive them in Chromium)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


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


def test_unknown_pages_are_arabic_404s(client: TestClient) -> None:
    response = client.get("/stories/nope")
    assert response.status_code == 404 and "لا توجد قصة" in response.text
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/entities/nope").status_code == 404
