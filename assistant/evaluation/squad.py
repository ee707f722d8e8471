"""Generality on SQuAD 2.0 (Rajpurkar et al. 2018): answerable and adversarially unanswerable
questions over Wikipedia paragraphs (``../shared/data/squad2_dev_part.json``).

Every paragraph of the file is one article of one corpus, so the other paragraphs are the
distractors. The file's titles are split once, by position: the even-numbered titles may be used
for fitting (the answer judge is trained on them, ``training/``), the odd-numbered ones are held
out and are what the README reports. Scored per question: accuracy (an answerable question, not
refused, whose answer holds a gold answer string), false abstention (answerable and refused),
abstention recall (unanswerable and refused), and the answer's length.
"""

from __future__ import annotations

import json
import statistics
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import EvalSetError
from assistant.ingest.load import content_hash, slug
from assistant.types import Article

AskFn = Callable[[str, Sequence[str]], dict[str, Any]]


@dataclass(frozen=True)
class SquadQuestion:
    id: str
    title: str
    doc_id: str
    question: str
    answers: tuple[str, ...]
    answer_starts: tuple[int, ...]

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True)
class SquadSet:
    titles: tuple[str, ...]
    articles: tuple[Article, ...]
    questions: tuple[SquadQuestion, ...]

    def fit_titles(self) -> tuple[str, ...]:
        """Titles that may be fitted on: the 1st, 3rd, 5th ... of the file."""
        return self.titles[0::2]

    def held_out_titles(self) -> tuple[str, ...]:
        return self.titles[1::2]


def load_squad(path: Path) -> SquadSet:
    if not path.is_file():
        raise EvalSetError(f"The SQuAD file {path} is not there.", "It lives in ../shared/data/squad2_dev_part.json.")
    raw = json.loads(path.read_text(encoding="utf-8"))
    titles: list[str] = []
    articles: list[Article] = []
    questions: list[SquadQuestion] = []
    for entry in raw["data"]:
        title = entry["title"]
        titles.append(title)
        for number, paragraph in enumerate(entry["paragraphs"]):
            doc_id = f"{slug(title)}-{number}"
            text = paragraph["context"]
            articles.append(Article(doc_id=doc_id, title=title.replace("_", " "), text=text, content_hash=content_hash(text)))
            for qa in paragraph["qas"]:
                gold = [] if qa.get("is_impossible") else qa.get("answers", [])
                questions.append(SquadQuestion(
                    id=qa["id"], title=title, doc_id=doc_id, question=qa["question"],
                    answers=tuple(a["text"] for a in gold), answer_starts=tuple(a["answer_start"] for a in gold),
                ))
    return SquadSet(tuple(titles), tuple(articles), tuple(questions))


@dataclass
class SquadResult:
    titles: tuple[str, ...]
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)  # system -> metric -> value
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"titles": list(self.titles), "metrics": self.metrics, "failures": self.failures[:60]}


def score(questions: Sequence[SquadQuestion], answers: Sequence[dict[str, Any]]) -> dict[str, float]:
    answerable = [(q, a) for q, a in zip(questions, answers) if q.answerable]
    unanswerable = [a for q, a in zip(questions, answers) if not q.answerable]
    correct = sum(a["answerable"] and any(g.lower() in a["answer"].lower() for g in q.answers) for q, a in answerable)
    words = [len(a["answer"].split()) for a in answers if a["answerable"]]
    return {
        "answer_accuracy": round(correct / max(1, len(answerable)), 4),
        "false_abstention": round(sum(not a["answerable"] for _, a in answerable) / max(1, len(answerable)), 4),
        "abstention_recall": round(sum(not a["answerable"] for a in unanswerable) / max(1, len(unanswerable)), 4),
        "answer_words_p50": float(statistics.median(words)) if words else 0.0,
        "questions": float(len(questions)),
    }


def run_squad(path: Path, held_out: bool = True, limit: int | None = None, baselines: bool = True) -> SquadResult:
    """Ask the held-out titles' questions (or the fitting titles') over one corpus of every paragraph."""
    from assistant.engine import Assistant
    from assistant.evaluation.baselines import Bm25TopSentence, LlamaIndexDefault
    from assistant.index.store import ChromaStore
    from assistant.ingest.embed import load_encoder
    from assistant.settings import Settings

    data = load_squad(path)
    titles = data.held_out_titles() if held_out else data.fit_titles()
    questions = [q for q in data.questions if q.title in titles][:limit]
    settings = Settings()
    encoder = load_encoder(settings.model_dir, settings.model_sha256 or None)
    result = SquadResult(titles=titles)
    with tempfile.TemporaryDirectory(prefix="squad-") as tmp:
        store = ChromaStore.ephemeral("squad")
        assistant = Assistant(settings.model_copy(update={"index_dir": Path(tmp)}), store, encoder)
        assistant.ingest(list(data.articles), progress=False)
        systems: dict[str, AskFn] = {"assistant": lambda q, h: assistant.ask(q, history=h).model_dump()}
        if baselines:
            records = assistant.corpus.records
            systems["llamaindex_default"] = LlamaIndexDefault(records, encoder).ask
            systems["bm25_top_sentence"] = Bm25TopSentence(records).ask
        for name, ask in systems.items():
            answers = [ask(q.question, ()) for q in questions]
            result.metrics[name] = score(questions, answers)
            if name == "assistant":
                result.failures = [
                    {"id": q.id, "question": q.question, "gold": list(q.answers) or None,
                     "answer": a["answer"][:300], "answerable": a["answerable"]}
                    for q, a in zip(questions, answers)
                    if a["answerable"] != q.answerable
                    or (q.answerable and not any(g.lower() in a["answer"].lower() for g in q.answers))
                ]
        store.drop()
    return result
