"""When several articles answer, the answer shows what each of them says.

Sources put a fact differently or disagree (an announced date against the date it happened); the
journalist sees the best sentence of every article that is about what was asked, cited, and
judges. An article that never names what the question names is not one of those sources.
Hand-made scores (no retrieval) so that each rule is pinned on its own.
"""

from __future__ import annotations

from assistant.answer.compose import ComposerSettings, compose
from assistant.answer.question import analyse
from assistant.index.records import ArticleRecord
from assistant.ingest.load import content_hash
from assistant.types import Article, LabelledSentence, ScoredSentence

ARTICLES = {
    "announced": "Moonfall Arena's original release date was April 16, 2020, announced at a trade show.",
    "released": "After two delays, the studio released Moonfall Arena on 10 December 2020.",
    "sequel": "The sequel was released on 5 May 2022 to mixed reviews.",  # never names Moonfall Arena
    "faraway": "Moonfall Arena was first shown to the press on 2 March 2018.",
}
SCORES = {"announced": 0.90, "sequel": 0.72, "released": 0.70, "faraway": 0.55}
CFG = ComposerSettings(min_score=0.3, max_citations=4)


def _records() -> dict[str, ArticleRecord]:
    records = {}
    for doc_id, text in ARTICLES.items():
        article = Article(doc_id=doc_id, title=doc_id, text=text, content_hash=content_hash(text))
        sentence = LabelledSentence(doc_id=doc_id, idx=0, start=0, end=len(text), text=text, label="article")
        records[doc_id] = ArticleRecord(article=article, sentences=[sentence], passages=[])
    return records


def _ask(question: str, scores: dict[str, float]):
    records = _records()
    ranked = [
        ScoredSentence(sentence=records[doc_id].sentences[0], score=score)
        for doc_id, score in sorted(scores.items(), key=lambda kv: -kv[1])
    ]
    return compose(question, analyse(question), ranked, records, CFG)


def test_each_article_about_the_question_is_heard_when_it_scores_near_the_best() -> None:
    answer = _ask("When was Moonfall Arena released?", SCORES)
    cited = {c.doc_id for c in answer.citations}
    assert answer.answerable, answer.answer
    assert {"announced", "released"} <= cited  # both dates, each from its own article
    assert "10 December 2020" in answer.answer and "April 16, 2020" in answer.answer


def test_an_article_that_never_names_what_was_asked_is_not_a_source() -> None:
    answer = _ask("When was Moonfall Arena released?", SCORES)
    assert "sequel" not in {c.doc_id for c in answer.citations}, answer.answer


def test_an_article_far_below_the_best_is_left_out() -> None:
    answer = _ask("When was Moonfall Arena released?", SCORES)
    assert "faraway" not in {c.doc_id for c in answer.citations}, answer.answer


def test_a_refusal_is_not_turned_into_an_answer_by_other_articles() -> None:
    """The best sentences decide whether the articles answer; other sources only add to an answer."""
    answer = _ask("When was Moonfall Arena released on Nintendo Switch?", SCORES)
    assert not answer.answerable, answer.answer
