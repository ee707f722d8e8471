"""The REST API v1 routes: each calls the Assistant and returns its result in the API's shapes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, StreamingResponse

from assistant.types import Answer
from assistant.web.access import Principal, question_hash, require_write
from assistant.web.schema import (
    ERRORS,
    ArticleChange,
    ArticleDetail,
    ArticleIn,
    ArticleSummary,
    AskRequest,
    summary,
)

if TYPE_CHECKING:
    from assistant.engine import Assistant


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _partials(answer: Answer) -> Iterator[str]:
    """The answer as it is written out, point by point (it is composed at once, in milliseconds)."""
    lines = answer.answer.split("\n")
    for end in range(1, len(lines) + 1):
        if lines[end - 1].strip():
            yield "\n".join(lines[:end])


def api_routes(assistant: Assistant, caller: Callable[..., Principal]) -> APIRouter:
    """Health, questions and articles; ``caller`` authenticates and rate-limits each request."""
    router = APIRouter()

    def writer(principal: Principal = Depends(caller)) -> Principal:
        require_write(principal)
        return principal

    # -- health ----------------------------------------------------------------------------------
    @router.get("/healthz", tags=["health"], summary="The process is up")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", tags=["health"], summary="The index is loaded and the vector store reachable",
                responses={503: ERRORS[503]})
    def readyz() -> dict[str, Any]:
        return {"status": "ready", **assistant.ready()}

    # -- questions -------------------------------------------------------------------------------
    def _ask(body: AskRequest, request: Request) -> Answer:
        answer: Answer = assistant.ask(body.question, history=body.history, doc_ids=body.doc_ids, labels=body.labels)
        request.state.question_hash = question_hash(answer.question)
        request.state.answerable = answer.answerable
        return answer

    @router.post("/api/v1/ask", response_model=Answer, tags=["questions"], responses=ERRORS,
                 summary="Answer a question from the articles (Answer JSON v1)")
    def ask(body: AskRequest, request: Request, principal: Principal = Depends(caller)) -> Answer:
        return _ask(body, request)

    @router.post("/api/v1/ask/stream", tags=["questions"], responses=ERRORS,
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
    @router.get("/api/v1/articles", response_model=list[ArticleSummary], tags=["articles"], responses=ERRORS)
    def list_articles(principal: Principal = Depends(caller)) -> list[ArticleSummary]:
        return [summary(article, sentences, chars) for article, sentences, chars in assistant.listing()]

    @router.get("/api/v1/articles/{doc_id}", response_model=ArticleDetail, tags=["articles"], responses=ERRORS,
                summary="An article's text, metadata and labelled sentences with offsets (for highlighting)")
    def get_article(doc_id: str, principal: Principal = Depends(caller)) -> ArticleDetail:
        article, sentences = assistant.article(doc_id)
        return ArticleDetail(**summary(article, len(sentences), len(article.text)).model_dump(), text=article.text,
                             labelled_sentences=sentences)

    @router.post("/api/v1/articles", response_model=ArticleChange, tags=["articles"], responses=ERRORS,
                 summary="Add or replace an article: labelled, indexed and answerable on return (idempotent)")
    def put_article(body: ArticleIn, principal: Principal = Depends(writer)) -> JSONResponse:
        meta = body.model_dump(include={"title", "outlet", "published", "url", "language"})
        article = assistant.new_article(body.doc_id, body.text, body.format, **meta)
        existed = assistant.has_article(article.doc_id)
        report = assistant.put_article(article)
        status = "unchanged" if report.added == 0 else ("replaced" if existed else "added")
        _, sentences = assistant.article(article.doc_id)
        change = ArticleChange(doc_id=article.doc_id, status=status, sentences=len(sentences),
                               content_hash=article.content_hash)
        return JSONResponse(change.model_dump(), status_code=201 if status == "added" else 200)

    @router.delete("/api/v1/articles/{doc_id}", response_model=ArticleChange, tags=["articles"], responses=ERRORS)
    def delete_article(doc_id: str, principal: Principal = Depends(writer)) -> ArticleChange:
        _, sentences = assistant.article(doc_id)
        assistant.delete_article(doc_id)
        return ArticleChange(doc_id=doc_id, status="deleted", sentences=len(sentences))

    return router
