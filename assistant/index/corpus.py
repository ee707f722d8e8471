"""The indexed articles in memory: records, sentences by position, the lexical index, acronyms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.index.lexical import LexicalIndex, Segment, local_idf, tokenise
from assistant.index.records import ArticleRecord
from assistant.ingest.context import index_texts
from assistant.types import LabelledSentence

#: A write that changes more than this share of the archive rebuilds the whole index.
REBUILD_SHARE = 0.25


@dataclass(frozen=True)
class _Indexed:
    """What the corpus derives from one article's record, kept while the record is unchanged."""

    record: ArticleRecord
    first: int  # where its sentences start among the index's positions
    tokens: list[list[str]]  # each sentence's terms, repeats kept (BM25 counts them)
    terms: frozenset[str]  # every term of the article
    acronyms: dict[str, str]


class Corpus:
    """The indexed articles in memory: records, sentences by position, the lexical index, acronyms.

    A corpus is never changed once built: a question reads one corpus from start to end, and a
    write builds the next one from the previous (``previous``), re-deriving only the articles it
    changed: their sentences take new positions at the end and a new lexical segment, those they
    replace leave holes, so the cost of a write follows the articles it touches, not the archive.
    """

    def __init__(self, records: dict[str, ArticleRecord], previous: Corpus | None = None) -> None:
        """``previous``: the corpus this one replaces; what it derived for the same records (the
        same objects) is reused."""
        self.records = records
        kept = previous._indexed if previous is not None else {}
        changed = [d for d, r in records.items() if d not in kept or kept[d].record is not r]
        gone = [d for d, i in kept.items() if records.get(d) is not i.record]
        small = previous is not None and len(changed) + len(gone) <= REBUILD_SHARE * max(len(records), 1)
        if small and previous is not None and previous._holes + sum(len(kept[d].tokens) for d in gone) <= previous.size:
            self._update(previous, changed, gone)
        else:
            self._build(kept)
        self.acronyms = _merged(i.acronyms for i in self._indexed.values())
        self.article_terms: dict[str, frozenset[str]] = {d: i.terms for d, i in self._indexed.items()}
        unchanged = previous._indexed.keys() - set(changed) - set(gone) if previous is not None else set()
        self._idf: dict[str, Callable[[str], float]] = {
            d: f for d, f in (previous._idf.items() if previous is not None else ()) if d in unchanged
        }
        self._passage_index: dict[str, dict[int, list[int]]] = {
            d: x for d, x in (previous._passage_index.items() if previous is not None else ()) if d in unchanged
        }

    def _build(self, kept: dict[str, _Indexed]) -> None:
        """Every article at fresh positions in one lexical segment (terms reused where known)."""
        self._indexed: dict[str, _Indexed] = {}
        self._slots: list[LabelledSentence | None] = []
        tokenised: list[list[str]] = []
        for doc_id, record in self.records.items():
            same = kept.get(doc_id)
            indexed = _derive(record, len(self._slots), same.tokens if same and same.record is record else None)
            self._indexed[doc_id] = indexed
            self._slots.extend(record.sentences)
            tokenised.extend(indexed.tokens)
        self.lexical = LexicalIndex(tokenised=tokenised)
        self._holes = 0

    def _update(self, previous: Corpus, changed: list[str], gone: list[str]) -> None:
        """``previous`` with the articles of ``gone`` taken out and those of ``changed`` put in."""
        self._indexed = {d: i for d, i in previous._indexed.items() if d in self.records and d not in changed}
        self._slots = list(previous._slots)
        removed = [previous._indexed[d].first + n for d in gone for n in range(len(previous._indexed[d].tokens))]
        for pos in removed:
            self._slots[pos] = None
        added: list[tuple[int, list[str]]] = []
        for doc_id in changed:
            record = self.records[doc_id]
            indexed = _derive(record, len(self._slots), None)
            self._indexed[doc_id] = indexed
            self._slots.extend(record.sentences)
            added.extend((indexed.first + n, toks) for n, toks in enumerate(indexed.tokens))
        # Fold the newest segments into the new one while they are no larger than what it holds,
        # so there are about log2(archive) segments and each sentence is re-segmented that often.
        segments = previous.lexical.segments
        merge, total = 0, len(added)
        while merge < len(segments) and len(segments[-1 - merge]) <= total:
            total += len(segments[-1 - merge])
            merge += 1
        merged = [(int(p), toks) for segment in segments[len(segments) - merge :] for p in segment.positions
                  if (toks := self._tokens_at(previous, int(p))) is not None]
        self.lexical = previous.lexical.changed(removed, added, merge, merged)
        self._holes = previous._holes + len(removed)

    @staticmethod
    def _tokens_at(previous: Corpus, position: int) -> list[str] | None:
        sentence = previous._slots[position]
        if sentence is None:
            return None
        indexed = previous._indexed[sentence.doc_id]
        return indexed.tokens[position - indexed.first]

    @property
    def size(self) -> int:
        """How many sentences are indexed."""
        return len(self._slots) - self._holes

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.lexical.segments

    def at(self, position: int) -> LabelledSentence:
        """The sentence at a position the index gave (a search result, ``position``)."""
        sentence = self._slots[position]
        if sentence is None:
            raise KeyError(position)
        return sentence

    def _term_lists(self, doc_id: str) -> list[tuple[str, ...]]:
        """The distinct terms of each sentence of one article."""
        indexed = self._indexed[doc_id]
        return [self.lexical.term_lists[indexed.first + n] or () for n in range(len(indexed.tokens))]

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
        """Where the sentences of one passage sit among the index's positions."""
        first = self._indexed[doc_id].first
        return [first + i for i in self.records[doc_id].passages[number].sentence_ids]

    def idf_of(self, doc_id: str) -> Callable[[str], float]:
        """Term weights within one article (built when the article first comes up, then kept)."""
        if doc_id not in self._idf:
            self._idf[doc_id] = local_idf(self._term_lists(doc_id))
        return self._idf[doc_id]

    def sentence(self, doc_id: str, idx: int) -> LabelledSentence | None:
        pos = self.position(doc_id, idx)
        return self._slots[pos] if pos is not None else None

    def position(self, doc_id: str, idx: int) -> int | None:
        """Where sentence ``idx`` of an article sits among the index's positions."""
        indexed = self._indexed.get(doc_id)
        if indexed is None or not 0 <= idx < len(indexed.tokens):
            return None
        return indexed.first + idx

    def hash_of(self, doc_id: str) -> str | None:
        record = self.records.get(doc_id)
        return record.article.content_hash if record else None


def _derive(record: ArticleRecord, first: int, tokens: list[list[str]] | None) -> _Indexed:
    if tokens is None:
        tokens = tokenise(index_texts(record.sentences))
    return _Indexed(
        record=record, first=first, tokens=tokens, terms=frozenset(t for toks in tokens for t in toks),
        acronyms=find_acronyms([record.article.text]),
    )


def _merged(dicts: Iterable[dict[str, str]]) -> dict[str, str]:
    """Acronyms of several articles; the first article to define one gives its long name."""
    out: dict[str, str] = {}
    for found in dicts:
        for acronym, name in found.items():
            out.setdefault(acronym, name)
    return out


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
