"""The web service: REST API v1 and the browser chat mounted on the same origin (one ASGI app).

Routes call the Assistant and translate; answering, indexing and access rules live elsewhere.
Every error leaves as one JSON shape: ``{"error": <kind>, "message": ..., "hint": ...}``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.access import AuditLog, Principal, RateLimiter, authenticate, auth_enabled, question_hash, require_write
from assistant.corpus import new_article
from assistant.errors import AssistantError, InvalidRequest
from assistant.settings import Settings
from assistant.types import Answer, Label, LabelledSentence

API_VERSION = "1"
CHAT_PATH = "/chat"
log = logging.getLogger("assistant.api")


# -- request and response bodies (the API contract) ---------------------------------------------
class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AskRequest(_Body):
    question: str = Field(description="The question, up to max_question_chars characters.")
    history: list[str] = Field(default_factory=list, description="Earlier user turns, oldest first.")
    doc_ids: list[str] | None = Field(None, description="Answer only from these articles.")
    labels: list[Label] | None = Field(None, description="Cite only passages with these provenance labels.")


class ArticleIn(_Body):
    doc_id: str = Field(description="1-80 lower-case letters, digits and dashes; an existing doc_id is replaced.")
    text: str = Field(description="The article: plain text, or HTML when format is 'html' (visible text is kept).")
    format: Literal["text", "html"] = "text"
    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = ""


class ArticleSummary(BaseModel):
    doc_id: str
    title: str
    outlet: str
    published: str
    url: str
    language: str
    content_hash: str
    chars: int
    sentences: int


class ArticleDetail(ArticleSummary):
    text: str
    labelled_sentences: list[LabelledSentence]


class ArticleChange(BaseModel):
    doc_id: str
    status: Literal["added", "replaced", "unchanged", "deleted"]
    sentences: int
    content_hash: str = ""


class ErrorBody(BaseModel):
    error: str
    message: str
    hint: str


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": what}
    for code, what in [(401, "No or invalid credentials"), (403, "Not allowed"), (404, "No such article"),
                       (422, "Invalid question, article or request"), (429, "Rate limited"),
                       (503, "Index or vector store unavailable")]
}


def _summary(article: Any, sentences: int) -> ArticleSummary:
    return ArticleSummary(
        doc_id=article.doc_id, title=article.title, outlet=article.outlet, published=article.published,
        url=article.url, language=article.language, content_hash=article.content_hash,
        chars=len(article.text), sentences=sentences,
    )


def _error_response(error: AssistantError) -> JSONResponse:
    headers = {}
    if error.http_status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if hasattr(error, "retry_after"):
        headers["Retry-After"] = str(error.retry_after)
    return JSONResponse(error.to_dict(), status_code=error.http_status, headers=headers)


def _peer(request: Request) -> str | None:
    return request.client.host if request.client else None


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _partials(answer: Answer) -> Iterator[str]:
    """The answer as it is written out, point by point (it is composed at once, in milliseconds)."""
    lines = answer.answer.split("\n")
    for end in range(1, len(lines) + 1):
        if lines[end - 1].strip():
            yield "\n".join(lines[:end])


def create_app(assistant: Any, settings: Settings) -> FastAPI:
    """The service over an open Assistant: API under /api/v1, the chat under /chat."""
    import gradio as gr

    from assistant.present import CSS
    from assistant.ui import build_ui

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

    # -- translating errors: one shape for all ---------------------------------------------------
    @app.exception_handler(AssistantError)
    async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        return _error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg', '')}"
            for e in exc.errors()[:5]
        )
        return _error_response(InvalidRequest(f"The request is not valid: {problems}.",
                                              "See the API schema at /api/v1/openapi.json."))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kinds = {404: ("NotFound", "See /api/v1/openapi.json for the API's paths."),
                 405: ("MethodNotAllowed", "See /api/v1/openapi.json for the methods each path takes.")}
        kind, hint = kinds.get(exc.status_code, ("HTTPError", ""))
        body = {"error": kind, "message": f"{exc.detail} ({request.method} {request.url.path}).", "hint": hint}
        return JSONResponse(body, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        body = {"error": "InternalError", "message": f"The server failed: {type(exc).__name__}.",
                "hint": "This is a bug; the server log has the details. Retrying may help."}
        return JSONResponse(body, status_code=500)

    # -- every API request: size limit, audit line, frame policy --------------------------------
    body_limit = settings.max_article_chars * 4 + 65536
    embedders = set(settings.frame_ancestors) | set(settings.cors_origins)

    @app.middleware("http")
    async def _guard_and_audit(request: Request, call_next: Any) -> Any:
        started = time.perf_counter()
        path = request.url.path
        if int(request.headers.get("content-length") or 0) > body_limit:
            response: Any = JSONResponse(
                {"error": "RequestTooLarge", "message": "The request body is too large.",
                 "hint": f"Send at most {body_limit:,} bytes; split large articles."}, status_code=413)
        else:
            response = await call_next(request)
        ancestors = " ".join(["'self'", *settings.frame_ancestors])
        response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        if path.startswith("/api/"):
            state = request.scope.get("state", {})
            audit.write(
                user=state.get("user", "-"), endpoint=f"{request.method} {path}", status=response.status_code,
                question_hash=state.get("question_hash"), answerable=state.get("answerable"),
                latency_ms=round((time.perf_counter() - started) * 1000, 2),
            )
        return response

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )

    def caller(request: Request) -> Principal:
        principal = authenticate(settings, request.headers, _peer(request))
        request.state.user = principal.user
        limiter.check(principal.user)  # with authentication off the name is the caller's address
        return principal

    def writer(principal: Principal = Depends(caller)) -> Principal:
        require_write(principal)
        return principal

    # -- health ----------------------------------------------------------------------------------
    @app.get("/healthz", tags=["health"], summary="The process is up")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], summary="The index is loaded and the vector store reachable",
             responses={503: ERRORS[503]})
    def readyz() -> dict[str, Any]:
        return {"status": "ready", **assistant.ready()}

    # -- questions -------------------------------------------------------------------------------
    def _ask(body: AskRequest, request: Request) -> Answer:
        answer: Answer = assistant.ask(body.question, history=body.history, doc_ids=body.doc_ids, labels=body.labels)
        request.state.question_hash = question_hash(answer.question)
        request.state.answerable = answer.answerable
        return answer

    @app.post("/api/v1/ask", response_model=Answer, tags=["questions"], responses=ERRORS,
              summary="Answer a question from the articles (Answer JSON v1)")
    def ask(body: AskRequest, request: Request, principal: Principal = Depends(caller)) -> Answer:
        return _ask(body, request)

    @app.post("/api/v1/ask/stream", tags=["questions"], responses=ERRORS,
              response_class=StreamingResponse,
              summary="The same answer as server-sent events: 'partial' (text so far), then 'answer' (Answer JSON)")
    def ask_stream(body: AskRequest, request: Request, principal: Principal = Depends(caller)) -> StreamingResponse:
        answer = _ask(body, request)  # errors before the stream starts get the normal JSON error

        def events() -> Iterator[str]:
            for text in _partials(answer):
                yield _sse("partial", {"text": text})
            yield _sse("answer", answer.model_dump())

        return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    # -- articles --------------------------------------------------------------------------------
    @app.get("/api/v1/articles", response_model=list[ArticleSummary], tags=["articles"], responses=ERRORS)
    def list_articles(principal: Principal = Depends(caller)) -> list[ArticleSummary]:
        return [_summary(r.article, len(r.sentences)) for r in assistant.corpus.records.values()]

    @app.get("/api/v1/articles/{doc_id}", response_model=ArticleDetail, tags=["articles"], responses=ERRORS,
             summary="An article's text, metadata and labelled sentences with offsets (for highlighting)")
    def get_article(doc_id: str, principal: Principal = Depends(caller)) -> ArticleDetail:
        article, sentences = assistant.article(doc_id)
        return ArticleDetail(**_summary(article, len(sentences)).model_dump(), text=article.text,
                             labelled_sentences=sentences)

    @app.post("/api/v1/articles", response_model=ArticleChange, tags=["articles"], responses=ERRORS,
              summary="Add or replace an article: labelled, indexed and answerable on return (idempotent)")
    def put_article(body: ArticleIn, principal: Principal = Depends(writer)) -> JSONResponse:
        meta = body.model_dump(include={"title", "outlet", "published", "url", "language"})
        article = new_article(body.doc_id, body.text, body.format, settings.max_article_chars, **meta)
        existed = article.doc_id in assistant.corpus.records
        report = assistant.put_article(article)
        status = "unchanged" if report.added == 0 else ("replaced" if existed else "added")
        _, sentences = assistant.article(article.doc_id)
        change = ArticleChange(doc_id=article.doc_id, status=status, sentences=len(sentences),
                               content_hash=article.content_hash)
        return JSONResponse(change.model_dump(), status_code=201 if status == "added" else 200)

    @app.delete("/api/v1/articles/{doc_id}", response_model=ArticleChange, tags=["articles"], responses=ERRORS)
    def delete_article(doc_id: str, principal: Principal = Depends(writer)) -> ArticleChange:
        _, sentences = assistant.article(doc_id)
        assistant.delete_article(doc_id)
        return ArticleChange(doc_id=doc_id, status="deleted", sentences=len(sentences))

    # -- the chat, same origin -------------------------------------------------------------------
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
        try:
            return authenticate(settings, request.headers, _peer(request)).user
        except AssistantError:
            return None

    demo = build_ui(assistant, settings, audit, limiter)
    return gr.mount_gradio_app(
        app, demo, path=CHAT_PATH, auth_dependency=chat_user if auth_enabled(settings) else None,
        root_path=(settings.root_path.rstrip("/") + CHAT_PATH) if settings.root_path else None,
        css=CSS, footer_links=["gradio"], show_error=True,
    )


def serve(settings: Settings) -> None:
    """Check the exposure, bring the index in line with the corpus (saying so), then serve."""
    import uvicorn

    from assistant.access import check_exposure
    from assistant.engine import Assistant

    check_exposure(settings)
    print(f"Checking the index at {settings.index_dir} against {settings.corpus} (indexing what changed)...", flush=True)
    assistant = Assistant.open(corpus=settings.corpus if settings.corpus.exists() else None, settings=settings)
    app = create_app(assistant, settings)
    base = f"http://{settings.host}:{settings.port}{settings.root_path}"
    print(f"{len(assistant.corpus.records)} article(s) ready. Chat: {base}{CHAT_PATH}/  API: {base}/api/v1/openapi.json",
          flush=True)
    # proxy_headers off: the peer address is the real one, so only trusted proxies can name a user.
    # A bounded graceful shutdown: open chat streams must not hold a restart for ever.
    uvicorn.run(app, host=settings.host, port=settings.port, root_path=settings.root_path, proxy_headers=False,
                log_level="info", timeout_graceful_shutdown=10)
