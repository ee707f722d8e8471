"""Attribution: who one sentence is attributed to, from its spaCy dependency parse (DESIGN.md §3).

Generic rules over attribution cues, not over any one article: the attribution *frame* nearest
the root of the parse ("according to X", the subject or ``by``-agent of a speech or claim verb, an
authority acting), the kind of that source typed by ``source.py``, and the signs that a sentence
continues the source before it (:class:`Inherit`: a pronoun or "the statement" as the subject).
A quotation's own attributions count only when nothing outside it attributes the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant.ingest.according import according_to
from assistant.ingest.credits import credit_line, introduction, signature, trailing_credit
from assistant.ingest.frames import ANAPHORIC_NOUNS, DOCUMENT_NOUNS, Frame, Inherit, classify_source, phrase as _phrase, stance_frame
from assistant.ingest.channel import own_channel, statement_channel
from assistant.ingest.patterns import source_kinds
from assistant.ingest.source import SourceKind, is_person, type_source
from assistant.ingest.source_words import SPEAKS_FOR
from assistant.ingest.senses import defines, is_state, orders, puts_at, quoted_by_outlet, says_nothing, speech_noun, stance_participle, takes_stance, verdict
from assistant.ingest.pronouns import display_source, fronted_frame, head_span, main_speaker, subject_span
from assistant.ingest.speakers import (
    about_self, anonymity, bare_role, bare_title, campaign_setting, described_by_clause, description_of, looks_like_name, owned_thing,
    titled_only, uninvolved, voiceless,
)
from assistant.ingest.subject import PARTITIVES, agent_of, children, group_of, headline_verb, statement_in, statement_subject, subject_of, trailing_speaker, verb_lemma
from assistant.ingest.verbs import (
    CIRCULATION_VERBS, CLAUSE_VERBS, OWN_NEWS_VERBS, DISCUSSION_VERBS, FOUND_VERBS, FUNCTION_VERBS, OPERATION_VERBS, SCHEDULE_VERBS, PHRASAL_SPEECH,
    PARTY_ANNOUNCEMENTS, RECEPTION_VERBS, REPORTING_VERBS, RESPONSIBILITY_VERBS, RULE_VERBS, SPEECH_VERBS, STATE_VERBS, VIEW_VERBS,
)
from assistant.types import Label

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = frozenset("they it he she we this these those".split())
NO_ONE_IN_PARTICULAR = frozenset("nobody everyone everybody noone".split())  # not "Anyone with information should call ...": an appeal
# What a source can or may do is a power, not an act: "Courts can also require specific performance".
CAPABILITY = frozenset("can could may might".split())
OPEN_QUOTES, CLOSE_QUOTES = "“«", "”»"


def _refers_back(noun: Token) -> bool:
    """ "The information", "this statement": a definite noun that names no source of its own ("The
    Information reported", capitalised inside the sentence, is an outlet's name)."""
    if noun.lemma_.lower() in ("person", "people") and any(c.dep_ not in ("det", "punct") for c in noun.children):
        return False  # "the person said" after "a person familiar with the talks"; not "the people of Gaza"
    return noun.lemma_.lower() in ANAPHORIC_NOUNS | {"person", "people"} and not (noun.is_title and noun.i > 0) \
        and any(d.lower_ in ("the", "this", "that", "these", "such") for d in children(noun, "det"))


def _points_back(noun: Token, kind: SourceKind | None) -> bool:
    """ "The statement said", "the message read": a definite noun naming no source of its own
    (a role, or a message of unclear origin) continues the source before it; "the post" stays one."""
    return (kind is None or kind.by_role or kind.label == "media_report") and _refers_back(noun)


def _not_authority(name: Token, verb: Token, known: Mapping[str, Label]) -> bool:
    """A company, outlet or group ("NBC ordered nine episodes"): its orders are business, not
    authority. Whoever orders state forces ("... ordered that all military units be ready") is
    one, whatever the entity recogniser guessed the name to be."""
    kind = type_source(name, known)
    if kind is None or kind.label == "official":
        return False
    ordered = [t for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp") for t in c.subtree]
    forces = {t.i for t in ordered if (k := type_source(t, known, entities=False)) is not None and k.label == "official" and not k.by_entity}
    return not (kind.by_entity and forces)


def _candidate(speaker: Token, kind: SourceKind | None) -> bool:
    """Could the speaker stand for election: a person, by name or role ("Governor Ellison", "the
    candidate"), not a body ("the Interior Ministry")."""
    if is_person(speaker) or kind is not None and (kind.person or kind.by_role):
        return True
    return looks_like_name(speaker) and (kind is None or kind.label == "official" and not kind.by_entity and kind.cue != speaker.text)


def _reports_own(verb: Token) -> bool:
    """ "Tesla reported revenue of $6.3 billion": reporting a thing (its own figures), not reporting
    *that* something happened as an outlet does."""
    verb = verb.head if headline_verb(verb.head) == verb else verb  # "Nintendo reports record profits"
    if children(verb, "dobj") and not children(verb, "ccomp"):
        return True
    # "Sony reported that it had sold 46 million units", "Microsoft reported that its cloud business
    # grew 28%": what it reports is about itself.
    return any(c.lower_ in ("it", "they", "we") or any(p.lower_ in ("its", "their", "our") for p in children(c, "poss"))
               for clause in children(verb, "ccomp") for c in children(clause, "nsubj", "nsubjpass"))


def _has_learned(verb: Token, subj: Token | None, known: Mapping[str, Label]) -> Frame | None:
    """ "Deadline has learned that ...", "CNN has learned that ...": an outlet's formula for what its
    own sources told it. A person who "has learned that" their house burned is told, not telling."""
    if verb_lemma(verb) != "learn" or subj is None or not any(a.lower_ in ("has", "have") for a in children(verb, "aux")) \
            or not any(m.lower_ == "that" for c in children(verb, "ccomp") for m in children(c, "mark")):
        return None
    kind = type_source(subj, known)
    outlet = kind.label == "media_report" if kind is not None else subj.pos_ in ("PROPN", "NOUN") and subj.is_title and not is_person(subj)
    if not outlet:
        return None
    span = head_span(subj)
    return Frame("media_report", display_source(subj), verb.text, f"'{_phrase(span)}' reports what it '{verb.text}' (an outlet's formula)")


UNNAMED_SOURCES = "unnamed sources"  # who says what a passive reports no one for ("is said to be ...")


def _poster(subj: Token | None, passive: bool) -> str:
    """Who shared or discussed something online: the verb's subject ("The 29-year-old shared the
    news in an Instagram post"); with none, or what was shared, online discussion at large."""
    if subj is None or passive or subj.pos_ not in ("NOUN", "PROPN") and not (subj.pos_ == "ADJ" and children(subj, "det")):  # "The 29-year-old"
        return "online discussion"
    return display_source(subj)


def age_anaphor(tok: Token) -> bool:
    """ "The 34-year-old said ...": an age standing alone for a person named before, as "he" does
    (the small parser reads it as an adjective, "old", with "year" and the number under it)."""
    return tok.lower_ == "old" and tok.pos_ == "ADJ" and any(d.lower_ == "the" for d in children(tok, "det")) \
        and any(c.lower_ in ("year", "years") and any(n.like_num for n in c.children) for c in tok.children)


def _frame_at(verb: Token, known: Mapping[str, Label]) -> Frame | Inherit | None:
    """The frame a verb establishes; :class:`Inherit` when its subject points back to context."""
    if found := according_to(verb, known):
        return found
    if (misread := headline_verb(verb)) is not None and verb_lemma(misread) in SPEECH_VERBS:
        return _frame_at(misread, known)  # "Tesla posts record net income": "posts" is the verb
    lemma = verb_lemma(verb)
    subj, passive = subject_of(verb)
    if lemma in RESPONSIBILITY_VERBS and any(c.lemma_.lower() == "responsibility" for c in children(verb, "dobj")):
        if children(verb, "neg") or subj is not None and any(d.lower_ in ("no", "neither") for d in children(subj, "det")):
            return None  # "No group has claimed responsibility, but police said ...": no claim; the rest of the sentence decides
        source = display_source(subj) if subj is not None and subj.pos_ != "PRON" else ""
        return Frame("group_claim", source, f"{verb.text} responsibility", "a claim of responsibility")
    if (outlet := _has_learned(verb, subj, known)) is not None:
        return outlet
    if (lemma in SPEECH_VERBS or any((lemma, p.lower_) in PHRASAL_SPEECH for p in children(verb, "prt")) or lemma in CLAUSE_VERBS and (children(verb, "ccomp") or _document(subj, passive)) or puts_at(verb) or takes_stance(verb) or speech_noun(verb) is not None) and not says_nothing(verb) and not _event_clause(verb):
        speaker = (agent_of(verb) or statement_in(verb)) if passive and not stance_participle(verb) and not quoted_by_outlet(verb, known) else subj
        if (trailing := trailing_speaker(verb)) is not None:
            speaker = trailing
        if speaker is not None:
            # "A message being forwarded on WhatsApp claims ...": the channel of the shared verb.
            channel = statement_channel(verb) or (statement_channel(verb.head) if verb.dep_ == "conj" else None)
            where = [p for p in speaker.children if p.dep_ == "prep" and p.lower_ in ("on", "in", "across")  # not "Some on Facebook's board"
                     and any((k := source_kinds(verb.doc).get(o.i)) is not None and k.label_ == "SOCIAL" for o in children(p, "pobj"))]
            if speaker.lower_ in PARTITIVES and (not list(speaker.children) and channel and verb.dep_ not in ("pcomp", "advcl") or where == list(speaker.children) and where):
                # "In Facebook groups, some argued ...", "some on X questioned ...": people posting online
                return Frame("social_media", _phrase(speaker.subtree) if where else "social-media users", verb.text,
                             f"'{_phrase(speaker.subtree)}' posting online ('{channel or _phrase(where[0].subtree)}')")
            if speaker.lower_ in NO_ONE_IN_PARTICULAR:
                return None  # "Nobody thinks the deal will survive", "Everyone agrees ...": no one's statement
            if (whole := group_of(speaker, source_kinds(verb.doc))) is not None:
                speaker = whole  # "One of them accused ...", "Some of the residents said ...": the people they are part of speak
            if speaker.pos_ == "PRON" or speaker.lower_ in PRONOUNS or speaker.lower_ in PARTITIVES and not list(speaker.children) \
                    or age_anaphor(speaker) and not channel:  # posted by "the 29-year-old": shown as the post's, names.described_person
                if (inside := main_speaker(verb, speaker, known)) is not None:
                    return inside
                if speaker.tag_ in ("WP", "WDT") or speaker.lower_ == "one" or verb.dep_ in ("relcl", "pcomp", "acl"):
                    # "Marco Polo, who wrote ...", "against what it believed were ...": a clause about
                    # something; "one might say": anyone. No one speaks the sentence.
                    return None
                return Inherit(channel, fronted_frame(verb, speaker, channel, known))
            kind = type_source(speaker, known)
            if (lemma in VIEW_VERBS or stance_participle(verb)) and speaker.pos_ != "PROPN" \
                    and ((own := source_kinds(verb.doc).get(speaker.i)) is None or own.label_ == "ROLE" and own.id_ in ("", "family")):
                return None  # "The police officer's widow is disappointed ...": a view held by no source, whoever it is linked to
            if speaker.pos_ == "NOUN" and kind is not None and kind.by_role and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in speaker.children):
                # "Its president, Dr. Laura Chen, said ..." after "Whitmore University said ...": the officer of
                # the body before speaks as that body (a university's president is no head of state).
                return Inherit(channel, Frame(kind.label, display_source(speaker), verb.text, f"'{_phrase(subject_span(speaker))}' ({kind.cue}) is the source of '{verb.text}'"),
                               kinds=("group_claim",))  # never an authority's: "The regulator fined the bank. Its president said"
            if speaker.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in speaker.children) and (not kind or kind.by_entity):
                # "His spokesman told ...", "Its director, Tajul Chowdhury, said ...": speaks for the
                # source before (a name beside the role, which only the recogniser types, does not
                # say for whom); with none, "her representative" speaks for a person's own affairs.
                owner = next(c for c in speaker.children if c.dep_ == "poss" and c.pos_ == "PRON")
                if owner.lower_ in ("its", "their") and (body := statement_subject(verb)) is not None \
                        and (body_kind := type_source(body, known)) is not None and body_kind.label != "article":
                    # "The Unity Reform Party will leave the coalition, its leader said": "its" is the
                    # body the statement is about, speaking through its own officer.
                    return Frame(body_kind.label, display_source(body), verb.text,
                                 f"'{_phrase(subject_span(speaker))}' speaks for '{_phrase(head_span(body))}' ({body_kind.cue})")
                personal = owner.lower_ in ("his", "her") and not channel
                own = Frame("group_claim", display_source(speaker), verb.text, f"'{_phrase(subject_span(speaker))}' speaks for a person's own affairs")
                # "His former castmates said ...": people of his no pattern knows speak for themselves, not for the source before.
                return own if personal and source_kinds(verb.doc).get(speaker.i) is None else Inherit(channel, own if personal else None)
            span = subject_span(speaker)
            if speaker.pos_ == "PROPN" and bare_title(speaker) and (kind is None or kind.by_entity):
                # "Spokesman Dmitry Orlov told reporters ...": the spokesman of the source before;
                # with none, a named person speaking.
                return Inherit(channel, Frame("group_claim", display_source(speaker), verb.text,
                                              f"'{_phrase(span)}', a spokesperson no one is named for, speaks for themselves"))
            if any(c.dep_ == "neg" for c in verb.children) or any(d.lower_ in ("neither", "no") for d in children(speaker, "det")):
                # "Nintendo has not confirmed ...", "Neither team has announced ..."
                return Frame("article", "the article", f"not {verb.text}", f"'{_phrase(span)}' made no statement ('not {verb.text}')")
            if _points_back(speaker, kind) and not (speaker.lemma_.lower() in DOCUMENT_NOUNS and any(agent_of(a) for a in children(speaker, "acl"))):
                # "The statement said ...": the source before; "The documents show ...", only after that source's documents
                # ("according to court documents"), else the document speaks ("The documents, obtained by The Guardian, show").
                if speaker.lemma_.lower() not in DOCUMENT_NOUNS:
                    return Inherit(channel)
                document = Frame("media_report", display_source(speaker), verb.text, f"'{_phrase(span)}' is the source of '{verb.text}'", decided=False)
                return Inherit(channel, document, document=True)
            if (outside := uninvolved(speaker)) is not None:
                return Frame("media_report", display_source(speaker), verb.text, f"'{_phrase(head_span(speaker))}' comments from outside ('{outside}')")
            if (anonymous := anonymity(verb.doc)) is not None and speaker.pos_ in ("NOUN", "PROPN"):
                # "Two diplomats, speaking on condition of anonymity, said ...": an unnamed source.
                return Frame("media_report", display_source(speaker), verb.text, f"'{_phrase(span)}' speaks as an unnamed source ('{anonymous}')")
            if (rally := campaign_setting(verb)) is not None and _candidate(speaker, kind):
                # "Torres told supporters at a rally ...": a candidate speaking as such, in office or not.
                return Frame("group_claim", display_source(speaker), verb.text, f"'{_phrase(span)}' speaks as a candidate ('{rally}')")
            if kind:
                label, cue = kind.label, kind.cue
                if lemma == "report" and kind.by_entity and label == "group_claim" and not _reports_own(verb):
                    label = "media_report"  # an organisation no pattern knows that *reports* news is an outlet
                reason = f"'{_phrase(span)}' ({cue}) is the source of '{verb.text}'"
                # A post is social media unless an authority or an organisation speaks through it (a
                # name only the recogniser typed may be a person: 'Rihanna posted ... on Instagram').
                if channel and (label not in ("official", "group_claim")
                                or label == "group_claim" and (is_person(speaker) or kind.by_entity or kind.person or kind.by_role)
                                and not own_channel(verb, organisation=not is_person(speaker) and not kind.person)):
                    label, reason = "social_media", reason + f", posted online ('{channel}')"
                return Frame(label, display_source(speaker), verb.text, reason)
            if channel:
                return Frame("social_media", display_source(speaker), verb.text, f"'{_phrase(span)}' posted online ('{channel}')")
            if _refers_back(speaker) or bare_role(speaker):
                return Inherit(channel)
            if orders(verb) and speaker.pos_ == "PROPN":  # no kind: a company or outlet was typed above
                return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' issues an order")
            if (speaker.pos_ == "PROPN" and is_person(speaker) and not described_by_clause(speaker).lower().startswith("which ") or speaker.is_title and described_by_clause(speaker).lower().startswith(("who ", "whose "))) \
                    and (lemma != "report" or _reports_own(verb)):  # "Arthurs, who has not played since October, says": a person
                # A named person with no role given speaks for their own affairs (DESIGN.md §3);
                # one the reporter describes ("Sofia Marques, a hospital cleaner", "Bimala Rai,
                # who lost her house") is a witness of the story, unless the description says more.
                described = description_of(speaker) or described_by_clause(speaker)
                # "Singer Lucía Arbeláez has cancelled two concerts, citing vocal problems": a person
                # giving the reason for their own act speaks for their own affairs, not as a witness.
                # "Pop singer Lila Moreno has announced she is engaged": a witness does not announce.
                own_act = verb.dep_ == "advcl" and verb.tag_ == "VBG" and not children(verb, "nsubj", "nsubjpass") or lemma in OWN_NEWS_VERBS or about_self(verb)
                if described and not own_act and titled_only(speaker):
                    return Frame(
                        "group_claim", display_source(speaker), verb.text,
                        f"'{_phrase(span)}', named by their part in the story ({described}), speaks for it",
                        decided=False, description=described,
                    )
                if described and not own_act:
                    return Frame(
                        "media_report", display_source(speaker), verb.text,
                        f"'{_phrase(span)}', a person the reporter describes ({described}), is a witness of the story",
                        decided=False, description=described,
                    )
                return Frame(
                    "group_claim", display_source(speaker), verb.text,
                    f"'{_phrase(span)}', a named person with no office, outlet or online channel, speaks for themselves",
                    decided=False, description=description_of(speaker),
                )
            if looks_like_name(speaker) and (lemma != "report" or _reports_own(verb)):
                # A name no pattern, entity or gazetteer types ("Google", "Blizzard") is most often
                # a party speaking for itself; an outlet reports *that* something happened.
                return Frame(
                    "group_claim", display_source(speaker), verb.text,
                    f"'{_phrase(span)}', a name no pattern types, speaks for itself",
                    decided=False, description=description_of(speaker),
                )
            if speaker.lemma_.lower() in SPEAKS_FOR:  # "..., rep confirms": a spokesperson speaks for someone, never as a third party
                return Frame("group_claim", display_source(speaker), verb.text, f"'{_phrase(head_span(speaker))}' speaks for someone's own affairs")
            if voiceless(speaker):  # "Thunderstorms threatened to ...": a thing, no one speaks
                return Frame("article", "the article", verb.text, f"'{_phrase(span)}' names a thing, not a source: the article's narration")
            if speaker.pos_ in ("PROPN", "NOUN"):
                return Frame(
                    "media_report", display_source(speaker), verb.text,
                    f"'{_phrase(span)}' is the source of '{verb.text}' but is not an authority, group or online source",
                    decided=False, description=description_of(speaker),
                )
        if lemma in DISCUSSION_VERBS and statement_channel(verb):
            return Frame("social_media", _poster(subj, passive), verb.text, f"'{verb.text}' on the internet or social media")
        if passive and speaker is None and verb.dep_ == "ROOT" and lemma in REPORTING_VERBS and not defines(verb) \
                and not (subj is not None and any(d.lower_ == "no" for d in children(subj, "det"))) \
                and not (lemma == "tell" and children(verb, "xcomp")):  # "No injuries were reported", "Residents were told to leave": narration
            unnamed = "unnamed reports" if lemma == "report" else UNNAMED_SOURCES  # "is reported to have ...", "is said to be ..."
            return Frame("media_report", unnamed, verb.text, f"unattributed '{verb.text}' (passive, no source)")
    if passive and lemma in CIRCULATION_VERBS and _main_clause(verb) and subj is not None \
            and (kind := type_source(subj, known, entities=False)) is not None and kind.label == "social_media":
        # "Posts on X claiming the derailment was sabotage have been shared tens of thousands of times".
        head = head_span(subj)
        return Frame("social_media", _phrase(head), verb.text, f"'{_phrase(head)}' ({kind.cue}) circulates online: '{verb.text}'", speech=False)
    if passive and lemma in FOUND_VERBS and (agent := agent_of(verb)) is not None and (kind := type_source(agent, known, entities=False)) is not None:
        if kind.label in ("media_report", "social_media"):  # "documents obtained by TechCrunch", "a video shared by users"
            span = list(agent.subtree)
            return Frame(kind.label, _phrase(span), verb.text, f"'{verb.text}' by '{_phrase(span)}' ({kind.cue})", speech=False)
    if passive and lemma in FOUND_VERBS and _main_clause(verb) and agent_of(verb) is None and (channel := statement_channel(verb)) is not None:
        # "An AI-generated speech was posted on the party's X account": put online, by whoever.
        return Frame("social_media", "a post", verb.text, f"'{verb.text}' online ('{channel}'), no poster named", speech=False)
    if passive and _main_clause(verb) and lemma not in STATE_VERBS | RULE_VERBS and (agent := agent_of(verb)) is not None \
            and (kind := type_source(agent, known, entities=False)) is not None and kind.label == "official" and not children(verb, "neg"):
        # "Meta has been fined EUR 1.2 billion by Ireland's Data Protection Commission": an authority acting.
        span = list(agent.subtree)
        return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' ({kind.cue}) acts: '{verb.text}' (passive)", speech=False)
    if orders(verb) and subj is not None and subj.pos_ == "PROPN" and not _not_authority(subj, verb, known):
        span = head_span(subj)
        return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' issues an order", speech=False)
    if orders(verb) and subj is not None and subj.lower_ in ("it", "they") and _main_clause(verb):
        return Inherit(speech=False, kinds=("official",))  # "It ordered the company to fix the system": the authority before
    if subj is not None and not passive and verdict(verb) and _refers_back(subj):
        return Frame("article", "the article", verb.text, f"the article's verdict on what was said ('{verb.text} {_phrase(children(verb, 'acomp', 'attr'))}')")
    if subj is not None and not passive:
        head = head_span(subj)
        kind = type_source(subj, known, entities=False)
        if _points_back(subj, kind) and (channel := statement_channel(verb)) is not None and not verdict(verb):
            # "The claim first appeared in a Facebook post": where it came from, whoever reported it.
            return Frame("social_media", _phrase(head), verb.text, f"'{_phrase(head)}' appeared online ('{channel}')", speech=False)
        if _points_back(subj, kind):
            return Inherit(speech=False)  # "The information was contradictory": the source before
        # A witness's, a resident's or a named person's deeds ("Residents remain under a boil-water
        # notice", "Javier Milei, a libertarian economist, won ...") are narration.
        named = is_person(subj) or subj.pos_ == "PROPN" and not subj.ent_type_ and bool(children(subj, "appos")) \
            or subj.pos_ == "PROPN" and subj.lower_ in known and known[subj.lower_] == "media_report"  # "Maurizi", a journalist named before
        titled_work = any(t.text in ('"', "“", "”") for t in subj.subtree)  # 'Sadie Vale's "Paper Moons" climbs ...': a work's title
        category = (kind.label, kind.cue) if kind and not (kind.label == "media_report" and (kind.person or named or titled_work)) else None
        if subj.lemma_.lower() == "poll" and lemma in ("open", "close"):
            category = None  # "Polls have now closed": polling stations, not surveys
        # Authorities acting, reports or posts appearing; a group's or company's deeds are narration.
        if lemma in PARTY_ANNOUNCEMENTS and _main_clause(verb) and not children(verb, "neg") and not is_person(subj) \
                and (party := type_source(subj, known)) is not None and party.label == "group_claim" and not party.person:
            # "Samsung introduced the Galaxy S23", "the Academy decided to award ...": what it announces of itself.
            return Frame("group_claim", _phrase(head), verb.text, f"'{_phrase(head)}' ({party.cue}) announces its own decision: '{verb.text}'", speech=False)
        if category and category[0] == "social_media" and lemma in RECEPTION_VERBS:
            category = None  # "The post drew 20 million likes": the article tells how it was received
        if category and category[0] == "official" and _main_clause(verb) and _scene(verb):
            return Frame("article", "the article", verb.text, f"what '{_phrase(head)}' ({category[1]}) is doing as the reporter writes: "
                         "the article's picture of the scene", speech=False, names=(_phrase(head), "official"))
        if category and (category[0] == "official" and lemma not in CLAUSE_VERBS or category[0] == "social_media" and lemma == "be") and owned_thing(subj):
            # "The President's resignation followed ...", "YouTube's ad revenue is ...": a thing of the
            # authority's, or what a platform's thing is, not the authority or a post ("TikTok's videos spread ...").
            category = None
        if category and category[0] not in ("article", "group_claim") and _main_clause(verb) and not is_state(verb) and not children(verb, "neg") \
                and not any(a.lower_ in CAPABILITY for a in children(verb, "aux")) and not _scene(verb):
            label, cue = category
            channel = next(filter(None, map(statement_channel, [verb, *children(verb, "conj"), *children(subj, "acl")])), None)  # "Videos posted on X showed"
            if label == "media_report" and channel:
                label, cue = "social_media", f"{cue}, {channel}"  # "Footage ... spread across forums"
            return Frame(label, _phrase(head), verb.text, f"'{_phrase(head)}' ({cue}) acts: '{verb.text}'", speech=False)
        if _refers_back(subj):
            return Inherit(speech=False)
    if lemma in DISCUSSION_VERBS and statement_channel(verb):
        return Frame("social_media", _poster(subj, passive), verb.text, f"'{verb.text}' on the internet or social media")
    if lemma == "take" and subj is not None and not passive and (channel := statement_channel(verb)) is not None:
        # "Chocolate lovers have taken to social media in their thousands": they posted there.
        return Frame("social_media", _phrase(head_span(subj)), verb.text, f"'{_phrase(head_span(subj))}' took {channel}", speech=False)
    if _main_clause(verb) and (hedge := next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "reportedly"), None)) is not None:
        # "He was reportedly paid $20 million": reports no one is named for.
        return Frame("media_report", "unnamed reports", hedge.text, f"'{hedge.text}': reports the text names no source for")
    return None


