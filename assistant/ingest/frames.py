"""What attribution finds for one sentence: a :class:`Frame` (who it is attributed to, of what
kind, and why) or :class:`Inherit` (it continues the source before it), and the helpers that name
and type a source phrase. Shared by ``attribution.py`` (frames from the parse) and ``credits.py``
(frames from how a sentence is laid out)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.ingest.source import type_source
from assistant.types import Label

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns that, as a definite subject ("The information was ...", "The documents show ..."), refer back to the last source.
# Documents among them speak as themselves when nothing before them does ("The lawsuit alleges ...").
DOCUMENT_NOUNS = frozenset("document complaint lawsuit letter memo".split())
ANAPHORIC_NOUNS = frozenset("information message report statement claim version post news account theory".split()) | DOCUMENT_NOUNS


@dataclass(frozen=True)
class Frame:
    """Who a sentence is attributed to, and why we think so."""

    label: Label
    source: str
    cue: str
    reason: str
    speech: bool = True  # False: an action, not a statement
    decided: bool = True  # False: a default (a speaker no cue word classifies)
    description: str = ""  # undecided: the speaker's own words without names ("a 52-year-old vendor")
    names: tuple[str, Label] | None = None  # a source the narration names, typed, for its later mentions


@dataclass(frozen=True)
class Inherit:
    """The sentence's source is the one before it ("They said ..."), posted online when ``channel``;
    ``named``: who the pronoun stands for when no source before it goes on speaking ("The agency
    will hire 2,000 inspectors, it said")."""

    channel: str | None = None
    named: Frame | None = None
    speech: bool = True  # False: what a definite noun does ("The report covers 120 countries"), not a statement
    # Only a source of these kinds goes on ("Its president said": an authority's or an organisation's, never a post's) ...
    kinds: tuple[Label, ...] = ()
    # ... and, for a document ("The documents show"), only a source that is a document ("according to court documents";
    # not the police who "received a complaint from a neighbour", nor "A judge dismissed part of the lawsuit").
    document: bool = False

    def continues(self, label: Label, before: str) -> bool:
        """May the source before, of kind ``label`` and named ``before``, go on speaking?"""
        return (not self.kinds or label in self.kinds) and (not self.document or _DOCUMENT.search(before) is not None)


# A source that is a document: one of the document nouns, or a report, filing, paper, dossier or indictment.
_DOCUMENT = re.compile(r"\b(?:" + "|".join(sorted(DOCUMENT_NOUNS | {"report", "filing", "paper", "dossier", "indictment"})) + r")s?\b", re.IGNORECASE)


def phrase(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    text = doc[toks[0].i : toks[-1].i + 1].text
    return text.strip(" ,;:–—-")


def stance_frame(frame: Frame, verb: Token) -> Frame:
    """A stance's cue is the verb with its adjective ("are critical"), not the bare verb."""
    state = next((c.text for c in verb.children if c.dep_ == "acomp"), None)
    cue = f"{verb.text} {state}" if state else f"{next(c.text for c in verb.children if c.dep_ == 'auxpass')} {verb.text}"
    return replace(frame, cue=cue, reason=frame.reason.replace(f"'{verb.text}'", f"'{cue}'"))


def classify_source(tokens: Sequence[Token], known: Mapping[str, Label] | None = None) -> tuple[Label, str] | None:
    """The kind of a source phrase (its head word typed by ``source.py``) and the words that decided it."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    # A phrase the parser left flat ("the National Security Committee" under a misread verb): its
    # last noun is its head.
    nouns = [t for t in heads if t.pos_ in ("NOUN", "PROPN")]
    head = nouns[-1] if nouns else (heads[-1] if heads else None)
    kind = type_source(head, known) if head is not None else None
    return (kind.label, kind.cue) if kind else None
