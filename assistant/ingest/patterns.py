"""The source patterns: general knowledge of who speaks, kept as data files in ``sources/`` (one
family per file), matched by a spaCy ``SpanRuler`` on lower-case text; every parsed doc gets
``doc.spans["sources"]``, and :func:`source_kinds` gives each token the longest pattern covering it.
Source typing (``source.py``) reads them.

- ``official.jsonl``: government bodies by head noun and by name or building, titles of office,
  courts, police, the military, regulators, intergovernmental bodies; ``OFFICIAL_NAME``: words that make a
  name a public body's ("National ...", "Provincial ..."); ``id: place`` ("city") only before a body's word
  ("Kansas City Police", not "Kansas City Chiefs"); ``id: local`` ("county") also ends a local government's
  own name ("Maui County said");
- ``media.jsonl``: news outlets (state media included), journalists, sources, witnesses, experts
  (``id: expert``: employed by an authority, they speak for it; a firm by what it does, ``activities``
  before ``heads``: "forecasting firm", "polling agency"), studies and polls, and the words
  that make any speaker an unnamed source (``id: anonymous``: "on condition of anonymity");
- ``social.jsonl``: platforms (``id: platform``), posts, users, forums, rumours;
- ``group.jsonl``: companies, parties, unions, clubs, armed groups, a person's representatives
  (``id: person``: a person speaking for themselves, "the striker", "an activist"; ``id: activity``:
  a party only alone, "the management", never inside a public body's name, "Disaster Management Authority";
  ``SPORT`` and ``PRIZE``: a body named for a sport or a prize is its federation or awarding body,
  a party: "the International Cricket Council", "the Norwegian Nobel Committee");
- ``roles.jsonl``: roles that speak for someone else ("spokeswoman", "account", "lawyer"): they
  take the kind of whoever they speak for, their ``id`` when they stand alone; ``id: family``: a
  relative, who speaks for themselves and holds no office of the one they are related to;
- ``data.jsonl``: statistics, figures and records: the article reporting numbers (``article``);
- ``ai_address.jsonl``: text addressed to an AI system, never a statement by anyone;
- ``campaign.jsonl``: campaigns and their material (ads, spots, mailers): a campaign speaking as such.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

SPANS_KEY = "sources"
FAMILIES = ("official", "media", "social", "group", "roles", "data", "ai_address", "campaign")
# Kinds of source whose channels an 'official' account or website can be.
PARTY_KINDS = frozenset("SOCIAL GROUP MEDIA CAMPAIGN SPORT".split())


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


@lru_cache(maxsize=1)
def source_patterns() -> tuple[dict[str, str], ...]:
    """Every pattern of every family, a one-word or last-word plural added for each."""
    out: list[dict[str, str]] = []
    root = resources.files("assistant.ingest") / "sources"
    for family in FAMILIES:
        for line in (root / f"{family}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            for phrase in _phrases(row):
                out.append({**_row(row), "pattern": phrase})
                if row["label"] != "AI_ADDRESS" and phrase[-1:].isalpha() and row.get("id") != "platform":
                    out.append({**_row(row), "pattern": phrase.rsplit(" ", 1)[0] + " " + _plural(phrase.rsplit(" ", 1)[-1]) if " " in phrase else _plural(phrase)})
    return tuple(out)


def _phrases(row: dict[str, str]) -> list[str]:
    """A row's phrases: its ``pattern``, or each of its ``activities`` before each of its ``heads``
    (an organisation by what it does: "forecasting firm", "polling agency")."""
    if "activities" in row:
        return [f"{a} {h}" for a in row["activities"].split("|") for h in row["heads"].split("|")]
    return [row["pattern"]]


def _row(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if k not in ("activities", "heads")}


def add_source_ruler(nlp: Language, tokens_only: Sequence[str] = ()) -> None:
    """Add the source patterns to a pipeline: every parsed doc gets ``doc.spans["sources"]``.
    ``tokens_only``: the pipeline's components that change its tokens (the phrases get them too)."""
    ruler_name = "source_ruler"
    ruler = nlp.add_pipe("span_ruler", name=ruler_name, config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER"})
    # The phrases are matched on their lower-case words: the ruler makes their docs with the
    # tokenizer and the components that change tokens (``tokens_only``), not the tagger or parser
    # it would otherwise run over thousands of phrases at every start.
    with nlp.select_pipes(enable=[*tokens_only, ruler_name]):
        ruler.add_patterns([{"label": p["label"], "pattern": p["pattern"], **({"id": p["id"]} if p.get("id") else {})} for p in source_patterns()])  # type: ignore[attr-defined]


# Parts of speech an acronym's pattern never stands for unless it is spelt in capitals.
FUNCTION_WORDS = frozenset("PRON DET ADP AUX CCONJ SCONJ PART".split())


def source_kinds(doc: Doc) -> dict[int, Span]:
    """For each token, the longest source pattern covering it."""
    out: dict[int, Span] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        if len(span) == 1 and (span.label_ == "OFFICIAL" and span.start > 0 and doc[span.start - 1].like_num and span.text.isupper()
                               or len(span.text) == 1 and (span.text.islower() or doc[span.start : span.end + 1].text == span.text + "-")):
            continue  # "a 50 MP camera": a unit, no title; "an x-ray machine", "X-Men": no platform
        if len(span) == 1 and span[0].pos_ in FUNCTION_WORDS and not span.text.isupper():
            continue  # "Who directed Titanic?": the pronoun, not the WHO
        if len(span) == 1 and _name_like_plural(span.text):
            continue  # "Ines Carvalho said": a given name, not the plural of Mexico's INE
        out |= {i: span for i in range(span.start, span.end) if i not in out or len(out[i]) < len(span)}
    for i, span in list(out.items()):
        if span.label_ == "OFFICIAL" and len(span) == 1 and span.text.lower() == "official" and (_qualifies_party(doc, i, out) or _tag(doc, i)):
            del out[i]
    return out


@lru_cache(maxsize=1)
def _short_patterns() -> frozenset[str]:
    """One-word patterns of three letters at most: acronyms mostly ("ine", "ceo", "mp")."""
    return frozenset(p["pattern"] for p in source_patterns() if " " not in p["pattern"] and len(p["pattern"]) <= 3)


def _name_like_plural(text: str) -> bool:
    """A capitalised word that is a short pattern's plural only by its letters ("Ines", "Sons"): acronyms' plurals are
    written in capitals ("CEOs", "MPs", "NGOs"), words' in lower case ("reps")."""
    return text[:1].isupper() and text[1:].islower() and text.endswith("s") and text.lower().removesuffix("s") in _short_patterns()


def _tag(doc: Doc, i: int) -> bool:
    """ "OFFICIAL: the attack was staged", "UPDATE (official): ...": the word as a tag, naming no one."""
    return i > 0 and doc[i - 1].text in ("(", "[") or i + 1 < len(doc) and doc[i + 1].text in (":", ")", "]")


def _qualifies_party(doc: Doc, i: int, kinds: Mapping[int, Span]) -> bool:
    """ "The official PlayStation Twitter account", "the club's official website": 'official' says whose
    the account is, authorised by its owner, and names no state official (the parser may read it as a noun)."""
    j = i + 1
    while j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN", "ADJ") and doc[j].dep_ in ("compound", "amod", "nmod") and doc[j].head.i > j:
        j += 1
    phrase = range(i + 1, min(j + 1, len(doc)))
    return j > i + 1 and doc[min(j, len(doc) - 1)].pos_ == "NOUN" and any(k in kinds and kinds[k].label_ in PARTY_KINDS for k in phrase)