TIME_MARKS = frozenset("after before when until once since".split())


def _event_clause(verb: Token) -> bool:
    """ "Shares fell after the chipmaker forecast weak sales": a statement that only dates the main
    clause's event is part of the narration."""
    return verb.dep_ == "advcl" and any(m.lower_ in TIME_MARKS for m in children(verb, "mark", "advmod"))


def _document(subj: Token | None, passive: bool) -> bool:
    """ "The company's earnings report showed revenue of $90 billion": a report, a statement or
    figures state what they show, with or without a content clause ("Police found a body" acts)."""
    if subj is None or passive:
        return False
    span = source_kinds(subj.doc).get(subj.i)
    return subj.lemma_.lower() in ANAPHORIC_NOUNS or span is not None and span.label_ == "DATA"


def _main_clause(verb: Token) -> bool:
    """Is the verb the sentence's main clause (or joined to it by "and")? What an authority does in
    a subordinate clause ("When a central bank raises rates, ...", "allows officials to test ...",
    "police statements matching these claims") is background, not its act."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _verbs_by_depth(doc: Doc) -> list[Token]:
    """Verbs ordered by distance from the root: the main clause first, content clauses last."""
    order: list[Token] = []
    frontier = [t for t in doc if t.dep_ == "ROOT"]
    seen: set[int] = set()
    while frontier:
        nxt: list[Token] = []
        for tok in frontier:
            if tok.i in seen:
                continue
            seen.add(tok.i)
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") or tok.dep_ == "ROOT":  # "have been": no clause
                order.append(tok)
            nxt.extend(tok.children)
        frontier = nxt
    return order


def find_frame(
    doc: Doc,
    known: Mapping[str, Label] | None = None,
    max_depth_verbs: int = 4,
    inside_at_start: bool = False,
    quoted_fallback: bool = True,
) -> Frame | Inherit | None:
    """The attribution frame of a parsed sentence (None: the article's own narration).

    ``known`` maps names typed earlier in the article to their kind. Claims inside claims: a
    quotation's own attributions ("... read: 'Officials confirmed ...'") count only when nothing
    outside it attributes the sentence (never, without ``quoted_fallback``), and a post or video
    introducing it keeps the label. ``inside_at_start``: the sentence begins inside a quotation
    opened before it ('... a new date," said Henk Jansen.').
    """
    # A source introducing words after a colon ("A post on X read: the ministry confirmed it") speaks them, not a verb among them.
    if (lead := signature(doc, known or {}) or credit_line(doc, known or {}) or trailing_credit(doc, known or {})) is not None \
            or isinstance(lead := introduction(doc, known or {}), Frame):
        return lead
    quoted = _quoted(doc, inside_at_start)
    verbs = _verbs_by_depth(doc)[:max_depth_verbs]
    # A source named at the end ("..., Sky Sport Italia reports.") speaks the whole sentence before it.
    # A stance ("are critical of ...") only when no verb of saying attributes the sentence ("are worried, saying ...").
    verbs.sort(key=lambda v: (not (verb_lemma(v) in SPEECH_VERBS and trailing_speaker(v) is not None), takes_stance(v)))
    for verb in (v for v in verbs if v.i not in quoted):
        frame = _frame_at(verb, known or {})
        if frame is not None:
            return stance_frame(frame, verb) if isinstance(frame, Frame) and takes_stance(verb) else frame
    if lead is not None:  # "The message read: ...": the source before
        return lead
    if quoted:
        outside = [t for t in doc if t.i not in quoted]
        post = next((s for s in source_kinds(doc).values() if s.label_ == "SOCIAL" and s.start not in quoted), None)
        if post is not None and outside and not (post.id_ == "platform" and post.root.dep_ in ("nsubj", "nsubjpass")):  # "Twitter has begun replacing ...": the company
            return Frame("social_media", post.text, post.text, f"a quotation introduced by '{post.text}': it keeps the label of who posted it")
    for verb in (v for v in verbs if v.i in quoted and quoted_fallback):
        frame = _frame_at(verb, known or {})
        if isinstance(frame, Frame):  # a pronoun inside quoted words is the speaker's, not the article's
            return frame
    return None


def _scene(verb: Token) -> bool:
    """ "Firefighters are battling the blazes", "troops are scouring the hills": what is under way
    as the reporter writes is the article's picture of the scene, not an act an authority took; so
    are forces' operations told as events ("The army carried out reprisal attacks", "police
    cordoned off the area"), a body's timetable ("The royal commission will resume this morning")
    and what it would do under a plan ("The council would govern for six months")."""
    if verb.lemma_.lower() in FUNCTION_VERBS:
        return False
    if verb.lemma_.lower() in OPERATION_VERBS and all(p.lower_ in ("off", "out") for p in children(verb, "prt")):
        return True  # "struck down the scheme": a ruling, not an operation
    auxes = {a.lower_ for a in children(verb, "aux")}
    return (verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in children(verb, "aux"))
            or verb.tag_ == "VB" and ("would" in auxes or auxes & {"will", "'ll"} and verb.lemma_.lower() in SCHEDULE_VERBS
                                      and not children(verb, "xcomp")))  # "will begin vaccinating children": the act is the vaccinating


def _quoted(doc: Doc, inside_at_start: bool = False) -> set[int]:
    """Indices of the tokens inside quotation marks (from the first token, when the sentence
    begins inside a quotation; a straight quote opening it then opens the quotation again, as a
    new paragraph of a long quote does)."""
    inside: set[int] = set()
    depth = 1 if inside_at_start else 0
    for tok in doc:
        text = tok.text
        if text in OPEN_QUOTES or (text == '"' and (depth == 0 or tok.i == 0)):
            depth = max(depth, 1) if text == '"' else depth + 1
        elif text in CLOSE_QUOTES or (text == '"' and depth > 0):
            depth = max(0, depth - 1)
        elif depth > 0:
            inside.add(tok.i)
    return inside


def question_sides(doc: Doc) -> set[Label]:
    """The provenance sides a question asks about, from its own attribution frames."""
    sides: set[Label] = set()
    for verb in _verbs_by_depth(doc):
        frame = _frame_at(verb, {})
        if isinstance(frame, Frame) and frame.speech and frame.decided and frame.label != "article" and frame.source not in (UNNAMED_SOURCES, "unnamed reports"):
            sides.add(frame.label)
    if not sides:
        # The small parser reads "What did the National Security Committee declare?" as one noun
        # phrase; the shape "did <source> <speech verb>" still names the side.
        aux = next((t for t in doc if t.lower_ in ("did", "does", "do", "has", "have", "will", "would")), None)
        said = next((t for t in doc if aux is not None and t.i > aux.i + 1 and t.lower_ in SPEECH_VERBS), None)
        if aux is not None and said is not None:
            found = classify_source(list(doc[aux.i + 1 : said.i]))
            if found is not None and found[0] != "article":
                sides.add(found[0])
    return sides
