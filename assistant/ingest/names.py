"""What a source is called: the names a later sentence may call a source typed before ("Perez",
"the bank", "the utility", "NDMA"), how a source named again by a bare description or a title is
shown ("the company (Nvidia)", "The US Defence Secretary (Donald Rumsfeld)"), and the kind of a
bare name ("Ministry of Fisheries", "Savanna Grid Ltd")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.namesakes import HONORIFICS, full_name
from assistant.ingest.referents import description_head, described_name, described_person
from assistant.ingest.source import is_person, type_source
from assistant.types import Label, LabelledSentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def named_again(sentences: list[LabelledSentence], docs: Sequence[Doc | None]) -> list[LabelledSentence]:
    """A source the text names again by a description ("the company said", "the Oslo-listed company
    said") is shown with the name it stands for, as ``referents.described_name`` finds it, or the
    last organisation of the same kind the text named as a source before it ("the company
    (Nvidia)"); a sentence inheriting such a source ("It said ...") with that name too; one named
    again by a title alone ("The US Defence Secretary said"), with the person named with the same
    title before ("(Donald Rumsfeld)"). Labels are unchanged."""
    out: list[LabelledSentence] = []
    names: dict[Label, str] = {}  # the last organisation named as a source, by kind
    holders: dict[str, str] = {}  # the last person named with a title, by the title ("palestinian leader": "Yasser Arafat")
    parsed: dict[str, Doc] = {}
    for position, (sentence, doc) in enumerate(zip(sentences, docs)):
        source = sentence.attributed_to
        # "the company" or "the Oslo-listed company" is the company named before; "the German foreign
        # ministry" after "the Élysée" is another authority: a qualified authority is a new one.
        qualified = sentence.label != "official" and description_head(source) is not None
        earlier = names.get(sentence.label) if _BARE_DESCRIPTION.match(source) or qualified else None
        if sentence.label != "article" and (name := described_person(sentences, position)) is not None:
            sentence = sentence.model_copy(update={"attributed_to": f"{source} ({name})"})
        elif sentence.label not in ("article", "social_media") \
                and (name := described_name(sentences, docs, position, earlier, lambda text: _parsed(parsed, text))) is not None:
            name = tidy_name(name)
            if (given := _GIVEN_NAME.match(name)) is not None:  # "A militant group known as the Sindh Freedom Army": its name
                name = given.group(1)
            sentence = sentence.model_copy(update={"attributed_to": f"{source} ({name})"})
            names[sentence.label] = name  # "The company now expects ..., it said" after "the company (Nordisk Foods)"
        elif sentence.label != "article" and earlier is not None \
                and (sentence.label == "social_media" or description_head(source) is None or source not in sentence.text):
            # An inherited source ("It said ...", quoted words) is shown as the sentence it continues was.
            sentence = sentence.model_copy(update={"attributed_to": f"{source} ({earlier})"})
        elif sentence.label != "article" and (title := _bare_title(source, doc)) is not None and title in holders:
            # "The Palestinian leader said ..." after "Palestinian leader Yasser Arafat said ...".
            sentence = sentence.model_copy(update={"attributed_to": f"{source} ({holders[title]})"})
        elif sentence.label != "article" and doc is not None and _names_organisation(source, doc):
            names[sentence.label] = re.sub(r"^[Tt]he\s+", "", source)
        if doc is not None:
            titled = _titles_with_names(doc)
            if sentence.label != "article":
                holders |= _titled_holders(source, titled)
            holders |= _holders_named_in(titled)  # "a promise from Palestinian leader Yasser Arafat": named in passing
        out.append(sentence)
    return out


_BARE_DESCRIPTION = re.compile(r"^[Tt]he ([a-z]+)$")
# A description with the name the text gives it: "A previously unknown group, the Sindh Freedom Army",
# "An armed group calling itself the Northern Front", "A group called BlackTide".
_GIVEN_NAME = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+[^,A-Z]*?(?:,\s+|\s+(?:calling itself|called|known as|named)\s+)((?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*)*)$")


def _parsed(parsed: dict[str, Doc], text: str) -> Doc:
    """A sentence the labeller left unparsed, parsed once (a description looks back at it)."""
    from assistant.ingest.nlp import load_parser

    if text not in parsed:
        parsed[text] = load_parser()(text)
    return parsed[text]


def _titles_with_names(doc: Doc) -> list[tuple[Span, list[Token]]]:
    """Each title or role pattern of a sentence followed by a name of two words or more ("Palestinian
    leader | Yasser Arafat"), with that name's words."""
    from assistant.ingest.patterns import source_kinds

    kinds = source_kinds(doc)
    found = []
    for span in {id(s): s for s in kinds.values()}.values():
        if span.label_ not in ("ROLE", "OFFICIAL"):
            continue
        name = []
        for t in doc[span.end : span.end + MAX_NAME_WORDS]:
            if t.pos_ != "PROPN" or t.i in kinds:
                break
            name.append(t)
        if len(name) >= 2:
            found.append((span, name))
    return found


def _holders_named_in(titled: Sequence[tuple[Span, list[Token]]]) -> dict[str, str]:
    """Every person a sentence names after a title of office ("Palestinian leader Yasser Arafat"),
    whether or not they speak in it: the title with the words that qualify it, and the name."""
    found: dict[str, str] = {}
    for span, name in titled:
        if not is_person(name[-1]):
            continue
        doc, start = span.doc, span.start
        while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].head.i >= start - 1 and doc[start - 1].is_alpha:
            start -= 1  # "Palestinian leader", "US Defence Secretary"
        found[_title_key([t.text for t in doc[start : span.end]])] = " ".join(t.text for t in name)
    return found


def _titled_holders(source: str, titled: Sequence[tuple[Span, list[Token]]]) -> dict[str, str]:
    """A person the source names after a title ("Palestinian leader Yasser Arafat", "US Defence
    Secretary Donald Rumsfeld"): the title's last word and the name."""
    words = source.split()
    for span, name in titled:
        if all(t.text in words for t in [*span, *name]):
            title = words[: words.index(name[0].text)]  # "US Defence Secretary" of "US Defence Secretary Donald Rumsfeld"
            return {_title_key(title): " ".join(t.text for t in name)}
    return {}


def _title_key(words: Sequence[str]) -> str:
    """A title as a key: its words lower-cased, without "the" ("The US Defence Secretary" -> "us defence secretary")."""
    return " ".join(w.lower() for w in words if w.lower() != "the")


def _bare_title(source: str, doc: Doc | None) -> str | None:
    """The title a source is named by alone, with "the" before it and no person's name ("the US
    Defence Secretary", "The Palestinian leader"), as a key."""
    words = source.split()
    if len(words) < 2 or words[0].lower() != "the" or doc is None:
        return None
    persons = [t for t in doc if t.text in words and t.pos_ == "PROPN" and is_person(t)]
    return _title_key(words) if words[-1].isalpha() and not persons else None


def _names_organisation(source: str, doc: Doc) -> bool:
    """Is the source a proper name of something other than a person ("Nvidia", "the Indian Space
    Research Organisation"), as the parse of its sentence tags it?"""
    words = set(source.split())
    names = [t for t in doc if t.pos_ == "PROPN" and t.text in words]
    return bool(names) and len(re.sub(r"\([^)]*\)", "", source).split()) <= MAX_NAME_WORDS and not any(is_person(t) for t in names)


MAX_NAME_WORDS = 8  # longer (a note in parentheses aside), a source phrase is a description with a name in it, not a name


_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&-]{1,9})\)")
_ACRONYM_GIVEN = re.compile(r"\b(?:known as|acronym|abbreviated as|abbreviated)\s+(?:the\s+)?([A-Z][A-Z0-9&-]{1,9})\b")


