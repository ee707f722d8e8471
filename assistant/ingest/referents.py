"""Whom a source named by a description stands for: "the company said" after "Kestrel Motors will
recall ...", "the Oslo-listed company", "the Spanish club", "the group" after "the climate group
Tide Turn", "the 29-year-old" after "Lila Moreno announced ...".

News names an organisation once and then describes it: by its kind ("the company", "the agency"),
often qualified by where it is based or listed or by its nationality. The organisation a
description stands for is, in order: the name right after it ("the charity Aid Horizon"); a name
the text gave the same description before ("the climate group Tide Turn" for "the group") or
whose name says so ("Nordkapp Bank" for "the bank"); the organisation that was the subject of a
clause in its sentence or the two before, when its kind is the source's label and its name states
no other kind ("Halvorsen Maritime ASA reported ..., the Oslo-listed company said", not "The
Argentine Football Association" for "the club"); else the earlier source of its kind
(``names.named_again``) or what the recogniser finds (``_organisation``). People, places,
datelines and tickers are never shown. Only the name shown changes; labels never do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.frames import ANAPHORIC_NOUNS
from assistant.ingest.gazetteers import known_places
from assistant.ingest.source import name_run
from assistant.ingest.titled import demonyms, office_titles
from assistant.ingest.verbs import GIVEN_NAME_VERBS
from assistant.types import Label, LabelledSentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LOOK_BACK = 3  # sentences before a description searched for the organisation it stands for
SUBJECT_LOOK_BACK = 2  # of those, the sentences whose subject it may stand for (a description names the topic of the moment)

# A source named by a description alone: "the company", "The state news agency", "the Oslo-listed company".
_DESCRIPTION = re.compile(r"^[Tt]he ((?:[\w.-]+\s+){0,3}([a-z]{3,}))$")  # not "the boutique's owner": a role
# A place joined to a participle that says how an organisation is tied to it ("Osaka-based",
# "Oslo-listed", "Iran-backed"): English word formation, not a name.
_TIED_TO_PLACE = re.compile(
    r"^[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*-(?:based|listed|headquartered|registered|owned|run|controlled|backed|funded|linked|"
    r"affiliated|aligned|allied)$")
# The name a description gives right after it: "the charity Aid Horizon", "The airline, Nordic Air,".
_NAME_AFTER = re.compile(r",?\s+((?:[A-Z][\w'’.&+-]*)(?:\s+(?:[A-Z][\w'’.&+-]*|de|del|du|des|la|le|von|van|der|of|and|&)){0,5})")
_CONNECTOR_AT_END = re.compile(r"(?:\s+(?:de|del|du|des|la|le|von|van|der|of|and|&))+$")
# Capitalised words after a description that do not name it ("the agency Tuesday said").
_NOT_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
                       "August September October November December Said Says Told Added On In At".split())
# What the recogniser tags a name with when it names no organisation that could speak.
_NOT_ORGANISATIONS = frozenset("PERSON NORP LOC WORK_OF_ART PRODUCT EVENT LAW LANGUAGE DATE TIME MONEY QUANTITY PERCENT "
                               "CARDINAL ORDINAL".split())
_CONNECTORS = frozenset("of & de del".split())


def description_head(source: str) -> str | None:
    """The kind noun of a source named by a description alone ("company" of "the Oslo-listed
    company", "club" of "the Spanish club"); None for anything else: a name ("the League One club",
    "the Bank of England"), several ("the two companies"), an office ("the shadow home secretary")."""
    match = _DESCRIPTION.match(source)
    if match is None or (head := match.group(2)) not in kind_nouns() or head[:-1] in kind_nouns():
        return None
    words, nations, i = match.group(1).split()[:-1], demonyms(), 0
    while i < len(words):  # a capitalised qualifier is a nation's adjective or a place tied to it, not a name
        pair = " ".join(words[i : i + 2]).lower()
        step = 1 if words[i][:1].islower() or _TIED_TO_PLACE.match(words[i]) or words[i].lower() in nations else 2 if pair in nations else 0
        if not step:
            return None
        i += step
    return head


@dataclass(frozen=True)
class Mention:
    """An organisation a sentence names: its name, the kind nouns the text describes it by
    ("company" of "fitness-tracking company Stridewell", "bank" of "The central bank (BCRA)"),
    whether it is the subject of a clause, and how deep that clause lies (0: the sentence's own
    verb; "Greywolf Studio announced that a sequel to Emberfall is ...": Greywolf Studio)."""

    name: str
    described_as: frozenset[str]
    subject: bool
    depth: int = 0
    sentence: int = 0  # how many sentences before the description
    paragraph: int = 0  # the paragraph it is in


def mentions(doc: Doc, end: int | None = None, people: frozenset[str] = frozenset()) -> list[Mention]:
    """The organisations a parsed sentence names before character ``end``, in order: runs of proper
    nouns (a hyphen joins them: "Sea-Watch") that the text describes by a kind of organisation, or
    that the recogniser does not take for a person, a work, a date or the like and that do not end
    in one of ``people``'s surnames, or that the text calls "it" (the small recogniser takes many a
    company's name for a person's). Not a name after or opened by a person's role ("striker Leo
    Marsh", "Coach Mikel Arteta"), a place ("Brazil"), a platform ("Telegram"), a dateline ("OSLO
    —", "Boston, Oct 14 —") or an exchange before a ticker ("NASDAQ:TSLA"). A name is shown as the
    recogniser's entity that holds it ("the Federal Institute for Drugs and Medical Devices", not
    "Federal Institute"), with the note in parentheses that follows it."""
    from assistant.ingest.nlp import named_entities

    text = doc.text[:end] if end is not None else doc.text
    entities = named_entities(doc.text)
    not_organisations = {name for name, kind in entities if kind in _NOT_ORGANISATIONS}
    found, i = [], 0
    while i < len(doc) and doc[i].idx < len(text):
        if doc[i].pos_ != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (doc[j].pos_ == "PROPN" or not doc[j - 1].whitespace_ and doc[j].text == "-"
                                or doc[j].lower_ in _CONNECTORS and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN"):
            j += 1
        run, i = doc[i:j], j
        name = run.text.rstrip("-")
        if run.end_char > len(text) or not name[:1].isupper() or name in _NOT_NAMES or name.lower().removeprefix("the ") in known_places() \
                or name.lower() in _platforms() or _in_dateline(name, doc.text) or doc.text[run.end_char : run.end_char + 1] == ":":
            continue
        # What the text calls it outweighs the recogniser's guess ("the climate group Tide Turn" is no person).
        described = _described_as(run)
        person = any(name in n or n in name for n in not_organisations) or name.split()[-1] in people
        if not described and (person and not _referred_to_as_it(run) or _person_role_before(run)) or run[0].lower_ in person_nouns():
            continue  # "Coach Mikel Arteta said ...": a person's role opening the name
        whole = next((e for e, kind in entities if kind not in _NOT_ORGANISATIONS and name in e and len(e) <= MAX_NAME and _capitalised(e)), name)
        if (note := _NOTE.match(doc.text, run.end_char)) is not None and note.group(0) not in whole:
            whole += note.group(0)  # "Sweden's Public Health Agency (Folkhälsomyndigheten)"
        subjects = [t for t in run if t.dep_ in ("nsubj", "nsubjpass")]
        depth = min((len(list(t.head.ancestors)) for t in subjects), default=0)
        found.append(Mention(re.sub(r"^[\W_]*(?:[Tt]he\s+)?|['’]s$", "", whole), described, bool(subjects), depth))
    return found


MAX_NAME = 80  # characters: longer, what the recogniser took for one name is a phrase
_NOTE = re.compile(r" \([^():\s][^():]{0,38}\)")  # a name's acronym or own-language name in parentheses after it


def _capitalised(name: str) -> bool:
    """Is every word of the name capitalised, "the" and connectors aside ("the Federal Institute for
    Drugs and Medical Devices"; not "Japanese electronics maker Hanabira Holdings")?"""
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _NAME_CONNECTORS for w in name.split())


