"""A person an article introduces by their office keeps it when named again by surname alone.

Every sentence here was written for this test (general English news style, no set's text).
"""

from __future__ import annotations

import pytest

from assistant.ingest.titled import demonyms, described_names, office_titles, titled_names

from .test_provenance import rules


@pytest.mark.parametrize(
    ("sentence", "surnames"),
    [
        # A title of office right before a name, whatever precedes it; the surname is what is kept.
        ("Justice Mara Quillon has sat on the court since 2009.", {"quillon"}),
        ("Chief Justice Ode Benning opened the session.", {"benning"}),
        ("Foreign Minister Ilse Varga flew to Rome on Sunday.", {"varga"}),
        ("Sen. Ray Dutton, a Democrat, chairs the panel.", {"dutton"}),
        ("Solicitor General Nadia Ferro will argue the case.", {"ferro"}),
        ("Secretary of State Paul Oyelaran met his counterpart.", {"oyelaran"}),
        ("Detective Sergeant Lucy Amos led the search.", {"amos"}),
        ("President George W. Kell signed the bill, and Judge Ana de Souza-Lima's ruling stood.", {"kell", "souza-lima"}),
        ("The ruling of Justice Sandra Day O’Brien was overturned.", {"o’brien"}),
        ("then-Interior Minister Karl Oster ordered the review.", {"oster"}),
        # "!": an office alone or after a place or a public body; after a company or a club, not.
        ("President Amara Tole arrived in Lagos.", {"tole"}),
        ("Bank of England Governor Neil Rudd spoke first.", {"rudd"}),
        ("Microsoft President Dana Whit gave evidence.", set()),
        ("South Korean President Mira Kwon flew to Tokyo.", {"kwon"}),
        ("Palestinian leader Rami Aziz met the envoy.", {"aziz"}),
        ("Opposition leader Ann Berg called it a farce.", set()),
        ("Labour leader Tom Ashby was heckled.", set()),
        ("The club president Jon Vale was re-elected.", set()),
        # "+": a role that is an office only after a public body's name.
        ("Pentagon spokesman Eli Brandt declined to comment.", {"brandt"}),
        ("FBI Director Lena Cross testified.", {"cross"}),
        ("Apple Director Tom Reyes resigned.", set()),
        ("Hamas spokesman Abu Dalal said nothing.", set()),
        # "2": a military rank that is also an everyday word needs a full name after it.
        ("Gen. Mark Ilves inspected the troops.", {"ilves"}),
        ("General Motors announced a recall.", set()),
        # A past office, or the opposition's shadow of one, teaches nothing.
        ("Former President Ivo Dak campaigned for his son.", set()),
        ("ex-Minister Rosa Lind wrote a memoir.", set()),
        ("Shadow Treasurer Ben Oakes criticised the budget.", set()),
        # Not a person: a body named on an office's word.
        ("The Justice Department opened an inquiry.", set()),
        # An office in apposition after the name, held now, of a state or a public body.
        ("Anton Brel, the Belgian foreign minister, arrived late.", {"brel"}),
        ("Nadia Ferro, who is the solicitor general, argued the case.", {"ferro"}),
        ("Ana Lopes, the president of Brazil, opened the summit.", {"lopes"}),
        ("Lena Cross, the director of the FBI, testified.", {"cross"}),
        ("Ruth Alder, a judge in Ohio, ruled on Friday.", {"alder"}),
        ("John Vale, the president of the club, resigned.", set()),
        ("Tom Reyes, a director at Apple, quit.", set()),
        ("Karl Oster, the former interior minister, wrote a memoir.", set()),
    ],
)
def test_a_title_of_office_before_a_name_types_the_surname(sentence: str, surnames: set[str]) -> None:
    found = titled_names(sentence)
    assert {key for key in found if " " not in key} == surnames  # and the full names, for namesakes
    assert set(found.values()) <= {"official"}


