"""One error tree. Every error says what went wrong and what to do about it.

Only front-ends translate these: the CLI into an exit code, the UI into ``gr.Error``,
the API into an HTTP status with one JSON error shape.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\nHint: {self.hint}" if self.hint else self.message

    def to_dict(self) -> dict[str, str]:
        return {"error": type(self).__name__, "message": self.message, "hint": self.hint}


class InvalidQuestion(AssistantError):
    """The question cannot be asked as given (empty, too long, unreadable)."""

    exit_code = 2
    http_status = 422


class CorpusError(AssistantError):
    """The corpus cannot be read: a missing folder, an unreadable or empty file."""

    exit_code = 3
    http_status = 422


class IndexMissing(AssistantError):
    """There is no usable index where one was expected."""

    exit_code = 4
    http_status = 503


class StoreUnavailable(AssistantError):
    """The vector store (embedded Chroma or a Chroma server) cannot be reached or read."""

    exit_code = 5
    http_status = 503


class ModelError(AssistantError):
    """A model file is missing or is not the file it claims to be."""

    exit_code = 6
    http_status = 500


class EvalSetError(AssistantError):
    """An evaluation set is malformed."""

    exit_code = 7
    http_status = 422


class InvalidRequest(AssistantError):
    """A request to the API is malformed (missing or wrongly typed fields)."""

    exit_code = 2
    http_status = 422


class RequestTooLarge(AssistantError):
    """A request body beyond the service's size limit, however it is sent (declared or chunked)."""

    exit_code = 2
    http_status = 413


class ArticleNotFound(AssistantError):
    """No indexed article has the requested doc_id."""

    exit_code = 3
    http_status = 404


class AuthRequired(AssistantError):
    """The request carries no valid credentials."""

    exit_code = 8
    http_status = 401


class PermissionDenied(AssistantError):
    """The credentials are valid but do not allow this action."""

    exit_code = 8
    http_status = 403


class RateLimited(AssistantError):
    """Too many requests from one client in a minute."""

    exit_code = 9
    http_status = 429


class ConfigError(AssistantError):
    """The settings do not make a safe or working service."""

    exit_code = 10
    http_status = 500