_NAME_CONNECTORS = frozenset("of for and the de del du des la le von van der on in".split())


def _described_as(run: Sequence[Token]) -> frozenset[str]:
    """The kind nouns written right before a name ("company Stridewell", "the climate group Tide
    Turn", "bank (BCRA)") or in apposition to it ("Tide Turn, a climate group,")."""
    doc, first = run[0].doc, run[0].i
    before = first - 2 if first >= 2 and doc[first - 1].text == "(" else first - 1
    nouns = {doc[before].lower_} if before >= 0 and doc[before].pos_ == "NOUN" and doc[before].is_lower else set()
    nouns |= {t.lower_ for tok in run for t in tok.children if t.dep_ == "appos" and t.pos_ == "NOUN"}
    # The noun a name is given to: "a group calling itself the Front", "a group known as the Sindh Freedom Army".
    named = next((t for t in run if t.dep_ == "oprd" or t.dep_ == "pobj" and t.head.lower_ == "as"), None)
    giver = named.head if named is not None and named.dep_ == "oprd" else named.head.head if named is not None else None
    if giver is not None and giver.dep_ == "acl" and giver.lemma_.lower() in GIVEN_NAME_VERBS and giver.head.pos_ == "NOUN":
        nouns.add(giver.head.lower_)
    return frozenset(nouns & kind_nouns())


