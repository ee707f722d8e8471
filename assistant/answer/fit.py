"""Does a sentence answer in the form the question asks for?

A number for "how many" (counted on the noun asked about), a time for "what time", a date for
"when", the noun a "what X" question names, the names and numbers the question mentions; and
which of the fitting sentences to prefer (the question's verb, a full date, an article that
names everything asked about).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from assistant.answer.question import (
    ENTITY_KINDS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    QuestionProfile,
)
from assistant.index.lexical import AROUND_CREDIT, STOPWORDS, one_edit_apart, synonym_map, terms, words
from assistant.index.records import ArticleRecord
from assistant.ingest.context import antecedent
from assistant.types import LabelledSentence, ScoredSentence

#: Is a word another name for one of these ("Moscow" for "Russia", "aircraft" for "planes")?
AliasCheck = Callable[[str, Sequence[str]], bool]

_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_TIME = re.compile(
    r"\b(\d{1,2}(:\d\d)?\s*(a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d\b|o[’']clock\b|noon\b|midnight\b|morning\b|evening\b|afternoon\b|night\b)",
    re.I,
)
# A race or a flight takes a time too: "in 2 hours 9 minutes 47 seconds", "in 2:09:47".
_DURATION = re.compile(r"\b\d+\s*(hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|\b\d{1,2}:\d\d:\d\d\b", re.I)
_YEAR_OR_ORDINAL = re.compile(r"\b(1[5-9]\d\d|20\d\d|\d{1,2}(st|nd|rd|th))\b", re.I)


@lru_cache(maxsize=512)
def _vocabulary(text: str) -> frozenset[str]:
    """The words and stems of a text (articles are checked again and again: computed once each)."""
    return frozenset(words(text)) | frozenset(terms(text))


def _index(vocabulary: frozenset[str] | set[str]) -> tuple[frozenset[str], dict[int, tuple[str, ...]]]:
    """5-letter prefixes and words by length, so fuzzy checks need not scan the whole vocabulary."""
    by_length: dict[int, list[str]] = {}
    for other in vocabulary:
        by_length.setdefault(len(other), []).append(other)
    return frozenset(w[:5] for w in vocabulary if len(w) >= 5), {n: tuple(ws) for n, ws in by_length.items()}


_cached_index = lru_cache(maxsize=512)(_index)  # article vocabularies come back again and again


_SPELLED = {  # "season 4" ~ "the fourth season"
    str(n): (card, ordinal)
    for n, (card, ordinal) in enumerate(
        zip("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty".split(),
            "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()),
    )
    if n
}
_QUARTER = re.compile(r"q([1-4])")


def _fuzzy_in(word: str, vocabulary: set[str] | frozenset[str]) -> bool:
    """Is ``word`` in ``vocabulary``, allowing stems, a shared 5-letter prefix, one typo, "8" for "8th"?"""
    if word in vocabulary or (terms(word) and terms(word)[0] in vocabulary):
        return True
    if word.isdigit():
        spelled = _SPELLED.get(word, ())
        return any(w in vocabulary for w in spelled) or any(
            re.fullmatch(rf"{word}(st|nd|rd|th)?", other) for other in vocabulary
        )
    quarter = _QUARTER.fullmatch(word)  # "Q3" ~ "third quarter", "third-quarter"
    if quarter and "quarter" in vocabulary and _SPELLED[quarter.group(1)][1] in vocabulary:
        return True
    prefixes, by_length = _cached_index(vocabulary) if isinstance(vocabulary, frozenset) else _index(vocabulary)
    if len(word) >= 5 and word[:5] in prefixes:
        return True
    if len(word) >= 6:
        return any(one_edit_apart(word, other) for n in (len(word) - 1, len(word), len(word) + 1)
                   for other in by_length.get(n, ()))
    return False


def _says_predicate(predicate: str, text: str) -> bool:
    """Does the sentence use the question's verb, or a synonym ("won" ~ "defeated", "beat")?"""
    stems = set(terms(predicate))
    for stem in list(stems):
        stems |= synonym_map().get(stem, frozenset())
    return bool(stems & set(terms(text)))


_STARTERS = frozenset("the a an in on at for as by after before when while this that these those it its".split())


