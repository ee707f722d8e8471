"""Who a source phrase names: its short display name and head words, and whom a pronoun speaking
stands for when the sentence itself says so ("Sinner dedicated the title to his aunt, who he said
was unwell": Sinner; "The agency will hire 2,000 inspectors, it said": the agency)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant.ingest.frames import ANAPHORIC_NOUNS, Frame
from assistant.ingest.frames import phrase as _phrase
from assistant.ingest.source import is_person, type_source
from assistant.ingest.subject import agent_of, children, dateline_end, issued_by
from assistant.ingest.verbs import GIVEN_NAME_VERBS
from assistant.types import Label

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_span(subj: Token) -> list[Token]:
    """The subject's whole subtree: what decides its category."""
    return list(subj.subtree)


def display_source(subj: Token) -> str:
    """A short name for the source: a statement's author, without appositions or relative clauses."""
    if (issuer := next(iter(issued_by(subj)), None)) is not None:
        return display_source(issuer)  # "The club issued a statement confirming ...": the club
    if subj.lemma_.lower() in ANAPHORIC_NOUNS:
        for acl in children(subj, "acl"):
            agent = agent_of(acl)
            if agent is not None:
                return display_source(agent)
    drop: set[int] = set()
    for child in subj.children:
        if child.dep_ == "appos" and _name_of_role(subj, child) or subj.pos_ == "NOUN" and _gives_name(child):
            continue  # "The US special envoy to the Middle East, Anthony Zinni", "A group calling itself the Front": the name
        if child.dep_ in ("appos", "relcl", "acl") or (child.dep_ == "punct" and child.text in "–—-,("):
            drop.update(t.i for t in child.subtree)
    start = dateline_end(subj.doc)  # "CUPERTINO, CALIFORNIA Apple", "DAKAR, Feb 3 (Reuters) - ...": the dateline names no one
    kept = [t for t in subj.subtree if t.i not in drop and t.i >= start]
    return _phrase(kept)


MAX_NAME_TOKENS = 5


def _gives_name(acl: Token) -> bool:
    """ "calling itself the Northern Front", "known as the Sindh Freedom Army", "called BlackTide": a name the text gives."""
    named = [o for o in acl.children if o.dep_ == "oprd"] + [o for p in acl.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    return acl.dep_ == "acl" and acl.lemma_.lower() in GIVEN_NAME_VERBS and any(o.pos_ == "PROPN" for o in named)


def _name_of_role(subj: Token, appos: Token) -> bool:
    """Is the apposition the name of whoever holds the role the subject names ("the acting
    Immigration Minister, Daryl Williams")? A name after a common noun, of a few proper nouns."""
    from assistant.ingest.patterns import source_kinds

    words = [t for t in appos.subtree if not t.is_punct and not (t.pos_ == "DET" and t.i == appos.left_edge.i)]  # "the Sindh Freedom Army"
    if appos.i < subj.i or not 0 < len(words) <= MAX_NAME_TOKENS or not all(t.pos_ == "PROPN" for t in words):
        return False
    # A common noun, or a title the tagger took for a name ("Minister"): the patterns' spans only then.
    return subj.pos_ == "NOUN" or (span := source_kinds(subj.doc).get(subj.i)) is not None and span.label_ in ("ROLE", "OFFICIAL")


def head_span(subj: Token) -> list[Token]:
    """The subject's head noun with its article, compounds and adjectives ("The law-enforcement agencies")."""
    toks = [subj] + [c for c in subj.children if c.dep_ in ("det", "compound", "amod", "nmod", "poss", "appos")]
    for c in list(toks[1:]):
        toks.extend(g for g in c.children if g.dep_ in ("compound", "amod", "punct", "prep", "pobj", "det"))
    for appos in children(subj, "appos"):
        toks.extend(appos.subtree)
    return toks


def main_speaker(verb: Token, pronoun: Token, known: Mapping[str, Label]) -> Frame | None:
    """ "Sinner dedicated the title to his aunt, who he said was unwell": a pronoun speaking in a
    clause inside the sentence stands for the main clause's subject named before it."""
    root = verb.sent.root if verb.dep_ != "ROOT" else None
    named = children(root, "nsubj") if root is not None and pronoun.lower_ in ("he", "she", "they") else []
    subj = next((c for c in named if c.pos_ == "PROPN" and c.i < pronoun.i), None)
    kind = type_source(subj, known) if subj is not None else None
    if subj is None or kind is None and not is_person(subj):
        return None
    label: Label = kind.label if kind is not None else "group_claim"
    return Frame(label, display_source(subj), verb.text, f"'{pronoun.text} {verb.text}' inside the sentence: '{pronoun.text}' stands for its subject '{_phrase(head_span(subj))}'")


def fronted_frame(verb: Token, pronoun: Token, channel: str | None, known: Mapping[str, Label]) -> Frame | None:
    """In "The agency will hire 2,000 inspectors, it said", the pronoun after the statement may
    stand for the statement's own subject (a noun that is a source, singular for "it", plural for
    "they"; "the bridge will reopen, it said" is not the bridge's). Used only when no source before
    it in the paragraph goes on speaking: "A channel posted a video. The government staged it, it
    said." stays the channel's."""
    if pronoun.lower_ not in ("it", "they"):
        return None
    for clause in children(verb, "ccomp"):
        if clause.i > verb.i:
            continue
        subj = next((c for c in children(clause, "nsubj", "nsubjpass") if c.pos_ in ("NOUN", "PROPN")), None)
        kind = type_source(subj, known) if subj is not None else None
        if subj is None or kind is None or ("Plur" in subj.morph.get("Number", [])) != (pronoun.lower_ == "they"):
            continue
        label: Label = "social_media" if channel and kind.label not in ("official", "group_claim") else kind.label
        why = f"'{pronoun.text} {verb.text}' after the statement: '{pronoun.text}' stands for '{_phrase(subject_span(subj))}' ({kind.cue})"
        return Frame(label, display_source(subj), verb.text, why)
    return None