def _referred_to_as_it(run: Sequence[Token]) -> bool:
    """Does the clause the name is the subject of call it "it" ("Orlen Mining cut its dividend"),
    never "he" or "she"? Then it is an organisation, whatever the recogniser guessed."""
    words = {t.lower_ for tok in run if tok.dep_ in ("nsubj", "nsubjpass") for t in tok.head.subtree}
    return bool(words & {"its", "itself"}) and not words & {"his", "her", "him", "himself", "herself", "he", "she"}


def _person_role_before(run: Sequence[Token]) -> bool:
    """Is the name written after a noun for a person's role ("striker Leo Marsh", "coach Ian Moss")?"""
    doc, first = run[0].doc, run[0].i
    return first > 0 and doc[first - 1].pos_ == "NOUN" and doc[first - 1].is_lower and doc[first - 1].lower_ in person_nouns()


def described_name(sentences: Sequence[LabelledSentence], docs: Sequence[Doc | None], position: int,
                   earlier: str | None = None, parse: Callable[[str], Doc] | None = None) -> str | None:
    """The organisation a source named by a description of its kind stands for (see the module's
    note); ``earlier``: the last source of the sentence's kind named before; ``parse`` parses a
    sentence the labeller left unparsed. None when nothing says."""
    sentence = sentences[position]
    head, label = description_head(sentence.attributed_to), sentence.label
    if head is None or (at := sentence.text.find(sentence.attributed_to)) < 0:
        return None
    after = _NAME_AFTER.match(sentence.text, at + len(sentence.attributed_to))
    if after is not None and after.group(1).split()[0].rstrip(",.") not in _NOT_NAMES:
        name = _CONNECTOR_AT_END.sub("", after.group(1)).rstrip(",.")
        # "The airline, Nordic Air, said": a name set off by commas closes with one ("the ministry, Brazil recorded" names none).
        if not after.group(0).startswith(",") or sentence.text[after.start(1) + len(name) :].startswith(","):
            return name
    named, people = _mentions_before(sentences, docs, position, parse)
    # Described alike ("the climate group Tide Turn"), or named so ("Nordkapp Bank" for "the bank").
    if (same := next((m.name for m in named if head in m.described_as or m.name.split()[-1].lower() == head), None)) is not None:
        return same
    typed = {s.attributed_to: s.label for s in sentences[:position] if s.label != "article"}
    # The subject of a clause in the sentence or the two before: nearest, then least embedded; not
    # one of an earlier paragraph when the description's own names an organisation of its kind.
    here = sentences[position].paragraph
    elsewhere = any(m.paragraph == here and _of_kind(m, head, label, typed) for m in named)
    subjects = sorted((m for m in named if m.subject and m.sentence <= SUBJECT_LOOK_BACK and (m.paragraph == here or not elsewhere)),
                      key=lambda m: (m.sentence, m.depth))
    if (subject := next((m.name for m in subjects if _of_kind(m, head, label, typed)), None)) is not None:
        return subject
    found = _organisation(sentence.text[:at], label, head, False, people)
    if earlier is not None and earlier.split()[0].lower() in person_nouns():
        earlier = None  # not "Coach Mikel Arteta"
    if found is not None or earlier is not None:
        return found or earlier
    for before in reversed(sentences[max(0, position - LOOK_BACK) : position]):
        if (found := _organisation(before.text, label, head, label == "official", people)) is not None:
            return found
    return None


