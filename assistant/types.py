"""Typed, frozen values passed between the pipeline's stages (DESIGN.md §2)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["official", "group_claim", "media_report", "social_media", "article"]

#: Section order and titles of an answer (DESIGN.md §3).
LABEL_ORDER: tuple[Label, ...] = ("official", "group_claim", "media_report", "social_media", "article")
SECTION_TITLES: dict[str, str] = {
    "official": "Official statements",
    "group_claim": "Claims by involved groups",
    "media_report": "Media reports",
    "social_media": "Unverified social-media theories",
    "article": "Background from the article",
}
LABEL_DESCRIPTIONS: dict[str, str] = {
    "official": "Statements or actions attributed to authorities, including denials.",
    "group_claim": "Claims by an involved non-state party, such as a claim of responsibility.",
    "media_report": "Reports by media outlets, witnesses, or messages of unclear origin.",
    "social_media": "Theories and speculation circulating online: unverified.",
    "article": "The article's own narration: background and context not attributed to anyone.",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Frozen):
    doc_id: str
    title: str = "unknown"
    outlet: str = "unknown"
    published: str = "unknown"
    url: str = "unknown"
    language: str = "unknown"
    source_path: str = ""
    text: str
    content_hash: str


class Sentence(_Frozen):
    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    paragraph: int = 0


class LabelledSentence(Sentence):
    label: Label
    attributed_to: str = ""
    cue: str = ""
    reason: str = ""
    continues: int | None = None  # idx of the sentence whose source this one continues


class Passage(_Frozen):
    doc_id: str
    chunk_id: str
    start: int
    end: int
    sentence_ids: tuple[int, ...]
    labels: tuple[Label, ...]


class ScoredSentence(_Frozen):
    """A sentence with the evidence retrieval found for it."""

    sentence: LabelledSentence
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    context: float = 0.0


class Citation(_Frozen):
    id: int
    doc_id: str
    title: str
    start: int
    end: int
    quote: str
    label: Label
    attributed_to: str
    score: float


class Point(_Frozen):
    text: str
    citations: list[int]


class Section(_Frozen):
    label: Label
    title: str
    points: list[Point]


class Answer(_Frozen):
    """Answer JSON v1 (DESIGN.md §4)."""

    question: str
    answerable: bool
    answer: str
    sections: list[Section] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
