"""Which sentence a sentence leans on: quoted bodies, anaphoric subjects, opening pronouns.

Labelling records the first two (``cue``); retrieval and the answer read all three, and what
gets embedded for a sentence carries the context it leans on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from assistant.types import LabelledSentence, Sentence

QUOTED_CUE = "quoted statement"
ANAPHORA_CUE = "anaphoric subject"
INHERITED_CUES = (QUOTED_CUE, ANAPHORA_CUE)


#: "It was released on July 21, 2017" is about what the sentence before it names. Not the "it"
#: of "It is speculated that ..." or "It later transpired that ...", which stands for nothing.
_OPENS_WITH_PRONOUN = re.compile(r"^\W*(it|they|he|she)\b", re.I)
_EXPLETIVE_IT = re.compile(
    r"^\W*it\s+(?:\w+\s+){0,2}?(?:that|transpired|emerged|seems|seemed|appears|appeared)\b"
    r"|^\W*it\s+(?:is|was|has been|had been|will be|would be)\s+(?:\w+ly\s+)?\w+\s+(?:that|whether|if|to|how|why|when|who)\b",
    re.I,
)


def leans_on_previous(sentence: Sentence) -> bool:
    """Does the sentence open with a pronoun that stands for what the sentence before it names?"""
    return sentence.idx > 0 and bool(_OPENS_WITH_PRONOUN.match(sentence.text)) and not _EXPLETIVE_IT.match(sentence.text)


_S = TypeVar("_S", bound=Sentence)


def antecedent(sentences: Sequence[_S], sentence: Sentence) -> _S | None:
    """The sentence an opening pronoun stands for: the one before it, in the same paragraph
    (``sentences``: the article's, in order)."""
    if not leans_on_previous(sentence):
        return None
    before = sentences[sentence.idx - 1]
    return before if before.paragraph == sentence.paragraph else None


def index_texts(sentences: Sequence[LabelledSentence]) -> list[str]:
    """What retrieval sees for each sentence of one article: a sentence that continues its context
    carries it. The quoted body of a statement is indexed with the sentence that introduces it
    ("The message released by ... read thus: “We are ..."); "They pointed out ..." with its source
    ("Social media users: They pointed out ..."); "It was released on ..." with the sentence before
    it in the paragraph, which says what "it" is. Citations still quote the sentence alone.
    """
    by_idx = {s.idx: s for s in sentences}
    out = []
    for s in sentences:
        intro = by_idx.get(s.continues) if s.continues is not None else None
        if s.cue == QUOTED_CUE and intro is not None:
            out.append(f"{intro.text} {s.text}")
        elif s.cue in INHERITED_CUES and s.attributed_to:
            out.append(f"{s.attributed_to}: {s.text}")
        else:
            out.append(judged_text(sentences, s))  # after the sentence its opening pronoun stands for
    return out


def judged_text(sentences: Sequence[_S], sentence: Sentence) -> str:
    """What the answer judge reads for a sentence: the sentence, after the one its opening pronoun
    stands for ("It was released on ..." is judged with the sentence that names "it")."""
    before = antecedent(sentences, sentence)
    return f"{before.text} {sentence.text}" if before is not None else sentence.text
