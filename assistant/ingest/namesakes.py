"""Namesakes: a surname typed for one person is not another person's with the same surname.

``known`` (``label.py``) keys what an article has typed by surname ("hall" -> official after
"Patrol Chief James Hall"), and beside it the full name ("james hall"). A later speaker named with
another given name ("Ellie Hall tweeted ...") is someone else, typed afresh; the surname alone
("Hall said") or the same full name is the person typed before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

HONORIFICS = frozenset("mr mrs ms miss mx sir dame madam mme mlle m herr frau sr sra señor señora dr".split())


def full_name(words: list[str]) -> str:
    """The key of a person's full name, given name and surname ("James Hall" -> "james hall"),
    or "" when the words end in no such pair."""
    if len(words) < 2 or not all(w[:1].isupper() and w.strip(".").isalpha() for w in words[-2:]) or len(words[-2].strip(".")) < 2:
        return ""
    return f"{words[-2].lower()} {words[-1].lower()}"


def another_person(surname: Token, known: Mapping[str, object], kinds: Mapping[int, Span]) -> bool:
    """Is this surname, named with a given name, someone other than the person ``known`` typed?
    ("Mr Hall", "President Hall": an honorific or a title, ``kinds``' spans, is no given name.)"""
    given = [c for c in surname.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == surname.i - 1
             and c.lower_.rstrip(".") not in HONORIFICS and c.i not in kinds and len(c.text.rstrip(".")) > 1]
    if not given:
        return False
    key = f"{given[0].lower_} {surname.lower_}"
    return key not in known and any(k.endswith(f" {surname.lower_}") and not k.startswith("the ") for k in known)
