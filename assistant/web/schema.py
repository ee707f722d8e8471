"""The REST API's contract: request and response bodies, and the documented error responses."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.types import Article, Label, LabelledSentence

API_VERSION = "1"
MAX_HISTORY = 50  # earlier turns a request may carry (the answer reads the last few)
MAX_DOC_IDS = 1_000  # articles one question may be limited to



class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _text_only(self) -> _Body:
        """Every string must be text: a lone surrogate ("\\ud800", legal in JSON) cannot be stored,
        embedded or shown, so it is refused here, before any work."""
        for name, value in self:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    try:
                        item.encode("utf-8")
                    except UnicodeEncodeError as exc:
                        code = ord(item[exc.start])
                        raise ValueError(f"'{name}' holds a lone surrogate (U+{code:04X}), which is not text") from None
        return self


class AskRequest(_Body):
    question: str = Field(description="The question, up to max_question_chars characters.")
    history: list[str] = Field(default_factory=list, max_length=MAX_HISTORY, description="Earlier user turns, oldest first.")
    doc_ids: list[str] | None = Field(None, max_length=MAX_DOC_IDS, description="Answer only from these articles.")
    labels: list[Label] | None = Field(None, max_length=5, description="Cite only passages with these provenance labels.")


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


def summary(article: Article, sentences: int, chars: int) -> ArticleSummary:
    return ArticleSummary(
        doc_id=article.doc_id, title=article.title, outlet=article.outlet, published=article.published,
        url=article.url, language=article.language, content_hash=article.content_hash,
        chars=chars, sentences=sentences,
    )
