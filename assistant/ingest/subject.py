"""Who a verb's subject is: the dependency parse, and the repairs for what the small parser gets
wrong (a dateline read as the subject, a subject hung on a fronted phrase, a participle read as a
verb, a speaker named after the statement, a part of a group standing for the whole)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.credits import DASHES
from assistant.ingest.verbs import RELEASING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Declining to speak is the party's answer ("declined to comment", "refused to confirm"); other
# verbs before "to" say nothing of who speaks ("is expected to announce", "is asked to call").
NO_COMMENT_VERBS = frozenset("decline refuse".split())
# "X is delighted to announce ...": a speaker's feelings about speaking (not an expectation: "is
# likely to announce" says nothing yet).
FEELINGS = frozenset("delighted pleased proud happy thrilled excited honoured honored glad sad saddened sorry relieved "
                     "disappointed grateful".split())
# Verbs and adjectives before "to" that say the speaking took place (implicative, not an
# expectation or a plan): "moved to assure", "sought to reassure", "went on to say", "was forced to
# deny", "was quick to point out", "hastened to add", "appeared to dismiss" (it was said, whatever it meant); "is
# expected to announce", "plans to say" say nothing yet.
IMPLICATIVE = frozenset("move seek rush hasten scramble force manage try attempt quick swift keen eager careful appear seem".split())
# "The union used its conference to demand ...", "the company took the opportunity to deny ...":
# the occasion a speaker used to speak; whoever used it speaks.
OCCASIONS = frozenset("opportunity occasion chance moment".split())
OCCASION_VERBS = frozenset("take seize use grab".split())
# A part of a group named before: "fans were divided, with some calling ...", "Others praised ...".
PARTITIVES = frozenset("some others many most several few".split())


def children(tok: Token, *deps: str) -> list[Token]:
    """The children of a token by dependency label."""
    return [c for c in tok.children if c.dep_ in deps]


def headline_verb(verb: Token) -> Token | None:
    """ "Tesla posts record net income", "Shell reports record annual profit": in a headline the small
    parser reads the verb as a plural noun or an auxiliary and the next word as the verb. The word
    ending in -s between a proper name and a present-tense verb is the verb."""
    doc = verb.doc
    if verb.tag_ != "VBP" or verb.i < 2:
        return None
    misread, name = doc[verb.i - 1], doc[verb.i - 2]
    if misread.head != verb or misread.dep_ not in ("nsubj", "aux") or misread.tag_ not in ("NNS", "VBZ") or not misread.lower_.endswith("s"):
        return None
    return misread if name.pos_ == "PROPN" and name.head in (misread, verb) else None


def verb_lemma(tok: Token) -> str:
    """A verb's lemma, also for a headline verb the parser misread ("reports" as an auxiliary)."""
    lemma = tok.lemma_.lower()
    return lemma[:-1] if lemma == tok.lower_ and lemma.endswith("s") and headline_verb(tok.head) == tok else lemma


