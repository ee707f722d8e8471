"""An indexed article as the engine holds it: the article, its labelled sentences, its passages."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.types import Article, LabelledSentence, Passage


class ArticleRecord(BaseModel):
    """Everything the engine needs about one indexed article."""

    model_config = ConfigDict(frozen=True)

    article: Article
    sentences: list[LabelledSentence]
    passages: list[Passage]


_FIELD_SETS: dict[tuple[type, frozenset[str]], set[str]] = {}


def compact(record: ArticleRecord) -> ArticleRecord:
    """Share pydantic's per-object record of which fields were given among equal ones.

    Every indexed article's record stays in memory (100,000 sentences at 10,000 articles), and
    pydantic keeps a set of field names in each object: 728 bytes, a third of a labelled
    sentence. Those sets are only read (frozen models, and ``model_copy`` copies the set before it
    adds to it), so objects with the same set can share one. Values are untouched.
    """
    for obj in [record, record.article, *record.sentences, *record.passages]:
        given = obj.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault((type(obj), frozenset(given)), set(given))
        object.__setattr__(obj, "__pydantic_fields_set__", shared)
    return record