def _has_answer_type(kind: str | None, text: str, question_numbers: Sequence[str], question: str = "") -> bool:
    if kind is None:
        return True
    if kind == "name":  # a name the question does not already give
        asked = set(words(question))
        return any(
            w.lower() not in asked and w.lower() not in _STARTERS and w.lower() not in STOPWORDS
            for w in _CAPITALISED.findall(text)
        )
    toks = words(text)
    fresh_digits = [t for t in toks if t[:1].isdigit() and t not in question_numbers]
    if kind == "number":  # a quantity: not a year ("1999"), an ordinal date ("8th") or a clock time
        untimed = words(_TIME.sub(" ", text))
        counts = [t for t in fresh_digits if not _YEAR_OR_ORDINAL.fullmatch(t) and t in untimed]
        return bool(counts) or bool(set(toks) & NUMBER_WORDS) or "%" in text
    if kind == "time":
        return bool(_TIME.search(text) or _DURATION.search(text))
    if kind == "date":
        dates = set(toks) & (MONTHS | WEEKDAYS | {"yesterday", "today", "tomorrow"})
        return bool(dates) or bool(_YEAR_OR_ORDINAL.search(text)) or bool(_TIME.search(text))
    return True


def sentence_fits(
    profile: QuestionProfile,
    sentence: LabelledSentence,
    context: str = "",
    around: frozenset[str] = frozenset(),
    similar: AliasCheck | None = None,
) -> bool:
    """Does this sentence hold what the question asks for: the noun asked about, and a number,
    time or date where the question asks for one? ``context``: the sentence its opening pronoun
    stands for, whose words count as this one's for what the sentence is about; ``around``: the
    words of its article; ``similar``: says whether a word is another name for the one asked about
    (the embedder: "aircraft" counts "planes")."""
    sentence_terms = set(terms(f"{context} {sentence.text}"))
    literal = set(words(f"{context} {sentence.text}")) | sentence_terms
    vocabulary = set(literal)
    for stem in list(sentence_terms):
        vocabulary |= synonym_map().get(stem, frozenset())
    # "The names of ..." needs a name, not a synonym of one ("so-called" names nobody), or a name
    # given as one of the kind asked about ("Microsoft HoloLens is an AR headset").
    kinds = [w for w in profile.required if w != "name"]
    for w in profile.required:
        if w == "name":
            if not _fuzzy_in(w, literal) and not names_an_instance(sentence.text, kinds, profile.text):
                return False
        elif w == profile.counted and similar is not None:
            continue  # "how many planes": counted below, where "14 aircraft" counts too
        elif not _fuzzy_in(w, vocabulary):
            return False
    if profile.answer_type and profile.terms and _share_covered(profile.terms, vocabulary, around) < TYPED_COVERAGE:
        return False  # a number, time or date, but about something else
    if profile.counted and not _counts(profile.counted, sentence.text, profile.question_numbers, similar):
        return False
    text = _PERCENTAGES.sub(" ", sentence.text) if profile.absolute else sentence.text
    return _has_answer_type(profile.answer_type, text, profile.question_numbers, profile.text)


_INSTANCE = re.compile(r"(?P<subject>[^,;:]+?)\s+(is|was|are|were)\s+(a|an|the)\s+(?P<kind>[^.;:]+)", re.IGNORECASE)
_NOUN_PHRASE_END = re.compile(
    r"\s(?:by|for|of|with|in|on|at|from|to|that|which|who|whose|and|or|but|\w+ed|\w+ing)\b", re.IGNORECASE
)


def names_an_instance(text: str, kinds: Sequence[str], question: str) -> bool:
    """Does the sentence say that something named is one of ``kinds``: "Microsoft HoloLens is an
    augmented reality headset" for "the name of Microsoft's AR headset"?"""
    found = _INSTANCE.match(text)
    if found is None or not kinds:
        return False
    # "a headset built for surgeons" is a headset: the kind ends where the noun phrase does
    kind = set(terms(_NOUN_PHRASE_END.split(found.group("kind"), maxsplit=1)[0]))
    return all(set(terms(k)) <= kind for k in kinds) and _has_answer_type("name", found.group("subject"), (), question)


TYPED_COVERAGE = 0.3
_PERCENTAGES = re.compile(r"\d[\d.,]*\s*(%|per ?cent\b|percent\b)", re.IGNORECASE)


_GENERIC_STEMS = frozenset(terms("people person thing time number figure"))