def test_the_nations_are_data() -> None:
    nations = demonyms()
    assert {"french", "south korean", "palestinian", "american"} <= nations
    assert "kurdish" not in nations  # a people without a state of its own has no state's offices


def test_the_titles_are_data_with_conditions() -> None:
    titles = office_titles()
    assert titles["justice"] == "" and titles["president"] == "!" and titles["spokesman"] == "+" and titles["general"] == "2"


def test_a_justice_introduced_in_narration_speaks_as_the_court_when_named_again() -> None:
    # The introduction has no attribution cue (the rules do not parse it); the surname speaks later.
    text = (
        "Justice Mara Quillon is the longest-serving member of the bench.\n\n"
        "The case turned on a 1998 statute.\n\n"
        '"Is that your best answer?" Quillon asked the lawyer.'
    )
    labelled = rules(text)
    assert labelled[-1].label == "official", labelled[-1].reason
    assert labelled[-1].attributed_to == "Quillon"


@pytest.mark.parametrize(
    ("sentence", "surnames"),
    [
        ("Lena Varro, an Italian journalist who covered the trial, flew home on Sunday.", {"varro"}),
        ("Omar Haddad, an analyst at a Dubai bank, expects rates to fall.", {"haddad"}),
        ("Kim Sato, the editor of the Harbour Times, was at the meeting.", {"sato"}),
        # Not a reporter or an expert: a witness or a resident may tell of their own affairs later;
        # a former journalist, or an office, is no reporter now.
        ("Jon Berg, a local shopkeeper, watched the water rise.", set()),
        ("Ana Lima, a former reporter, is running for mayor.", set()),
        ("Paul Oyelaran, the secretary of state, met his counterpart.", set()),
    ],
)
def test_a_journalist_or_an_expert_in_apposition_types_the_surname(sentence: str, surnames: set[str]) -> None:
    assert set(described_names(sentence)) == surnames
    assert set(described_names(sentence).values()) <= {"media_report"}


def test_a_journalist_introduced_in_narration_still_reports_when_named_again() -> None:
    text = (
        "Lena Varro, an Italian journalist who covered the trial, remembered the long queues outside the court.\n\n"
        '"Nobody told us anything," Varro said.\n\n'
        "Varro flew home the next day."
    )
    labelled = rules(text)
    assert labelled[1].label == "media_report", labelled[1].reason  # not a person speaking for their own affairs
    assert labelled[2].label == "article", labelled[2].reason  # her deeds are narration


def test_a_former_official_named_again_speaks_for_themselves() -> None:
    text = (
        "Former Interior Minister Karl Oster now runs a consultancy.\n\n"
        '"The law was never enforced," Oster said.'
    )
    labelled = rules(text)
    assert labelled[-1].label != "official", labelled[-1].reason


def test_a_namesake_with_another_given_name_is_someone_else() -> None:
    text = (
        "Patrol Chief Omar Vance of the city police said the parade would go ahead.\n\n"
        '"Window seat, no delays. #blessed," Ellie Vance tweeted on Wednesday.\n\n'
        '"The route is clear," Vance said.\n\n'
        'Mr Vance added that the bridge would close at noon.'
    )
    labelled = rules(text)
    assert labelled[1].label == "social_media", labelled[1].reason  # not the patrol chief's
    assert [s.label for s in labelled[2:]] == ["official", "official"]  # the surname alone, or with an honorific: the chief again


def test_a_transcript_line_credits_a_speaker_named_before_by_surname() -> None:
    text = (
        "Solicitor General Mara Quillon defended the agency's funding.\n\n"
        "Quillon: “I can’t think of anything else that is precisely like this.”\n\n"
        "Update: “The hearing resumes on Monday.”"
    )
    labelled = rules(text)
    assert labelled[1].label == "official" and labelled[1].attributed_to == "Quillon", labelled[1].reason
    assert "Update:" not in labelled[2].reason  # a note's heading is no speaker
