"""How errors leave the web service: one JSON shape, ``{"error": <kind>, "message": ..., "hint": ...}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import AssistantError, InvalidRequest

log = logging.getLogger("assistant.web")


def error_response(error: AssistantError) -> JSONResponse:
    headers = {}
    if error.http_status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if hasattr(error, "retry_after"):
        headers["Retry-After"] = str(error.retry_after)
    return JSONResponse(error.to_dict(), status_code=error.http_status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Translate every error, ours, the framework's and unexpected ones, into the one shape."""

    @app.exception_handler(AssistantError)
    async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg', '')}"
            for e in exc.errors()[:5]
        )
        return error_response(InvalidRequest(f"The request is not valid: {problems}.",
                                             "See the API schema at /api/v1/openapi.json."))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kinds = {400: ("InvalidRequest", "Send a JSON body encoded as UTF-8 with Content-Type: application/json."),
                 404: ("NotFound", "See /api/v1/openapi.json for the API's paths."),
                 405: ("MethodNotAllowed", "See /api/v1/openapi.json for the methods each path takes.")}
        kind, hint = kinds.get(exc.status_code, ("HTTPError", "See /api/v1/openapi.json for what the API accepts."))
        body = {"error": kind, "message": f"{exc.detail} ({request.method} {request.url.path}).", "hint": hint}
        return JSONResponse(body, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        body = {"error": "InternalError", "message": f"The server failed: {type(exc).__name__}.",
                "hint": "This is a bug; the server log has the details. Retrying may help."}
        return JSONResponse(body, status_code=500)
