"""Who a sentence is attributed to, against the hand-labelled ``attributed_to``.

Issue 15 asks, of sentences someone is reported to have said, how many the labeller attributes
and how often the source it names is the right one. The gold names a source in its own words
("Employment Minister Tony Abbott", "police", "the Department for Education (release body)"), the
labeller in the text's ("Mr Abbott", "Victoria Police", "the Department for Education"), so two
names agree when a head of one (its last content word: a surname, the noun of a body; and that of
a note in parentheses) is a content word of the other. Content words: lower-cased words that are
not spaCy's English stop words (an acronym spelt like one, "WHO", is a name), a plural's "s"
dropped. An acronym of three capitals or more agrees with the words whose initials it is ("CMA",
"the Competition and Markets Authority"). A pronoun
alone ("he") names no one. A role and a name of one person ("the acting Immigration Minister",
"Daryl Williams") do not agree: without coreference the measure undercounts right sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NARRATION = ("", "the article")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"mr", "mrs", "ms", "dr"}  # honorifics say nothing of who


def content_words(name: str) -> list[str]:
    """Lower-cased words that are not stop words, a plural's "s" dropped; an acronym spelt like a
    stop word ("WHO", "US") is a name, and stays."""
    words = re.findall(r"[^\W_]+", name)
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in (x.lower() for x in words if x.lower() not in _stop_words() or len(x) > 1 and x.isupper()) if not w.isdigit()]


def heads(name: str) -> set[str]:
    """The last content word of the name, and of each note in parentheses ("A spokesman (police)")."""
    parts = [re.sub(r"\([^)]*\)", " ", name), *re.findall(r"\(([^)]*)\)", name)]
    return {words[-1] for words in map(content_words, parts) if words}


_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def initials(name: str) -> str:
    """The initials of a name's capitalised words, stop words aside ("The Competition and Markets
    Authority" -> "CMA")."""
    return "".join(w[0] for w in _CAPITALISED.findall(name) if w.lower() not in _stop_words())


def abbreviates(short: str, long: str) -> bool:
    """Is an acronym of one name (three capitals or more) the initials of words of the other ("CMA",
    "The Competition and Markets Authority"; "UKMTO", "the United Kingdom Maritime Trade Operations
    agency")?"""
    return any(acronym in initials(long) for acronym in _ACRONYM.findall(short) if acronym not in long)


def same_source(gold: str, predicted: str) -> bool:
    """Do the two names name the same source? By their heads, or an acronym and its words."""
    return bool(heads(gold) & set(content_words(predicted)) or heads(predicted) & set(content_words(gold))
                or abbreviates(gold, predicted) or abbreviates(predicted, gold))


@dataclass
class SourceScore:
    """Of the sentences the gold attributes to someone: how many the labeller attributes (any label
    but ``article``), and of those, how many to the same source."""

    attributable: int = 0
    attributed: int = 0
    right: int = 0

    def add(self, gold_label: str, gold: str, label: str, source: str) -> None:
        """One gold sentence (its preferred label and source) and the labeller's label and source."""
        if gold_label == "article" or gold.strip().lower() in NARRATION:
            return
        self.attributable += 1
        if label != "article":
            self.attributed += 1
            self.right += same_source(gold, source)

    def to_dict(self) -> dict[str, float | int]:
        return {"attributable": self.attributable, "attributed": round(self.attributed / max(1, self.attributable), 4),
                "source_right": round(self.right / max(1, self.attributed), 4)}
