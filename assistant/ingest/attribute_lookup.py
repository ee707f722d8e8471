"""The stock attribute ruler's rules, matched by looking tokens up instead of by spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` sets each token's part of speech, morphology and a few lemmas
from its tag, word and dependency, with some 180 patterns of one or two tokens. spaCy's Matcher
tries every pattern at every token (a third of the parse's time, measured on 2 cores). These
patterns only test a token's own attributes (no operators, no lengths that vary), so the rules a
token satisfies depend on those attributes alone: they are worked out once per distinct
combination and looked up after that. The ruler applies the matches itself, in its own order
(later rules win), so what it sets is what the Matcher's matches would set; a pattern outside that
simple form leaves the ruler on its Matcher (:func:`install`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

#: The token attributes a pattern may test here (each a string or flag of the token itself).
READABLE = ("ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT",
            "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM")
FLAGS = frozenset(a for a in READABLE if a.startswith(("IS_", "LIKE_")))
MAX_REMEMBERED = 200_000  # distinct token readings kept (the words of an archive are many, their tags few)

Test = Callable[[Any], bool]
Match = tuple[int, int, int, int]  # (rule, its matcher key, start, end), as AttributeRuler.match gives them


@dataclass(frozen=True)
class Rule:
    """One pattern of rule ``number``: per token, its tests and the plain values they require, each
    by its attribute's place in ``AttributeLookup.attrs``."""

    number: int
    key: int
    tests: tuple[tuple[tuple[int, Test], ...], ...]
    values: tuple[tuple[tuple[int, str], ...], ...]


def compile_test(value: Any) -> Test | None:
    """A pattern's condition on one attribute as a function of the attribute's value, or None
    when it is not one of the forms the Matcher reads plainly (a string or flag, IN or NOT_IN strings,
    REGEX). A number would be a string's hash to the Matcher: not read here."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and not (isinstance(arg, list) and all(isinstance(a, str) for a in arg)):
            return None
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda v: isinstance(v, str) and pattern.search(v) is not None
    return None


class AttributeLookup:
    """``AttributeRuler.match`` for rules whose patterns test only the token's own attributes."""

    def __init__(self, rules: list[Rule], attrs: tuple[str, ...], vocab: Any) -> None:
        from spacy.attrs import IDS

        self.rules = rules
        self.attrs = attrs
        self._ids = [IDS[a] for a in attrs]
        self._flags = [a in FLAGS for a in attrs]
        self._strings = vocab.strings
        # Where a token's first attribute (the tag, for the stock rules) rules most patterns out.
        self._by_first: dict[Any, list[tuple[int, int]]] = {}
        self._anywhere: list[tuple[int, int]] = []
        for p, rule in enumerate(self.rules):
            for pos, tests in enumerate(rule.tests):
                first = next((value for i, value in rule.values[pos] if i == 0), None)
                (self._by_first.setdefault(first, []) if first is not None else self._anywhere).append((p, pos))
        self._seen: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> AttributeLookup | None:
        """The lookup for a ruler's patterns; None if any pattern is beyond it."""
        raw: list[tuple[int, list[list[tuple[str, Any, Test]]]]] = []
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tokens: list[list[tuple[str, Any, Test]]] = []
                for spec in pattern:
                    tests = []
                    for name, value in spec.items():
                        test = compile_test(value)
                        if name not in READABLE or test is None or (name in FLAGS) != isinstance(value, bool):
                            return None
                        tests.append((name, value, test))
                    tokens.append(tests)
                if not tokens:
                    return None
                raw.append((number, tokens))
        counts: dict[str, int] = {}
        for _, tokens in raw:
            for tests in tokens:
                for name, _, _ in tests:
                    counts[name] = counts.get(name, 0) + 1
        attrs = sorted(counts, key=lambda n: -counts[n])  # the most tested first: it indexes the rules
        order = {name: i for i, name in enumerate(attrs)}
        rules = [Rule(number, ruler.vocab.strings[str(number)],
                      tuple(tuple((order[n], t) for n, _, t in tok) for tok in tokens),
                      tuple(tuple((order[n], v) for n, v, _ in tok if isinstance(v, str)) for tok in tokens))
                 for number, tokens in raw]
        return cls(rules, tuple(attrs), ruler.vocab)

    def _satisfied(self, key: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(pattern, position) for every pattern token a token with attribute values ``key`` satisfies."""
        found = self._seen.get(key)
        if found is None:
            reading = [bool(v) if flag else self._strings[v] if v else "" for v, flag in zip(key, self._flags)]
            candidates = self._by_first.get(reading[0], []) + self._anywhere
            found = tuple(sorted((p, pos) for p, pos in candidates
                                 if all(test(reading[i]) for i, test in self.rules[p].tests[pos])))
            if len(self._seen) >= MAX_REMEMBERED:
                self._seen.clear()
            self._seen[key] = found
        return found

    def match(self, doc: Doc) -> list[Match]:
        """What ``AttributeRuler.match`` returns for ``doc``: (rule, key, start, end), sorted."""
        if not len(doc):
            return []
        satisfied = [self._satisfied(tuple(row)) for row in doc.to_array(self._ids).reshape(len(doc), -1).tolist()]
        found: set[Match] = set()
        for start, marks in enumerate(satisfied):
            for p, pos in marks:
                rule = self.rules[p]
                end = start + len(rule.tests)
                if pos == 0 and end <= len(doc) and all((p, k) in satisfied[start + k] for k in range(1, len(rule.tests))):
                    found.add((rule.number, rule.key, start, end))
        return sorted(found)


def install(ruler: AttributeRuler) -> bool:
    """Have ``ruler`` match by lookup; False (the Matcher stays) when its patterns are beyond it."""
    lookup = AttributeLookup.of(ruler)
    if lookup is None:
        return False
    ruler.match = lookup.match  # type: ignore[method-assign]
    return True