def name_key(source: str, label: Label, sentence: str = "") -> dict[str, Label]:
    """What a later sentence may call a source typed here: its last capitalised word ("Perez" for
    "Health Minister Lina Perez"), and the acronym the sentence gives it ("the National Disaster
    Management Authority (NDMA)", "known by its Polish acronym PKW"). Not every word: "Energy" of
    "the Swedish Energy Agency" says nothing about "Nordvolt Energy"."""
    names = [w.strip(".,;:'\"()") for w in source.split() if w.strip(".,;:'\"()")[:1].isupper()]
    # Not a name in a modifier: "testimony by employees of Morales" is not "Morales" later, "the Bank of England" not "England".
    key = {names[-1].lower(): label} if names and names[-1] and not _in_modifier(source) else {}
    # A person named before what they belong to ("Mark Sullivan, from the Rural Fire Service",
    # "Chuck Hagel of the Foreign Relations Committee") is "Mr Sullivan", "Hagel" later.
    if (surname := person_surname(source)) is not None:
        key.setdefault(surname, label)
    if person := full_name(re.split(r",|\(|\s(?:from|of|at|with|for)\s", source)[0].split()):
        key.setdefault(person, label)  # "James Hall": not "Ellie Hall" later (namesakes.py)
    # "The Immigration Minister, Philip Ruddock, says ...": the office is the source shown, the
    # name in apposition is how the text names them later ("Mr Ruddock").
    if (named := re.search(re.escape(source) + r",\s+((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)\s*,", sentence)) is not None:
        key.setdefault(named.group(1).split()[-1].lower(), label)
    for acronym in _ACRONYM.findall(source) + _ACRONYM_GIVEN.findall(sentence):
        key[acronym.lower()] = label
    # A source named by a common noun is "the <noun>" later: "the bank" after "Indonesia's central bank".
    words = re.sub(r"\s*\([^)]*\)", "", source).split()  # "Argentina's central bank (BCRA)"
    last = words[-1].strip(".,;:'\"()") if words else ""
    if last.isalpha() and last.islower() and not _PLACED.search(" ".join(words)):
        key[f"the {last}"] = label
    if (head := re.search(r"\b([A-Z][a-z]+) of [A-Z]", source)) is not None:  # "the Bank of England" is "the Bank" later
        key[f"the {head.group(1).lower()}"] = label
    # A name the sentence describes by a common noun before it ("the regional utility Marrakech Eau
    # said", "telecoms operator Lakeside Mobile") is "the utility", "the operator" later.
    # Also a source shown with its description ("data firm StartupPulse": "the firm").
    described = re.match(r"^(?:[a-z][\w-]*\s+)*?([a-z]{3,})\s+[A-Z]", source) or (
        re.search(r"\b([a-z]{3,})\s+" + re.escape(source) + r"\b", sentence) if source[:1].isupper() else None)
    if described is not None and described.group(1) not in _NOT_DESCRIPTORS:
        key.setdefault(f"the {described.group(1)}", label)
    return key