def _mentions_before(sentences: Sequence[LabelledSentence], docs: Sequence[Doc | None], position: int,
                     parse: Callable[[str], Doc] | None) -> tuple[list[Mention], frozenset[str]]:
    """The organisations named before a description, nearest first: in its sentence before it, then
    in the few sentences before (parsed here when the labeller did not); and the words of the
    people named there (their surnames)."""
    from assistant.ingest.nlp import named_entities

    window = range(position, max(-1, position - LOOK_BACK - 1), -1)
    parsed = {p: docs[p] if docs[p] is not None or parse is None else parse(sentences[p].text) for p in window}
    # The surnames of the people named around it, by the recogniser or after a role ("Getafe striker Leo Marsh": "Marsh, 24, has ...").
    people = frozenset(name.split()[-1] for p in window for name, kind in named_entities(sentences[p].text) if kind == "PERSON") \
        | {t.text for doc in parsed.values() if doc is not None for t in doc
           if t.pos_ == "PROPN" and (run := name_run(t))[-1] == t and _person_role_before(run)}
    found: list[Mention] = []
    for p, doc in parsed.items():
        if doc is not None:
            end = doc.text.find(sentences[p].attributed_to) if p == position else None
            named = mentions(doc, end if end is None or end >= 0 else 0, people)
            found.extend(replace(m, sentence=position - p, paragraph=sentences[p].paragraph) for m in reversed(named))
    return found, people



def _of_kind(mention: Mention, head: str, label: Label, typed: dict[str, Label]) -> bool:
    """Could the description stand for this name: is it of the sentence's kind, as the text typed it
    where it spoke before ("Marca reported" is no club) or as its name says; do its name and the
    text state no other kind ("Argentine Football Association" is not "the club"); and, for an authority, does its
    name state the description's own ("the ministry": "the Ministry of Health", not "the National
    Health Commission": a story cites several authorities, and nothing else tells them apart)?"""
    from assistant.ingest.names import type_name

    name = mention.name
    if _states_another_kind(name, head) or label == "official" and head not in _stated_kinds(name):
        return False
    spoke = [kind for source, kind in typed.items() if name in source]
    return all(kind == label for kind in spoke) and type_name(name) == label


def _stated_kinds(name: str) -> set[str]:
    """The kinds of organisation a name states ("union" of "Norwegian Farmers' Union"; "airline" of "Yeti Airlines")."""
    words = {w.lower().strip("'’") for w in name.split()}
    return {w[:-1] if w.endswith("s") and w[:-1] in kind_nouns() else w for w in words} & kind_nouns()


def _states_another_kind(name: str, head: str) -> bool:
    """Does the name state another kind of organisation of the description's family (the source
    patterns' label): "Norwegian Farmers' Union" or "Nordkapp Bank" for "the company", "Greenpeace"
    (a name the patterns know) for "the company"? A kind of another family describes rather than
    contradicts ("Rapid Support Forces" may be "the group"), and "group" and "organisation" name any
    kind ("Haldane Group" is "the company")."""
    kinds = _stated_kinds(name) - _ANY_KIND
    family = _families()
    return head not in kinds and head not in _ANY_KIND and any(family.get(kind) == family.get(head) for kind in kinds)


_ANY_KIND = frozenset("group groups organisation organization organisations organizations".split())


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """Each kind noun's family: the label of its source pattern ("bank": GROUP, "agency": OFFICIAL)."""
    from assistant.ingest.patterns import source_patterns

    return {p["pattern"]: p["label"] for p in source_patterns() if p["pattern"] in kind_nouns()}


