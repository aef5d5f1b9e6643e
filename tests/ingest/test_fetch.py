"""URL and RSS/Atom feed inputs, fetched from an http.server started on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad.ingest.raw import RawDocument
from marsad.ingest.read import read_inputs
from marsad.model import InputError, Published
from marsad.options import Options

OPTIONS = Options(timeout=2.0)


def _page(title: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="ar"><head><meta charset="{charset}"><title>{title}</title>'
        f'<meta name="author" content="عصام كامل"></head>'
        f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )


@pytest.fixture(scope="module")
def site(shared_dir: Path) -> Iterator[tuple[str, dict[str, bytes]]]:
    """Serve two article pages, an RSS and an Atom feed, plain text, a 404 and a slow page."""
    seed = next((shared_dir / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in seed.split("\n\n") if len(p) > 120]
    routes: dict[str, tuple[str, bytes]] = {
        "/one.html": ("text/html", _page("بوتين في زيارة لكوريا الشمالية", paragraphs[:3]).encode("utf-8")),
        # Windows-1256 declared only in the HTTP header.
        "/two.html": ("text/html; charset=windows-1256",
                      _page("قمة نووية", paragraphs[3:6]).replace('<meta charset="utf-8">', "").encode("cp1256")),
        "/page.txt": ("text/plain; charset=utf-8", seed.encode("utf-8")),
        "/english.html": ("text/html", _page("Hello", ["This page is in English only."] * 3).encode()),
    }
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>فيتو</title>'
        "<item><title>بوتين في زيارة لكوريا الشمالية</title><link>/one.html</link>"
        "<pubDate>Tue, 18 Jun 2024 10:00:00 GMT</pubDate></item>"
        "<item><title>قمة نووية</title><link>{base}/two.html</link></item>"
        "<item><title>مفقود</title><link>{base}/gone.html</link></item>"
        "</channel></rss>"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>فيتو</title>'
        '<entry><title>قمة نووية</title><link rel="alternate" href="{base}/two.html"/>'
        "<updated>2024-06-18T10:00:00Z</updated></entry></feed>"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{port}"
            if self.path in ("/redirect.html", "/redirect-ftp.html"):
                self.send_response(302)
                self.send_header("Location", "file:///etc/hostname" if self.path == "/redirect.html" else "ftp://x/y")
                self.end_headers()
                return
            if self.path == "/slow.html":
                time.sleep(1.5)  # longer than the client's timeout: nobody reads the answer
                return
            if self.path in ("/rss.xml", "/atom.xml"):
                xml = (rss if self.path == "/rss.xml" else atom).replace("{base}", base)
                route: tuple[str, bytes] | None = ("application/xml", xml.encode("utf-8"))
            else:
                route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            try:
                self.send_response(200)
                self.send_header("Content-Type", route[0])
                self.send_header("Content-Length", str(len(route[1])))
                self.end_headers()
                self.wfile.write(route[1])
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", {k: v[1] for k, v in routes.items()}
    finally:
        server.shutdown()
        server.server_close()


def read(*inputs: str, options: Options = OPTIONS) -> list[RawDocument | InputError]:
    return list(read_inputs(list(inputs), options))


def test_html_url(site: tuple[str, dict[str, bytes]]) -> None:
    base, _ = site
    [doc] = read(f"{base}/one.html")
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.format, doc.url) == (f"{base}/one.html", "html", f"{base}/one.html")
    assert doc.title == "بوتين في زيارة لكوريا الشمالية"
    assert doc.author == "عصام كامل"
    assert "زيارة لكوريا الشمالية" in doc.text and "الرئيسية" not in doc.text


def test_http_header_charset_windows_1256(site: tuple[str, dict[str, bytes]]) -> None:
    base, _ = site
    [doc] = read(f"{base}/two.html")
    assert isinstance(doc, RawDocument)
    assert doc.title == "قمة نووية"
    assert "بوتين" in doc.text


def test_plain_text_url_is_the_decoded_body(site: tuple[str, dict[str, bytes]]) -> None:
    base, routes = site
    [doc] = read(f"{base}/page.txt")
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.text) == ("txt", routes["/page.txt"].decode("utf-8"))


def test_rss_feed_fetches_each_item(site: tuple[str, dict[str, bytes]]) -> None:
    base, _ = site
    items = read(f"{base}/rss.xml")
    assert [(type(i).__name__, i.source if isinstance(i, RawDocument) else i.input) for i in items] == [
        ("RawDocument", f"{base}/one.html"),  # relative link resolved against the feed URL
        ("RawDocument", f"{base}/two.html"),
        ("InputError", f"{base}/gone.html"),
    ]
    first, second, gone = items
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument) and isinstance(gone, InputError)
    assert first.extra["feed"] == f"{base}/rss.xml"
    # the page states no date: the item's RFC 822 pubDate is the publication date
    assert (first.date, first.extra["date_field"]) == ("Tue, 18 Jun 2024 10:00:00 GMT", "feed")
    assert first.published == Published("2024-06-18T10:00:00", "metadata")
    assert first.input == f"{base}/rss.xml"
    assert second.published is None
    assert gone.reason == "unreachable (HTTP 404 Not Found)"


def test_atom_feed(site: tuple[str, dict[str, bytes]]) -> None:
    base, _ = site
    [doc] = read(f"{base}/atom.xml")
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.title) == (f"{base}/two.html", "قمة نووية")
    assert doc.published == Published("2024-06-18T10:00:00", "metadata")  # the entry's <updated>


def test_redirect_to_a_local_file_is_refused(site: tuple[str, dict[str, bytes]]) -> None:
    base, _ = site
    [error] = read(f"{base}/redirect.html")  # urllib itself refuses file: redirects
    assert isinstance(error, InputError) and "not allowed" in error.reason
    assert read(f"{base}/redirect-ftp.html") == [  # and marsad refuses what urllib would follow
        InputError(f"{base}/redirect-ftp.html", "refused: redirect to a non-http(s) URL (ftp:)")
    ]


def test_unreachable_urls_each_give_one_error(site: tuple[str, dict[str, bytes]]) -> None:
    base, _ = site
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = f"http://127.0.0.1:{closed_port}/x.html"
    items = read(f"{base}/missing.html", refused, f"{base}/slow.html", f"{base}/english.html", f"{base}/one.html",
                 options=Options(timeout=0.5))
    reasons = {i.input: i.reason for i in items if isinstance(i, InputError)}
    assert reasons == {
        f"{base}/missing.html": "unreachable (HTTP 404 Not Found)",
        refused: "unreachable (connection refused)",
        f"{base}/slow.html": "unreachable (timed out after 0.5 s)",
        f"{base}/english.html": reasons[f"{base}/english.html"],
    }
    assert reasons[f"{base}/english.html"].startswith("not Arabic")
    assert isinstance(items[-1], RawDocument)


def test_url_over_size_limit(site: tuple[str, dict[str, bytes]]) -> None:
    base, routes = site
    [error] = read(f"{base}/page.txt", options=Options(max_bytes=100))
    assert error == InputError(f"{base}/page.txt", f"too large ({len(routes['/page.txt'])} bytes, limit 100)")
