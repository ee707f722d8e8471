"""Answer JSON v1 (DESIGN.md §4): the shape every front-end and evaluation relies on."""

from __future__ import annotations

import re

import pytest

from assistant.types import LABEL_ORDER, SECTION_TITLES

ANSWER_KEYS = {"question", "answerable", "answer", "sections", "citations", "timings_ms"}
CITATION_KEYS = {"id", "doc_id", "title", "start", "end", "quote", "label", "attributed_to", "score"}


def test_answer_json_has_exactly_the_v1_fields(assistant) -> None:
    data = assistant.ask("Who claimed responsibility for the attacks?").model_dump()
    assert set(data) == ANSWER_KEYS
    assert data["answerable"] is True
    assert set(data["timings_ms"]) == {"retrieve", "compose", "total"}
    for section in data["sections"]:
        assert set(section) == {"label", "title", "points"}
        for point in section["points"]:
            assert set(point) == {"text", "citations"}
    for citation in data["citations"]:
        assert set(citation) == CITATION_KEYS


def test_the_claim_of_responsibility_is_cited_exactly_and_labelled_as_a_group_claim(assistant, article_text) -> None:
    answer = assistant.ask("Who claimed responsibility for the attacks?")
    assert "Army for the Liberation of Kazakhstan" in answer.answer
    assert any(c.label == "group_claim" and "took responsibility" in c.quote for c in answer.citations)
    for c in answer.citations:
        assert article_text[c.start : c.end] == c.quote


def test_citations_are_numbered_in_order_of_appearance_and_sections_follow_the_label_order(assistant) -> None:
    answer = assistant.ask("What do the authorities say, and what theories circulate on social media?")
    labels = [s.label for s in answer.sections]
    assert labels == sorted(labels, key=LABEL_ORDER.index)
    assert [s.title for s in answer.sections] == [SECTION_TITLES[l] for l in labels]
    markers = [int(m) for m in re.findall(r"\[(\d+)\]", answer.answer)]
    assert markers == list(range(1, len(answer.citations) + 1))
    assert {"official", "social_media"} <= set(labels)


def test_social_media_points_are_worded_as_claims(assistant) -> None:
    answer = assistant.ask("What do social media users suggest about Russia?")
    social = [p for s in answer.sections if s.label == "social_media" for p in s.points]
    assert social
    assert all(p.text.lower().startswith("unverified") for p in social)


def test_an_unanswerable_question_is_refused_plainly(assistant) -> None:
    answer = assistant.ask("What did Vladimir Putin say about the Aktobe attack?")
    assert answer.answerable is False
    assert answer.answer.startswith("The articles do not answer this question.")


def test_a_false_premise_is_answered_with_what_the_article_says(assistant) -> None:
    answer = assistant.ask("Why did Russia order the attack?")
    assert answer.answerable
    labels = {c.label for c in answer.citations}
    assert "social_media" in labels
    assert "Social media users suggest" in answer.answer


@pytest.mark.parametrize(
    ("history", "question", "expected"),
    [
        (["Who claimed responsibility for the attacks?"], "What did their message say?", "democratic development"),
        (["What did the National Security Committee say?"], "Who organized it according to them?", "Tuleshov"),
    ],
)
def test_follow_up_questions_are_resolved_with_earlier_turns(assistant, history, question, expected) -> None:
    assert expected in assistant.ask(question, history=history).answer


def test_html_in_a_question_is_data_not_markup(assistant) -> None:
    probe = "<img src=x onerror=alert(1)> who claimed responsibility?"
    answer = assistant.ask(probe)
    assert answer.question == probe
    from assistant.web.present import answer_html, sources_html

    assert "<img" not in answer_html(answer) + sources_html(answer)


def test_nul_and_control_characters_in_a_question_are_dropped(assistant) -> None:
    answer = assistant.ask("Who\x00 claimed\x1b responsibility\u202e for the attacks?")
    assert answer.answerable and "Army for the Liberation" in answer.answer


def test_markup_inside_an_article_is_escaped_everywhere_it_is_shown(tmp_path) -> None:
    from assistant import Assistant
    from assistant.web.present import answer_html, article_html, sources_html

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text(
        "The mayor said the <script>alert(1)</script> bridge will reopen on Friday.", encoding="utf-8"
    )
    assistant = Assistant.open(corpus=corpus, index=tmp_path / "index")
    answer = assistant.ask("When will the bridge reopen?")
    assert answer.answerable and "<script>" in answer.citations[0].quote  # quotes stay verbatim
    article, sentences = assistant.article("x")
    for shown in (answer_html(answer), sources_html(answer), article_html(article, sentences, answer.citations[0])):
        assert "<script" not in shown and "&lt;script&gt;" in shown


def test_the_side_filter_keeps_only_the_asked_provenance(assistant) -> None:
    official = assistant.ask("Who is behind the attack?", labels=["official"])
    assert official.citations and {c.label for c in official.citations} == {"official"}
    theories = assistant.ask("Who is behind the attack?", labels=["social_media", "group_claim"])
    assert theories.citations and {c.label for c in theories.citations} <= {"social_media", "group_claim"}


def test_the_article_filter_restricts_the_answer(assistant) -> None:
    assert assistant.ask("How many people died?", doc_ids=["aktobe-2016"]).answerable
    assert not assistant.ask("How many people died?", doc_ids=["no-such-article"]).answerable