# A person named by their age ("the 29-year-old", "The 54-year-old singer"): news style for someone named before.
_AGE = re.compile(r"^[Tt]he (?:[a-z-]+\s+)?\d{1,3}-year-old(?:\s+[a-z-]+){0,2}$")


def described_person(sentences: Sequence[LabelledSentence], position: int) -> str | None:
    """The person a source named by their age stands for ("The 29-year-old wrote on Instagram" after
    "Lila Moreno announced ..."): the one person the recogniser finds named before it, in its sentence
    or the three before; None when it finds none or several (the text's ages would tell them
    apart, and nothing here reads them)."""
    from assistant.ingest.nlp import named_entities

    sentence = sentences[position]
    if not _AGE.match(sentence.attributed_to) or (at := sentence.text.find(sentence.attributed_to)) < 0:
        return None
    texts = [sentence.text[:at], *(s.text for s in sentences[max(0, position - LOOK_BACK) : position])]
    people = [name for text in texts for name, kind in named_entities(text) if kind == "PERSON" and name[:1].isupper()]
    surnames = {name.split()[-1].strip(".,'’s") for name in people}
    return max(people, key=len) if len(surnames) == 1 else None


def _organisation(text: str, label: Label, head: str, named_as_kind: bool, people: frozenset[str] = frozenset()) -> str | None:
    """The last organisation the text names whose kind is ``label`` (with ``named_as_kind``: whose
    name holds ``head``), by the recogniser, unless it ends in one of ``people``'s surnames."""
    from assistant.ingest.names import type_name
    from assistant.ingest.nlp import named_entities

    for name, kind in reversed(named_entities(text)):
        if kind != "ORG" or not name[:1].isupper() or name.split()[-1][:1].islower() or _in_dateline(name, text) \
                or name.lower() in _platforms() or name.split()[-1] in people:
            continue
        # Not "Nordkapp Bank" for "the company"; an authority's name says less ("the Food and Drug Administration" is "the agency").
        if (not named_as_kind or head in name.lower()) and (label == "official" or not _states_another_kind(name, head)) and type_name(name) == label:
            return name
    return None


def _in_dateline(name: str, text: str) -> bool:
    """ "OSLO — ...", "Boston, Oct 14, 2024 — ...": a place opening the text before a dash (or in
    capitals) is where it was filed."""
    text = text.lstrip()
    return text.startswith(name) and (name.isupper() and len(name.split()) == 1 or _DATELINE_DASH.match(text, len(name)) is not None)


_DATELINE_DASH = re.compile(r"(?:,[^—–\n]{0,25})?\s+[—–]\s")


@lru_cache(maxsize=1)
def _platforms() -> frozenset[str]:
    """Social platforms by name ("Telegram", "YouTube"): where a source speaks, not who."""
    from assistant.ingest.patterns import source_patterns

    return frozenset(p["pattern"] for p in source_patterns() if p["label"] == "SOCIAL")


@lru_cache(maxsize=1)
def kind_nouns() -> frozenset[str]:
    """Nouns naming a kind of organisation ("company", "agency", "newspaper", "club"), from the source
    patterns; not titles of a person's office ("secretary", "minister") nor people ("the coach")."""
    from assistant.ingest.patterns import source_patterns

    offices = {title.split()[-1] for title in office_titles()}
    return frozenset(p["pattern"] for p in source_patterns()
                     if p["label"] in ("OFFICIAL", "GROUP", "MEDIA", "SPORT") and p["pattern"].isalpha() and p["pattern"] not in offices
                     and p["pattern"] not in ANAPHORIC_NOUNS and not p["pattern"].startswith("official") and p.get("id", "") in _BODIES)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns for a person by role or expertise ("striker", "coach", "economist"), from the source patterns."""
    from assistant.ingest.patterns import source_patterns

    return frozenset(p["pattern"] for p in source_patterns() if p.get("id") in ("person", "expert") and p["pattern"].isalpha())


# The source patterns' ids that name bodies, not people ("person": "coach", "expert": "economist", "anonymous": "insiders").
_BODIES = ("", "body", "name")
