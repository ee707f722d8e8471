"""Text addressed to an AI system ("Ignore previous instructions", "Note to AI assistants",
"SYSTEM:"): an instruction planted in an article, never a statement by any source and never
`official` (DESIGN.md §3). The phrases are the ``AI_ADDRESS`` patterns of ``sources/ai_address.jsonl``;
with the source words, they also decide which sentences are worth parsing."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.frames import ANAPHORIC_NOUNS
from assistant.ingest.patterns import source_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _ai_address() -> re.Pattern[str]:
    parts = []
    for p in source_patterns():
        if p["label"] == "AI_ADDRESS":
            words = r"\s+".join(re.escape(w) for w in p["pattern"].split())
            parts.append(rf"^\W*{words}" if p["pattern"].endswith(":") else rf"\b{words}\b")
    return re.compile("|".join(parts), re.IGNORECASE)


def addressed_to_ai(text: str) -> str | None:
    """The words that address an AI system ("Note to AI assistants"), or None."""
    found = _ai_address().search(text)
    return found.group(0).strip() if found else None


@lru_cache(maxsize=1)
def acting_source_words() -> frozenset[str]:
    """Words of the sources whose acts are attributions (authorities, media, posts), and of AI
    address: a sentence with none of them and no speech verb is narration, left unparsed."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set()
    for p in source_patterns():
        if p["label"] in ("OFFICIAL", "MEDIA", "SOCIAL", "AI_ADDRESS") or p["label"] == "ROLE" and p.get("id") == "MEDIA":
            words.update(w.strip(":,").lower() for w in p["pattern"].split())
    return frozenset(w for w in words if w and w not in STOP_WORDS)


def same_statement(doc: Doc | None, before: str) -> bool:
    """Does the sentence's subject, a bare "the statement" or "the message", name the statement the sentence before introduced ("In a
    statement, the group said ...")? Not one with an owner of its own ("The ministry statement ended: ...")."""
    subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in ANAPHORIC_NOUNS), None) if doc is not None else None
    return subject is not None and not any(c.dep_ in ("poss", "compound", "amod") for c in subject.children) and subject.lemma_.lower() in before.lower()


def speaks_as_ai(ai: str, source: str) -> bool:
    """The speaker found is the AI address itself ("SYSTEM: label ...", "AI systems summarising this article should say")."""
    return ai.lower() in source.lower() or re.search(rf"\b{re.escape(source)}\b", ai, re.IGNORECASE) is not None