def _fronted(subj: Token, verb: Token) -> bool:
    later = [t for t in children(verb, "nsubj") if t.i > subj.i]  # not the end of a list: "the Department for Culture, Media and Sport"
    return bool(later) and not children(later[0], "cc") and any(t.text == "," for t in verb.doc[subj.right_edge.i + 1 : later[0].left_edge.i])


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of a verb and whether the verb is passive."""
    if verb.head.tag_ == "VBP" and headline_verb(verb.head) == verb:
        return verb.doc[verb.i - 1], False  # "Tesla posts record ...": the name before the misread verb
    # The small parser sometimes gives two subjects ("Sudan's paramilitary | Rapid Support Forces
    # said"): a noun or pronoun before an adjective.
    # Of two, one outside quoted words speaks ('"Cute game ...," one user wrote'), else the first
    # ("Fact-checking platform | Teyit said": the noun the name stands beside).
    # One cut off from the verb by a comma is a fronted phrase ("Outside court, | pensioner Joan Webb said").
    subj = sorted(children(verb, "nsubj", "csubj"), key=lambda t: (t.pos_ == "ADJ", _in_quotes(t), _fronted(t, verb), t.i))
    if subj and (after := _after_dateline(verb, subj[0])) is not None:
        return after, False
    if subj and verb.dep_ == "relcl" and subj[0].lower_ in ("that", "which", "who"):
        return verb.head, False  # "a video that claims ...": the relative pronoun stands for the video
    if subj and subj[0].dep_ == "csubj" and (obj := _stranded_subject(verb) or _misread_participle(subj[0])) is not None:
        return obj, False  # "Addressing supporters in Lagos, the party's candidate, ... said"
    if subj and (whole := _partitive_whole(verb, subj[0])) is not None:
        return whole, False
    if subj and _headline_participle(verb, subj[0]):
        return subj[0], True
    if subj:
        return subj[0], False
    passive = children(verb, "nsubjpass", "csubjpass")
    if passive:
        return passive[0], True
    if children(verb, "expl"):  # "there appeared messages ..."
        objs = children(verb, "dobj", "attr")
        if objs:
            return objs[0], False
    if verb.dep_ == "acl" and verb.head.dep_ == "npadvmod" and verb.i == verb.head.i + 1:
        return verb.head, False  # "..., the two companies announced on Tuesday": a trailing speaker, read as a modifier
    if verb.dep_ == "acl" and children(verb, "ccomp") and verb.i > 0 and (before := verb.doc[verb.i - 1]).pos_ in ("NOUN", "PROPN"):
        return before, False  # "SEOUL, July 7 (Reuters) - Samsung Electronics estimated on Friday that ...": a finite verb with its clause
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "use" and children(verb.head, "dobj") and verb.head.i < verb.i \
            or verb.dep_ == "acl" and verb.head.lemma_.lower() in OCCASIONS and verb.head.head.lemma_.lower() in OCCASION_VERBS:
        return subject_of(verb.head if verb.dep_ != "acl" else verb.head.head)[0], False  # "used its conference to demand ..."
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):  # "messages reporting ..."
        return verb.head, verb.tag_ == "VBN"  # "the game, released in 2020": what was released
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):  # "posts go further and claim ..."
        shared, shared_passive = subject_of(verb.head)  # "A message being forwarded ... claims": active itself
        return shared, shared_passive and verb.tag_ == "VBN" or bool(children(verb, "auxpass"))  # "... and is believed to"
    if verb.dep_ == "xcomp" and verb.head.lower_ in FEELINGS and verb.head.dep_ == "acomp":
        return subject_of(verb.head.head)[0], False  # "Dunmore Athletic is delighted to announce ..."
    if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in IMPLICATIVE or verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "go"
            and children(verb.head, "prt")) and not children(verb.head, "dobj"):  # "Qantas has moved to assure ...": whoever moved speaks (not "forced them to")
        head = verb.head.head if verb.head.dep_ == "acomp" else verb.head  # "Police were quick to deny ..."
        return subject_of(head)[0], False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NO_COMMENT_VERBS:
        return subject_of(verb.head)[0], False  # "Veltra declined to comment": who declined is who answered
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # "Arcwell sued ..., alleging that ...": the main clause's subject
    if (inverted := _inverted_speaker(verb)) is not None:
        return inverted, False  # '"...," read the caption of the most widely shared video'
    if (between := _speaker_after_quote(verb)) is not None:
        return between, False  # '"...," the CMA's chief executive, Sarah Cardell, said': hung inside the quotation
    on_aux = [s for a in children(verb, "aux", "auxpass") for s in children(a, "nsubj", "nsubjpass")]
    if on_aux:  # "Analysts polled by LSEG had on average expected ...": the subject hung on the auxiliary
        return on_aux[0], False
    if verb.dep_ == "ROOT" and (first := verb.doc[0]).head == verb and (after := _after_dateline(verb, first)) is not None:
        return after, False  # "Nov 14, 2023 — Jumia Technologies AG (NYSE: JMIA), ..., today announced": hung on the date
    if (modifier := _name_read_as_modifier(verb)) is not None:
        return modifier, False  # "FIFA confirmed that ...": the name before the verb read as an adverbial noun
    if (name := headline_noun_subject(verb)) is not None:
        return name, False  # "FAA grounds some Boeing 737 Max 9 jets": a headline's verb read as a plural noun
    return _stranded_subject(verb) or _coordinated_subject(verb), False


def _name_read_as_modifier(verb: Token) -> Token | None:
    """A finite verb with no subject and a name right before it that the small parser hung on it
    as an adverbial noun ("FIFA confirmed that the World Cup ..."): a finite clause has a subject,
    and a name is no adverb of time or measure."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.head == verb and before.dep_ in ("npadvmod", "dep", "compound") and before.pos_ == "PROPN" else None