# Words before a name that do not describe it ("said Marrakech Eau", "and Lakeside Mobile").
_NOT_DESCRIPTORS = frozenset("the and but for nor yet that said says told added from with according by of to at in on as than who which".split())


_MODIFIED_NAME = re.compile(r"\b(?:of|by)\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’&.-]*\s*)+[.,;:'\")]*$")


def _in_modifier(source: str) -> bool:
    """Does the source end in a name that "of" or "by" makes a modifier ("employees of Morales")?"""
    return _MODIFIED_NAME.search(re.sub(r"\s*\([^)]*\)", "", source)) is not None


# "Doctors at the city's main hospital": the noun after a preposition of place is where the source
# stands, not the source; its kind is not "the hospital"'s later.
_PLACED = re.compile(r"\s(?:at|in|near|outside|inside|from|on)\s")


def person_surname(source: str) -> str | None:
    """The surname of a person named before what they belong to ("Mark Sullivan, from the Rural
    Fire Service", "Republican Chuck Hagel of the Foreign Relations Committee"), lower-cased."""
    person = re.split(r",|\(|\s(?:from|of|at|with|for)\s", source)[0].split()
    if len(person) >= 2 and person[0].lower() not in ("the", "a", "an") and all(w[:1].isupper() for w in person[-2:]) and person[-1].isalpha():
        return person[-1].lower()
    return None


def last_name(source: str) -> str:
    """The last capitalised word of a source named with a given name ("Service spokesman John
    Winter" -> "winter"), lower-cased; else ""."""
    words = [w.strip(".,;:'\"()") for w in source.split()]
    caps = [w for w in words if w[:1].isupper()]
    return caps[-1].lower() if len(caps) >= 2 and words[-1] == caps[-1] and words[-2][:1].isupper() and caps[-1].isalpha() else ""


def bare_name(source: str) -> str:
    """A later mention by surname alone ("Mr Robertson", "Robertson"), lower-cased; else ""."""
    words = [w for w in source.split() if w.rstrip(".").lower() not in HONORIFICS]
    return words[0].lower() if len(words) == 1 and words[0][:1].isupper() else ""


@lru_cache(maxsize=4096)
def type_name(name: str) -> Label:
    """The kind of a bare name ("Ministry of Fisheries", "Savanna Grid Ltd"): a party when nothing
    says it is an authority, an outlet or a platform."""
    from assistant.ingest.nlp import load_parser

    doc = load_parser()(name)
    root = next((t for t in doc if t.head.i == t.i), None)
    kind = type_source(root) if root is not None else None
    return kind.label if kind is not None and kind.label != "article" else "group_claim"


# A wire dateline the parse kept in a source ("(Reuters) - Senegal's President Macky Sall",
# "TORONTO — City council"): where the text was filed, not who spoke.
_DATELINE = re.compile(r"^(?:\([A-Z][\w&. ]{1,30}\)|(?=[A-Z .,'-]*[A-Z]{3})[A-Z][A-Z .,'-]{2,40})\s+[-–—]\s+(?=\S)")
_QUOTES = '"“”'
_SEPARATORS = "—–-·•|:,;"
_DANGLING = frozenset("on of by at in to and or the a an for with from as".split())


def tidy_name(name: str) -> str:
    """A source as a reader sees it, without the layout its phrase caught: a dateline before it, a
    stray quotation mark, dash or separator at either end ('" Patrol Chief James Hall', "CNBC ·"), a
    word left dangling at its end ("data ... released on"), and with its parentheses closed
    ("German Weather Service (DWD)"; a ticker cut short, "Eli Lilly and Company (NYSE: LLY", is
    dropped)."""
    name = _DATELINE.sub("", name.strip())
    while name and (name[0] in _SEPARATORS or name[0] in _QUOTES and sum(name.count(q) for q in _QUOTES) % 2):
        name = name[1:].lstrip()
    while name and (name[-1] in _SEPARATORS or name[-1] in _QUOTES and sum(name.count(q) for q in _QUOTES) % 2):
        name = name[:-1].rstrip()
    while (last := name.rsplit(" ", 1))[-1] in _DANGLING and len(last) == 2:  # "... released on": a phrase cut short
        name = last[0].rstrip(_SEPARATORS + " ")
    if name.count("(") > name.count(")"):
        cut = name.rindex("(")
        name = name[:cut].rstrip() if ":" in name[cut:] or not name[cut + 1 :].strip() else name + ")"
    return name
