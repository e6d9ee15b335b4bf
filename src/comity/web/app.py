"""The FastAPI application: REST API under ``/api``, the web interface under ``/``.

:func:`create_app` wires a :class:`comity.store.Store` into the API routes
(:mod:`comity.web.api`), JSON error handlers, a request size limit and the static
front-end (``static/``: hand-written HTML, CSS and JavaScript, no CDN, no build step).
The OpenAPI page ``/docs`` (Swagger UI) loads its script, style and icon from this server
too, under ``/static-offline-docs``: the files ship in the ``fastapi-offline`` package (a
locked dependency), so nothing is fetched from a CDN. There is no ``/redoc``: ReDoc's
bundle always loads its logo from Redocly's CDN.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from comity import __version__
from comity.errors import ComityError, NotFoundError, StoreError
from comity.model import Document, ExtractionResult

if TYPE_CHECKING:
    from comity.store import Store

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).with_name("static")
DEFAULT_MAX_BODY = 1_000_000

#: the web pages may load scripts, styles and data from this server only
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
#: the Swagger UI page (FastAPI writes it with an inline script): its files, the schema and
#: "Try it out" requests still come from this server only
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
#: where the Swagger UI files of ``fastapi-offline`` are served
DOCS_ASSETS_URL = "/static-offline-docs"

Extractor = Callable[[Iterable[Document]], Iterable[ExtractionResult]]
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of every error response: ``{"error": {status, message, ...}}``."""
    return {"error": {"status": status, "message": message, **extra}}


def _error(status: int, message: str, headers: dict[str, str] | None = None,
           **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, **extra), status_code=status,
                        headers=headers)


class BodyLimit:
    """ASGI middleware refusing request bodies larger than ``max_body`` bytes with 413.

    It checks ``Content-Length`` first and, for bodies sent without one (chunked), counts
    the bytes as they arrive; a body within the limit is replayed to the application.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def _too_large(self, send: Send) -> None:
        body = json.dumps(error_body(
            413, f"request body too large: the limit is {self.max_body} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._too_large(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        data = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _validation_message(errors: Iterable[Any]) -> tuple[str, list[dict[str, Any]]]:
    problems = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        where = loc[0] if loc else "request"
        field = ".".join(loc[1:]) or where
        problems.append({"in": where, "field": field, "problem": err.get("msg", "invalid"),
                         "input": err.get("input") if where != "body" else None})
    text = "; ".join(f"{p['in']} {p['field']}: {p['problem']}" for p in problems)
    return f"invalid request: {text}", problems


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, problems = _validation_message(exc.errors())
        return _error(422, message, problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and not request.url.path.startswith("/api/"):
            detail = f"no such page: {request.url.path}"
        elif exc.status_code == 404 and exc.detail == "Not Found":
            detail = f"no such endpoint: {request.method} {request.url.path}"
        else:
            detail = str(exc.detail)
        return _error(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, exc)
        return _error(500, f"database error: {exc}")

    @app.exception_handler(ComityError)
    async def _comity(request: Request, exc: ComityError) -> JSONResponse:
        return _error(422, str(exc))


class PipelineExtractor:
    """The default extractor of ``POST /api/documents``: a :class:`comity.pipeline.Pipeline`
    loaded on first use, one document at a time (the pipeline is not shared across threads).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pipeline: Any = None

    def __call__(self, documents: Iterable[Document]) -> list[ExtractionResult]:
        with self._lock:
            if self._pipeline is None:
                from comity.pipeline import Pipeline
                from comity.settings import Settings
                self._pipeline = Pipeline(Settings.from_mapping())
            return list(self._pipeline.extract_many(documents))


def create_app(store: Store, *, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY,
               extractor: Extractor | None = None) -> FastAPI:
    """The Comity web application over ``store``.

    ``token`` enables ``POST /api/documents`` for clients sending
    ``Authorization: Bearer <token>`` (ingest is disabled when it is None or empty);
    ``max_body`` bounds request bodies (413 beyond); ``extractor`` turns ingested documents
    into extraction results (default: the extraction pipeline, loaded on first use).
    """
    from comity.web.api import router

    app = FastAPIOffline(
        docs_url="/docs",
        redoc_url=None,
        static_url=DOCS_ASSETS_URL,
        title="Comity",
        version=__version__,
        description="Diplomatic and political event data (PLOVER/CAMEO): events, actors, "
                    "documents with evidence, dyads and networks. Read-only except "
                    "`POST /api/documents`, which needs the operator's bearer token.",
    )
    app.state.store = store
    app.state.token = token or None
    app.state.extractor = extractor or PipelineExtractor()
    app.state.ingest_lock = threading.Lock()
    _install_errors(app)
    app.include_router(router, prefix="/api")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                       ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        path = request.url.path
        response.headers.setdefault("Content-Security-Policy",
                                    DOCS_CSP if path.startswith("/docs") else CSP)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def create_app_from_url(url: str, **kwargs: Any) -> FastAPI:
    """Open the store at ``url`` and build the application over it."""
    from comity.store import Store

    return create_app(Store.open(url), **kwargs)