def _share_covered(question_terms: Sequence[str], vocabulary: set[str], around: frozenset[str] = frozenset()) -> float:
    """The share of the question's specific terms the sentence has; a term found only elsewhere in
    its article (``around``) counts half, as in retrieval: news sentences leave the topic to the lead."""
    specific = [t for t in question_terms if t not in _GENERIC_STEMS] or list(question_terms)
    return sum(1.0 if t in vocabulary else AROUND_CREDIT if t in around else 0.0 for t in specific) / len(specific)


def _is_number(token: str, question_numbers: Sequence[str]) -> bool:
    return (token[:1].isdigit() and token not in question_numbers) or token in NUMBER_WORDS


def _counts(noun: str, text: str, question_numbers: Sequence[str], similar: AliasCheck | None = None) -> bool:
    """Is there a number within two words before ``noun`` ("11 attackers", "two gun stores"), or
    before another name for it (``similar``: "14 water-bombing aircraft" counts planes)?"""
    toks = words(text)
    counted: list[str] = []
    for i, tok in enumerate(toks):
        if _is_number(tok, question_numbers):
            after = toks[i + 1 : i + 4]
            if any(_fuzzy_in(noun, {t}) for t in after):
                return True
            head = _head_noun(after)
            if head is not None:
                counted.append(head)
    return bool(similar is not None and counted and similar(noun, sorted(set(counted))))


def _head_noun(after: Sequence[str]) -> str | None:
    """The noun a number counts, from the words after it: the last of the words before a stop
    word, a participle left out ("two gun stores" -> stores, "70 vessels waiting" -> vessels)."""
    run: list[str] = []
    for t in after:
        if not t.isalpha() or t in STOPWORDS or t in NUMBER_WORDS:
            break
        run.append(t)
    while len(run) > 1 and run[-1].endswith(("ing", "ed")):
        run.pop()
    return run[-1] if run else None


def _unmentioned(groups: Sequence[Sequence[str]], text: str) -> list[str]:
    """The words of the names a text does not mention. A name of three words or more may be
    shortened ("Breath of the Wild"); shorter names and numbers must be there whole."""
    vocabulary = _vocabulary(text)
    missing = []
    for group in groups:
        absent = [w for w in group if not _fuzzy_in(w, vocabulary)]
        if absent and (len(group) < 3 or len(group) - len(absent) < (len(group) + 1) // 2):
            missing.extend(absent)
    return missing


def missing_names(profile: QuestionProfile, article_texts: Sequence[str], alias: AliasCheck | None = None) -> list[str]:
    """Names and numbers in the question that the cited articles never mention.

    ``alias`` may accept a name the articles know under another one ("Moscow" for "Russia").
    """
    around = " ".join(article_texts)
    missing = _unmentioned(profile.name_groups, around)
    if missing and alias is not None:
        names = sorted(set(_CAPITALISED.findall(around)))
        missing = [w for w in missing if w.isdigit() or not alias(w, names)]
    return missing


FIT_BONUS = 0.05
_FULL_DATE = re.compile(
    r"\b(\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?,?\s+\d{4}"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4})\b",
    re.IGNORECASE,
)


def fit_bonus(profile: QuestionProfile, sentence: LabelledSentence) -> float:
    """Prefer sentences that answer in the asked form: the question's verb ("won" ~ "defeated"),
    a full date for "when"."""
    bonus = 0.0
    if profile.predicate and _says_predicate(profile.predicate, sentence.text):
        bonus += FIT_BONUS
    if profile.answer_type == "date" and _FULL_DATE.search(sentence.text):
        bonus += 2 * FIT_BONUS  # "July 21, 2017" answers "when" better than "a 2017 game"
    if profile.asks_who and not profile.wants and _has_answer_type("name", sentence.text, (), profile.text):
        bonus += FIT_BONUS  # "who won": a name the question does not give
    return bonus


LOCAL_TYPES = ("number", "time", "date")


Entities = Callable[[str], Sequence[tuple[str, str]]]


def _best_first(c: ScoredSentence) -> tuple[float, str, int]:
    return (-c.score, c.sentence.doc_id, c.sentence.idx)

ENTITY_BONUS = 0.1
ENTITY_POOL = 8  # the best fitting sentences the entity recogniser reads


