"""An answer names what the question asks for, in the words the articles use.

Invented articles (no real events): a person for "who is the CEO", a shortened title for a long
one, "the fourth season" for "season 4" and "the seventeenth" for 17, "third-quarter" for "Q3",
"Corvid Lens is a ... headset" for "the name of the headset", "It was released on ..." read with
the sentence that says what "it" is; and the strictness that keeps a two-word name from being
half-matched.
"""

from __future__ import annotations

import pytest

from assistant.answer.fit import missing_names
from assistant.answer.question import analyse

from .conftest import open_newsroom

ARTICLES = {
    "harbor": (
        "Harbor Mutual changes its leadership.\n\n"
        "Chairman and CEO at Harbor Mutual.\n\n"
        "The board of Harbor Mutual on Monday elected its finance chief Dana Whitfield as chief executive, "
        "succeeding the founder.\n\n"
        "Harbor Mutual, founded in 1961, manages pension savings for teachers."
    ),
    "quest": (
        "Skyward Quest is the studio's open-world adventure.\n\n"
        "The studio has confirmed that Skyward Quest will release on March 3, 2017, on its new console."
    ),
    "coastline": (
        "The fourth season of Coastline premieres on November 15, 2020, after a delay caused by the pandemic.\n\n"
        "The drama follows a fishing family in Cornwall."
    ),
    "corvid": (
        "Corvid Labs showed its first product to hospitals on Monday.\n\n"
        "Corvid Lens is a mixed reality headset built for surgeons."
    ),
    "lights": "The seventeenth season of Harbour Lights premiered on 12 November 2020, a Thursday.",
    "gridco": (
        "Gridco reported third-quarter revenue of $6.3 billion, up 8 percent from a year earlier.\n\n"
        "The utility's shares rose after the results."
    ),
    "lantern": (
        "Lantern Drift is a 2019 puzzle game developed and published by a small studio in Tartu. "
        "It was released on 9 April 2019, two years after it was first shown.\n\n"
        "The studio employs eleven people."
    ),
}


@pytest.fixture(scope="module")
def small_newsroom(tmp_path_factory: pytest.TempPathFactory):
    return open_newsroom(tmp_path_factory.mktemp("fit"), ARTICLES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is the new CEO of Harbor Mutual?", "Dana Whitfield"),  # a person, not "Chairman and CEO at ..."
        ("When was The Legend of Skyward Quest released?", "March 3, 2017"),  # the article shortens the title
        ("When does season 4 of Coastline premiere?", "November 15, 2020"),  # "the fourth season"
        ("When did season 17 of Harbour Lights premiere?", "12 November 2020"),  # "the seventeenth season"
        ("What is the name of Corvid Labs' headset?", "Corvid Lens"),  # "Corvid Lens is a ... headset"
        ("What was Gridco's revenue in Q3?", "$6.3 billion"),  # "third-quarter revenue"
    ],
)
def test_the_answer_names_what_was_asked(small_newsroom, question: str, expected: str) -> None:
    answer = small_newsroom.ask(question)
    assert answer.answerable, answer.answer
    assert expected in answer.citations[0].quote, answer.answer


def test_a_name_given_for_one_thing_is_not_the_name_of_another(small_newsroom) -> None:
    """"Corvid Lens is a headset built for surgeons" names a headset, not the surgeons."""
    assert not small_newsroom.ask("What are the names of the surgeons at Corvid Labs?").answerable


def test_a_sentence_opening_with_a_pronoun_is_about_what_the_sentence_before_names(small_newsroom) -> None:
    """"It was released on 9 April 2019" answers "When was Lantern Drift released?" better than "a
    2019 puzzle game", and the answer also quotes the sentence that says what "it" is."""
    answer = small_newsroom.ask("When was Lantern Drift released?")
    quotes = [c.quote for c in answer.citations]
    assert answer.answerable and "9 April 2019" in answer.answer, answer.answer
    assert {"Lantern Drift is a 2019 puzzle game developed and published by a small studio in Tartu.",
            "It was released on 9 April 2019, two years after it was first shown."} <= set(quotes)


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("It was released on 9 April 2019.", True),
        ("They pointed out that the shops were closed.", True),
        ("He was appointed in May.", True),
        ("It is speculated that the attack was staged.", False),  # an "it" that stands for nothing
        ("It later transpired that the plane never left.", False),
        ("It seems the shops were closed.", False),
        ("The studio employs eleven people.", False),
    ],
)
def test_which_sentences_lean_on_the_one_before(text: str, leans: bool) -> None:
    from assistant.ingest.context import leans_on_previous
    from assistant.types import Sentence

    assert leans_on_previous(Sentence(doc_id="d", idx=3, start=0, end=len(text), text=text)) is leans
    assert not leans_on_previous(Sentence(doc_id="d", idx=0, start=0, end=len(text), text=text))  # nothing before it


def test_a_two_word_name_must_be_mentioned_whole() -> None:
    text = "Nazarbaev's terrorists will not take this town, the message said."
    assert missing_names(analyse("How did President Nazarbayev react?"), [text]) == ["president"]
    assert missing_names(analyse("What did Putin say?"), [text]) == ["putin"]


def test_a_long_title_counts_as_mentioned_when_half_its_words_are() -> None:
    profile = analyse("Which actor won Best Actor at the 92nd Academy Awards Ceremony?")
    assert missing_names(profile, ["The 92nd Academy Awards: Joaquin Phoenix wins Best Actor."]) == []
    assert missing_names(profile, ["The Academy Awards: Joaquin Phoenix wins Best Actor."]) == ["92nd"]  # numbers are exact


def test_who_is_the_ceo_asks_for_a_person_and_which_city_for_a_place() -> None:
    assert analyse("Who is the CEO of Harbor Mutual?").entity_kinds == {"PERSON"}
    assert analyse("Which city hosted the games in 2004?").entity_kinds == {"GPE", "LOC"}
    assert "ORG" in analyse("Who claimed responsibility for the attacks?").entity_kinds
    assert not analyse("When did the attack start?").entity_kinds
