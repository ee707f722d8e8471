"""The answer head: one learned probability that a candidate sentence answers the question.

A logistic regression over generic features of each candidate (route (b) of issue 14): what
retrieval measured (cosine, term coverage, passage context, the fused score and its rank and gap
to the best), whether the sentence fits the asked type, whether its article names what the
question names, the sentence's length, and the answer judge's probability. Its weights and the
threshold below which the articles are taken not to answer are fitted by
``training/fit_head.py`` (``make train-head``) on a SQuAD 2.0 title the judge never trained on,
and ship in ``judge_model/head.json`` with what they were fitted on.

With the head on, it ranks the candidates and decides answerability in place of the hand-set
fusion threshold; the fused score still finds the candidates.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.answer.judge import Judged
from assistant.answer.question import QuestionProfile
from assistant.errors import ModelError
from assistant.index.records import ArticleRecord
from assistant.types import ScoredSentence

PACKAGED = Path(__file__).parent / "judge_model" / "head.json"
CANDIDATES = 8  # the best of each ranking (fused, and fitting the asked type) that the head reads
FEATURES = (
    "score", "dense", "lexical", "context", "fits", "fit_score", "fit_rank", "rank", "gap", "missing",
    "has_type", "names", "words", "judge",
)


@dataclass(frozen=True)
class Candidate:
    """What the head reads about one candidate sentence."""

    scored: ScoredSentence
    rank: int  # in the fused ranking (99: not in its top)
    fit_rank: int  # among sentences fitting the asked type (99: does not fit)
    fit_score: float  # fused score with the fit bonus (0 when it does not fit)
    gap: float  # best fused score less this one's
    missing: bool  # its article leaves out a name or number the question gives
    has_type: bool  # the question asks for a type (number, date, person, ...)
    names: int  # names the question gives
    judge: float  # the answer judge's probability

    def vector(self) -> list[float]:
        s = self.scored
        p = min(max(self.judge, 1e-4), 1 - 1e-4)
        fits = self.fit_rank < 99
        return [
            s.score, s.dense, s.lexical, s.context, float(fits), self.fit_score,
            min(self.fit_rank, 10) / 10, min(self.rank, 10) / 10, self.gap, float(self.missing),
            float(self.has_type), min(self.names, 3) / 3, min(len(s.sentence.text.split()), 80) / 80,
            math.log(p / (1 - p)) / 5,
        ]


@dataclass(frozen=True)
class AnswerHead:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probabilities(self, candidates: Sequence[Candidate]) -> list[float]:
        if not candidates:
            return []
        x = np.array([c.vector() for c in candidates], dtype=np.float64)
        return [round(float(p), 4) for p in 1 / (1 + np.exp(-(x @ np.array(self.weights) + self.bias)))]


def read_head(path: Path = PACKAGED) -> AnswerHead:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        weights = raw["weights"]
        if tuple(raw["features"]) != FEATURES:
            raise ValueError(f"features {raw['features']} are not {FEATURES}")
        return AnswerHead(weights=tuple(float(weights[f]) for f in FEATURES), bias=float(raw["bias"]),
                          threshold=float(raw["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"The answer head {path} is missing or unreadable: {exc}",
                         "Reinstall the project, or refit it with `make train-head`.") from exc


def build_candidates(
    ranked: Sequence[ScoredSentence],
    fitting: Sequence[ScoredSentence],
    missing: Callable[[str], bool],
    profile: QuestionProfile,
    judged: Judged,
    records: Mapping[str, ArticleRecord],
) -> list[Candidate]:
    """What the head reads about the best of the fused ranking and of the sentences that fit the
    asked type (``fitting``, with the fit bonus); ``missing(doc_id)``: does that article leave
    out a name or number the question gives."""
    fit_at = {(c.sentence.doc_id, c.sentence.idx): (i, c.score) for i, c in enumerate(fitting)}
    rank = {(c.sentence.doc_id, c.sentence.idx): i for i, c in enumerate(ranked)}
    picked: list[ScoredSentence] = []
    seen: set[tuple[str, int]] = set()
    for c in [*fitting[:CANDIDATES], *ranked[:CANDIDATES]]:
        key = (c.sentence.doc_id, c.sentence.idx)
        if key not in seen:
            seen.add(key)
            picked.append(ranked[rank[key]] if key in rank else c)
    probabilities = judged.probabilities(picked, records)
    top = ranked[0].score if ranked else 0.0
    out = []
    for c, p in zip(picked, probabilities):
        key = (c.sentence.doc_id, c.sentence.idx)
        at, fitted = fit_at.get(key, (99, 0.0))
        out.append(Candidate(
            scored=c, rank=rank.get(key, 99), fit_rank=at, fit_score=fitted, gap=top - c.score,
            missing=missing(c.sentence.doc_id), has_type=profile.answer_type is not None,
            names=len(profile.names), judge=p,
        ))
    return out
