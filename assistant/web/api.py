"""The web service: REST API v1 and the browser chat mounted on the same origin (one ASGI app).

Routes (``routes.py``) call the Assistant and translate; answering, indexing and access rules live
elsewhere. Every error leaves as one JSON shape (``failures.py``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from assistant.errors import AssistantError, AuthRequired, InvalidRequest, RequestTooLarge
from assistant.settings import Settings
from assistant.web.access import (
    AuditLog,
    Principal,
    RateLimiter,
    auth_enabled,
    authenticate_limited,
)
from assistant.web.failures import error_response, install_error_handlers
from assistant.web.routes import api_routes
from assistant.web.schema import API_VERSION

if TYPE_CHECKING:
    from assistant.engine import Assistant

CHAT_PATH = "/chat"


def _peer(request: Request) -> str | None:
    return request.client.host if request.client else None


class BodyLimit:
    """ASGI middleware: a request body beyond ``limit`` bytes is refused (413, the one error shape)
    however it is sent: by its declared Content-Length before anything is read, or, chunked, as
    soon as the bytes received pass the limit, never buffered whole."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _error(self) -> RequestTooLarge:
        return RequestTooLarge("The request body is too large.", f"Send at most {self.limit:,} bytes; split large articles.")

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared and (not declared.isdigit() or int(declared) > self.limit):
            error = self._error() if declared.isdigit() else InvalidRequest(
                "The Content-Length header is not a number.", "Send a valid Content-Length or a chunked body.")
            await error_response(error)(scope, receive, send)
            return
        received = 0
        exceeded = replaced = False

        async def limited() -> Any:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    raise self._error()  # stops the read; the framework may answer it as a parse error
            return message

        async def answer(message: Any) -> None:
            nonlocal replaced
            if not exceeded:
                await send(message)
            elif not replaced and message["type"] == "http.response.start":
                replaced = True  # whatever the app made of the aborted read, the client learns the real reason
                await error_response(self._error())(scope, receive, send)

        await self.app(scope, limited, answer)


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _guard_and_audit(app: FastAPI, settings: Settings, audit: AuditLog) -> None:
    """Every request: the body size limit, the frame policy, security headers, and an audit line
    for API calls."""
    app.add_middleware(BodyLimit, limit=settings.max_article_chars * 4 + 65536)
    allowed_origins = set(settings.cors_origins) | set(settings.frame_ancestors)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        started = time.perf_counter()
        path = request.url.path
        response = await call_next(request)
        if path.startswith(CHAT_PATH) and response.status_code == 401:
            # Gradio's own 401 body is not the one error shape.
            response = error_response(AuthRequired(
                "The chat needs you to be signed in.", "Open the chat through the intranet's sign-in, or send your API token."))
        origin = response.headers.get("access-control-allow-origin")
        if origin and origin != "*" and origin not in allowed_origins:
            # Gradio answers any http://localhost:* origin with credentials; only configured origins may call.
            for name in ("access-control-allow-origin", "access-control-allow-credentials"):
                if name in response.headers:
                    del response.headers[name]
        ancestors = " ".join(["'self'", *settings.frame_ancestors])
        response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if path.startswith("/api/"):
            state = request.scope.get("state", {})
            audit.write(
                user=state.get("user", "-"), endpoint=f"{request.method} {path}", status=response.status_code,
                question_hash=state.get("question_hash"), answerable=state.get("answerable"),
                latency_ms=round((time.perf_counter() - started) * 1000, 2),
            )
        return response


def _mount_chat(app: FastAPI, assistant: Assistant, settings: Settings, audit: AuditLog,
                limiter: RateLimiter, failures: RateLimiter) -> FastAPI:
    """The Gradio chat under /chat, its web-component loader, and / redirecting to it."""
    import gradio as gr

    from assistant.web.present import CSS
    from assistant.web.ui import build_ui

    embedders = set(settings.frame_ancestors) | set(settings.cors_origins)

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> RedirectResponse:
        return RedirectResponse(f"{request.scope.get('root_path', '')}{CHAT_PATH}/")

    @app.get(f"{CHAT_PATH}/gradio.js", include_in_schema=False)
    def web_component(request: Request) -> Response:
        """Gradio's loader for the <gradio-app> web component, next to the assets it imports."""
        loader = Path(gr.__file__).parent / "templates" / "frontend" / "gradio.js"
        origin = request.headers.get("origin", "")
        headers = {"Access-Control-Allow-Origin": origin} if origin in embedders else {}
        return Response(loader.read_text(encoding="utf-8"), media_type="text/javascript", headers=headers)

    def chat_user(request: Request) -> str | None:
        try:  # failed sign-ins count against the same per-address limit as the API's
            return authenticate_limited(settings, request.headers, _peer(request), failures).user
        except AssistantError:
            return None

    demo = build_ui(assistant, settings, audit, limiter)
    return gr.mount_gradio_app(
        app, demo, path=CHAT_PATH, auth_dependency=chat_user if auth_enabled(settings) else None,
        root_path=(settings.root_path.rstrip("/") + CHAT_PATH) if settings.root_path else None,
        css=CSS, footer_links=["gradio"], show_error=True,
    )


def create_app(assistant: Assistant, settings: Settings) -> FastAPI:
    """The service over an open Assistant: API under /api/v1, the chat under /chat."""
    audit = AuditLog(settings.audit_path)
    limiter = RateLimiter(settings.rate_limit_per_minute)
    app = FastAPI(
        title="Newsroom assistant API",
        version=API_VERSION,
        description="Answers from the newsroom's source articles with exact, provenance-labelled citations. "
        "Errors: {error, message, hint}.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: offline, the schema is what we serve
        redoc_url=None,
    )
    install_error_handlers(app)
    _guard_and_audit(app, settings, audit)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )

    failures = RateLimiter(settings.auth_failures_per_minute)

    def caller(request: Request) -> Principal:
        principal = authenticate_limited(settings, request.headers, _peer(request), failures)
        request.state.user = principal.user
        limiter.check(principal.user)  # with authentication off the name is the caller's address
        return principal

    app.include_router(api_routes(assistant, caller))
    return _mount_chat(app, assistant, settings, audit, limiter, failures)


def serve(settings: Settings) -> None:
    """Check the exposure, bring the index in line with the corpus (saying so), then serve."""
    import uvicorn

    from assistant.engine import Assistant
    from assistant.web.access import check_exposure

    check_exposure(settings)
    print(f"Checking the index at {settings.index_dir} against {settings.corpus} (indexing what changed)...", flush=True)
    # An empty or missing folder opens whatever the store holds, even nothing: the API can add articles.
    assistant = Assistant.open(corpus=settings.corpus if settings.corpus.exists() else None, settings=settings,
                               require_index=False)
    assistant.warm()  # the first question does not wait for the models to load
    assistant.follow(settings.follow_seconds)  # writes through any other instance on the same store
    app = create_app(assistant, settings)
    base = f"http://{settings.host}:{settings.port}{settings.root_path}"
    print(f"{len(assistant.listing())} article(s) ready. Chat: {base}{CHAT_PATH}/  API: {base}/api/v1/openapi.json",
          flush=True)
    # proxy_headers off: the peer address is the real one, so only trusted proxies can name a user.
    # A bounded graceful shutdown: open chat streams must not hold a restart for ever.
    from assistant.web.protocol import JsonErrorH11Protocol

    uvicorn.run(app, host=settings.host, port=settings.port, root_path=settings.root_path, proxy_headers=False,
                log_level="info", timeout_graceful_shutdown=10, http=JsonErrorH11Protocol)
