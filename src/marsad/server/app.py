"""The FastAPI application: REST under ``/api``, Arabic pages under ``/``, strict security headers.

:func:`create_app` takes the :class:`~marsad.server.reader.ReadAPI` to read and the
:data:`~marsad.server.ingest.Ingest` function that analyses and stores posted documents,
so the same application serves a store file or an analysis held in memory (tests).
Errors under ``/api`` are JSON ``{"detail": ...}`` with their status code (503 when the
store cannot answer, 500 with no internals for a fault); pages get an Arabic error page.  No interactive docs page is mounted (it would load scripts from a
CDN); the OpenAPI description is at ``/openapi.json``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from importlib import resources

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.options import Options
from marsad.server.ingest import Ingest
from marsad.server.reader import ReadAPI
from marsad.server.routes_api import api_router
from marsad.server.routes_pages import pages_router, render_error
from marsad.store.store import StoreError

logger = logging.getLogger(__name__)

# No inline script or style anywhere: every script and stylesheet is a file under /static.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# A posted body is JSON: ASCII-escaped Arabic takes 6 bytes a character (\uXXXX) for 2 in UTF-8.
JSON_OVERHEAD = 4
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def create_app(reader: ReadAPI, ingest: Ingest, options: Options | None = None) -> FastAPI:
    """The application over ``reader``; POSTed documents are read with ``options`` (the CLI's limits) and go through ``ingest``."""
    options = options or Options(workers=1, progress=False)
    max_bytes = options.max_bytes
    app = FastAPI(
        title="marsad",
        version=__version__,
        description="مرصد: Arabic news intelligence. Every span has offsets with text == document.text[start:end].",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = reader
    app.state.ingest = ingest
    app.state.options = options
    static = resources.files("marsad.server").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > JSON_OVERHEAD * max_bytes + 65536:
            return JSONResponse({"detail": f"request too large (limit {max_bytes} bytes)"}, status_code=413,
                                headers=SECURITY_HEADERS)
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return render_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers=SECURITY_HEADERS)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        logger.exception("error answering %s", request.url.path)
        return JSONResponse({"detail": "internal server error"}, status_code=500, headers=SECURITY_HEADERS)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        return render_error(request, 422, "طلب غير صالح")

    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, object]]:
    """Validation errors without the offending input echoed back (it may be large or hostile)."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()]
