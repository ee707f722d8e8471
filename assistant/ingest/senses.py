"""Which sense of a verb a clause uses: saying something, doing something, or ordering it.

A speech verb says nothing when it only moves, counts or keeps things ("slammed into the coast",
"adds 14 vessels", "maintains a garrison", "claimed her first title"); an order is one only with
what is ordered; a state or the writer's own hedge is no act and no report. General English over
the dependency parse; each rule is tested in ``tests/test_provenance.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant.ingest.patterns import source_kinds
from assistant.ingest.subject import agent_of, children, verb_lemma
from assistant.ingest.verbs import (
    CIRCULATION_VERBS, CLAUSE_COMMANDS, COMMAND_VERBS, COUNTING_VERBS, CREDIT_PREPOSITIONS, CREDIT_VERBS, DEED_UNLESS_CLAUSE, NAMING_VERBS, RELEASING_VERBS, REPORTING_VERBS, STANCE_PARTICIPLES, STANCES, STATE_VERBS, STORIES, VERDICTS,
    DOUBTED, SPEECH_NOUNS, SPEECH_VERBS, SUPPORT_VERBS, UNSOURCED, WON_THINGS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from assistant.types import Label


def verdict(verb: Token) -> bool:
    """ "The claim is false": a fact-checker's rating of what was said, not a statement of it."""
    return verb.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in VERDICTS for c in verb.children)


def takes_stance(verb: Token) -> bool:
    """ "Refugee support groups are strongly critical of the claims", "Ansett's administrators are
    confident of paying ...": a party's stance, reported as its state of mind, is its position."""
    if stance_participle(verb):
        return True
    return verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in STANCES for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.lower_ not in ("it", "there", "this", "that") for c in verb.children)


def stance_participle(verb: Token) -> bool:
    """ "The union is disappointed with the verdict", which the parser reads as a passive: a stance
    with no agent (not "was disappointed by the result", a cause given), held by a name or a source
    the patterns know (not "The bill was opposed", "The hearing was concerned with the charges")."""
    kinds = source_kinds(verb.doc)
    holder = next(iter(children(verb, "nsubjpass")), None)
    return verb.lower_ in STANCE_PARTICIPLES and bool(children(verb, "auxpass")) and not children(verb, "agent") and holder is not None \
        and (holder.pos_ == "PROPN" or holder.i in kinds and kinds[holder.i].label_ not in ("SOCIAL", "ROLE")) \
        and not (verb.lower_ == "concerned" and any(p.lower_ == "with" for p in children(verb, "prep")))


def puts_at(verb: Token) -> bool:
    """ "The Red Crescent put the death toll at 11,300": putting a figure at a number is estimating it."""
    return verb.lemma_.lower() == "put" and bool(children(verb, "dobj")) and any(
        p.lower_ == "at" and any(o.like_num or any(n.like_num for n in o.children) for o in children(p, "pobj")) for p in children(verb, "prep"))


def quoted_by_outlet(verb: Token, known: Mapping[str, Label]) -> bool:
    """ "Mori was quoted as saying by Kyodo News that ..." (a passive): the one quoted speaks, when a named outlet quotes them;
    not a rumour, unnamed sources, a witness, a post, "a doctored clip" or "wrongly"."""
    from assistant.ingest.channel import statement_channel
    from assistant.ingest.source import type_source

    saying = next((c for p in children(verb, "prep") if p.lower_ == "as" for c in p.children if c.dep_ == "pcomp" and verb_lemma(c) in SPEECH_VERBS), None)
    if saying is None or any(a.lower_ == "reportedly" for a in children(verb, "advmod")) \
            or any(statement_channel(v) is not None for v in (verb, saying)) or any(t.lower_ in DOUBTED for t in verb.doc):
        return False
    by = next(iter(filter(None, (agent_of(v) or next((o for p in children(v, "prep") if p.lower_ == "by" for o in children(p, "pobj")), None)
                                 for v in (verb, saying)))), None)
    kind = type_source(by, known, entities=False) if by is not None else None
    return by is not None and kind is not None and kind.label == "media_report" and any(t.pos_ == "PROPN" for t in by.subtree) \
        and by.lemma_.lower() not in UNSOURCED and not any(a.lower_ in UNSOURCED for a in by.children)


def speech_noun(verb: Token) -> Token | None:
    """ "Greenpeace issued a warning that ...", "The airline gave assurances", "A warning was issued":
    the noun of saying a support verb puts out, which makes the verb one of speech."""
    if verb.lemma_.lower() not in SUPPORT_VERBS or verb.lemma_.lower() == "put" and not any(p.lower_ in ("out", "forward") for p in children(verb, "prt")):
        return None
    if children(verb, "neg"):
        return None
    # What was said must follow: "assurances that ...", "a statement thanking ...", a quotation; "pays
    # tribute to the director", "issued a statement on Monday" tell an act, the article's narration.
    return next((o for o in children(verb, "dobj", "nsubjpass") if o.lemma_.lower() in SPEECH_NOUNS and not any(d.lower_ == "no" for d in children(o, "det"))
                 and (children(o, "acl", "ccomp") or _content_clause(o) or children(verb, "ccomp"))), None)


def _content_clause(noun: Token) -> bool:
    """ "a warning that the spill would spread", which the parser reads as a relative clause: "that", a subject of its
    own and a modal or an object of its own; "a promise that it later broke", "a comment that went viral" are about the noun."""
    return any(c.left_edge.lower_ == "that" and any(t.lower_ != "that" for t in children(c, "nsubj"))
               and (any(a.tag_ == "MD" for a in children(c, "aux")) or any(o.lower_ != "that" for o in children(c, "dobj")))
               for c in children(noun, "relcl"))


