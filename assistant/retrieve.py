"""Retrieval: dense (Chroma) and lexical (BM25) fused, at sentence granularity.

Candidates come from the vector store's nearest sentences and from BM25's best sentences. Each
candidate gets an absolute fused score, so one threshold can say "the articles do not answer":
cosine similarity to the question, IDF-weighted coverage of the question's terms, and the
similarity of the passage around it, plus a boost for the side (official, online, group) that
the question asks about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.catalog import ArticleRecord
from assistant.embed import OnnxSentenceEncoder
from assistant.label import ANAPHORA_CUE, QUOTED_CUE, index_texts
from assistant.lexical import LexicalIndex, local_idf, terms
from assistant.question import QuestionProfile
from assistant.store import VectorStore, sentence_node_id
from assistant.types import LabelledSentence, ScoredSentence

W_DENSE, W_LEXICAL, W_CONTEXT = 0.55, 0.30, 0.15
LABEL_BOOST = 0.12
LABEL_PENALTY = 0.08
CONTENT_BOOST = 0.12
CONTINUATION_PENALTY = 0.03
ARTICLE_CREDIT = 0.5  # a term found elsewhere in the same article counts half
TALK_ONLY_PENALTY = 0.06
#: "Various versions are being discussed on the internet": says that talk exists, not what it says.
_TALK_ONLY = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?:being\s+)?(?:discussed|debated|circulated|shared|spread)\b", re.I
)
_HAS_CONTENT = re.compile(r"\b(?:that|which|whom|who)\b|[:“\"«]", re.I)


def says_only_that_talk_exists(sentence: LabelledSentence) -> bool:
    return bool(_TALK_ONLY.search(sentence.text)) and not _HAS_CONTENT.search(sentence.text)


@dataclass(frozen=True)
class Query:
    """What retrieval needs: the question's profile and, for follow-ups, the earlier turns."""

    profile: QuestionProfile
    history: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        if self.profile.is_followup and self.history:
            return " ".join([*self.history[-2:], self.profile.text])
        return self.profile.text


class Corpus:
    """The indexed articles in memory: records, a flat sentence list and the lexical index."""

    def __init__(self, records: dict[str, ArticleRecord]) -> None:
        self.records = records
        self.sentences: list[LabelledSentence] = [s for r in records.values() for s in r.sentences]
        # Where each article's sentences start in the flat list (sentence idx counts from 0).
        self._first: dict[str, int] = {}
        position = 0
        for doc_id, record in records.items():
            self._first[doc_id] = position
            position += len(record.sentences)
        self.lexical = LexicalIndex([t for r in records.values() for t in index_texts(r.sentences)])
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


def retrieve(
    query: Query,
    corpus: Corpus,
    store: VectorStore,
    encoder: OnnxSentenceEncoder,
    k: int,
    doc_ids: Sequence[str] | None = None,
) -> list[ScoredSentence]:
    """Sentences ranked by fused score (best first)."""
    vectors = encoder.encode([query.text, query.profile.text] if query.text != query.profile.text else [query.text])
    # A follow-up is matched both with its earlier turns and on its own words.
    vector = vectors.mean(axis=0)
    vector /= max(float(np.linalg.norm(vector)), 1e-12)
    allowed = set(doc_ids) if doc_ids else None

    def current(doc_id: str, content_hash: str) -> bool:
        return corpus.hash_of(doc_id) == content_hash and (allowed is None or doc_id in allowed)

    dense: dict[int, float] = {}
    for hit in store.query_sentences(vector, k, doc_ids):
        pos = corpus.position(hit.doc_id, hit.key)
        if pos is not None and current(hit.doc_id, hit.content_hash):
            dense[pos] = hit.cosine
    lexical = [pos for pos, _ in corpus.lexical.search(query.text, k)]
    if allowed is not None:
        lexical = [pos for pos in lexical if corpus.sentences[pos].doc_id in allowed]
    # Every candidate's passage is scored (not only the archive-wide nearest passages), so a
    # sentence's score depends on its own article alone, however large the archive grows. A
    # passage's vector is the normalised mean of its sentences' vectors, read in one call with
    # the vectors of the lexical candidates.
    candidates = set(dense) | set(lexical)
    passages: dict[tuple[str, int], list[int]] = {}  # (doc_id, passage number) -> candidates in it
    for pos in candidates:
        s = corpus.sentences[pos]
        for number in corpus.passages_of(s.doc_id, s.idx):
            passages.setdefault((s.doc_id, number), []).append(pos)
    members = {(doc_id, number): corpus.passage_positions(doc_id, number) for doc_id, number in passages}
    needed = (set(lexical) - set(dense)).union(*members.values())
    ids = {sentence_node_id(corpus.sentences[p].doc_id, corpus.hash_of(corpus.sentences[p].doc_id) or "",
                            corpus.sentences[p].idx): p for p in needed}
    vectors_at = {ids[node_id]: vec for node_id, vec in store.sentence_vectors(list(ids)).items()}
    for pos in candidates - set(dense):
        if pos in vectors_at:
            dense[pos] = float(np.dot(vectors_at[pos], vector))
    context: dict[int, float] = {}
    for key, held in passages.items():
        rows = [vectors_at[p] for p in members[key] if p in vectors_at]
        if not rows:
            continue
        mean = np.stack(rows).mean(axis=0)
        cosine = float(np.dot(mean / max(float(np.linalg.norm(mean)), 1e-12), vector))
        for pos in held:
            context[pos] = max(context.get(pos, 0.0), cosine)

    own_terms = set(corpus.lexical.resolve(query.profile.terms))
    history_terms = set(corpus.lexical.resolve(terms(" ".join(query.history[-2:])))) if query.profile.is_followup else set()
    scored: list[ScoredSentence] = []
    for pos, cosine in dense.items():
        sentence = corpus.sentences[pos]
        term_set = corpus.lexical.terms_of(pos)
        around = corpus.article_terms.get(sentence.doc_id, frozenset())
        idf = corpus.idf_of(sentence.doc_id)
        coverage = corpus.lexical.coverage(own_terms, term_set, around, idf=idf)
        if history_terms:
            coverage = 0.7 * coverage + 0.3 * corpus.lexical.coverage(history_terms, term_set, around, idf=idf)
        score = W_DENSE * cosine + W_LEXICAL * coverage + W_CONTEXT * context.get(pos, 0.0)
        if query.profile.wants:
            score += LABEL_BOOST if sentence.label in query.profile.wants else -LABEL_PENALTY
        if sentence.cue == ANAPHORA_CUE:
            score -= CONTINUATION_PENALTY  # "It reported ..." reads poorly alone; it can join as a follow-on
        if query.profile.asks_content and sentence.cue == QUOTED_CUE:
            score += CONTENT_BOOST  # "what did their message say": the words of the message
        if sentence.label in query.profile.wants and says_only_that_talk_exists(sentence):
            score -= TALK_ONLY_PENALTY  # asked what is said online: the sentences that say it
        scored.append(
            ScoredSentence(sentence=sentence, score=round(score, 4), dense=cosine, lexical=coverage, context=context.get(pos, 0.0))
        )
    scored.sort(key=lambda s: (-s.score, s.sentence.doc_id, s.sentence.idx))
    return scored
