"""The REST API over the seed store: answers, filters, offsets, errors, limits, security headers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from tests.server.conftest import PYONGYANG, seed_doc_id

from marsad.options import Options
from marsad.server.app import create_app
from marsad.server.backend import open_backend
from marsad.server.schemas import StoryDetail

PUTIN = "بوتين"
KIM = "كيم جونج أون"


def _entity_id(client: TestClient, name: str) -> str:
    items = client.get("/api/entities", params={"q": name, "type": "PER"}).json()["items"]
    assert items, name
    return str(items[0]["id"])


def _doc(client: TestClient, doc_id: str, cache: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if doc_id not in cache:
        cache[doc_id] = client.get(f"/api/documents/{doc_id}").json()
    return cache[doc_id]


def test_health_counts_the_seed_documents(client: TestClient) -> None:
    answer = client.get("/api/health").json()
    assert answer["status"] == "ok"
    assert answer["documents"] == 5


def test_story_list_is_newest_first_and_paged(client: TestClient) -> None:
    answer = client.get("/api/stories", params={"per_page": 1}).json()
    assert answer["total"] >= 3 and len(answer["items"]) == 1 and answer["page"] == 1
    everything = client.get("/api/stories").json()["items"]
    dated = [s["last_published"] for s in everything if s["last_published"]]
    assert dated == sorted(dated, reverse=True)
    assert PYONGYANG in everything[0]["title"]
    second = client.get("/api/stories", params={"per_page": 1, "page": 2}).json()["items"]
    assert second[0]["id"] == everything[1]["id"]


def test_story_filters(client: TestClient, pyongyang: dict[str, Any]) -> None:
    by_outlet = client.get("/api/stories", params={"outlet": "فيتو"}).json()["items"]
    assert [s["id"] for s in by_outlet] == [pyongyang["id"]]
    assert client.get("/api/stories", params={"since": "2025-01-01"}).json()["total"] == 0
    in_june = client.get("/api/stories", params={"since": "2024-06-01", "until": "2024-06-30"}).json()["items"]
    assert pyongyang["id"] in [s["id"] for s in in_june]
    putin = _entity_id(client, PUTIN)
    assert pyongyang["id"] in [s["id"] for s in client.get("/api/stories", params={"entity": putin}).json()["items"]]
    titled = client.get("/api/stories", params={"q": "أوريشنيك"}).json()["items"]
    assert titled and all(s["id"] != pyongyang["id"] for s in titled)


def test_pyongyang_story_timeline_quotes_and_copies(client: TestClient, pyongyang: dict[str, Any]) -> None:
    docs = {s["document"] for row in pyongyang["timeline"] for s in row["sources"]}
    assert len(docs) >= 3, "timeline entries come from at least three documents"
    assert all(row["date"][:1].isdigit() for row in pyongyang["timeline"])
    speakers = {q["speaker_name"] for q in pyongyang["quotes"] if q["speaker_name"]}
    assert any(PUTIN in s for s in speakers) and any(KIM in s for s in speakers), speakers
    first, second = seed_doc_id(pyongyang, "000"), seed_doc_id(pyongyang, "002")
    pairs = [{p["a"]["document"], p["b"]["document"]} for p in pyongyang["passages"]]
    assert pairs.count({first, second}) >= 3


def test_every_span_of_the_story_is_its_document_text(client: TestClient, pyongyang: dict[str, Any]) -> None:
    cache: dict[str, dict[str, Any]] = {}
    refs = [s for row in pyongyang["timeline"] for s in row["sources"]]
    refs += [s for c in pyongyang["claims"] for s in c["spans"]] + pyongyang["summary"] + pyongyang["quotes"]
    refs += [p[side] for p in pyongyang["passages"] for side in ("a", "b")]
    assert len(refs) > 50
    for ref in refs:
        text = _doc(client, ref["document"], cache)["text"]
        assert text[ref["start"]:ref["end"]] == ref["text"]


def test_document_layers_keep_offsets(client: TestClient, pyongyang: dict[str, Any]) -> None:
    doc = client.get(f"/api/documents/{seed_doc_id(pyongyang, '002')}").json()
    assert doc["mentions"] and doc["timexes"] and doc["quotes"] and doc["segments"]
    for layer in ("mentions", "timexes", "quotes"):
        for item in doc[layer]:
            assert doc["text"][item["start"]:item["end"]] == item["text"]
    assert pyongyang["id"] in [s["id"] for s in doc["stories"]]


def test_entity_detail(client: TestClient) -> None:
    putin = _entity_id(client, PUTIN)
    entity = client.get(f"/api/entities/{putin}").json()
    assert PUTIN in entity["name"] and entity["mentions"] > 20
    assert sum(d["count"] for d in entity["mentions_by_day"]) > 0
    assert entity["quotes_by"] and all(q["speaker"] == putin for q in entity["quotes_by"])
    assert all(q["speaker"] != putin for q in entity["quotes_about"])
    assert "كوريا الشمالية" in [c["name"] for c in entity["cooccurring"]]
    assert entity["stories"]


def test_quotes_by_speaker_and_story(client: TestClient, pyongyang: dict[str, Any]) -> None:
    kim = _entity_id(client, KIM)
    by_kim = client.get("/api/quotes", params={"speaker": kim}).json()
    assert by_kim["total"] > 0 and all(q["speaker"] == kim for q in by_kim["items"])
    in_story = client.get("/api/quotes", params={"story": pyongyang["id"], "per_page": 200}).json()
    assert in_story["total"] == len(pyongyang["quotes"])


def test_events_answer_a_page(client: TestClient) -> None:
    answer = client.get("/api/events", params={"since": "2024-01-01"}).json()
    assert answer["total"] == len(answer["items"]) or len(answer["items"]) == answer["per_page"]
    assert client.get("/api/events", params={"since": "not-a-date"}).status_code == 422


def test_search_finds_clitic_forms(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "بيونج يانج"}).json()["hits"]
    assert hits and all("[" in h["snippet"] for h in hits)
    assert client.get("/api/search").status_code == 422


def test_unknown_ids_are_json_404s(client: TestClient) -> None:
    for path in ("/api/stories/nope", "/api/entities/nope", "/api/documents/nope", "/api/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/json")
        assert "detail" in response.json()


def test_bad_parameters_are_422s(client: TestClient) -> None:
    assert client.get("/api/stories", params={"per_page": 0}).status_code == 422
    assert client.get("/api/stories", params={"page": -1}).status_code == 422
    assert client.get("/api/entities", params={"type": "PERSON"}).status_code == 422


def test_post_a_record_joins_the_pyongyang_story(writable_client: TestClient, pyongyang: dict[str, Any]) -> None:
    lead = pyongyang["documents"][0]
    body = writable_client.get(f"/api/documents/{lead['id']}").json()["text"]
    record = {"title": "بوتين يصل إلى بيونج يانج في زيارة لكوريا الشمالية", "text": body[200:3000],
              "date_publish": "2024-06-19", "source_domain": "example.org"}
    response = writable_client.post("/api/documents", json={"content": json.dumps(record, ensure_ascii=False),
                                                             "name": "record.json"})
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["id"] in answer["stories"]
    stored = writable_client.get(f"/api/documents/{answer['id']}").json()
    assert stored["text"].startswith(record["title"])
    story = writable_client.get(f"/api/stories/{answer['stories'][answer['id']]}").json()
    assert answer["id"] in [d["id"] for d in story["documents"]]


def test_post_rejects_what_the_cli_rejects(writable_client: TestClient) -> None:
    def post(payload: dict[str, Any]) -> tuple[int, Any]:
        response = writable_client.post("/api/documents", json=payload)
        return response.status_code, response.json()

    status, answer = post({"url": "file:///etc/passwd"})
    assert status == 422 and "http" in answer["detail"]
    assert post({"content": "نص", "url": "https://example.org/"})[0] == 422
    assert post({})[0] == 422
    assert post({"content": "نص عربي", "name": "../../etc/passwd"})[0] == 422
    status, answer = post({"content": "short english text only", "name": "a.txt"})
    assert status == 422 and "a.txt" in answer["detail"]


def test_post_size_limit(seed_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "marsad.db"
    shutil.copy(seed_store, copy)
    reader, ingest = open_backend(copy, Options(workers=1, progress=False))
    small = TestClient(create_app(reader, ingest, Options(max_bytes=1000, workers=1, progress=False)))
    response = small.post("/api/documents", json={"content": "ك" * 600, "name": "a.txt"})
    assert response.status_code == 413 and "1000" in response.json()["detail"]
    huge = small.post("/api/documents", content=b"x" * 80000, headers={"content-type": "application/json"})
    assert huge.status_code == 413


def test_security_headers_on_api_pages_and_errors(client: TestClient) -> None:
    for path in ("/api/health", "/", "/stories/nope", "/static/style.css", "/openapi.json"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_openapi_describes_typed_answers(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/health", "/api/stories", "/api/stories/{story_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/documents/{doc_id}", "/api/documents", "/api/quotes", "/api/events", "/api/search"):
        assert path in spec["paths"], path
    story = spec["components"]["schemas"]["StoryDetail"]["properties"]
    assert {"timeline", "claims", "summary", "quotes", "passages"} <= set(story)
    assert "/docs" not in spec["paths"] and client.get("/docs").status_code == 404


def test_a_fault_is_a_json_500_without_internals(seed_store: Path) -> None:
    reader, ingest = open_backend(seed_store, Options(workers=1, progress=False))

    def broken(story_id: str) -> None:
        raise RuntimeError("secret internals")

    reader.story = broken  # type: ignore[method-assign,assignment]
    faulty = TestClient(create_app(reader, ingest), raise_server_exceptions=False)
    response = faulty.get("/api/stories/x")
    assert response.status_code == 500 and "secret" not in response.text
    assert response.json() == {"detail": "internal server error"}


def test_a_story_is_served_exactly_as_its_schema_says(client: TestClient) -> None:
    # /api/stories/{id} sends the reader's JSON without re-encoding it through the response model: every story
    # must validate and lose nothing in a round trip through StoryDetail (no field the schema does not name).
    for item in client.get("/api/stories").json()["items"]:
        answer = client.get(f"/api/stories/{item['id']}").json()
        assert json.loads(StoryDetail.model_validate(answer).model_dump_json()) == answer
