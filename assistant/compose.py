"""The extractive composer: pick the sentences that answer, lay them out by provenance.

No LLM: every point is an exact sentence of an article, framed by who says it. Claims from
social media and involved groups are worded as claims. When the evidence does not answer
(weak relevance, a name or number the question needs is absent, or no number/date where the
question asks for one), the answer says so and lists related passages instead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.catalog import ArticleRecord
from assistant.label import ANAPHORA_CUE, QUOTED_CUE
from assistant.lexical import STOPWORDS, one_edit_apart, synonym_map, terms, words
from assistant.question import MONTHS, NUMBER_WORDS, WEEKDAYS, QuestionProfile
from assistant.types import (
    LABEL_ORDER,
    SECTION_TITLES,
    Answer,
    Citation,
    LabelledSentence,
    Point,
    ScoredSentence,
    Section,
)

CLAIMS = frozenset({"social_media", "group_claim", "media_report"})
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
NOT_ANSWERED = "The articles do not answer this question."
ONLY_CLAIMS_NOTE = "Note: these are claims, not established facts."
_TIME = re.compile(
    r"\b(\d{1,2}(:\d\d)?\s*(a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d\b|o[’']clock\b|noon\b|midnight\b|morning\b|evening\b|afternoon\b|night\b)",
    re.I,
)
_YEAR_OR_ORDINAL = re.compile(r"\b(1[5-9]\d\d|20\d\d|\d{1,2}(st|nd|rd|th))\b", re.I)


@dataclass(frozen=True)
class ComposerSettings:
    min_score: float
    max_citations: int
    margin: float = 0.07
    related: int = 2


def _fuzzy_in(word: str, vocabulary: set[str]) -> bool:
    """Is ``word`` in ``vocabulary``, allowing stems, a shared 5-letter prefix, one typo, "8" for "8th"?"""
    if word in vocabulary or (terms(word) and terms(word)[0] in vocabulary):
        return True
    if word.isdigit():
        return any(re.fullmatch(rf"{word}(st|nd|rd|th)?", other) for other in vocabulary)
    for other in vocabulary:
        if len(word) >= 5 and len(other) >= 5 and word[:5] == other[:5]:
            return True
        if len(word) >= 6 and one_edit_apart(word, other):
            return True
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
        return bool(_TIME.search(text))
    if kind == "date":
        dates = set(toks) & (MONTHS | WEEKDAYS | {"yesterday", "today", "tomorrow"})
        return bool(dates) or bool(_YEAR_OR_ORDINAL.search(text)) or bool(_TIME.search(text))
    return True


def sentence_fits(profile: QuestionProfile, sentence: LabelledSentence) -> bool:
    """Does this sentence hold what the question asks for: the noun asked about, and a number,
    time or date where the question asks for one?"""
    sentence_terms = set(terms(sentence.text))
    literal = set(words(sentence.text)) | sentence_terms
    vocabulary = set(literal)
    for stem in list(sentence_terms):
        vocabulary |= synonym_map().get(stem, frozenset())
    # "The names of ..." needs a name, not a synonym of one ("so-called" names nobody).
    if any(not _fuzzy_in(w, literal if w == "name" else vocabulary) for w in profile.required):
        return False
    if profile.answer_type and profile.terms and _share_covered(profile.terms, vocabulary) < TYPED_COVERAGE:
        return False  # a number, time or date, but about something else
    if profile.counted and not _counts(profile.counted, sentence.text, profile.question_numbers):
        return False
    text = _PERCENTAGES.sub(" ", sentence.text) if profile.absolute else sentence.text
    return _has_answer_type(profile.answer_type, text, profile.question_numbers, profile.text)


TYPED_COVERAGE = 0.3
_PERCENTAGES = re.compile(r"\d[\d.,]*\s*(%|per ?cent\b|percent\b)", re.IGNORECASE)


_GENERIC_STEMS = frozenset(terms("people person thing time number figure"))


def _share_covered(question_terms: Sequence[str], vocabulary: set[str]) -> float:
    specific = [t for t in question_terms if t not in _GENERIC_STEMS] or list(question_terms)
    return sum(1 for t in specific if t in vocabulary) / len(specific)


def _is_number(token: str, question_numbers: Sequence[str]) -> bool:
    return (token[:1].isdigit() and token not in question_numbers) or token in NUMBER_WORDS


def _counts(noun: str, text: str, question_numbers: Sequence[str]) -> bool:
    """Is there a number within two words before ``noun`` ("11 attackers", "two gun stores")?"""
    toks = words(text)
    for i, tok in enumerate(toks):
        if _is_number(tok, question_numbers):
            if any(_fuzzy_in(noun, {toks[j]}) for j in range(i + 1, min(len(toks), i + 4))):
                return True
    return False


AliasCheck = Callable[[str, Sequence[str]], bool]


def missing_names(profile: QuestionProfile, article_texts: Sequence[str], alias: AliasCheck | None = None) -> list[str]:
    """Names and numbers in the question that the cited articles never mention.

    ``alias`` may accept a name the articles know under another one ("Moscow" for "Russia").
    """
    around = " ".join(article_texts)
    vocabulary = set(words(around)) | set(terms(around))
    missing = [w for w in profile.names if not _fuzzy_in(w, vocabulary)]
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


def rerank(
    ranked: Sequence[ScoredSentence], profile: QuestionProfile, records: dict[str, ArticleRecord] | None = None
) -> list[ScoredSentence]:
    """Sentences that fit the question, best first, with the fit bonus added to their scores.

    A number, time or date must sit in a paragraph that has the question's own numbers ("revenue
    in Q1 2021"); a sentence whose article mentions every name asked about is preferred.
    """
    has_names: dict[str, bool] = {}
    fitting = []
    for c in ranked:
        if not sentence_fits(profile, c.sentence):
            continue
        bonus = fit_bonus(profile, c.sentence)
        if records is not None and profile.names:
            doc_id = c.sentence.doc_id
            if profile.answer_type in LOCAL_TYPES and profile.question_numbers:
                numbers = replace(profile, names=profile.question_numbers)
                if missing_names(numbers, [" ".join(_paragraph(records, c.sentence))]):
                    continue  # "revenue in Q1 2021": the figure must sit where Q1 2021 is named
            if doc_id not in has_names:
                has_names[doc_id] = not missing_names(profile, [records[doc_id].article.text])
            bonus += FIT_BONUS if has_names[doc_id] else 0.0
        fitting.append(c.model_copy(update={"score": round(c.score + bonus, 4)}))
    return sorted(fitting, key=lambda c: (-c.score, c.sentence.doc_id, c.sentence.idx))




def select(
    ranked: Sequence[ScoredSentence],
    profile: QuestionProfile,
    cfg: ComposerSettings,
    records: dict[str, ArticleRecord] | None = None,
) -> list[ScoredSentence]:
    """The sentences to cite: the best one that fits the question, close runners-up, and both
    sides when both are asked for."""
    ranked = rerank(ranked, profile, records)
    if not ranked or ranked[0].score < cfg.min_score:
        return []
    top = ranked[0].score
    chosen = [ranked[0]]
    for cand in ranked[1:]:
        if len(chosen) >= cfg.max_citations:
            break
        if cand.score >= max(cfg.min_score, top - cfg.margin):
            chosen.append(cand)
    if len({c.sentence.doc_id for c in ranked[:5]}) > 1:  # several articles: a second opinion from another one
        other = next((c for c in ranked[1:] if c.sentence.doc_id != ranked[0].sentence.doc_id), None)
        if other is not None and other not in chosen and other.score >= max(cfg.min_score, top - 2 * cfg.margin):
            chosen.append(other)
    sides: list[frozenset[str]] = [frozenset({lab}) for lab in ("official", "social_media") if lab in profile.wants]
    if profile.compares and len(sides) == 1:  # "the official account compared with the claims that ..."
        sides.append(CLAIMS - sides[0] if sides[0] <= CLAIMS else frozenset({"official"}))
    if len(sides) == 2:  # one account against another: the best two of each side
        chosen = [c for c in chosen if not any(c.sentence.label in side for side in sides)]
        for side_labels in sides:
            side = [c for c in ranked if c.sentence.label in side_labels and c.score >= cfg.min_score - 0.1]
            chosen.extend(c for c in side[:2] if c.score >= side[0].score - cfg.margin)
    return chosen


def expand_quotations(chosen: list[ScoredSentence], records: dict[str, ArticleRecord]) -> list[ScoredSentence]:
    """A chosen sentence that introduces a quotation ("... read thus:") brings the quotation with it."""
    out = list(chosen)
    have = {(c.sentence.doc_id, c.sentence.idx) for c in out}
    for cand in chosen:
        s = cand.sentence
        if not s.text.rstrip().endswith(":"):
            continue
        for nxt in records[s.doc_id].sentences[s.idx + 1 :]:
            if nxt.cue != QUOTED_CUE or (nxt.doc_id, nxt.idx) in have:
                break
            out.append(ScoredSentence(sentence=nxt, score=cand.score, dense=cand.dense, lexical=cand.lexical))
            have.add((nxt.doc_id, nxt.idx))
    return out


_CONTRAST = re.compile(r"^(however|but|yet|nevertheless|nonetheless|still|even so|in fact)\b", re.I)
_BACK_REFERENCE = re.compile(r"\b(this|that|these|those|such)\s+(information|report|reports|message|messages|post|claim|claims|statement|news|data|version|story)\b", re.I)


def follows_on(previous: LabelledSentence, nxt: LabelledSentence) -> str | None:
    """Why ``nxt`` belongs with ``previous`` in an answer, if it does.

    A sentence that continues the same source ("They pointed out ..."), qualifies it ("However,
    ...") or answers it officially ("The military denied this information") is part of the
    point: quoting the claim without its denial would mislead.
    """
    if nxt.doc_id != previous.doc_id or nxt.paragraph != previous.paragraph or nxt.idx != previous.idx + 1:
        return None
    if nxt.cue == ANAPHORA_CUE:
        return "continues"
    if _CONTRAST.match(nxt.text):
        return "qualifies"
    if nxt.label == "official" and previous.label != "official" and _BACK_REFERENCE.search(nxt.text):
        return "responds"
    return None


def refers_back(sentence: LabelledSentence) -> bool:
    """Does the sentence lean on the one before it ("They ...", "... denied this information")?"""
    return sentence.cue == ANAPHORA_CUE or bool(_BACK_REFERENCE.search(sentence.text))


def add_follow_ons(chosen: list[ScoredSentence], records: dict[str, ArticleRecord]) -> list[ScoredSentence]:
    out = list(chosen)
    have = {(c.sentence.doc_id, c.sentence.idx) for c in out}
    for cand in chosen[:2]:
        s = cand.sentence
        sentences = records[s.doc_id].sentences
        if cand is chosen[0] and refers_back(s) and s.idx > 0 and (s.doc_id, s.idx - 1) not in have:
            # "It reported ..." or "The military denied this information" needs the sentence before.
            out.append(ScoredSentence(sentence=sentences[s.idx - 1], score=cand.score, dense=cand.dense, lexical=cand.lexical))
            have.add((s.doc_id, s.idx - 1))
        if s.idx + 1 < len(sentences):
            nxt = sentences[s.idx + 1]
            if (nxt.doc_id, nxt.idx) not in have and follows_on(s, nxt):
                out.append(ScoredSentence(sentence=nxt, score=cand.score, dense=cand.dense, lexical=cand.lexical))
                have.add((nxt.doc_id, nxt.idx))
    return out


def _paragraph(records: dict[str, ArticleRecord], sentence: LabelledSentence) -> list[str]:
    return [s.text for s in records[sentence.doc_id].sentences if s.paragraph == sentence.paragraph]


def frame_point(sentence: LabelledSentence) -> str:
    """A point's text: the exact sentence, worded as a claim where it is one."""
    quote = sentence.text
    if sentence.label == "social_media":
        return f"Unverified claim: {quote}"
    if sentence.label == "group_claim":
        return f"Claim (unverified): {quote}"
    if sentence.label == "media_report":
        return f"Reported: {quote}"
    return quote


def compose(
    question: str,
    profile: QuestionProfile,
    ranked: Sequence[ScoredSentence],
    records: dict[str, ArticleRecord],
    cfg: ComposerSettings,
    alias: AliasCheck | None = None,
) -> Answer:
    chosen = select(ranked, profile, cfg, records)
    texts = [records[d].article.text for d in dict.fromkeys(c.sentence.doc_id for c in chosen)]
    missing = missing_names(profile, texts, alias) if chosen else ["<no sentence fits>"]
    if not chosen or missing:
        related = [r for r in ranked[: cfg.related] if r.score >= cfg.min_score - 0.12]
        return _refusal(question, related, records)
    chosen = expand_quotations(add_follow_ons(chosen, records), records)
    return _layout(question, chosen, records, answerable=True)


def _citation(number: int, cand: ScoredSentence, records: dict[str, ArticleRecord]) -> Citation:
    s = cand.sentence
    article = records[s.doc_id].article
    return Citation(
        id=number, doc_id=s.doc_id, title=article.title, start=s.start, end=s.end, quote=article.text[s.start : s.end],
        label=s.label, attributed_to=s.attributed_to, score=round(cand.score, 4),
    )


RELATED_WORDS = 14


def _shorten(text: str, limit: int) -> str:
    parts = text.split()
    return text if len(parts) <= limit else " ".join(parts[:limit]) + " …"


def _layout(question: str, chosen: Sequence[ScoredSentence], records: dict[str, ArticleRecord], answerable: bool) -> Answer:
    by_label: dict[str, list[ScoredSentence]] = {}
    for cand in chosen:
        by_label.setdefault(cand.sentence.label, []).append(cand)
    sections: list[Section] = []
    citations: list[Citation] = []
    lines: list[str] = []
    for label in LABEL_ORDER:
        group = sorted(by_label.get(label, []), key=lambda c: (c.sentence.doc_id, c.sentence.idx))
        if not group:
            continue
        points: list[Point] = []
        lines.append(f"**{SECTION_TITLES[label]}**")
        for cand in group:
            number = len(citations) + 1
            citations.append(_citation(number, cand, records))
            text = frame_point(cand.sentence)
            if not answerable:  # related passages are pointers, not answers: their start is enough
                text = _shorten(text, RELATED_WORDS)
            points.append(Point(text=text, citations=[number]))
            lines.append(f"- {text} [{number}]")
        sections.append(Section(label=label, title=SECTION_TITLES[label], points=points))
        lines.append("")
    labels = {c.sentence.label for c in chosen}
    if answerable and labels and labels <= {"social_media", "group_claim"} and re.match(r"\s*(why|how)\b", question, re.I):
        # "Why did Russia order the attack?" answered only by theories: say they are theories.
        lines.insert(0, ONLY_CLAIMS_NOTE + "\n")
    return Answer(question=question, answerable=answerable, answer="\n".join(lines).strip(), sections=sections, citations=citations)


def _refusal(question: str, related: Sequence[ScoredSentence], records: dict[str, ArticleRecord]) -> Answer:
    if not related:
        return Answer(question=question, answerable=False, answer=NOT_ANSWERED)
    shown = _layout(question, related, records, answerable=False)
    text = f"{NOT_ANSWERED} Related passages:\n\n{shown.answer}"
    return shown.model_copy(update={"answer": text})
