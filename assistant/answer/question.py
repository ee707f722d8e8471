"""Questions: validation, the asked clause (a scene set before it is kept for retrieval), and analysis.

The analysis tells the composer what kind of answer would count (a number, a time, a date),
which words the evidence must contain (names, numbers, the noun asked about), which side the
journalist asks for (official, online, group, media), and whether the question is a follow-up.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant.errors import InvalidQuestion
from assistant.index.lexical import STOPWORDS, terms, words
from assistant.ingest.attribution import question_sides
from assistant.ingest.nlp import load_parser
from assistant.ingest.verbs import SPEECH_VERBS

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

_ANAPHORA = frozenset("they their them theirs it its he his him she her this that these those there then such".split())
_ASKS_CONTENT = re.compile(
    r"\bwhat\b.*\b(say|says|said|read|reads|state|states|claim|claims|write|writes|wrote|proved|declare|declared)\b"
    r"|\b(describe|call|see)s? (itself|themselves)\b"
    r"|\b(message|statement|letter|video|communiqu\w*|manifesto)s?\b",
    re.IGNORECASE,
)
_COMPARES = re.compile(
    r"\b(compare[sd]?|comparison|contrast|versus|vs\.?|differ\w*|agree\w*|disagree\w*|against)\b|,\s*(but|while|whereas)\b",
    re.IGNORECASE,
)
_FOLLOWUP_START = re.compile(r"^\s*(and|but|also|so|what about|how about|why not|then)\b", re.IGNORECASE)

NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred "
    "hundreds thousand thousands million millions billion billions dozen dozens percent".split()
)
MONTHS = frozenset("january february march april may june july august september october november december".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TYPE_NOUNS = {
    "time": "time", "hour": "time", "date": "date", "day": "date", "year": "date", "month": "date",
    "percentage": "number", "percent": "number", "proportion": "number", "share": "number", "number": "number",
    "distance": "number", "far": "number", "many": "number", "much": "number",
    "revenue": "number", "price": "number", "cost": "number", "amount": "number", "salary": "number",
    "budget": "number", "value": "number", "worth": "number", "score": "number", "age": "number", "toll": "number",
    "population": "number", "total": "number",
    "country": "name", "company": "name", "team": "name", "person": "name", "city": "name", "player": "name",
    "party": "name", "group": "name", "organisation": "name", "organization": "name", "man": "name",
    "woman": "name", "candidate": "name", "firm": "name", "club": "name", "nation": "name", "state": "name",
    # Kinds of named things: "which actor won ...", "what movie won ...": the answer is a name, and
    # the sentence that gives it need not repeat the kind ("Toy Story 4 won Best Animated Feature").
    "actor": "name", "actress": "name", "director": "name", "movie": "name", "film": "name", "game": "name",
    "album": "name", "song": "name", "book": "name", "novel": "name", "show": "name", "series": "name",
    "singer": "name", "band": "name", "artist": "name", "author": "name", "writer": "name", "brand": "name",
}
#: Who holds these is a person ("Who is the CEO of Vanguard?", "Which actress ..."): the answer
#: must name one, not the company or the film.
PERSON_NOUNS = frozenset(
    "ceo chairman chairwoman chair founder director actor actress president leader head chief coach captain "
    "singer author writer player star host manager minister mayor governor king queen owner creator producer "
    "composer designer spokesman spokeswoman spokesperson commander premier chancellor".split()
)
PLACE_NOUNS = frozenset("city country nation state capital town".split())
ENTITY_KINDS = {"person": frozenset({"PERSON"}), "place": frozenset({"GPE", "LOC"}),
                "who": frozenset({"PERSON", "ORG", "GPE", "NORP"})}
#: Quantities whose noun the answer must mention ("revenue of $10.4 billion", not "120 kilometers").
QUANTITY_NOUNS = frozenset("revenue price cost amount salary budget value worth score age toll population".split())
# Verbs too general to say what the answer must be about ("who said", "what happened").
GENERIC_VERBS = frozenset(
    "be have do say tell know mean happen make get go come take give see call describe explain "
    "characterise characterize respond react report claim suggest".split()
)
GENERIC_NOUNS = frozenset(
    "kind type sort way thing things people person happen role part information detail details explanation "
    "version theory account story narrative evidence reason response reaction view claim".split()
)
_KIND_NOUNS = frozenset("kind type sort form piece".split())
_WH_WORDS = frozenset("what which who whom whose where why how".split())


OFFICIAL_WORDS = frozenset({"officially"})
_OFFICIAL_SIDE = re.compile(
    r"\bofficial (account|version|statement|line|position|story|explanation|response|reaction|view|narrative|side)\b",
    re.IGNORECASE,
)
ONLINE_WORDS = frozenset("online netizens users theories theory rumours rumors speculation circulating".split())
# "Ignoring the online chatter, ...", "Forget the official line: ...": a side the question sets aside.
_SET_ASIDE = re.compile(
    r"\b(ignor\w*|forget(ting)?|set(ting)? aside|leav(e|ing) aside|apart from|rather than|aside from|besides|not)\s+"
    r"(all\s+)?(the\s+|what\s+)?(online|official|officials|social[- ]media|internet|rumou?rs?|theories|chatter|line|government|authorities)"
    r"(\s+(chatter|line|account|version|rumou?rs?|theories|say|says|said|talk|noise))?",
    re.IGNORECASE,
)
GROUP_WORDS = frozenset("responsibility".split())
MEDIA_WORDS = frozenset("reports reported journalists witnesses rt".split())


@dataclass(frozen=True)
class QuestionProfile:
    text: str  # the asked clause, as analysed
    terms: tuple[str, ...]
    answer_type: str | None  # "number", "time", "date" or None
    required: tuple[str, ...]  # words the cited sentences must contain (the noun asked about)
    names: tuple[str, ...]  # names and numbers the cited articles must contain
    question_numbers: tuple[str, ...]
    counted: str | None = None  # "how many suspects": the answer must put a number on suspects
    absolute: bool = False  # "the total population": a count, not a percentage
    predicate: str | None = None  # "who won ...": an answer that says who *won* is preferred
    asks_who: bool = False
    wants: frozenset[str] = field(default_factory=frozenset)  # labels asked for explicitly
    is_followup: bool = False
    asks_content: bool = False  # asks what a statement or message said
    compares: bool = False  # sets one account against another ("compare", "versus", "but what ...")
    entity_kinds: frozenset[str] = frozenset()  # spaCy entity labels that would answer ("PERSON" for "who is the CEO")
    # The names as the question writes them, word by word: ("legend", "zelda", "breath", "wild") for
    # "The Legend of Zelda: Breath of the Wild"; a name of three words or more counts as mentioned
    # when half its words are ("the Academy Awards" for "the 92nd Academy Awards Ceremony").
    name_groups: tuple[tuple[str, ...], ...] = ()


def clean_question(raw: str, max_chars: int) -> str:
    """The question with control characters removed, or an InvalidQuestion with a hint."""
    if not isinstance(raw, str):
        raise InvalidQuestion("The question must be text.", "Pass the question as a string.")
    if len(raw) > max_chars:
        raise InvalidQuestion(
            f"The question is {len(raw):,} characters long; the limit is {max_chars:,}.",
            "Ask one focused question (a sentence or two), or raise ASSISTANT_MAX_QUESTION_CHARS.",
        )
    text = unicodedata.normalize("NFC", raw)
    text = _CONTROL.sub(" ", text)
    text = " ".join(text.split())
    if not any(ch.isalnum() for ch in text):
        raise InvalidQuestion(
            "The question is empty." if not text else "The question has no words in it.",
            'Type a question about the articles, e.g. "Who claimed responsibility for the attacks?"',
        )
    return text


#: Where one part of a question ends and the next begins: a sentence end, or a colon (a
#: semicolon joins the clauses of one question: "X is said; what is its history?").
_CLAUSE_END = re.compile(r"(?<=[.!?:])\s+(?=\S)")
#: A part that asks: a question word or an auxiliary first, or a request for information
#: ("Tell me ...", "Confirm that ..."), after an optional discourse word ("Then", "And", "Please").
_ASKS = re.compile(
    r"^\W*(?:(?:then|and|so|but|now|also|please|finally)\W+)*"
    r"(who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|"
    r"would|should|name|list|tell|give|show|explain|describe|summari[sz]e|confirm|say)\b",
    re.I,
)


def focus(text: str) -> str:
    """The clause a question asks, when other clauses set the scene around it.

    "A storm cut power to 40,000 homes on Monday. Which utility said repairs would take a week?"
    asks the second sentence; the first tells retrieval where to look. The last clause that ends
    with a question mark, else the last that opens like a question, else the whole text. Nothing
    is deleted from the question itself: this only says which part to judge answers against.
    """
    clauses = [c.strip() for c in _CLAUSE_END.split(text) if any(ch.isalnum() for ch in c)]
    if len(clauses) < 2:
        return text
    for clause in reversed(clauses):
        if clause.endswith("?"):
            return clause
    for clause in reversed(clauses):
        if _ASKS.match(clause):
            return clause
    return text


def is_followup(text: str) -> bool:
    toks = words(text)
    content = [t for t in toks if t not in STOPWORDS]
    return bool(_FOLLOWUP_START.search(text)) or bool(set(toks) & _ANAPHORA) or len(content) <= 1


def _first_word(doc: object) -> int:
    """Index of the first word token (questions may start with quotes or "And")."""
    for tok in doc:  # type: ignore[attr-defined]
        if tok.is_alpha and tok.lower_ not in ("and", "but", "so", "then"):
            return int(tok.i)
    return 0


def _copula_subject(tok: object) -> object | None:
    """In "What is/was the revenue of ...", the noun asked about."""
    head = tok.head  # type: ignore[attr-defined]
    if head.lemma_ == "be":
        for child in head.children:
            if child is not tok and child.dep_ in ("nsubj", "attr") and child.pos_ in ("NOUN", "PROPN"):
                return child
    return None


def _entity_kinds(doc: object, asks_who: bool) -> frozenset[str]:
    """What kind of named entity answers: a person for "who is the CEO" or "which actress", a place
    for "which city", a person, organisation or country for other "who" questions."""
    for tok in doc:  # type: ignore[attr-defined]
        lemma = tok.lemma_.lower()
        asked = (tok.dep_ in ("attr", "nsubj") and asks_who and tok.head.lemma_ == "be") or any(
            c.lower_ in ("which", "what") and c.dep_ == "det" for c in tok.children
        )
        if asked and tok.pos_ in ("NOUN", "PROPN"):
            if lemma in PERSON_NOUNS:
                return ENTITY_KINDS["person"]
            if lemma in PLACE_NOUNS:
                return ENTITY_KINDS["place"]
    return ENTITY_KINDS["who"] if asks_who else frozenset()


def _is_name_word(tok: object) -> bool:
    """A capitalised word inside the question ("Tesla", "Academy"), not its first word."""
    return bool(
        tok.i > 0 and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ")  # type: ignore[attr-defined]
        and tok.lower_ not in STOPWORDS  # type: ignore[attr-defined]
    )


_NAME_JOINERS = frozenset("of the de du von van and & : - –".split())


def _name_groups(doc: object) -> tuple[tuple[str, ...], ...]:
    """Runs of capitalised words, joined across "of", "the", ":" ("Legend of Zelda: Breath of the
    Wild"); every number stands alone (a number is never half-mentioned)."""
    groups: list[list[str]] = []
    current: list[str] = []
    pending = False  # a joiner after a name word: the name may go on
    for tok in doc:  # type: ignore[attr-defined]
        if any(c.isdigit() for c in tok.text):
            groups.extend([w] for w in words(tok.text))
            continue
        if _is_name_word(tok):
            if current and not pending and tok.i > 0 and tok.doc[tok.i - 1].is_punct:
                groups.append(current)
                current = []
            current.extend(words(tok.text))
            pending = False
        elif current and tok.lower_ in _NAME_JOINERS:
            pending = True
        else:
            if current:
                groups.append(current)
            current, pending = [], False
    if current:
        groups.append(current)
    return tuple(tuple(dict.fromkeys(g)) for g in groups if g)


def _asks_what_was_said(doc: object) -> bool:
    """"How did the minister justify the price?", "What did she tell reporters?": the words of a
    statement (its main verb a verb of speech, asked with what or how)."""
    first = _first_word(doc)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)  # type: ignore[attr-defined]
    then = doc[first + 1].lower_ if first + 1 < len(doc) else ""  # type: ignore[arg-type,index]
    return (
        root is not None and doc[first].lower_ in ("what", "how") and then in _AUXILIARIES  # type: ignore[index]
        and root.lemma_.lower() in SPEECH_VERBS and root.lemma_.lower() not in ("name", "call", "identify", "report")
    )


