"""Answers hold on wire-style news: a headline above the body, quotations whose speaker is named
after the words, counts given under another name, race times, figures whose topic is left to the
lead. Invented articles (no real events), written for these tests; the real index, embedder and
labeller."""

from __future__ import annotations

import pytest

from assistant.answer.question import analyse

from .conftest import open_newsroom

ARTICLES = {
    "ferry": (
        "Ferry fire off Sardinia forces 300 passengers into lifeboats\n\n"
        "CAGLIARI, Italy - More than 300 passengers were evacuated from a burning ferry off the coast of Sardinia "
        "on Tuesday, Italy's coast guard said.\n\n"
        "The coast guard said it had sent six patrol boats to the scene. Spain sent 3 firefighting aircraft under "
        "an EU agreement.\n\n"
        '"The smoke came through the vents within minutes. We grabbed the children and ran to the deck," said '
        'Marta Pinna, a teacher travelling with her family. "Nobody told us anything for half an hour."\n\n'
        "The operator, Tirrenia Blu, said the fire started in the engine room."
    ),
    "marathon": (
        "Okafor breaks course record in Lagos\n\n"
        "LAGOS, Nigeria - Peter Okafor broke the Lagos City Marathon course record on Saturday.\n\n"
        "He finished in 2 hours 8 minutes 12 seconds, ahead of Ethiopia's Abebe Tola."
    ),
    "malaria": (
        "Malaria vaccine cuts infections in Ghana trial\n\n"
        "ACCRA, Ghana - A new malaria vaccine cut infections by 61 percent in a trial in Ghana, researchers said "
        "on Monday.\n\n"
        "The trial enrolled 8,200 children aged 1 to 5 in three districts.\n\n"
        "The vaccine needs two doses and can be stored in an ordinary fridge."
    ),
    "wildfire": (
        "Wildfire forces evacuation of villages in Galicia\n\n"
        "OURENSE, Spain - Firefighters battled a wildfire in the hills of Galicia for a second day on Tuesday, as "
        "authorities evacuated four villages and closed a motorway.\n\n"
        "The fire has burned about 2,400 hectares since it broke out on Sunday near the village of Laza.\n\n"
        "Investigators found that a spark from a harvester working in a dry field started the fire, police said.\n\n"
        "More than 400 firefighters and 12 water-dropping planes were deployed."
    ),
}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory):
    return open_newsroom(tmp_path_factory.mktemp("news"), ARTICLES)


def test_the_body_answers_not_the_headline(newsroom) -> None:
    answer = newsroom.ask("How many passengers were forced into lifeboats off Sardinia?")
    assert answer.answerable and "300" in answer.answer
    assert all(not c.quote.startswith("Ferry fire off Sardinia") for c in answer.citations)


def test_words_inside_a_quotation_come_with_the_sentence_that_names_their_speaker(newsroom) -> None:
    answer = newsroom.ask("What did Marta Pinna say about being told what was going on?")
    quotes = [c.quote for c in answer.citations]
    assert answer.answerable and any(q.startswith('"Nobody told us anything') for q in quotes)
    assert any("said Marta Pinna" in q for q in quotes)  # who said it, cited beside it
    assert {c.label for c in answer.citations if "Pinna" in c.quote or "Nobody" in c.quote} == {
        next(c.label for c in answer.citations if "Pinna" in c.quote)
    }  # one speaker, one label


def test_a_count_given_under_another_name_for_the_thing_counted_answers(newsroom) -> None:
    answer = newsroom.ask("How many planes did Spain send to fight the ferry fire?")
    assert answer.answerable and "3 firefighting aircraft" in answer.answer


def test_a_count_of_something_else_does_not_answer(newsroom) -> None:
    answer = newsroom.ask("How many adults took part in the Ghana malaria vaccine trial?")
    assert "8,200" not in answer.answer or not answer.answerable


def test_a_figure_whose_topic_is_left_to_the_lead_answers(newsroom) -> None:
    answer = newsroom.ask("How many children took part in the Ghana malaria vaccine study?")
    assert answer.answerable and "8,200" in answer.answer


def test_a_race_time_answers_what_time(newsroom) -> None:
    answer = newsroom.ask("What time did the winner of the Lagos City Marathon run?")
    assert answer.answerable and "2 hours 8 minutes 12 seconds" in answer.answer


def test_how_a_speaker_put_it_asks_for_their_words() -> None:
    assert analyse("How did the information minister justify the higher fuel price?").asks_content
    assert analyse("What did the coast guard tell reporters?").asks_content
    assert not analyse("How many people did the police say were hurt?").asks_content


def test_when_asks_for_a_date_only_as_the_question_word() -> None:
    assert analyse("When did the fire start on the ferry?").answer_type == "date"
    assert analyse("What did the teacher say she took with her when they fled?").answer_type is None


def test_the_answer_judge_puts_the_sentence_that_answers_first_of_the_close_ones() -> None:
    from types import SimpleNamespace

    from assistant.answer.compose import ComposerSettings, judged_first
    from assistant.answer.judge import Judged, load_judge
    from assistant.engine import Assistant
    from assistant.types import ScoredSentence

    sentences = Assistant.label(
        "The coast guard said it had sent six patrol boats to the scene. Spain sent 3 firefighting aircraft under an "
        "EU agreement. The operator said the fire started in the engine room.",
        doc_id="ferry",
    )
    records = {"ferry": SimpleNamespace(sentences=sentences)}
    fused = [ScoredSentence(sentence=s, score=score) for s, score in zip(sentences, (0.62, 0.58, 0.30))]
    cfg = ComposerSettings(min_score=0.36, max_citations=4)
    judged = Judged(load_judge(), "How many planes did Spain send?")
    ranked = judged_first(fused, judged, records, cfg)
    assert [c.sentence.idx for c in ranked] == [1, 0, 2]  # the judge's pick first, the fused best next
    assert ranked[0].score == 0.62  # at the best fused score: whether to answer is decided as before
    # A sentence below the answer threshold is never lifted over one that could answer.
    low = [fused[0], fused[2].model_copy(update={"score": 0.2})]
    assert judged_first(low, Judged(load_judge(), "Where did the fire start?"), records, cfg) == low


def test_a_which_question_is_answered_by_a_sentence_that_never_names_the_kind_asked(newsroom) -> None:
    # "machine" names the answer's kind; the answer says "harvester". The answer judge admits it.
    answer = newsroom.ask("What machine started the Galicia wildfire?")
    assert answer.answerable and any("harvester" in c.quote for c in answer.citations), answer.answer


def test_a_which_question_about_something_the_article_never_mentions_is_refused(newsroom) -> None:
    answer = newsroom.ask("Which hospital treated the injured firefighters?")
    assert not answer.answerable, answer.answer


@pytest.mark.xfail(strict=True, reason="open (issue 14): the judge gives 0.92 to the sentence about the planes, "
                   "which names no airline, and admits it")
def test_a_which_question_answered_only_by_a_sentence_on_the_same_topic_is_refused(newsroom) -> None:
    answer = newsroom.ask("Which airline flew the water-dropping planes?")
    assert not answer.answerable, answer.answer