def fresh_entities(profile: QuestionProfile, text: str, entities: Entities) -> set[str]:
    """Entities of the kind asked for that the question does not already name ("Tim Buckley" for
    "Who is the new CEO of Vanguard?", not "Vanguard")."""
    asked = set(words(profile.text))
    return {
        " ".join(words(name)) for name, kind in entities(text)
        if kind in profile.entity_kinds and words(name) and not set(words(name)) <= asked
    }


def prefer_entities(fitting: list[ScoredSentence], profile: QuestionProfile, entities: Entities) -> list[ScoredSentence]:
    """For "who" and "which city" questions: prefer the sentences that name someone (or somewhere)
    of the kind asked for, and above them the ones naming whoever most of the articles name."""
    pool = fitting[:ENTITY_POOL]
    found = {id(c): fresh_entities(profile, c.sentence.text, entities) for c in pool}
    support: dict[str, set[str]] = {}
    for c in pool:
        for name in found[id(c)]:
            support.setdefault(name, set()).add(c.sentence.doc_id)
    backed = {name for name, docs in support.items() if len(docs) >= 2 and len(docs) == max(map(len, support.values()))}
    # A plain "who" may be answered by a description ("religious extremists"): only the name most
    # articles agree on counts there. A person or a place asked for must be named, when any of
    # the best sentences names one (the recogniser misses some names: then none is required).
    specific = profile.entity_kinds != ENTITY_KINDS["who"]
    required = specific and any(found.values())
    out = []
    for c in fitting:
        names = found.get(id(c), set())
        if required and id(c) in found and not names:
            continue
        bonus = (ENTITY_BONUS if names and specific else 0.0) + (FIT_BONUS if names & backed else 0.0)
        out.append(c.model_copy(update={"score": round(c.score + bonus, 4)}) if bonus else c)
    return sorted(out, key=_best_first)


def rerank(
    ranked: Sequence[ScoredSentence],
    profile: QuestionProfile,
    records: Mapping[str, ArticleRecord] | None = None,
    entities: Entities | None = None,
    similar: AliasCheck | None = None,
) -> list[ScoredSentence]:
    """Sentences that fit the question, best first, with the fit bonus added to their scores.

    A number, time or date must sit in a paragraph that has the question's own numbers ("revenue
    in Q1 2021"); a sentence whose article mentions every name asked about is preferred.
    """
    has_names: dict[str, bool] = {}
    fitting = []
    for c in ranked:
        if records is not None and is_headline(c.sentence, records[c.sentence.doc_id].sentences):
            continue  # a headline sums the story up; the body states each fact, with its source
        before = antecedent(records[c.sentence.doc_id].sentences, c.sentence) if records is not None else None
        around = _vocabulary(records[c.sentence.doc_id].article.text) if records is not None else frozenset()
        if not sentence_fits(profile, c.sentence, before.text if before is not None else "", around, similar):
            continue
        bonus = fit_bonus(profile, c.sentence)
        if records is not None and profile.names:
            doc_id = c.sentence.doc_id
            if profile.answer_type in LOCAL_TYPES and profile.question_numbers:
                numbers = [(n,) for n in profile.question_numbers]
                if _unmentioned(numbers, " ".join(paragraph_of(records, c.sentence))):
                    continue  # "revenue in Q1 2021": the figure must sit where Q1 2021 is named
            if doc_id not in has_names:
                has_names[doc_id] = not missing_names(profile, [records[doc_id].article.text])
            bonus += FIT_BONUS if has_names[doc_id] else 0.0
        fitting.append(c.model_copy(update={"score": round(c.score + bonus, 4)}))
    fitting.sort(key=_best_first)
    if entities is not None and profile.entity_kinds and not profile.wants:
        return prefer_entities(fitting, profile, entities)
    return fitting


HEADLINE_WORDS = 20


def is_headline(sentence: LabelledSentence, sentences: Sequence[LabelledSentence]) -> bool:
    """Is this the article's headline: its first line, alone in its paragraph, short, with no
    closing punctuation, and a body after it?"""
    text = sentence.text.rstrip()
    return (
        sentence.idx == 0 and len(sentences) > 2 and sentences[1].paragraph != sentence.paragraph
        and len(text.split()) <= HEADLINE_WORDS and text[-1:] not in ".!?\"”'’:;)…"
    )


def paragraph_of(records: Mapping[str, ArticleRecord], sentence: LabelledSentence) -> list[str]:
    return [s.text for s in records[sentence.doc_id].sentences if s.paragraph == sentence.paragraph]
