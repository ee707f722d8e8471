"""The indexed articles in memory: packed records, the lexical index by position, acronyms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from assistant.index.lexical import LexicalIndex, Segment, local_idf, tokenise
from assistant.index.records import ArticleRecord, Packed, RecordCache, Records, pack
from assistant.ingest.context import index_texts
from assistant.types import Article, LabelledSentence

#: A write that changes more than this share of the archive rebuilds the whole index.
REBUILD_SHARE = 0.25
#: Records kept parsed when no cache is given (the engine passes ``Settings.record_cache``).
DEFAULT_CACHE = 1000


@dataclass(frozen=True, slots=True)
class _Indexed:
    """Where one article sits in the index, and what it defines (kept while it is unchanged)."""

    packed: Packed
    first: int  # where its sentences start among the index's positions
    acronyms: dict[str, str]


class Corpus:
    """The indexed articles in memory: packed records, the lexical index by position, acronyms.

    Between questions an article is held packed (its metadata and its compressed record, about a
    tenth of the parsed record) with its terms in the lexical index; a question parses the records
    it reads, through a cache shared by every view (``records``).

    A corpus is never changed once built: a question reads one corpus from start to end, and a
    write builds the next one from the previous (``previous``), re-deriving only the articles it
    changed: their sentences take new positions at the end and a new lexical segment, those they
    replace leave holes, so the cost of a write follows the articles it touches, not the archive.
    """

    def __init__(
        self,
        records: Mapping[str, ArticleRecord | Packed],
        previous: Corpus | None = None,
        cache: RecordCache | None = None,
    ) -> None:
        """``records``: each article's record, parsed or packed. ``previous``: the corpus this one
        replaces; what it derived for the same article versions is reused. ``cache``: the parsed
        records' cache (default: the previous corpus's)."""
        self._cache: RecordCache = cache or (previous._cache if previous is not None else RecordCache(DEFAULT_CACHE))
        kept = previous._indexed if previous is not None else {}
        packed: dict[str, Packed] = {}
        for doc_id, given in records.items():
            same = kept.get(doc_id)
            content_hash = given.content_hash if isinstance(given, Packed) else given.article.content_hash
            if same is not None and same.packed.content_hash == content_hash:
                packed[doc_id] = same.packed
            else:
                packed[doc_id] = given if isinstance(given, Packed) else pack(given)
        self._packed = packed
        self.records = Records(packed, self._cache)
        changed = [d for d, p in packed.items() if d not in kept or kept[d].packed is not p]
        gone = [d for d, i in kept.items() if packed.get(d) is not i.packed]
        small = len(changed) + len(gone) <= REBUILD_SHARE * max(len(packed), 1)
        if previous is not None and small and previous._holes + sum(kept[d].packed.sentences for d in gone) <= previous.size:
            self._update(previous, changed, gone, records)
        else:
            self._build(previous, records)
        self.acronyms = _merged(i.acronyms for i in self._indexed.values())
        unchanged = previous._indexed.keys() - set(changed) - set(gone) if previous is not None else set()
        self._idf: dict[str, Callable[[str], float]] = {
            d: f for d, f in (previous._idf.items() if previous is not None else ()) if d in unchanged
        }
        self._around: dict[str, frozenset[str]] = {}
        self._passage_index: dict[str, dict[int, list[int]]] = {
            d: x for d, x in (previous._passage_index.items() if previous is not None else ()) if d in unchanged
        }

    def _record(self, doc_id: str, given: Mapping[str, ArticleRecord | Packed]) -> ArticleRecord:
        """An article's record: as given when it was given parsed, else parsed from its pack."""
        found = given.get(doc_id)
        return found if isinstance(found, ArticleRecord) else self.records[doc_id]

    lexical: LexicalIndex
    _holes: int

    def _build(self, previous: Corpus | None, given: Mapping[str, ArticleRecord | Packed]) -> None:
        """Every article at fresh positions in one lexical segment (terms reused where known)."""
        self._indexed: dict[str, _Indexed] = {}
        self._owner: list[str | None] = []  # the doc_id holding each position (None: a hole)
        tokenised: list[tuple[str, ...] | list[str]] = []
        for doc_id, packed in self._packed.items():
            same = previous._indexed.get(doc_id) if previous is not None else None
            if previous is not None and same is not None and same.packed is packed:
                tokens: list[tuple[str, ...] | list[str]] = [
                    previous.lexical.tokens[same.first + n] or () for n in range(packed.sentences)
                ]
                acronyms = same.acronyms
            else:
                # A packed record read from the store was parsed once there (for its metadata) and
                # is parsed again here: handing the parsed records over instead was measured to
                # leave 10,000 of them interleaved with the packed ones, and RSS 20 % higher.
                record = self._record(doc_id, given)
                tokens = list(tokenise(index_texts(record.sentences)))
                acronyms = find_acronyms([record.article.text])
            self._indexed[doc_id] = _Indexed(packed, len(self._owner), acronyms)
            self._owner.extend([doc_id] * packed.sentences)
            tokenised.extend(tokens)
        self.lexical = LexicalIndex(tokenised=tokenised)
        self._holes = 0

    def _update(
        self, previous: Corpus, changed: list[str], gone: list[str], given: Mapping[str, ArticleRecord | Packed]
    ) -> None:
        """``previous`` with the articles of ``gone`` taken out and those of ``changed`` put in."""
        self._indexed = {d: i for d, i in previous._indexed.items() if d in self._packed and d not in changed}
        self._owner = list(previous._owner)
        removed = [previous._indexed[d].first + n for d in gone for n in range(previous._indexed[d].packed.sentences)]
        for pos in removed:
            self._owner[pos] = None
        added: list[tuple[int, list[str]]] = []
        for doc_id in changed:
            record = self._record(doc_id, given)
            first = len(self._owner)
            self._indexed[doc_id] = _Indexed(self._packed[doc_id], first, find_acronyms([record.article.text]))
            self._owner.extend([doc_id] * len(record.sentences))
            added.extend((first + n, toks) for n, toks in enumerate(tokenise(index_texts(record.sentences))))
        # Fold the newest segments into the new one while they are no larger than what it holds,
        # so there are about log2(archive) segments and each sentence is re-segmented that often.
        segments = previous.lexical.segments
        merge, total = 0, len(added)
        while merge < len(segments) and len(segments[-1 - merge]) <= total:
            total += len(segments[-1 - merge])
            merge += 1
        self.lexical = previous.lexical.changed(removed, added, merge)
        self._holes = previous._holes + len(removed)

    @property
    def size(self) -> int:
        """How many sentences are indexed."""
        return len(self._owner) - self._holes

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.lexical.segments

    def listing(self) -> list[tuple[Article, int, int]]:
        """Every indexed article's metadata (its text left out), sentence count and length in
        characters, in index order, without parsing a record."""
        return [(p.article, p.sentences, p.chars) for p in self._packed.values()]

    def at(self, position: int) -> LabelledSentence:
        """The sentence at a position the index gave (a search result, ``position``)."""
        doc_id = self._owner[position]
        if doc_id is None:
            raise KeyError(position)
        return self.records[doc_id].sentences[position - self._indexed[doc_id].first]

    def doc_at(self, position: int) -> str | None:
        """The doc_id of the article at a position (None for a hole)."""
        return self._owner[position]

    def _term_lists(self, doc_id: str) -> list[frozenset[str]]:
        """The distinct terms of each sentence of one article."""
        indexed = self._indexed[doc_id]
        return [self.lexical.terms_of(indexed.first + n) for n in range(indexed.packed.sentences)]

    def terms_around(self, doc_id: str) -> frozenset[str]:
        """Every term of one article (what a sentence's own article offers the question)."""
        if doc_id not in self._around:
            known = doc_id in self._indexed
            self._around[doc_id] = frozenset().union(*self._term_lists(doc_id)) if known else frozenset()
        return self._around[doc_id]

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
        return self.at(pos) if pos is not None else None

    def position(self, doc_id: str, idx: int) -> int | None:
        """Where sentence ``idx`` of an article sits among the index's positions."""
        indexed = self._indexed.get(doc_id)
        if indexed is None or not 0 <= idx < indexed.packed.sentences:
            return None
        return indexed.first + idx

    def hash_of(self, doc_id: str) -> str | None:
        packed = self._packed.get(doc_id)
        return packed.content_hash if packed else None

    def packed(self, doc_id: str) -> Packed | None:
        return self._packed.get(doc_id)


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
