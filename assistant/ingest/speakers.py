"""Speakers whose source lies elsewhere in the text: a role with no one named ("the spokesman",
"Spokesman Dmitry Orlov": whose, the text said before), an unnamed source ("speaking on condition
of anonymity"), a candidate speaking at a rally (the setting makes them one), a commentator who
took no part ("who was not involved in the study"); what the text
says a speaker is ("a 61-year-old baker"); a subject that is an authority's thing, not the
authority ("the President's resignation"); a thing that has no voice at all ("thunderstorms
threatened ...": WordNet's nouns, ``sources/things.txt``); and a word that is a name the tagger misread."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from assistant.ingest.namesakes import HONORIFICS
from assistant.ingest.patterns import SPANS_KEY, source_kinds
from assistant.ingest.source import OWNER_DEPS, owners_of
from assistant.ingest.source_words import SERVES, SPEAKS_FOR

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def anonymity(doc: Doc) -> str | None:
    """Words that make a speaker an unnamed source ("speaking on condition of anonymity")."""
    return next((s.text for s in doc.spans.get(SPANS_KEY, []) if s.label_ == "MEDIA" and s.id_ == "anonymous"), None)


@lru_cache(maxsize=1)
def things() -> frozenset[str]:
    """Nouns naming things that cannot say anything (``sources/things.txt``, from WordNet by ``training/build_things.py``)."""
    text = (resources.files("assistant.ingest") / "sources" / "things.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def voiceless(tok: Token) -> bool:
    """ "as thunderstorms threatened to exacerbate the flood", "The storm threatened ...", "pressure
    to release more details": a common noun that only names a thing without a voice is no source;
    not a bare capitalised one, which may be a name the tagger misread ("Rivers said", "Flowers told")."""
    modified = tok.text[:1].islower() or any(c.dep_ in ("det", "amod", "poss", "compound") for c in tok.children)
    return tok.pos_ == "NOUN" and modified and not looks_like_name(tok) and tok.lemma_.lower() in things()


def bare_role(tok: Token) -> bool:
    """ "the representative", "the spokesman", "a spokeswoman": a role that speaks for someone, with
    no one named, stands for the one the text named before ("a" only for a spokesperson: "a
    director" may be anyone's)."""
    span = source_kinds(tok.doc).get(tok.i)
    articles = ("the", "a", "an") if tok.lemma_.lower() in SPEAKS_FOR else ("the",)
    return (span is not None and span.label_ == "ROLE" and not span.id_ and not owners_of(tok)
            and any(d.lower_ in articles for d in tok.children if d.dep_ == "det"))


def bare_title(name: Token) -> bool:
    """ "Spokesman Dmitry Orlov", "Spokeswoman Ana Ruiz": a name titled only as someone's spokesperson,
    whose, the text said before."""
    titles = [c for c in name.children if c.dep_ == "compound" and c.lemma_.lower() in SPEAKS_FOR]
    others = [c for c in name.children if c.dep_ in OWNER_DEPS and c.pos_ != "PROPN" and c not in titles]
    return bool(titles) and not others and not any(owners_of(t) for t in titles)


def campaign_setting(verb: Token) -> str | None:
    """Where a statement was made, when that makes its speaker a candidate: "told supporters at a
    rally", "Speaking at a fundraiser, ..." (the statement's own words are not its setting)."""
    kinds = source_kinds(verb.doc)
    # "Sunak, speaking at Conservative Party headquarters, conceded ...": a participle on the subject sets the scene too.
    settings = [c for c in verb.children if c.dep_ not in ("ccomp", "csubj", "xcomp", "nsubj", "nsubjpass", "parataxis")]
    settings += [a for s in verb.children if s.dep_ == "nsubj" for a in s.children if a.dep_ == "acl" and a.tag_ == "VBG"]
    for child in settings:
        found = next((kinds[t.i] for t in child.subtree if t.i in kinds and kinds[t.i].label_ == "CAMPAIGN"), None)
        if found is not None:
            return found.text
    return None


# Courtesy titles say nothing of who a person is ("Mr Sullivan said": a name, not a description);
# "Dr" does (a doctor or a scholar), and ranks and offices are typed as sources elsewhere.


def description_of(speaker: Token) -> str:
    """What the text says the speaker is, names left out: "a 61-year-old baker", "Dermatologist"."""
    drop: set[int] = set()
    for child in speaker.children:  # nor whom it is addressed to: "a letter to the minister" is a letter
        if child.dep_ in ("relcl", "acl") or child.dep_ == "prep" and child.lower_ == "to" and speaker.lemma_.lower() not in SERVES:
            drop.update(t.i for t in child.subtree)
    named = speaker.doc.has_annotation("ENT_IOB")

    def is_name(t: Token) -> bool:
        return bool(t.ent_type_) if named else t.pos_ == "PROPN"

    words = [t for t in speaker.subtree if t.i not in drop and not is_name(t) and not t.is_punct and not t.like_num
             and t.text.rstrip(".").lower() not in HONORIFICS]
    return " ".join(t.text for t in words) if any(t.pos_ in ("NOUN", "PROPN") for t in words) else ""


def titled_only(speaker: Token) -> bool:
    """ "Chief selector Ajit Agarkar", "Series producer Eiji Aonuma": described only by a title
    before the name (no "a teacher", no "who lost her house"): a role in the story, not a witness."""
    return not any(c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "det" and c.lower_ in ("a", "an") for c in speaker.children) \
        and any(c.dep_ in ("compound", "amod") and c.i < speaker.i and c.pos_ == "NOUN" for c in speaker.subtree)


def described_by_clause(speaker: Token) -> str:
    """ "who lost her house in Chainpur": a relative clause saying who a named person is."""
    clause = next((c for c in speaker.children if c.dep_ == "relcl"), None)
    return " ".join(t.text for t in clause.subtree) if clause is not None else ""


def uninvolved(speaker: Token) -> str | None:
    """ "Music copyright lawyer Dina Ruiz, who was not involved in the case": a speaker the reporter
    says took no part in what they comment on is a third party, whatever their trade."""
    for clause in (c for c in speaker.children if c.dep_ in ("relcl", "acl", "appos")):
        if any(t.lemma_.lower() == "involve" and any(c.dep_ == "neg" for c in t.children) for t in clause.subtree):
            return " ".join(t.text for t in clause.subtree)
    return None


def owned_thing(subj: Token) -> bool:
    """A common noun no pattern types, taking its kind only from whose it is ("the President's
    resignation", "the participation of three departments", "the council tax increase"): not an actor."""
    return subj.pos_ == "NOUN" and not subj.ent_type_ and source_kinds(subj.doc).get(subj.i) is None \
        and subj.lemma_.lower() not in COLLECTIVES and any(c.dep_ in ("poss", "prep", "compound") for c in subj.children)


# Nouns for a body of people, which act ("a panel of judges has found", "the bureau's fact-checking unit flagged").
COLLECTIVES = frozenset("panel unit team crew squad delegation board cell division wing branch staff group body".split())


# What a person saw or heard is a witness's account, even told of themselves ("she said she saw the smoke").
PERCEPTION = frozenset("see hear watch notice smell spot witness".split())


def about_self(verb: Token) -> bool:
    """ "Arthurs ... says he was bitterly disappointed", "told reporters he dedicated the goal to ...": a
    person telling of themselves (not of what they saw) speaks for their own affairs, not as a witness. Reported
    speech only: in a quotation before the verb, "we" is often the crowd the witness stands in."""
    return any(s.lower_ in ("i", "we", "he", "she", "they") and clause.lemma_.lower() not in PERCEPTION
               for clause in verb.children if clause.dep_ == "ccomp" and clause.i > verb.i for s in clause.children if s.dep_ in ("nsubj", "nsubjpass"))


def looks_like_name(tok: Token) -> bool:
    """A proper name, an acronym, or a capitalised noun with no determiner that the small tagger
    took for a common noun ("Lumeo said", "Torres told supporters"): singular, or a plural
    capitalised inside a sentence that is not a headline's ('"...," Morales announced'; not
    "Residents said")."""
    if tok.pos_ == "PROPN" or tok.is_upper and tok.is_alpha and len(tok) > 1:
        return True  # "The RFDS says": an acronym the tagger took for a common noun
    words = [t for t in tok.doc if t.is_alpha]
    inside = any(t.is_alpha for t in tok.doc[: tok.i]) and sum(t.is_title for t in words) * 2 < len(words)
    return (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not any(c.dep_ in ("det", "poss") for c in tok.children)
            and ("Plur" not in tok.morph.get("Number", []) or inside))
