"""The evaluation report: baselines on the same cases, labels over every sentence, charts, RGB."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.evaluation.baselines import Bm25TopSentence, LlamaIndexDefault
from assistant.evaluation.evaluate import EvalCase, load_evalset
from assistant.evaluation.labelsets import GoldSentence, LabelledText, score_label_set
from assistant.evaluation.report import (
    GoldLabel,
    label_agreement,
    load_gold_labels,
    run_suite,
    write_suite,
)
from assistant.evaluation.rgb import (
    RgbRecord,
    contains,
    load_rgb,
    passages_for,
    run_rgb,
    unnamed_by_answering_passages,
)

from .conftest import ROOT

RGB = ROOT.parent / "shared" / "data" / "rgb_en_fact.json"


def _fixtures(assistant):
    records = assistant.corpus.records
    texts = {d: r.article.text for d, r in records.items()}
    sentences = {d: [(s.start, s.end) for s in r.sentences] for d, r in records.items()}
    return records, texts, sentences


def test_the_llamaindex_default_cites_whole_chunks_and_bm25_one_sentence(assistant, article_text) -> None:
    records, _, _ = _fixtures(assistant)
    chunked = LlamaIndexDefault(records, assistant.encoder).ask("How many people died?")
    assert chunked["citations"] and all(article_text[c["start"] : c["end"]] == c["quote"] for c in chunked["citations"])
    assert len(chunked["answer"].split()) > 300  # one 1,024-token chunk holds most of the article
    top = Bm25TopSentence(records).ask("Who claimed responsibility for the attacks?")
    assert len(top["citations"]) == 1 and "took responsibility" in top["citations"][0]["quote"]


def test_the_suite_compares_systems_per_category_and_writes_charts(assistant, tmp_path: Path) -> None:
    records, texts, sentences = _fixtures(assistant)
    cases = [
        EvalCase(id="d", question="How many people died?", facts=["17"], evidence=["17 people died"], category="facts"),
        EvalCase(id="u", question="What did Vladimir Putin say?", answerable=False, category="unanswerable"),
    ]
    systems = {
        "assistant": lambda q, h: assistant.ask(q, history=h).model_dump(),
        "bm25_top_sentence": Bm25TopSentence(records).ask,
    }
    gold = load_gold_labels(ROOT / "evals" / "aktobe_labels.jsonl")
    predicted = {(s.start, s.end): s.label for r in records.values() for s in r.sentences}
    suite = run_suite(Path("mini.jsonl"), cases, systems, texts, sentences, gold, predicted)
    assert suite.systems["assistant"]["abstention_recall"] == 1.0
    assert suite.systems["bm25_top_sentence"]["cases"] == 2
    assert set(suite.categories["assistant"]) == {"facts", "unanswerable"}
    assert suite.labels is not None and suite.labels.exact >= 0.92
    statement = "The ministry said the bridge would reopen in May."
    texts_of_a_set = [LabelledText("t", statement, (GoldSentence(0, len(statement), ("official",)),))]
    label_sets = [score_label_set(name, texts_of_a_set) for name in ("labels_a_dev", "labels_b_dev", "labels_web_check")]
    report = write_suite(tmp_path, suite, label_sets=label_sets)
    text = report.read_text(encoding="utf-8")
    assert "| evidence_f1 |" in text and "## Provenance labels over every sentence" in text
    assert "; `labels_a_dev` and `labels_b_dev` are development sets." in text  # the sets scored, checks aside
    for png in ("metrics_by_category.png", "label_confusion.png"):
        assert (tmp_path / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["systems"]["assistant"]["cases"] == 2


def test_label_agreement_counts_exact_and_acceptable_and_fills_the_confusion_matrix() -> None:
    gold = [
        GoldLabel(idx=0, start=0, end=5, text="a", label="official"),
        GoldLabel(idx=1, start=6, end=9, text="b", label="article", acceptable=["official"]),
        GoldLabel(idx=2, start=10, end=12, text="c", label="social_media"),
    ]
    agreement = label_agreement(gold, {(0, 5): "official", (6, 9): "official", (10, 12): "media_report"})
    assert agreement.exact == round(1 / 3, 4) and agreement.acceptable == round(2 / 3, 4)
    assert agreement.confusion["article"]["official"] == 1 and agreement.confusion["social_media"]["media_report"] == 1
    assert len(agreement.disagreements) == 2


def test_the_gold_labels_cover_every_sentence_with_exact_offsets(article_text: str) -> None:
    gold = load_gold_labels(ROOT / "evals" / "aktobe_labels.jsonl")
    assert len(gold) == 33
    assert all(article_text[g.start : g.end] == g.text for g in gold)


def test_rgb_passages_follow_the_noise_recipe_and_a_small_run_scores(tmp_path: Path) -> None:
    if not RGB.is_file():
        import pytest

        pytest.skip(f"{RGB} is not there (shared data)")
    records = load_rgb(RGB)
    first = next(r for r in records if len(r.positive) >= 5 and len(r.negative) >= 5)
    assert len(passages_for(first, 0.0)) == 5 and all(p in first.positive for p in passages_for(first, 0.0))
    mixed = passages_for(first, 0.4)
    assert sum(p in first.negative for p in mixed) == 2 and passages_for(first, 0.4) == mixed  # seeded
    assert all(p in first.negative for p in passages_for(first, 1.0))
    assert contains("It was played in Tampa, Florida.", records[0].answers)
    result = run_rgb(RGB, limit=2)
    assert result.records == 2 and set(result.accuracy) == {"noise_0.0", "noise_0.4", "noise_0.8"}
    assert 0.0 <= result.rejection_rate <= 1.0
    assert result.answer_citations_mean >= 1 and result.answer_words_p50 > 0  # both records are answered at noise 0
    assert all(result.accuracy_best_sentence[k] <= result.accuracy[k] for k in result.accuracy)


def test_an_rgb_miss_says_when_no_passage_with_the_answer_names_what_was_asked() -> None:
    record = RgbRecord(id=0, query="When was Diablo 3 released?", answers=("May 15, 2012",), fake="",
                       positive=(), negative=(), positive_wrong=())
    snippet = "The game was launched on May 15, 2012. Console versions came a year later."
    assert unnamed_by_answering_passages(record, [snippet, "Diablo 3 is a dark fantasy game."]) == "3 diablo"
    assert unnamed_by_answering_passages(record, [snippet, "Diablo 3 came out on May 15, 2012."]) == ""
    assert unnamed_by_answering_passages(record, ["Diablo 3 is a game."]) == ""  # no passage has the answer


def test_the_full_set_is_well_formed_and_has_every_category(article_text: str) -> None:
    cases = load_evalset(ROOT / "evals" / "aktobe.jsonl")
    assert len(cases) >= 100
    categories = {c.category for c in cases}
    assert {"paraphrase", "official_only", "online_only", "disputed", "background", "multiturn"} <= categories
    assert any(len(c.history) == 2 for c in cases)
    assert all(c.evidence for c in cases if c.answerable)


SQUAD = ROOT.parent / "shared" / "data" / "squad2_dev_part.json"


def test_squad_is_split_by_title_and_scored_as_squad_asks() -> None:
    import pytest

    from assistant.evaluation.squad import load_squad, score

    if not SQUAD.is_file():
        pytest.skip(f"{SQUAD} is not there (shared data)")
    data = load_squad(SQUAD)
    fit, held = set(data.fit_titles()), set(data.held_out_titles())
    assert fit and held and not fit & held and fit | held == set(data.titles)
    assert len({a.doc_id for a in data.articles}) == len(data.articles)  # every paragraph is one article
    answerable = next(q for q in data.questions if q.answerable)
    unanswerable = next(q for q in data.questions if not q.answerable)
    right = {"answerable": True, "answer": f"It says {answerable.answers[0].upper()}."}
    refused = {"answerable": False, "answer": "The articles do not answer this question."}
    assert score([answerable, unanswerable], [right, refused]) == {
        "answer_accuracy": 1.0, "false_abstention": 0.0, "abstention_recall": 1.0, "answer_words_p50": 2.0 + len(
            answerable.answers[0].split()), "questions": 2.0}
    assert score([answerable, unanswerable], [refused, right])["answer_accuracy"] == 0.0
