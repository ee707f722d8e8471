"""A pronoun agrees with what it stands for: "he" or "she" is one person, never "The Israelis",
"Initial reports" or a body ("The Justice Department"). In 'Initial reports spoke of 50 people trapped, but emergency spokesman Johan
Pieterse said the figure was lower. "Police dogs are still inside," he added.', the "he" is the
spokesman, not the reports the sentence before opened with. Where the source a "he said" would
continue is plural, it stands for the last person who spoke before it: a name the recogniser
takes for a person's, or one written after a role ("spokesman Johan Pieterse"), the subject of a
verb of speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.ingest.attribution import CLOSE_QUOTES, OPEN_QUOTES
from assistant.ingest.frames import Frame
from assistant.ingest.patterns import source_kinds
from assistant.ingest.pronouns import display_source
from assistant.ingest.source import is_person, is_place, name_run, type_source
from assistant.ingest.speakers import bare_title
from assistant.ingest.verbs import SPEECH_VERBS
from assistant.types import Label, LabelledSentence, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ONE_PERSON = frozenset(("he", "she"))
# Where a source's head noun ends: "spokesman for the ministry", "Officials at the embassy", "reports, ...".
_HEAD_END = re.compile(r",|\(|\s(?:of|for|at|from|in|with|on|to)\s")


def speaker_instead(sentence: Sentence, sentences: Sequence[Sentence], docs: Sequence[Doc | None], position: int,
                    parse: Callable[[str], Doc], known: Mapping[str, Label], before: LabelledSentence | None,
                    channel: str | None = None) -> LabelledSentence | None:
    """The sentence labelled as the person its "he" or "she" stands for, where ``before`` (the source
    it would otherwise continue) is plural; posted online (``channel``), social media unless an
    authority or an organisation speaks. None where the pronoun agrees with ``before`` or no person spoke."""
    if before is None or not one_person_speaks(docs[position]) or not (plural_source(before.attributed_to, docs[before.idx]) or a_body(before.attributed_to)):
        return None
    if (person := person_named_before(sentences, docs, position, parse, known, before.label)) is None:
        return None
    online = channel is not None and (person.label not in ("official", "group_claim") or not person.decided)
    return LabelledSentence(**sentence.model_dump(), label="social_media" if online else person.label,
                            attributed_to=person.source, cue=channel or person.cue, reason=person.reason)


def one_person_speaks(doc: Doc | None) -> bool:
    """Is the subject of a verb of speech, outside quoted words, "he" or "she"?"""
    return doc is not None and any(t.lower_ in _ONE_PERSON and t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS
                                   and not _quoted(t) for t in doc)


# Bodies "he" or "she" never stands for ("The Justice Department charged Ahmed Khan ... He told reporters ...").
BODIES = frozenset("department ministry court agency government office commission council army military authority authorities "
                   "administration embassy tribunal parliament senate congress regulator bureau service police company firm "
                   "group party union club".split())


def a_body(source: str) -> bool:
    """Is the source a body by its head noun ("The Justice Department", "the ministry"), not a person ("the Bureau of
    Meteorology's Claire Richards")?"""
    words = _HEAD_END.split(re.split(r"['\u2019]s\s", source)[-1], maxsplit=1)[0].split()
    return bool(words) and words[-1].lower() in BODIES


def plural_source(source: str, doc: Doc | None) -> bool:
    """Is the source's head noun plural where its sentence names it ("The Israelis", "Initial reports")?"""
    words = _HEAD_END.split(source, maxsplit=1)[0].split()
    if doc is None or not words:
        return False
    # A surname spelt like a plural ("Morales", tagged NNPS) is one person.
    return any(t.text == words[-1] and (t.tag_ == "NNS" or t.tag_ == "NNPS" and not is_person(t)) for t in doc)


def person_named_before(sentences: Sequence[Sentence], docs: Sequence[Doc | None], position: int,
                        parse: Callable[[str], Doc], known: Mapping[str, Label], quoted: Label) -> Frame | None:
    """The last person who speaks before the pronoun: the subject of a verb of speech, outside
    quoted words, in its sentence ("Ambassador Lena Ortiz commented, and she said ...") or the
    sentence before (in the same paragraph or the one before); typed as any speaker is, a person
    nothing types speaking for themselves, and a spokesperson no one is named for ("spokesman
    Raanan Gissin") for the source the story quoted (``quoted``, its kind), as ``attribution`` has
    it. A person the sentence only names ("Posts claim Mayor Daniel Ortiz knew ...", "after meeting
    Governor Ruth Adebayo") is not the one who speaks, unless the plural source before is an authority
    and no one spoke ("U.S. prosecutors allege that Trent ... He denies the charges": never the
    prosecutors' word). None when no one speaks."""
    person = None
    if (doc := docs[position]) is not None:
        pronoun = next(t.i for t in doc if t.lower_ in _ONE_PERSON and t.dep_ == "nsubj" and not _quoted(t))
        person = next((t for t in reversed(doc[:pronoun]) if _a_person_speaking(t)), None)
    spoke = True
    if person is None and position > 0 and sentences[position].paragraph - sentences[position - 1].paragraph <= 1:
        doc = docs[position - 1] if docs[position - 1] is not None else parse(sentences[position - 1].text)
        person = next((t for t in reversed(doc) if _a_person_speaking(t)), None)
        if person is None and quoted == "official":
            # "U.S. prosecutors allege that Trent ... He denies the charges.": no one spoke, and "he" is not the
            # authority: the last person the sentence before names, speaking for their own affairs.
            person, spoke = next((t for t in reversed(doc) if _named_in_clause(t)), None), False
    if person is None:
        return None
    # "a witness, Sarah Jones, said": the witness; not "the minister's son, Karim Aziz": whose son says nothing of him.
    described = person.head if person.dep_ == "appos" and not any(c.dep_ == "poss" for c in person.head.children) else person
    kind = type_source(described, known)
    name = display_source(person)
    if (kind is None or kind.by_entity) and bare_title(person) and quoted in ("official", "group_claim"):
        return Frame(quoted, name, "pronoun subject", f"'he' or 'she' is one person: '{name}', a spokesperson no one is named for, "
                                                      f"speaking for the source quoted before ({quoted})")
    label: Label = kind.label if kind is not None and kind.label != "article" else "group_claim"
    why = f"({kind.cue})" if kind is not None else "a named person with no office, outlet or online channel"
    if not spoke:
        return Frame(label, name, "pronoun subject",
                     f"'he' or 'she' is one person, not the authorities before: '{name}', the person named before: {why}", decided=False)
    return Frame(label, name, "pronoun subject", f"'he' or 'she' is one person: '{name}', who spoke before, not a plural source: {why}",
                 decided=kind is not None)


def _a_person_speaking(tok: Token) -> bool:
    """Is the token the last word of a person's name, outside quoted words, who speaks: the subject
    of a verb of speech, or in apposition to it ("The Foreign Minister, Alexander Downer, said"),
    not asked ("was asked") and not inside what someone else reports?"""
    if not _ends_a_persons_name(tok) or _quoted(tok):
        return False
    head = tok.head if tok.dep_ == "appos" else tok
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS and not _reported(head.head)


def _reported(verb: Token) -> bool:
    """Is the verb inside what another verb of speech reports ("Posts claimed Mayor Ortiz told aides
    ...": the mayor's telling is the posts' claim, not his statement)?"""
    while verb.head.i != verb.i:
        link, verb = verb.dep_, verb.head
        if link == "conj":
            continue  # "..., but spokesman Johan Pieterse said ...": a statement beside the first, not inside it
        if link not in _CLAUSE_LINKS:
            return False
        if verb.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


_CLAUSE_LINKS = frozenset(("ccomp", "xcomp", "advcl", "acl", "relcl"))


def _quoted(tok: Token) -> bool:
    """Is the token inside quotation marks ('"... to harm Arafat personally," he said')?"""
    before = tok.doc.text[: tok.idx]
    return before.count('"') % 2 == 1 or sum(before.count(q) for q in OPEN_QUOTES) > sum(before.count(q) for q in CLOSE_QUOTES)


def _named_in_clause(tok: Token) -> bool:
    """A name that is a clause's subject or object outside quoted words ("allege that Trent helped"), of a person or of no
    kind a pattern or gazetteer gives (the small recogniser often takes a surname for an organisation)."""
    return _ends_a_persons_name(tok) and tok.dep_ != "appos" or tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj") \
        and name_run(tok)[-1] == tok and source_kinds(tok.doc).get(tok.i) is None and not is_place(tok) and not _quoted(tok)


def _ends_a_persons_name(tok: Token) -> bool:
    """Is the token the last word of a person's name: by the recogniser, or after a role ("spokesman Raanan Gissin")?"""
    if tok.pos_ != "PROPN" or (run := name_run(tok))[-1] != tok:
        return False
    role = run.start > 0 and (span := source_kinds(tok.doc).get(run.start - 1)) is not None and span.label_ == "ROLE"
    return is_person(tok) or role