_AUXILIARIES = frozenset("did does do has have had was were is are will would could can should might".split())


def analyse(text: str, nlp: object | None = None) -> QuestionProfile:
    """Profile a (cleaned) question. ``nlp`` is the spaCy pipeline used for parts of speech."""
    parser = nlp or load_parser()
    text = " ".join(_SET_ASIDE.sub(" ", text).split()).strip(" ,;:-—") or text
    doc = parser(text)  # type: ignore[operator]
    lowered = [t.lower_ for t in doc]
    answer_type: str | None = None
    required: list[str] = []
    names: list[str] = []
    asks_who = False
    for i, tok in enumerate(doc):
        low = tok.lower_
        nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
        if low == "how" and nxt in ("many", "much", "far", "long", "old"):
            answer_type = "number" if nxt != "long" else None
        elif low == "when" and not any(w in _WH_WORDS for w in lowered[:i]):
            # "When did ...?" asks for a date; "What did she take when they fled?" does not.
            answer_type = answer_type or "date"
        elif low in ("who", "whom", "whose") and i == _first_word(doc):
            asks_who = True
        elif low in ("what", "which") and tok.dep_ in ("det", "attr", "nsubj", "dobj", "pobj"):
            if tok.dep_ != "det":  # "What was Tesla's revenue?": the kind of answer, and what it measures
                subject = _copula_subject(tok)
                lemma = subject.lemma_.lower() if subject is not None else ""  # type: ignore[attr-defined]
                kind = TYPE_NOUNS.get(lemma)
                if kind and kind != "name":
                    answer_type = kind
                if lemma in QUANTITY_NOUNS:
                    required.append(lemma)
            noun = tok.head if tok.dep_ == "det" else None
            if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                kind = TYPE_NOUNS.get(noun.lower_) or TYPE_NOUNS.get(noun.lemma_.lower())
                if kind:
                    answer_type = kind
                elif noun.lemma_.lower() in _KIND_NOUNS:  # "what kind of weapons": the weapons
                    for prep in noun.children:
                        if prep.lower_ == "of":
                            required.extend(o.lower_ for o in prep.children if o.dep_ == "pobj")
                elif noun.lemma_.lower() not in GENERIC_NOUNS:
                    required.append(noun.lower_)
        named = tok.head if tok.dep_ == "conj" else tok  # "the number or name of ..."
        if tok.lemma_.lower() == "name" and tok.pos_ == "NOUN" and any(
            c.dep_ == "det" or c.lower_ == "of" for c in [*tok.children, *named.children]
        ):
            required.append("name")  # "the names of the gunmen": a name, given for the gunmen
            for prep in [*tok.children, *named.children]:
                if prep.lower_ == "of":
                    required.extend(o.lower_ for o in prep.children if o.dep_ == "pobj")
    counted = None
    for tok in doc:
        if tok.lower_ == "many" and tok.i > 0 and doc[tok.i - 1].lower_ == "how" and tok.head.pos_ == "NOUN":
            head = tok.head.lemma_.lower()
            if head not in GENERIC_NOUNS and head not in TYPE_NOUNS:
                required.append(tok.head.lower_)
                counted = tok.head.lower_
        if _is_name_word(tok):
            names.extend(words(tok.text))
    numbers = tuple(t for t in words(text) if any(c.isdigit() for c in t))
    predicate = None
    if asks_who or answer_type == "name":
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is not None and root.pos_ == "VERB" and root.lemma_.lower() not in GENERIC_VERBS:
            predicate = root.lemma_.lower()

    entity_kinds = _entity_kinds(doc, asks_who)
    wanted = set(lowered)
    wants: set[str] = set(question_sides(doc))
    # Explicit provenance words add their side ("the official account", "theories online").
    if wanted & OFFICIAL_WORDS or _OFFICIAL_SIDE.search(text):
        wants.add("official")
    if wanted & ONLINE_WORDS or ("social" in wanted and "media" in wanted):
        wants.add("social_media")
    if wanted & GROUP_WORDS:
        wants.add("group_claim")
    if wanted & MEDIA_WORDS:
        wants.add("media_report")
    return QuestionProfile(
        text=text,
        terms=tuple(terms(text)),
        answer_type=answer_type,
        required=tuple(dict.fromkeys(required)),
        names=tuple(dict.fromkeys(names + list(numbers))),
        name_groups=_name_groups(doc),
        entity_kinds=entity_kinds,
        question_numbers=numbers,
        counted=counted,
        absolute=bool(re.search(r"\b(total|overall|entire|whole)\b", text, re.IGNORECASE)) and answer_type == "number",
        predicate=predicate,
        asks_who=asks_who,
        wants=frozenset(wants),
        is_followup=is_followup(text),
        asks_content=bool(_ASKS_CONTENT.search(text)) or _asks_what_was_said(doc),
        compares=bool(_COMPARES.search(text)),
    )