def says_nothing(verb: Token) -> bool:
    """A speech verb that says nothing: a movement ("Typhoon Lanna slammed into the coast"), things added, nothing put out."""
    objects, clauses = children(verb, "dobj"), children(verb, "ccomp")
    if verb.lemma_.lower() in COUNTING_VERBS and objects and not (clauses and clauses[0].i < objects[0].i) and not quoted_near(verb):
        return True  # "The deal adds 14 vessels to the fleet", "Netflix adds 13.1 million subscribers, shares jump": things, not words
    released = verb.lemma_.lower() in RELEASING_VERBS and not children(verb, "dobj", "ccomp", "xcomp", "nsubjpass") and not quoted_near(verb)
    # "viewed more than 300,000 times", "shared 20,000 times": how often, not a view stated.
    counted = verb.lemma_.lower() in CIRCULATION_VERBS and any(c.lemma_.lower() == "time" for c in verb.children if c.dep_ in ("dobj", "npadvmod"))
    credit = verb.lemma_.lower() in CREDIT_VERBS and not any(c.dep_ == "prep" and c.lower_ in CREDIT_PREPOSITIONS for c in verb.children)
    # "seven cases reported each year", "with seven cases reported": a participle describing a count, no one's words.
    described = (verb.dep_ == "acl" and verb.i == verb.head.i + 1 or verb.dep_ == "advcl" and any(m.lower_ == "with" for m in children(verb, "mark"))) \
        and verb.tag_ == "VBN" and verb.lemma_.lower() in REPORTING_VERBS and not children(verb, "agent", "xcomp", "ccomp")
    return released or counted or credit or described or deed(verb) or naming(verb) or tells_a_story(verb) or any(c.dep_ == "prep" and c.lower_ in ("into", "onto") for c in verb.children) and not children(verb, "dobj", "ccomp")


def tells_a_story(verb: Token) -> bool:
    """ "The movie tells the story of Joe Gardner": what a work is about, not words said. Only a
    common noun no source pattern knows: a named person, a report or a spokesman telling a story,
    or anyone telling it to someone, speaks."""
    subjects = children(verb, "nsubj")
    return verb.lemma_.lower() == "tell" and any(o.lemma_.lower() in STORIES for o in children(verb, "dobj")) \
        and not children(verb, "dative", "ccomp") and bool(subjects) and all(s.pos_ == "NOUN" and s.i not in source_kinds(s.doc) for s in subjects) \
        and not quoted_near(verb)


def deed(verb: Token) -> bool:
    """ "The season concluded on Nov 20", "Pliskova threatened Barty", "Barty claimed her first title": no clause, nothing said."""
    lemma = verb.lemma_.lower()
    infinitive = any(a.tag_ == "TO" for x in children(verb, "xcomp") for a in x.children)
    if lemma not in DEED_UNLESS_CLAUSE or children(verb, "ccomp") or infinitive or quoted_near(verb):
        return False
    objects = children(verb, "dobj")
    if lemma == "threaten":
        return any(o.pos_ in ("PROPN", "PRON") for o in objects)
    # The thing won is the object or, as the parser sometimes has it, hangs before it ("claimed her first title ... Pliskova").
    return lemma not in ("threaten", "claim") or any(t.lemma_.lower() in WON_THINGS for o in objects for t in o.subtree if t.i <= o.i)


def is_state(verb: Token) -> bool:
    """A state, not an act: "Most EU members belong to it", "The Prince and Princess of Wales were among
    the spectators"; a source's stance is more ("Social media users were less convinced")."""
    return verb.lemma_.lower() in STATE_VERBS or verb.lemma_ == "be" and not children(verb, "acomp")


def defines(verb: Token) -> bool:
    """The writer's own hedge or term, not a report: "Steam engines can be said to have been ...",
    "If a problem is hard for C, it is said to be complete for C"."""
    hedged = any(a.lower_ in ("can", "could", "might", "may") for a in children(verb, "aux"))
    conditional = verb.doc[0].lower_ == "if" or any(m.lower_ == "if" for c in children(verb, "advcl") for m in children(c, "mark"))
    return hedged or conditional


def orders(verb: Token) -> bool:
    """An order: "ordered an evacuation", "directed the agency to review ..."; not "a film directed by ..."."""
    lemma = verb_lemma(verb)
    return lemma in COMMAND_VERBS and (lemma not in CLAUSE_COMMANDS or bool(children(verb, "ccomp", "xcomp")))


def quoted_near(verb: Token) -> bool:
    return any(t.text in ('"', "“", "”", "'", "‘", "’") for t in verb.doc)


def naming(verb: Token) -> bool:
    """A name given or a topic marked, not words said: "molecules called variable lymphocyte
    receptors", "a village named Kuru", "discoveries regarding histocompatibility"."""
    if verb.lower_ in ("regarding", "concerning"):
        return True
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children) and not children(verb, "agent")
    # "molecules called ..." (the tagger reads some as past tense); "they were called 'new converts'";
    # "A virtual assistant, also called an AI assistant, is ...": a name with no one called it (no object)
    named = bool(children(verb, "oprd")) and not children(verb, "dobj", "ccomp", "agent")
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") or passive and bool(children(verb, "oprd", "attr")) or named
