"""Retrieval: dense (Chroma) and lexical (BM25) fused, at sentence granularity.

Candidates come from the vector store's nearest sentences and from BM25's best sentences. Each
candidate gets an absolute fused score, so one threshold can say "the articles do not answer":
cosine similarity to the question, IDF-weighted coverage of the question's terms, and the
similarity of the passage around it, plus a boost for the side (official, online, group) that
the question asks about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.answer.question import QuestionProfile
from assistant.index.corpus import Corpus
from assistant.index.lexical import terms
from assistant.index.store import VectorStore, sentence_node_id
from assistant.ingest.context import ANAPHORA_CUE, QUOTED_CUE
from assistant.ingest.embed import OnnxSentenceEncoder
from assistant.types import LabelledSentence, ScoredSentence

W_DENSE, W_LEXICAL, W_CONTEXT = 0.55, 0.30, 0.15
LABEL_BOOST = 0.12
LABEL_PENALTY = 0.08
CONTENT_BOOST = 0.12
CONTINUATION_PENALTY = 0.03
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
    """What retrieval needs: the question's profile, for follow-ups the earlier turns, and the
    whole question when a scene is set around the asked clause."""

    profile: QuestionProfile
    history: tuple[str, ...] = ()
    scene: str = ""

    @property
    def text(self) -> str:
        asked = self.scene or self.profile.text
        if self.profile.is_followup and self.history:
            return " ".join([*self.history[-2:], asked])
        return asked


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
        lexical = [pos for pos in lexical if corpus.doc_at(pos) in allowed]
    # Every candidate's passage is scored (not only the archive-wide nearest passages), so a
    # sentence's score depends on its own article alone, however large the archive grows. A
    # passage's vector is the normalised mean of its sentences' vectors, read in one call with
    # the vectors of the lexical candidates.
    candidates = set(dense) | set(lexical)
    passages: dict[tuple[str, int], list[int]] = {}  # (doc_id, passage number) -> candidates in it
    for pos in candidates:
        s = corpus.at(pos)
        for number in corpus.passages_of(s.doc_id, s.idx):
            passages.setdefault((s.doc_id, number), []).append(pos)
    members = {(doc_id, number): corpus.passage_positions(doc_id, number) for doc_id, number in passages}
    needed = (set(lexical) - set(dense)).union(*members.values())
    ids = {sentence_node_id(corpus.at(p).doc_id, corpus.hash_of(corpus.at(p).doc_id) or "",
                            corpus.at(p).idx): p for p in needed}
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
        sentence = corpus.at(pos)
        term_set = corpus.lexical.terms_of(pos)
        around = corpus.terms_around(sentence.doc_id)
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
