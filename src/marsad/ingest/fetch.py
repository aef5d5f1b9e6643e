"""Fetching ``http(s)://`` inputs with urllib: a timeout, a size limit, clear failure reasons."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO

from marsad import __version__
from marsad.ingest.rejected import Rejected
from marsad.options import Options

_USER_AGENT = f"marsad/{__version__} (+offline-first news analysis)"


@dataclass(frozen=True)
class Fetched:
    """A fetched body with the final URL and the charset the server declared."""

    url: str
    data: bytes
    content_type: str
    charset: str | None


def is_url(value: str) -> bool:
    """True for an ``http://`` or ``https://`` input."""
    return value.lower().startswith(("http://", "https://"))


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (urllib would also follow ftp://)."""

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise Rejected(f"refused: redirect to a non-http(s) URL ({_scheme(newurl)})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch(url: str, options: Options) -> Fetched:
    """GET ``url``; raise :class:`Rejected` on connection errors, HTTP errors, timeouts and oversize bodies.

    Only ``http(s)://`` URLs are fetched, redirects included: a ``file://`` address found in a
    feed or page is never read.
    """
    if not is_url(url):
        raise Rejected(f"refused: only http(s) URLs are fetched ({_scheme(url)})")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    try:
        with _OPENER.open(request, timeout=options.timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > options.max_bytes:
                raise Rejected(f"too large ({int(length)} bytes, limit {options.max_bytes})")
            data = response.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                raise Rejected(f"too large (over {options.max_bytes} bytes)")
            return Fetched(response.geturl(), data, headers.get_content_type(), headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise Rejected(f"unreachable (HTTP {exc.code} {exc.reason})") from exc
    except urllib.error.URLError as exc:
        raise Rejected(f"unreachable ({_reason(exc.reason)})") from exc
    except TimeoutError as exc:
        raise Rejected(f"unreachable (timed out after {options.timeout:g} s)") from exc
    except (ConnectionError, OSError) as exc:
        raise Rejected(f"unreachable ({_reason(exc)})") from exc
    except (http.client.HTTPException, ValueError) as exc:
        raise Rejected(f"unreachable (bad HTTP response or URL: {type(exc).__name__})") from exc


def _scheme(url: str) -> str:
    """``file:``, ``ftp:``... as a URL names it, or "no scheme" for a relative link."""
    scheme = url.split(":", 1)[0].lower()
    return f"{scheme}:" if ":" in url and scheme.isascii() and scheme.isalpha() and len(scheme) <= 20 else "no scheme"


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror).lower()
    return str(reason)
