"""Metric definitions on hand-made answers, the starter set's integrity, and the engine's bar."""

from __future__ import annotations

import json
import re

import pytest

from assistant.evaluation.evaluate import (
    EvalCase,
    aggregate,
    citation_precision,
    load_evalset,
    run_assistant,
    score_case,
)

from .conftest import ROOT

TEXT = "Alpha said one. Beta said two. Gamma said three."
TEXTS = {"d": TEXT}
SENTENCES = {"d": [(0, 15), (16, 30), (31, 48)]}


def _answer(spans: list[tuple[int, int, str]], answerable: bool = True, text: str = "") -> dict:
    return {
        "answerable": answerable,
        "answer": text,
        "citations": [
            {"id": i + 1, "doc_id": "d", "start": s, "end": e, "quote": TEXT[s:e], "label": lab}
            for i, (s, e, lab) in enumerate(spans)
        ],
    }


def _case(**kw) -> EvalCase:
    return EvalCase(id="c", question="q", **kw)


def test_precision_counts_cited_sentences_that_hold_evidence_or_support() -> None:
    case = _case(evidence=["Beta said two"], supporting=["Gamma said three"])
    assert citation_precision(case, _answer([(16, 30, "article")]), TEXTS, SENTENCES) == 1.0
    assert citation_precision(case, _answer([(0, 48, "article")]), TEXTS, SENTENCES) == pytest.approx(2 / 3)
    # A span overlapping two sentences counts both.
    assert citation_precision(case, _answer([(10, 20, "article")]), TEXTS, SENTENCES) == 0.5


def test_no_citations_score_zero_precision_and_recall() -> None:
    case = _case(evidence=["Beta said two"], facts=["two"])
    result = score_case(case, _answer([], text="two"), TEXTS, SENTENCES)
    assert result.precision == 0.0 and result.evidence_hits == [False] and result.facts_ok is True


def test_evidence_must_lie_inside_one_citation() -> None:
    case = _case(evidence=["one. Beta"])
    split = score_case(case, _answer([(0, 15, "a"), (16, 30, "a")]), TEXTS, SENTENCES)
    whole = score_case(case, _answer([(0, 30, "a")]), TEXTS, SENTENCES)
    assert split.evidence_hits == [False] and whole.evidence_hits == [True]


def test_labels_are_judged_on_the_covering_citation_and_uncited_counts_wrong() -> None:
    case = _case(evidence=["Beta said two"], labels={"Beta said two": ["official"], "Gamma said three": ["article"]})
    result = score_case(case, _answer([(16, 30, "official")]), TEXTS, SENTENCES)
    assert result.label_hits == [True, False]


def test_refusals_count_for_abstention_and_against_answerable_cases() -> None:
    answerable = score_case(_case(facts=["two"]), _answer([], answerable=False, text="two"), TEXTS, SENTENCES)
    unanswerable = score_case(_case(answerable=False), _answer([], answerable=False), TEXTS, SENTENCES)
    metrics = aggregate([answerable, unanswerable])
    assert metrics["answer_accuracy"] == 0.0 and metrics["false_abstention"] == 1.0
    assert metrics["abstention_recall"] == 1.0


def test_a_quote_that_is_not_the_slice_is_caught() -> None:
    bad = _answer([(0, 15, "a")])
    bad["citations"][0]["quote"] = "Alpha said 1."
    assert aggregate([score_case(_case(), bad, TEXTS, SENTENCES)])["quote_exact"] == 0.0


def test_the_starter_set_is_well_formed(article_text: str) -> None:
    cases = load_evalset(ROOT / "evals" / "aktobe.jsonl")
    assert len(cases) >= 40 and len({c.id for c in cases}) == len(cases)
    assert sum(not c.answerable for c in cases) >= 8
    for case in cases:
        for needle in [*case.evidence, *case.supporting, *case.labels]:
            assert needle in article_text, (case.id, needle)
        for regex in case.facts:
            re.compile(regex)
    categories = {c.category for c in cases}
    assert {"multiturn", "unanswerable", "false_premise", "injection", "social_media", "official"} <= categories


# The bar of the engine issue, measured on the starter set. Regressions fail here.
BAR = {
    "answer_accuracy": (">=", 0.90),
    "evidence_recall": (">=", 0.90),
    "citation_precision": (">=", 0.60),
    "label_accuracy": (">=", 0.90),
    "abstention_recall": (">=", 0.90),
    "false_abstention": ("<=", 0.10),
    "quote_exact": (">=", 1.0),
    "answer_words_p50": ("<=", 80),
}


def test_the_engine_meets_the_bar_on_the_starter_set(assistant) -> None:
    metrics, _ = run_assistant(assistant, load_evalset(ROOT / "evals" / "aktobe.jsonl"))
    misses = {
        name: metrics[name]
        for name, (op, bar) in BAR.items()
        if not (metrics[name] >= bar if op == ">=" else metrics[name] <= bar)
    }
    assert not misses, json.dumps(metrics)


def test_overlapping_citations_count_each_sentence_once() -> None:
    case = _case(evidence=["Beta said two"])
    answer = _answer([(16, 30, "a"), (20, 35, "a")])  # the second overlaps sentences 2 and 3
    assert citation_precision(case, answer, TEXTS, SENTENCES) == 0.5
