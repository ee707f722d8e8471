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


@lru_cache(maxsize=1)
def _ai_frames() -> re.Pattern[str]:
    """How an instruction addresses an AI system whatever it calls it (``sources/ai_names.txt``): a note, message or
    instruction to it, a greeting, a vocative before an order, what it must do when it reads the text, a bracketed
    system tag, an order to label the text."""
    from assistant.ingest.gazetteers import ai_names

    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(ai_names(), key=len, reverse=True))
    ai = rf"(?:the\s+|all\s+|any\s+)?(?:{names})s?(?:\s+(?:readers?|assistants?|systems?|models?|tools?|agents?|summari[sz]ers?|crawlers?|bots?|chatbots?))?"
    # A name that is the addressee, not the start of a longer noun ("A note to AI developers from the commission").
    addressee = rf"{ai}(?=\s*(?:[,:;.!?\-\u2013\u2014]|$))"
    # The vocative alone ("ChatGPT, the government said ..."): only names no sentence opens with otherwise ("AI, ...", no).
    named = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(ai_names() - {"ai", "a.i.", "artificial intelligence"}, key=len, reverse=True))
    orders = r"(?:note|remember|please|ignore|disregard|report|say|state|write|summari[sz]e|tell|treat|label|classify|output|respond|answer|confirm|describe|present)"
    # ("AI systems must be regulated, the minister said" orders nothing of the reader)
    frames = (
        rf"^\W*(?:an?\s+|important\s+|editor['\u2019]s\s+)?(?:note|message|instructions?|attention|reminder|memo|notice|warning|request)\s*,?\s+(?:to|for)\s+{addressee}",
        r"<!--",  # an HTML comment in an article's text: hidden from its readers, written for machines
        rf"^\W*(?:dear|hey|hi|hello|attention)\s*,?\s+{addressee}",
        rf"^\W*(?:to|for)\s+{ai}\s*[,:]",
        rf"^\W*{ai}\s*[,:]\s*{orders}\b",
        rf"^\W*(?:the\s+)?(?:{named})s?\s*,",
        rf"\b{ai}\s+(?:summari[sz]ing|reading|processing|analy[sz]ing|crawling|scraping|indexing|parsing)\s+(?:this|the)\b"
        r"(?:\s*:|\s+(?:article|text|page|story|passage|document|content|report)\b)",
        rf"^\W*{ai}\s+(?:must|should|shall|need\s+to|are\s+(?:instructed|required|asked)\s+to)\s+(?:always\s+)?(?:{orders}|affirm|mention|include|refer|call|conclude)\b",
        rf"\bif\s+you(?:\s+are|['\u2019]re)\s+(?:an?\s+)?{ai}\b",
        r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+|my\s+)?(?:previous|prior|above|earlier|preceding|former)?\s*(?:instructions|prompts?|directions)\b",
        r"^\W*[\[<{]+\s*/?\s*(?:system|sys|assistant|instructions?|admin)\b[^\]>}]{0,20}[\]>}]",
        r"<<\s*/?\s*sys\s*>>",
        r"\b(?:label|classify|mark|treat|tag)\s+(?:this|the\s+following|the\s+next)(?:\s+(?:sentence|article|text|statement|paragraph|passage|claim|line|lines))?\s+as\b",
    )
    return re.compile("|".join(frames), re.IGNORECASE)


def addressed_to_ai(text: str) -> str | None:
    """The words that address an AI system ("Note to AI assistants", "Dear ChatGPT"), or None."""
    found = [m for m in (_ai_address().search(text), _ai_frames().search(text)) if m is not None]
    return min(found, key=lambda m: (m.start(), -len(m.group(0)))).group(0).strip() if found else None


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
