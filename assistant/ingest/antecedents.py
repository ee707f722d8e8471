"""Whom a sentence that names no source of its own stands for, from the sentence before: the person it names as its
subject though they say nothing there ("Adventure World director Stephan Friedli appeared in court. He described the
deaths as ..."), the issuer of the statement, report or video it mentions ("Hamas issued a statement late on
Tuesday. According to the statement, ..."), or, for a denial or an appeal, the one an authority acted against ("The
European Commission fined Google ... It said it would appeal")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.ingest.frames import DOCUMENT_NOUNS, Frame
from assistant.ingest.pronouns import display_source
from assistant.ingest.source import entity_of, is_person, type_source
from assistant.ingest.verbs import RELEASING_VERBS, SPEECH_NOUNS, SUPPORT_VERBS
from assistant.types import Label, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# A defence: what someone an authority acted against says ("It denied any wrongdoing", "He said he would appeal").
DENIALS = frozenset("deny appeal dispute contest reject refute plead".split())
# An authority acting against someone: "fined Google", "charged Nova Corp", "arrested a man", "sued Meta".
ACTS_AGAINST = frozenset("charge fine sue arrest accuse indict investigate sanction ban penalise penalize prosecute convict detain raid".split())
# What an issuer puts out that a later sentence names again ("According to the statement", "The video showed").
ISSUED = SPEECH_NOUNS | DOCUMENT_NOUNS | frozenset("release communique communiqué report video recording message notice post".split())


_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def person_before(sentences: Sequence[Sentence], position: int, docs: Sequence[Doc | None], parser: Language,
                   known: dict[str, Label], pronoun: bool = True) -> Frame | None:
    """The person "he" or "she" (or, ``pronoun`` False, a quotation naming no one) stands for when
    the sentence before names one as its subject but has them say nothing: typed as any speaker
    is, a named person with no role speaking for themselves."""
    if position == 0 or pronoun and not _HE_SHE.search(sentences[position].text) or not near(sentences[position - 1], sentences[position]):
        return None
    before = docs[position - 1]
    if before is None:
        before = parser(sentences[position - 1].text)
    root = next((t for t in before if t.head.i == t.i), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is not None and subject.pos_ != "PROPN":  # "A delegate from the group, Sayed Gailani, ..."
        subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    # A person by the recogniser, or a first and last name it leaves untyped ("Elka Graham won ..."),
    # or a surname the text gave with a first name before ("manager Tom Greer ... Greer, 48, joined").
    if not is_person(subject) and not (entity_of(subject) == "" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children)) \
            and not any(re.search(rf"\b(?!(?:The|A|An|In|On|At|By)\b)[A-Z][a-z]+ {re.escape(subject.text)}\b", s.text) for s in sentences[: position - 1]):
        return None
    kind = type_source(subject, known)
    label: Label = kind.label if kind is not None and kind.label != "article" else "group_claim"
    why = f"({kind.cue})" if kind is not None else "a named person with no office, outlet or online channel"
    name = display_source(subject)
    return Frame(label, name, "pronoun subject", f"the pronoun stands for '{name}', the subject of the sentence before: {why}")


def near(speaker: Sentence | None, sentence: Sentence) -> bool:
    """Was ``speaker`` named in this paragraph or the one before it?"""
    return speaker is not None and 0 <= sentence.paragraph - speaker.paragraph <= 1


def issuer_before(sentences: Sequence[Sentence], position: int, docs: Sequence[Doc | None], parser: Language,
                  known: Mapping[str, Label]) -> Frame | None:
    """The issuer of what the sentence before says was put out ("Hamas issued a statement late on Tuesday", "The
    ministry published a report on Friday"): its subject, typed as any speaker is, when a pattern or a name types it."""
    if position == 0 or not near(sentences[position - 1], sentences[position]) or _HE_SHE.search(sentences[position].text):
        return None  # "he" or "she" is never the body that issued it
    before = docs[position - 1] if docs[position - 1] is not None else parser(sentences[position - 1].text)
    for verb in (t for t in before if t.lemma_.lower() in RELEASING_VERBS | SUPPORT_VERBS and t.pos_ == "VERB"):
        if not any(o.dep_ == "dobj" and o.lemma_.lower() in ISSUED for o in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        kind = type_source(subject, known) if subject is not None and subject.pos_ != "PRON" else None
        if kind is not None and kind.label != "article":
            name = display_source(subject)
            return Frame(kind.label, name, "issuer", f"what '{name}' put out in the sentence before ({kind.cue})")
    return None


def accused_before(doc: Doc | None, sentences: Sequence[Sentence], position: int, docs: Sequence[Doc | None], parser: Language,
                   known: Mapping[str, Label]) -> Frame | None:
    """ "The European Commission fined Google ... It said it would appeal", "Police arrested a man. He denied the charges":
    a denial or an appeal after an authority acted against someone is that someone's, never the authority's."""
    if doc is None or position == 0 or not near(sentences[position - 1], sentences[position]) \
            or not any(t.lemma_.lower() in DENIALS and t.pos_ == "VERB" and (t.dep_ == "ROOT" or t.dep_ in ("ccomp", "xcomp", "conj")
                       and all(c.pos_ == "PRON" for c in t.children if c.dep_ == "nsubj")) for t in doc):  # not "They said the men denied ..."
        return None
    earlier = [p for p in (position - 1, position - 2) if p >= 0 and near(sentences[p], sentences[position])]
    for before in (docs[p] if docs[p] is not None else parser(sentences[p].text) for p in earlier):  # the act, or the act and what was said of it
        if (found := _accused(before, known)) is not None:
            return found
    return None


def _accused(before: Doc, known: Mapping[str, Label]) -> Frame | None:
    # The lemmatizer sometimes misses a past tense ("fined" as "fin"): the form without its ending is read too.
    for verb in (t for t in before if t.pos_ == "VERB" and {t.lemma_.lower(), t.lower_.removesuffix("d"), t.lower_.removesuffix("ed")} & ACTS_AGAINST):
        objects = [o for o in verb.children if o.dep_ in ("dative", "dobj")]
        # "fined Google 2.4 billion euros": the parser hangs the one fined on the sum
        objects = [n for o in objects for n in (c for c in o.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < o.i)] + objects
        accused = objects[0] if objects else None
        kind = type_source(accused, known) if accused is not None else None
        if accused is None or kind is not None and kind.label == "official":
            continue
        name = display_source(accused)
        label: Label = kind.label if kind is not None and kind.label != "article" else "group_claim"
        return Frame(label, name, "denial", f"a denial or appeal after '{verb.text}' is the word of '{name}', whom the authority acted against")
    return None