# What may open a verb's object in a headline: "grounds some jets", "fines Google", "issues red alert".
_OBJECT_OPENERS = frozenset("DET NUM PROPN ADJ NOUN".split())


def headline_noun_subject(root: Token) -> Token | None:
    """A headline with no main verb in the small parser's reading, whose root is a word in -s between a
    name and an object ("FAA grounds some Boeing 737 Max 9 jets", "EU fines Google 2.4 billion
    euros", "IMD issues red alert"): the word is a present-tense verb (English has the verb: the
    lemmatizer's verb index) and the name before it its subject. "US elections 2024" (no such verb)
    and "Apple watches" (no object) stay nouns."""
    doc = root.doc
    if root.dep_ != "ROOT" or root.tag_ != "NNS" or not root.lower_.endswith("s") or root.i == 0 or root.i + 1 >= len(doc):
        return None
    name, after = doc[root.i - 1], doc[root.i + 1]
    named = name.pos_ == "PROPN" or name.is_upper and len(name) > 1 and name.is_alpha  # "FAA", tagged as an adjective
    if not named or name.head != root or name.dep_ not in ("compound", "amod", "nmod", "npadvmod") or after.pos_ not in _OBJECT_OPENERS:
        return None
    return name if root.lemma_.lower() in english_verbs() else None


