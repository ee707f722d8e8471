"""The answer judge: does this sentence answer this question? A learned score in [0, 1].

A cross-encoder (all-MiniLM-L6-v2 fine-tuned on SQuAD 2.0 question-sentence pairs, exported to
ONNX int8; ``training/train_judge.py`` rebuilds it with ``make train``) reads the question's asked
clause and each candidate sentence (after the sentence its opening pronoun leans on) and gives the
probability that the sentence states the answer. The model ships in ``judge_model/`` with its
sha256 and the threshold chosen on a title kept out of training (``judge.json``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from assistant.index.records import ArticleRecord
from assistant.ingest.context import judged_text
from assistant.offline import go_offline
from assistant.types import ScoredSentence

MAX_TOKENS = 160  # as trained
PACKAGED = Path(__file__).parent / "judge_model"


class AnswerJudge(Protocol):
    """The seam: any scorer of (question, sentence) pairs can stand in (tests, another model)."""

    threshold: float

    def judge(self, question: str, sentences: Sequence[str]) -> list[float]: ...


@dataclass(frozen=True)
class JudgeCard:
    """What judge.json records about a trained model."""

    sha256: str
    threshold: float


def read_card(model_dir: Path) -> JudgeCard:
    from assistant.ingest.embed import read_model_card

    return read_model_card(model_dir / "judge.json", "answer judge", "make train",
                           lambda raw: JudgeCard(sha256=str(raw["sha256"]), threshold=float(raw["threshold"])))


class OnnxJudge:
    """The cross-encoder judge on ONNX Runtime (CPU)."""

    def __init__(self, model_dir: Path = PACKAGED, threshold: float | None = None) -> None:
        go_offline()
        from assistant.ingest.embed import checked_cross_encoder

        card = read_card(model_dir)
        self.threshold = card.threshold if threshold is None else threshold
        self._session, self._tokenizer = checked_cross_encoder(model_dir, card.sha256, "answer judge", "make train", MAX_TOKENS, "only_second")

    def judge(self, question: str, sentences: Sequence[str]) -> list[float]:
        """Each sentence's probability of answering, from that pair alone (not the other candidates)."""
        from assistant.ingest.embed import pair_outputs

        if not sentences:
            return []
        return [round(float(p), 4) for p in pair_outputs(self._session, self._tokenizer, [(question, s) for s in sentences])[:, 0]]


@dataclass(frozen=True)
class Judged:
    """The answer judge applied to one question: which of the sentences chosen to answer it do.

    Answerability is the judge's: the articles answer when some chosen sentence is judged to
    state the answer. Sentences from the article of the best judged one stay with it (runners-up,
    context); a sentence from another article stays only if it is judged to answer by itself.
    """

    judge: AnswerJudge
    question: str  # the clause asked (with the turn before it, for a follow-up)

    def probabilities(self, sentences: Sequence[ScoredSentence], records: Mapping[str, ArticleRecord]) -> list[float]:
        """The judge's probability that each sentence (read after the one its pronoun leans on) answers."""
        return self.judge.judge(self.question, [judged_text(records[c.sentence.doc_id].sentences, c.sentence)
                                                for c in sentences])

    def keep(
        self, chosen: Sequence[ScoredSentence], records: Mapping[str, ArticleRecord], alone: bool = False
    ) -> list[ScoredSentence]:
        scores = self.probabilities(chosen, records)
        answering = {c.sentence.doc_id for c, p in zip(chosen, scores) if p >= self.judge.threshold}
        if alone:
            return [c for c, p in zip(chosen, scores) if p >= self.judge.threshold]
        return [c for c, p in zip(chosen, scores) if c.sentence.doc_id in answering]


@lru_cache(maxsize=4)
def load_judge(model_dir: Path | None = None, threshold: float | None = None) -> OnnxJudge:
    """The judge, loaded once per process and model (many small assistants share one session)."""
    return OnnxJudge(model_dir or PACKAGED, threshold)
