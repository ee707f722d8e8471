"""A source the sentence credits by a phrase: "according to X", "per X", "in X's view" (with
"according to its letter to shareholders": the document of the main clause's subject)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant.ingest.frames import Frame, Inherit, phrase as _phrase
from assistant.ingest.pronouns import display_source, head_span
from assistant.ingest.source import SourceKind, type_source
from assistant.ingest.source_words import OWN_MEDIA
from assistant.ingest.subject import children, subject_of
from assistant.types import Label

if TYPE_CHECKING:
    from spacy.tokens import Token

VIEW_NOUNS = frozenset("view opinion words estimation".split())
RELEASES = frozenset("release statement announcement communique communiqué video document letter notice".split())  # its issuer's, named again


def _attributing_objects(verb: Token) -> list[Token]:
    """The sources an "according to X" or "per X" ("grossed $2 billion, per Disney's estimates")
    hangs on the verb, or on its object."""
    found = [obj for child in verb.children if child.lower_ == "according" for to in child.children if to.lower_ == "to"
             for obj in children(to, "pobj")]
    for view in (o for p in verb.children if p.lower_ == "in" and p.dep_ == "prep" for o in children(p, "pobj")):
        if view.lemma_.lower() in VIEW_NOUNS:  # "In Aristotle's view, ...", "in the opinion of the judges"; not "in today's ..."
            holders = children(view, "poss") + [o for of in view.children if of.lower_ == "of" for o in children(of, "pobj")]
            found += [h for h in holders if h.pos_ in ("PROPN", "PRON") or type_source(h) is not None]
    for holder in [verb, *children(verb, "dobj", "attr", "acomp", "npadvmod")]:
        found += [obj for per in holder.children if per.lower_ == "per" and per.dep_ == "prep" and per.i > 0 and per.doc[per.i - 1].text == ","
                  for obj in children(per, "pobj") if _names_someone(obj)]  # ", per Bloomberg"; "paid per hour" credits no one
    if verb.dep_ == "ROOT" and not found and "per" in verb.doc.text.lower():
        # "Per a report from Bloomberg, Apple is ...", "... a foldable iPad, per Bloomberg.": a "per"
        # phrase that opens or closes the sentence credits the whole of it, wherever the parser
        # hangs it, when it names a source ("per hour", "per the agreement" name none).
        doc = verb.doc
        for per in (t for t in doc if t.lower_ == "per" and t.dep_ == "prep"):
            edge = max(t.i for t in per.subtree)
            opens = per.i == 0 and edge + 1 < len(doc) and doc[edge + 1].text == ","
            closes = per.i > 0 and doc[per.i - 1].text == "," and all(t.is_punct for t in doc[edge + 1 :])
            found += [obj for obj in children(per, "pobj") if (opens or closes) and _names_someone(obj)]
    return found


def _names_someone(obj: Token) -> bool:
    return obj.pos_ == "PROPN" or type_source(obj) is not None


def according_to(verb: Token, known: Mapping[str, Label]) -> Frame | Inherit | None:
    for obj in _attributing_objects(verb):
        if obj.pos_ == "PRON":
            return Inherit()
        span = [t for t in obj.subtree if t.tag_ != "POS"]
        view = obj.head if obj.dep_ == "poss" else obj.head.head if obj.head.lower_ == "of" else None
        word = "per" if obj.head.lower_ == "per" else f"in the {view.lower_} of" if view is not None and view.lemma_.lower() in VIEW_NOUNS else "according to"
        kind = type_source(obj, known)
        if (kind is None or kind.by_role) and obj.lemma_.lower() in RELEASES and {c.dep_ for c in obj.children} <= {"det", "compound"} and any(d.lower_ in ("the", "this") for d in children(obj, "det")):
            return Inherit()  # "According to the release, ...": the release of whoever issued it before
        owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if obj.lemma_.lower() in OWN_MEDIA and owner is not None and (kind is None or kind.label == "media_report"):
            owned = type_source(owner, known)  # "according to Lumina's website": the organisation's (or person's) own
            kind = owned or SourceKind("group_claim", f"{owner.text}'s own {obj.text}")
        if (kind is None or kind.by_role and kind.label == "media_report") and any(
                t.dep_ == "poss" and t.lower_ in ("its", "their") and (t.head == obj or t.head.lemma_.lower() in OWN_MEDIA) for t in obj.subtree):
            # "The company added 8.8 million subscribers, according to its letter to shareholders":
            # the document is the main clause's subject's, or the source's before.
            subj = subject_of(verb)[0]
            if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
                return Inherit()
            owner_kind = type_source(subj, known)
            if owner_kind is None or owner_kind.label == "article":
                return Inherit()
            return Frame(owner_kind.label, display_source(subj), word,
                         f"'{word} {_phrase(span)}': the document of '{_phrase(head_span(subj))}' ({owner_kind.cue})")
        found = (kind.label, kind.cue) if kind else None
        label, cue = found if found else ("media_report", "")
        reason = (
            f"'{word} {_phrase(span)}': source classified as {label}"
            + (f" (cue word '{cue}')" if cue else " (a source of unclear status)")
        )
        return Frame(label, _phrase(span), word, reason)
    return None
