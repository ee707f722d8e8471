"""The indexed articles in memory: records, a flat sentence list, the lexical index, acronyms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from assistant.index.lexical import LexicalIndex, local_idf, tokenise
from assistant.index.records import ArticleRecord
from assistant.ingest.context import index_texts
from assistant.types import LabelledSentence


class Corpus:
    """The indexed articles in memory: records, a flat sentence list and the lexical index."""

    def __init__(self, records: dict[str, ArticleRecord], previous: Corpus | None = None) -> None:
        """``previous``: the corpus this one replaces; what it computed for the same records is
        reused, so a write costs time for the articles it changed (plus the BM25 index build)."""
        self.records = records
        self.sentences: list[LabelledSentence] = [s for r in records.values() for s in r.sentences]
        # Where each article's sentences start in the flat list (sentence idx counts from 0).
        self._first: dict[str, int] = {}
        position = 0
        for doc_id, record in records.items():
            self._first[doc_id] = position
            position += len(record.sentences)
        kept = previous._tokens if previous is not None else {}
        self._tokens: dict[str, list[list[str]]] = {}  # each article's sentences' terms, by doc_id
        texts: list[str] = []
        for doc_id, record in records.items():
            own = index_texts(record.sentences)
            texts.extend(own)
            same = previous is not None and previous.records.get(doc_id) is record
            self._tokens[doc_id] = kept[doc_id] if same and doc_id in kept else tokenise(own)
        self.lexical = LexicalIndex(texts, [t for doc_id in records for t in self._tokens[doc_id]])
        self.acronyms = find_acronyms(r.article.text for r in records.values())
        self.article_terms: dict[str, frozenset[str]] = {
            doc_id: frozenset().union(*self._term_lists(doc_id)) for doc_id in records
        }
        self._idf: dict[str, Callable[[str], float]] = {}
        self._passage_index: dict[str, dict[int, list[int]]] = {}

    def _term_lists(self, doc_id: str) -> list[tuple[str, ...]]:
        """The distinct terms of each sentence of one article."""
        first = self._first[doc_id]
        return self.lexical.term_lists[first : first + len(self.records[doc_id].sentences)]

    def passages_of(self, doc_id: str, idx: int) -> list[int]:
        """Numbers of the passages of an article that hold sentence ``idx``."""
        if doc_id not in self._passage_index:
            index: dict[int, list[int]] = {}
            for number, passage in enumerate(self.records[doc_id].passages):
                for i in passage.sentence_ids:
                    index.setdefault(i, []).append(number)
            self._passage_index[doc_id] = index
        return self._passage_index[doc_id].get(idx, [])

    def passage_positions(self, doc_id: str, number: int) -> list[int]:
        """Where the sentences of one passage sit in the flat sentence list."""
        first = self._first[doc_id]
        return [first + i for i in self.records[doc_id].passages[number].sentence_ids]

    def idf_of(self, doc_id: str) -> Callable[[str], float]:
        """Term weights within one article (built when the article first comes up, then kept)."""
        if doc_id not in self._idf:
            self._idf[doc_id] = local_idf(self._term_lists(doc_id))
        return self._idf[doc_id]

    def sentence(self, doc_id: str, idx: int) -> LabelledSentence | None:
        pos = self.position(doc_id, idx)
        return self.sentences[pos] if pos is not None else None

    def position(self, doc_id: str, idx: int) -> int | None:
        """Where sentence ``idx`` of an article sits in the flat sentence list."""
        first = self._first.get(doc_id)
        if first is None or not 0 <= idx < len(self.records[doc_id].sentences):
            return None
        return first + idx

    def hash_of(self, doc_id: str) -> str | None:
        record = self.records.get(doc_id)
        return record.article.content_hash if record else None


_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_NAME_WORD = re.compile(r"[A-Z][\w’'-]*|of|the|for|and")


def find_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms the articles define, "National Security Committee ... (NSC)" -> the long name."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _ACRONYM.finditer(text):
            acronym = match.group(1)
            before = text[max(0, match.start() - 200) : match.start()].split()
            best = None
            for start in range(len(before)):
                words = before[start:]
                if not all(_NAME_WORD.fullmatch(w) for w in words) or not words[0][:1].isupper():
                    continue
                initials = "".join(w[0] for w in words if w[:1].isupper())
                if initials.startswith(acronym):
                    best = " ".join(words)
                    break
            if best and acronym not in found:
                found[acronym] = best
    return found


def expand_acronyms(text: str, acronyms: dict[str, str]) -> str:
    """The question with each acronym the articles define followed by its long name."""
    if not acronyms:
        return text
    return re.sub(
        r"\b([A-Z]{2,8})\b(?:['’]s)?",
        lambda m: f"{m.group(0)} ({acronyms[m.group(1)]})" if m.group(1) in acronyms else m.group(0),
        text,
    )
