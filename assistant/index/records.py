"""An indexed article: its record (the article, labelled sentences, passages), packed as the index
holds it between questions, and the cache of records parsed for questions."""

from __future__ import annotations

import sys
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

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
        compact_one(obj)
    return record


_M = TypeVar("_M", bound=BaseModel)


def compact_one(obj: _M) -> _M:
    """One object's field set shared with equal ones (see ``compact``)."""
    given = obj.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault((type(obj), frozenset(given)), set(given))
    object.__setattr__(obj, "__pydantic_fields_set__", shared)
    return obj


@dataclass(frozen=True, slots=True)
class Packed:
    """One indexed article as the index holds it between questions: its metadata (without its
    text, for listings) and its record compressed; the record is parsed when a question needs it."""

    article: Article  # the article's metadata; its text is left out (``chars`` says how long it is)
    chars: int
    sentences: int
    blob: bytes  # the record's JSON, zlib-compressed (as the catalog stores it)

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def content_hash(self) -> str:
        return self.article.content_hash

    def unpack(self) -> ArticleRecord:
        return compact(ArticleRecord.model_validate_json(zlib.decompress(self.blob)))


def pack(record: ArticleRecord, blob: bytes | None = None) -> Packed:
    """``blob``: the record's compressed JSON when already at hand (read from the store)."""
    fields: dict[str, Any] = {name: sys.intern(value) if isinstance(value, str) else value
                              for name, value in record.article.__dict__.items() if name != "text"}
    article = compact_one(Article.model_construct(**fields, text=""))  # values of a validated article
    return Packed(
        article=article, chars=len(record.article.text), sentences=len(record.sentences),
        blob=blob if blob is not None else encode(record),
    )


def encode(record: ArticleRecord) -> bytes:
    return zlib.compress(record.model_dump_json().encode(), 6)


class RecordCache:
    """The records parsed lately, shared by every view of the index in a process (at most ``size``)."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._parsed: OrderedDict[tuple[str, str], ArticleRecord] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, packed: Packed) -> ArticleRecord:
        key = (packed.doc_id, packed.content_hash)
        with self._lock:
            record = self._parsed.get(key)
            if record is not None:
                self._parsed.move_to_end(key)
                return record
        record = packed.unpack()
        with self._lock:
            self._parsed[key] = record
            while len(self._parsed) > self.size:
                self._parsed.popitem(last=False)
        return record


class Records(Mapping[str, ArticleRecord]):
    """The records of one view of the index, by doc_id: each parsed when asked for (cached)."""

    def __init__(self, packed: dict[str, Packed], cache: RecordCache) -> None:
        self._packed = packed
        self._cache = cache

    def __getitem__(self, doc_id: str) -> ArticleRecord:
        return self._cache.get(self._packed[doc_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._packed