@lru_cache(maxsize=1)
def english_verbs() -> frozenset[str]:
    """The base forms of English verbs the spaCy package's lemmatizer knows (its verb index)."""
    from assistant.ingest.nlp import load_parser

    return frozenset(load_parser().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


def _coordinated_subject(verb: Token) -> Token | None:
    """ "The US intercepted the calls and the Pentagon now believes ...": the small parser joins the
    second clause's subject to the first clause's object and leaves the finite verb without one."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ccomp", "conj") or verb.left_edge.i == 0:
        return None
    before = verb.doc[verb.left_edge.i - 1]
    return before if before.dep_ == "conj" and before.pos_ in ("NOUN", "PROPN") and before.head.dep_ in ("dobj", "pobj") else None


_CLOSING_QUOTES = ('"', "”", "’", "'", "»")


def _headline_participle(verb: Token, subj: Token) -> bool:
    """ "PS5 Pro revealed: $700 price, no disc drive": in a headline (no closing full stop) a past
    form with nothing done to anything is a passive with its auxiliary left out, as headlines
    write them; the thing named was revealed, it revealed nothing ("Sony reveals PS5 Pro" acts)."""
    text = verb.doc.text.rstrip()
    colon = next((t.i for t in verb.doc[verb.i + 1 :] if t.text == ":"), len(verb.doc))  # what follows a colon is the news, not an object
    return (text[-1:].isalnum() and verb.tag_ in ("VBD", "VBN") and subj.i < verb.i  # "... said in a statement:" introduces
            and not any(c.i < colon for c in children(verb, "dobj", "ccomp", "xcomp", "attr", "dative", "prt")))


def _speaker_after_quote(verb: Token) -> Token | None:
    """ '"...," the CMA's chief executive, Sarah Cardell, said.': a verb with no subject after a
    closed quotation has its speaker between the two, which the small parser may hang on a word of
    the quotation: the phrase's noun whose head lies outside it."""
    doc = verb.doc
    close = next((t.i for t in reversed(doc[: verb.i]) if t.text in _CLOSING_QUOTES), None)
    if close is None or close + 1 >= verb.i or not _in_quotes_before(doc, close):
        return None
    phrase = doc[close + 1 : verb.i]
    return next((t for t in phrase if t.pos_ in ("NOUN", "PROPN") and not phrase.start <= t.head.i < phrase.end), None)


def _in_quotes_before(doc: Doc, close: int) -> bool:
    """Does the mark at ``close`` close a quotation opened before it in the sentence?"""
    return _in_quotes(doc[close]) or doc[close].text in "”»"


def _inverted_speaker(verb: Token) -> Token | None:
    """ '"Don't drink the water," read the caption of the video': after a closing quotation mark, a
    verb with no subject has its speaker after it, which the small parser reads as its object."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in _CLOSING_QUOTES:
        return None
    found = next((c for c in children(verb, "dobj", "attr") if c.pos_ in ("NOUN", "PROPN") and c.i > verb.i), None)
    if found is None:
        # '"...," said coach Emerse Fae, who took charge after X was sacked': the parser hangs the
        # name on a later clause; the noun phrase right after the verb, up to a comma, speaks.
        end = next((t.i for t in doc[verb.i + 1 :] if t.is_punct), len(doc))
        phrase = doc[verb.i + 1 : end]
        found = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN") and not phrase.start <= t.head.i < phrase.end), None)
    return found


def _in_quotes(tok: Token) -> bool:
    """Is the token inside quotation marks opened earlier in its sentence?"""
    before = tok.doc[: tok.i]
    return sum(t.text == '"' for t in before) % 2 == 1 or sum(t.text in "“«" for t in before) > sum(t.text in "”»" for t in before)


def _partitive_whole(verb: Token, subj: Token) -> Token | None:
    """ "Fans on Reddit were divided, with some calling the trade a dump": a bare "some" or "many"
    in a clause hung on the main one speaks as part of the main clause's subject."""
    if subj.lower_ not in PARTITIVES or list(subj.children) or verb.dep_ not in ("pcomp", "advcl"):
        return None
    main = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    return next((c for c in children(main, "nsubj", "nsubjpass") if c.pos_ in ("NOUN", "PROPN")), None)


# How a part names the people it is part of: "some of the residents", "many among the protesters", "many in the party".
PART_OF = frozenset("of among in within".split())


def group_of(part: Token, kinds: Mapping[int, Span]) -> Token | None:
    """ "One of them accused ...", "Some of the residents said ...", "Many among the protesters said ...": the
    people a part belongs to, when they are people or a body ("residents", a party the patterns know), not a place
    ("Many in Washington believe ...", "Some in the city said ...": no one in particular)."""
    if part.lower_ not in PARTITIVES | {"one"}:
        return None
    for prep in children(part, "prep"):
        for whole in children(prep, "pobj") if prep.lower_ in PART_OF else ():
            if part.lower_ == "one":  # "One of them accused ...": those named before; "one of the ministers" keeps its words
                return whole if whole.pos_ == "PRON" and prep.lower_ == "of" else None
            kind = kinds.get(whole.i)
            if whole.pos_ in ("NOUN", "PROPN") and whole.ent_type_ not in ("GPE", "LOC", "FAC") and (kind is None or kind.id_ != "place") \
                    and (whole.tag_ in ("NNS", "NNPS") or whole.ent_type_ in ("ORG", "NORP") or kind is not None):
                return whole
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """ "In a message on its channel, the group, known as JNIM, said ...", "Speaking at the launch in
    Tema, the Minister, Hon. Ama Boateng, said ...": the small parser hangs the subject on the
    fronted phrase as an apposition and leaves the finite verb without one."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    fronted = [t for t in verb.doc[: verb.i] if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")
               and any(a.dep_ in ("prep", "advcl", "csubj") and a.head == verb for a in t.ancestors)]
    # Of a chain ("the WHO's chief scientist, Dr Anna Berg"), the first: the others describe it.
    return next((t for t in reversed(fronted) if t.head not in fronted), None)


def _misread_participle(clause: Token) -> Token | None:
    """ "Misleading videos on TikTok have claimed ...": the small parser reads the adjective as a
    verb whose object is the real subject. A sentence-opening -ing or -ed word followed at once by
    its noun object is that noun's modifier."""
    first = next((t for t in clause.doc if not t.is_punct), None)
    obj = next((c for c in children(clause, "dobj") if c.i == clause.i + 1 and c.pos_ == "NOUN"), None)
    return obj if first is not None and first.i == clause.i and clause.lower_.endswith(("ing", "ed")) else None


MAX_DATELINE_WORDS = 16  # tokens: "LAGOS, Nigeria, 2 May 2025 /PRNewswire/ --"


def _after_dateline(verb: Token, subject: Token) -> Token | None:
    """ "Stockholm, 12 May - Polar Mobility today unveiled ...": a subject at the very start, before
    a dash, is the dateline; the speaker is the noun phrase between the dash and the verb. A time
    word read as the subject ("Nov 14, 2023 — Jumia Technologies AG (NYSE: JMIA), the leading
    ... platform, today announced ...") is no speaker either."""
    doc = verb.doc
    end = dateline_end(doc, verb.i)
    if end == 0 or subject.i >= end and subject.lower_ not in TIME_WORDS:
        return None  # no dateline, or the subject stands after it
    heads = [t for t in doc[end : verb.i] if t.pos_ in ("NOUN", "PROPN") and not end - 1 < t.head.i < verb.i and t.lower_ not in TIME_WORDS] \
        or [t for t in doc[end : verb.i] if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass")]  # hung on a verb misread inside it
    return heads[0] if heads else None


TIME_WORDS = frozenset("today yesterday tonight tomorrow".split())


def dateline_end(doc: Doc, limit: int | None = None) -> int:
    """The index of the first word after a dateline (0: none): names and dates up to a dash set
    off by spaces ("Stockholm, 12 May -", "DAKAR, Feb 3 (Reuters) -"; the last such dash when a
    date and places are set off in turn, "Jan 6, 2023 — TOKYO and CAMBRIDGE, Mass. —"; a hyphen
    inside a name, "Osei-Mensah", is none), or a dateline in capitals with no dash ("CUPERTINO,
    CALIFORNIA Apple ...")."""
    stop = min(len(doc) if limit is None else limit, MAX_DATELINE_WORDS)
    dashes = [t for t in doc[1:stop] if t.text in DASHES and (t.whitespace_ or doc[t.i - 1].whitespace_)]
    dash = next((d for d in reversed(dashes) if not any(t.is_lower and t.is_alpha and t.lower_ != "and" for t in doc[: d.i])), None)
    if dash is not None:
        return dash.i + 1
    end = capital_dateline(doc)
    return end if limit is None or end < limit else 0


def capital_dateline(doc: Doc) -> int:
    """ "CUPERTINO, CALIFORNIA Apple today announced ...": a dateline in capitals with no dash, a
    place and its state or country set off by a comma, ending in a place the gazetteer knows; the
    index of the word after it (0: none)."""
    from assistant.ingest.gazetteers import known_places

    end = 0
    while end < min(len(doc) - 1, MAX_DATELINE_WORDS) and (doc[end].is_upper and doc[end].is_alpha and len(doc[end]) > 1 or doc[end].text == ","):
        end += 1
    if end < 3 or doc[end - 1].text == "," or "," not in doc[:end].text or not doc[end].is_title or doc[end - 1].lower_ not in known_places():
        return 0
    return end


def agent_of(verb: Token) -> Token | None:
    """Who did it, in the passive ("documents obtained by TechCrunch"); "viewed 1.3 million times by
    Monday" names a time, not an agent."""
    for agent in children(verb, "agent"):
        objs = children(agent, "pobj")
        if objs and not _not_an_agent(objs[0]):
            return objs[0]
    if children(verb, "auxpass"):  # "fined 1.2 billion euros by the commission": the parser hangs "by" on the object
        for by in (p for o in children(verb, "dobj") for p in children(o, "prep") if p.lower_ == "by"):
            objs = children(by, "pobj")
            if objs and not _not_an_agent(objs[0]):
                return objs[0]
    return None


def statement_in(verb: Token) -> Token | None:
    """The statement a passive verb was made in, when it names whose it is ("was confirmed in a
    statement released by Hewitt's managers", "announced in a statement by the ministry"): it stands
    for the agent. An unowned one ("in a joint statement") names no one."""
    from assistant.ingest.patterns import source_kinds
    from assistant.ingest.source import owners_of

    kinds = source_kinds(verb.doc)
    for into in (p for p in children(verb, "prep") if p.lower_ == "in"):
        for message in children(into, "pobj"):
            span = kinds.get(message.i)
            if span is not None and span.label_ == "ROLE" and not span.id_ and any(o.pos_ in ("NOUN", "PROPN") for o in owners_of(message)):
                return message
    return None


# How a message travels, named bare after "by": "notified by email", "told by phone", "informed by letter" (no one speaks).
MEANS = frozenset("email e-mail mail phone telephone letter text fax post courier video videolink radio loudspeaker megaphone".split())


def _not_an_agent(tok: Token) -> bool:
    """Not who did it: a time ("by Monday") or the means ("by email")."""
    from assistant.ingest.nlp import named_entities

    if tok.lemma_.lower() in MEANS and not children(tok, "det", "poss", "compound", "amod") \
            or tok.lemma_.lower() in ("message", "note") and not children(tok, "det", "poss"):
        return True  # "by email", "by text message", "by diplomatic note"
    return tok.like_num or (tok.pos_ == "PROPN" and any(label in ("DATE", "TIME") for _, label in named_entities(tok.text)))


MAX_TRAILING_WORDS = 8


def trailing_speaker(verb: Token) -> Token | None:
    """ "61 migrants are feared dead ..., the International Organization for Migration said on
    Saturday": a speech verb with no subject of its own, after a comma, is spoken by the noun
    phrase between the comma and it (the parser often hangs that phrase elsewhere)."""
    # "..., Spanish sports daily Marca reported on Tuesday.": the parser may read the verb as a
    # participle modifying a noun before; with no agent or object and nothing after it but
    # adjuncts, it is the speaker's.
    last = not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1 :])
    trailing_participle = last and (verb.dep_ == "acl" and verb.tag_ == "VBN" or verb.dep_ == "advcl" and verb.tag_ in ("VBZ", "VBD")) \
        and not children(verb, "agent", "dobj", "ccomp")  # "..., Sky Sport Italia reports." read as a clause of the main verb
    if children(verb, "nsubj", "nsubjpass", "csubj") or verb.dep_ not in ("conj", "ROOT", "parataxis", "ccomp") and not trailing_participle:
        return None
    doc = verb.doc
    comma = next((t for t in reversed(doc[: verb.i]) if t.text == ","), None)
    if comma is None or not 0 < verb.i - comma.i - 1 <= MAX_TRAILING_WORDS:
        return None
    phrase = doc[comma.i + 1 : verb.i]
    if any(t.pos_ in ("VERB", "AUX", "PRON") for t in phrase):
        return None
    heads = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and not phrase.start <= t.head.i < phrase.end]
    return heads[0] if heads and heads[0].lower_ not in TIME_WORDS else None  # "..., today announced": a time, no speaker


def statement_subject(verb: Token) -> Token | None:
    """The named subject of what a speech verb reports, when it comes before the speaker ("Acme
    will cut 300 jobs, its chief executive said": Acme)."""
    for clause in children(verb, "ccomp", "parataxis"):
        subj = next((c for c in children(clause, "nsubj", "nsubjpass") if c.pos_ in ("PROPN", "NOUN") and c.i < verb.i), None)
        if subj is not None:
            return subj
    return None


def issued_by(head: Token) -> list[Token]:
    """Who put out what the noun names, when it is the object of a verb of releasing ("The club
    issued a statement confirming ...", "Apple put out a press release announcing ...")."""
    verb = head.head
    issuing = verb.lemma_.lower() in RELEASING_VERBS or verb.lemma_.lower() == "put" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return [c for c in verb.children if c.dep_ == "nsubj"] if head.dep_ == "dobj" and issuing else []
