"""Sentences carry exact offsets into the verbatim article, whatever its typography."""

from __future__ import annotations

import pytest

from assistant.ingest.load import content_hash
from assistant.ingest.segment import split_sentences
from assistant.types import Article


def _article(text: str) -> Article:
    return Article(doc_id="t", text=text, content_hash=content_hash(text))


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(_article(text))]


def test_every_sentence_is_the_exact_slice_of_the_article(article_text: str) -> None:
    sentences = split_sentences(_article(article_text))
    assert len(sentences) == 33
    for s in sentences:
        assert article_text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_pm_ends_a_sentence_only_before_a_capital() -> None:
    text = "Reports began around 3 p.m. The information was contradictory. Around 7 p.m. in the evening it stopped."
    assert _texts(text) == [
        "Reports began around 3 p.m.",
        "The information was contradictory.",
        "Around 7 p.m. in the evening it stopped.",
    ]


def test_a_country_abbreviation_ends_a_sentence_only_before_a_function_word() -> None:
    text = "U.N. Secretary-General Ana Lima spoke first. Talks began in the U.S. The delegates left on Friday."
    assert _texts(text) == ["U.N. Secretary-General Ana Lima spoke first.", "Talks began in the U.S.", "The delegates left on Friday."]


def test_a_companys_ticker_in_parentheses_goes_on_with_its_sentence() -> None:
    text = "Zentra Systems, Inc. (NYSE: ZNT) today announced a new chip. It was founded by Mara Quinn Ltd. Shares rose."
    assert _texts(text) == ["Zentra Systems, Inc. (NYSE: ZNT) today announced a new chip.", "It was founded by Mara Quinn Ltd.", "Shares rose."]


def test_footnote_markers_end_a_sentence_with_it() -> None:
    text = "The dam was finished in 1974.[1] It holds 2 km3 of water.[2][3] Critics disputed the figure.[citation needed] Array[0] is not a note."
    assert _texts(text) == [
        "The dam was finished in 1974.[1]",
        "It holds 2 km3 of water.[2][3]",
        "Critics disputed the figure.[citation needed]",
        "Array[0] is not a note.",
    ]


def test_apostrophes_dashes_and_titles_do_not_split() -> None:
    text = "The NSC said it was a coup d’état – an attempt led by Mr. Tuleshov and Dr. J. Smith. Nothing else was said."
    assert _texts(text) == [
        "The NSC said it was a coup d’état – an attempt led by Mr. Tuleshov and Dr. J. Smith.",
        "Nothing else was said.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Det. Supt. Mark Hill said the suspect was held. Lt. Col. Ann Reyes and Brig. Gen. Sam Ortiz agreed.", 2),
        ("The Rt. Hon. Mary Banda spoke first. Cmdr. Ray Holt spoke next.", 2),
        ("Most voted no. Gen. Mark Milley said the troops were ready.", 2),  # "No." is an abbreviation only before a number
        ("The meeting was at No. 10 Downing Street on Monday.", 1),
        ("He was sent to the brig. The captain said nothing.", 2),  # a title only capitalised
    ],
)
def test_abbreviated_titles_and_ranks_go_on_to_a_name(text: str, sentences: int) -> None:
    assert len(_texts(text)) == sentences


def test_a_sentence_may_open_with_a_name_in_camel_case() -> None:
    text = "The new lineup has a larger display. iPhone 14 will be available on Friday. eBay said sales rose. It costs approx. eight dollars."
    assert _texts(text) == ["The new lineup has a larger display.", "iPhone 14 will be available on Friday.", "eBay said sales rose.",
                            "It costs approx. eight dollars."]


def test_initials_go_on_to_a_name_unless_a_function_word_follows() -> None:
    assert _texts("Chief Justice D.Y. Chandrachud wrote it. Author J.R.R. Tolkien agreed.") == [
        "Chief Justice D.Y. Chandrachud wrote it.", "Author J.R.R. Tolkien agreed."]
    assert _texts("She moved to the U.K. The company said so.") == ["She moved to the U.K.", "The company said so."]
    assert _texts("The studio posted on X. The game is due in 2025. George W. Bush and J. A. Smith came.") == [
        "The studio posted on X.", "The game is due in 2025.", "George W. Bush and J. A. Smith came."]


def test_a_quoted_statement_of_several_sentences_is_split_with_its_quotes_kept() -> None:
    text = "The message read thus:\n“We are here. We gave the first blow. The fight has begun!”\nOthers disagreed."
    assert _texts(text) == [
        "The message read thus:",
        "“We are here.",
        "We gave the first blow.",
        "The fight has begun!”",
        "Others disagreed.",
    ]


def test_separator_lines_are_not_sentences_but_close_a_paragraph() -> None:
    text = "First paragraph ends here.\n***\nSecond paragraph starts."
    sentences = split_sentences(_article(text))
    assert [s.text for s in sentences] == ["First paragraph ends here.", "Second paragraph starts."]
    assert sentences[0].paragraph != sentences[1].paragraph


def test_windows_line_endings_keep_offsets_exact() -> None:
    text = "One sentence here.\r\nAnother one “quoted”.\r\n"
    for s in split_sentences(_article(text)):
        assert text[s.start : s.end] == s.text


def test_one_very_long_line_is_split_into_every_sentence_with_exact_offsets() -> None:
    """An article pasted as one line (no paragraph breaks) is still split sentence by sentence
    (its speed is in `make bench`: a 1,000,000-character line)."""
    from assistant.evaluation.bench import segmentation_speed

    sentence = "The council said on Tuesday that the bridge will reopen in May. "
    text = sentence * 3000 + "Dr. Lee, of the U.N. agency, agreed."
    found = split_sentences(Article(doc_id="long", text=text, content_hash="x"))
    assert len(found) == 3001
    assert all(text[s.start : s.end] == s.text for s in found)
    assert found[-1].text == "Dr. Lee, of the U.N. agency, agreed."
    assert segmentation_speed(20_000)["sentences"] > 200


def test_a_run_on_sentence_too_long_to_parse_is_labelled_as_narration() -> None:
    from assistant.ingest.label import MAX_PARSED_CHARS, label_sentences

    text = "The ministry said " + "and the bridge was closed " * (MAX_PARSED_CHARS // 20)
    [labelled] = label_sentences(split_sentences(Article(doc_id="long", text=text, content_hash="x")))
    assert labelled.label == "article"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("'Patience has limits,' said Brassac.", '"Patience has limits," said Brassac.'),
        ("She called the strike 'unjustified' and left.", 'She called the strike "unjustified" and left.'),
        ("‘We will win’, he said.", '"We will win", he said.'),
        ("The workers' union said it didn't agree.", "The workers' union said it didn't agree."),
        ("Music of the '90s is back.", "Music of the '90s is back."),
    ],
)
def test_single_quotation_marks_are_read_as_quotes_and_apostrophes_are_not(text: str, read: str) -> None:
    from assistant.ingest.quotes import quote_view

    assert quote_view(text) == read and len(quote_view(text)) == len(text)


def test_a_platform_named_by_one_letter_ends_a_sentence_whatever_word_follows() -> None:
    # "on X." is the platform, not an initial, even before a name; "W." after a given name is one.
    assert _texts("She denied it in a post on X. Kenya's duty stands at 15 percent. George W. Bush came.") == [
        "She denied it in a post on X.", "Kenya's duty stands at 15 percent.", "George W. Bush came."]
