"""The parse the labeller reads: spaCy's stock annotations, however they are computed.

Two parts of the pipeline are built for speed (the attribute ruler's rules matched by lookup, the
source phrases tokenised without the tagger and parser); what they produce must be what the stock
components produce.
"""

from __future__ import annotations

import pytest

from assistant.ingest.attribute_lookup import AttributeLookup, install
from assistant.ingest.nlp import load_parser
from assistant.ingest.label import headline_variant
from assistant.ingest.patterns import SPANS_KEY, source_patterns

SENTENCES = [
    # wire copy, quotes, a court report, a live blog
    "The Interior Ministry said on Tuesday that 14 people had been detained.",
    '"We are gonna find them," she told reporters. "Y\'all know that."',
    "There were no injuries, and there is no sign it was deliberate, police said.",
    "He'd have done it if he could've, but he didn't and I ain't sure why.",
    "Let's be clear: nothing was said, nobody was told and it wasn't ours.",
    "The judge, who had ruled that the evidence was inadmissible, did not comment.",
    "09:20 - Officials   confirmed  the  closure.\n\nMore to follow.",
    "C'mon, ol' Tom was goin' home, somethin' 'bout 'em, 'nuff said.",
    "Whether it's true or not, the WHO declared it a pandemic; US officials disagreed.",
    "That that is is that that is not is not.",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_parser()


def test_the_attribute_rules_matched_by_lookup_set_what_spacys_matcher_sets(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    from_ruler = [name for name in nlp.pipe_names[nlp.pipe_names.index("attribute_ruler"):]]
    with nlp.select_pipes(disable=from_ruler):
        docs = list(nlp.pipe(SENTENCES))
    stock = type(ruler).match  # the Matcher's (the pipeline's ruler matches by lookup)
    assert ruler.match != stock.__get__(ruler)
    for doc in docs:
        assert ruler.match(doc) == sorted(set(stock(ruler, doc))), doc.text
    # and what the ruler then sets: parts of speech, morphology, lemmas
    for text in SENTENCES:
        by_lookup = nlp(text)
        ruler.match = stock.__get__(ruler)
        try:
            by_matcher = nlp(text)
        finally:
            install(ruler)
        assert [(t.pos_, str(t.morph), t.lemma_) for t in by_lookup] == [(t.pos_, str(t.morph), t.lemma_) for t in by_matcher]


def test_every_kind_of_rule_the_stock_ruler_holds_is_read_by_the_lookup(nlp) -> None:  # type: ignore[no-untyped-def]
    lookup = AttributeLookup.of(nlp.get_pipe("attribute_ruler"))
    assert lookup is not None
    assert {"TAG", "LOWER", "DEP", "IS_SPACE"} <= set(lookup.attrs)
    assert any(len(rule.tests) == 2 for rule in lookup.rules)  # "gon na", "Let 's"


def test_rules_the_lookup_cannot_read_stay_with_the_matcher() -> None:
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], attrs={"POS": "ADV"})
    assert AttributeLookup.of(ruler) is None
    assert install(ruler) is False
    assert "match" not in vars(ruler)


def test_every_source_phrase_is_found_in_text(nlp) -> None:  # type: ignore[no-untyped-def]
    """The source phrases are tokenised as text is, though the ruler no longer tags and parses them."""
    phrases = sorted({p["pattern"] for p in source_patterns()})
    missed = [phrase for phrase, doc in zip(phrases, nlp.pipe(phrases, batch_size=256))
              if not any(s.start == 0 and s.end == len(doc) for s in doc.spans[SPANS_KEY])]
    assert missed == []


def test_a_headline_in_title_case_is_parsed_in_sentence_case_after_its_subject() -> None:
    # Same length (every offset keeps its place), the subject before the verb keeps its case.
    variant = headline_variant("Meta Reports Fourth Quarter and Full Year 2022 Results")
    assert variant == "Meta reports fourth quarter and full year 2022 results"
    assert headline_variant("Bank of England Raises Interest Rates to 5.25%") == "Bank of England raises interest rates to 5.25%"
    # Sentences, lines with lower-case words and short lines are no such headlines.
    assert headline_variant("Meta Reports Fourth Quarter Results.") is None
    assert headline_variant("Meta reports record results for the fourth quarter") is None
    assert headline_variant("Apple Reports Results") is None
