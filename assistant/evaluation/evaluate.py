"""Evaluation: run an eval set (DESIGN.md §4 format) and compute the fixed metrics.

The metric functions are pure: a case and an Answer JSON in, numbers out, so tests can pin
their definitions on hand-made answers.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import EvalSetError

METRICS = (
    "answer_accuracy",
    "evidence_recall",
    "citation_precision",
    "label_accuracy",
    "abstention_recall",
    "false_abstention",
    "quote_exact",
    "answer_words_p50",
    "latency_ms_p50",
    "latency_ms_p95",
)


class EvalCase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")

    id: str
    question: str
    history: list[str] = Field(default_factory=list)
    answerable: bool = True
    facts: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    supporting: list[str] = Field(default_factory=list)
    labels: dict[str, list[str]] = Field(default_factory=dict)
    category: str = "uncategorised"


def load_evalset(path: Path) -> list[EvalCase]:
    if not path.is_file():
        raise EvalSetError(f"The eval set {path} does not exist.", "Pass a JSONL file such as evals/aktobe.jsonl.")
    cases: list[EvalCase] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            case = EvalCase.model_validate_json(line)
            for regex in case.facts:
                re.compile(regex)
        except (ValidationError, re.error) as exc:
            raise EvalSetError(f"{path}:{number} is not a valid eval case: {exc}", "See DESIGN.md §4 for the format.") from exc
        cases.append(case)
    if not cases:
        raise EvalSetError(f"{path} holds no cases.", "Add one JSON object per line.")
    return cases


def _spans(answer: dict[str, Any], texts: dict[str, str]) -> list[tuple[str, int, int, str]]:
    return [(c["doc_id"], c["start"], c["end"], c.get("label", "")) for c in answer.get("citations", []) if c["doc_id"] in texts]


def _locate(needle: str, texts: dict[str, str]) -> list[tuple[str, int, int]]:
    found = []
    for doc_id, text in texts.items():
        start = text.find(needle)
        while start != -1:
            found.append((doc_id, start, start + len(needle)))
            start = text.find(needle, start + 1)
    return found


def covering_citation(needle: str, answer: dict[str, Any], texts: dict[str, str]) -> dict[str, Any] | None:
    """The first citation whose span contains some occurrence of ``needle``."""
    for doc_id, start, end in _locate(needle, texts):
        for cit in answer.get("citations", []):
            if cit["doc_id"] == doc_id and cit["start"] <= start and end <= cit["end"]:
                return cit
    return None


@dataclass
class CaseResult:
    case: EvalCase
    answer: dict[str, Any]
    latency_ms: float
    refused: bool
    facts_ok: bool | None = None
    evidence_hits: list[bool] = field(default_factory=list)
    precision: float | None = None
    label_hits: list[bool] = field(default_factory=list)
    quotes: list[bool] = field(default_factory=list)
    words: int = 0
    failures: list[str] = field(default_factory=list)


def score_case(
    case: EvalCase,
    answer: dict[str, Any],
    texts: dict[str, str],
    sentences: dict[str, list[tuple[int, int]]],
    latency_ms: float = 0.0,
) -> CaseResult:
    """Score one answer against one case. ``sentences`` maps doc_id to sentence spans."""
    result = CaseResult(case=case, answer=answer, latency_ms=latency_ms, refused=not answer.get("answerable", False))
    result.words = len(answer.get("answer", "").split())
    for cit in answer.get("citations", []):
        text = texts.get(cit["doc_id"])
        result.quotes.append(text is not None and text[cit["start"] : cit["end"]] == cit["quote"])
    if not case.answerable:
        if not result.refused:
            result.failures.append("answered a question the articles do not answer")
        return result
    if result.refused:
        result.failures.append("refused an answerable question")
    missing_facts = [f for f in case.facts if not re.search(f, answer.get("answer", ""), re.IGNORECASE)]
    result.facts_ok = not result.refused and not missing_facts
    if missing_facts:
        result.failures.append(f"facts not in the answer: {missing_facts}")
    for ev in case.evidence:
        hit = covering_citation(ev, answer, texts) is not None
        result.evidence_hits.append(hit)
        if not hit:
            result.failures.append(f"evidence not cited: {ev[:60]!r}")
    for needle, allowed in case.labels.items():
        cit = covering_citation(needle, answer, texts)
        ok = cit is not None and cit.get("label") in allowed
        result.label_hits.append(ok)
        if not ok:
            got = cit.get("label") if cit else "not cited"
            result.failures.append(f"label of {needle[:40]!r}: {got}, expected {allowed}")
    if case.evidence:
        result.precision = citation_precision(case, answer, texts, sentences)
    return result


def citation_precision(
    case: EvalCase, answer: dict[str, Any], texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]]
) -> float:
    """Share of article sentences overlapped by citations that contain some evidence or supporting text."""
    gold = [loc for needle in [*case.evidence, *case.supporting] for loc in _locate(needle, texts)]
    cited: set[tuple[str, int, int]] = set()
    for doc_id, start, end, _ in _spans(answer, texts):
        for s_start, s_end in sentences.get(doc_id, []):
            if s_start < end and start < s_end:
                cited.add((doc_id, s_start, s_end))
    if not cited:
        return 0.0
    good = sum(
        1 for doc_id, s_start, s_end in cited if any(d == doc_id and s_start <= a and b <= s_end for d, a, b in gold)
    )
    return good / len(cited)


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return round(ordered[index], 2)


def evidence_f1(metrics: dict[str, float]) -> float:
    """Harmonic mean of evidence recall and citation precision: citing everything wins no prize."""
    r, p = metrics["evidence_recall"], metrics["citation_precision"]
    return round(2 * r * p / (r + p), 4) if r + p else 0.0


def aggregate(results: Sequence[CaseResult]) -> dict[str, float]:
    answerable = [r for r in results if r.case.answerable]
    unanswerable = [r for r in results if not r.case.answerable]
    return {
        "answer_accuracy": _mean([1.0 if r.facts_ok else 0.0 for r in answerable]),
        "evidence_recall": _mean([1.0 if h else 0.0 for r in answerable for h in r.evidence_hits]),
        "citation_precision": _mean([r.precision for r in answerable if r.precision is not None]),
        "label_accuracy": _mean([1.0 if h else 0.0 for r in answerable for h in r.label_hits]),
        "abstention_recall": _mean([1.0 if r.refused else 0.0 for r in unanswerable]),
        "false_abstention": _mean([1.0 if r.refused else 0.0 for r in answerable]),
        "quote_exact": _mean([1.0 if q else 0.0 for r in results for q in r.quotes]) if any(r.quotes for r in results) else 1.0,
        "answer_words_p50": float(statistics.median([r.words for r in results])) if results else 0.0,
        "latency_ms_p50": _percentile([r.latency_ms for r in results], 0.5),
        "latency_ms_p95": _percentile([r.latency_ms for r in results], 0.95),
        "cases": float(len(results)),
    }


def by_category(results: Sequence[CaseResult]) -> dict[str, dict[str, float]]:
    """The metrics of each category's cases."""
    groups: dict[str, list[CaseResult]] = {}
    for r in results:
        groups.setdefault(r.case.category, []).append(r)
    return {name: aggregate(rs) for name, rs in sorted(groups.items())}


AskFn = Callable[[str, Sequence[str]], dict[str, Any]]


def run_evalset(
    cases: Sequence[EvalCase], ask: AskFn, texts: dict[str, str], sentences: dict[str, list[tuple[int, int]]]
) -> tuple[dict[str, float], list[CaseResult]]:
    results = []
    for case in cases:
        started = time.perf_counter()
        answer = ask(case.question, case.history)
        latency = (time.perf_counter() - started) * 1000
        results.append(score_case(case, answer, texts, sentences, latency))
    return aggregate(results), results


def run_assistant(assistant: Any, cases: Sequence[EvalCase]) -> tuple[dict[str, float], list[CaseResult]]:
    """Run ``cases`` against an open Assistant over its indexed articles."""
    records = assistant.corpus.records
    texts = {d: r.article.text for d, r in records.items()}
    sentences = {d: [(s.start, s.end) for s in r.sentences] for d, r in records.items()}
    return run_evalset(cases, lambda q, h: assistant.ask(q, history=h).model_dump(), texts, sentences)
