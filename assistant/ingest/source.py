"""Source typing: what kind of source a statement comes from (DESIGN.md §3).

Attribution (``label.py``) finds *who* a sentence is attributed to; this module decides what kind of source that is,
from the source patterns (``patterns.py``: general knowledge kept as data files in ``sources/``) and the gazetteers
(``gazetteers.py``: places, newspapers' names, heads of state and government). When no pattern types the speaker,
spaCy's entity recogniser does: an organisation speaks for itself (``group_claim``), a country's or city's name is its
government (``official``) when the gazetteer knows it; a name the recogniser calls a place but no gazetteer knows
("Netflix said") is an organisation. The channel of a statement (``channel.py``: "tweeted", "in a TikTok video", "on
Instagram") makes it ``social_media`` unless the poster is official."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.ingest.gazetteers import known_places, leaders, mastheads
from assistant.ingest.namesakes import another_person
from assistant.ingest.nlp import is_handle
from assistant.ingest.patterns import source_kinds
from assistant.ingest.qualifiers import SHADOW, fake_word, past_title, personal_client, unnamed
from assistant.ingest.source_words import (
    BODY_ROLES, EMPLOYERS, FILING_VERBS, LOCATIVE, NOT_BODIES, OWN_MEDIA, PARTITIVE, PLACE_PARTS, PRIVATE, RESEARCH, SERVES, SPEAKS_FOR, STATE_ONLY,
)
from assistant.ingest.verbs import SPEECH_VERBS
from assistant.types import Label

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

KIND_LABEL: dict[str, Label] = {"OFFICIAL": "official", "MEDIA": "media_report", "SOCIAL": "social_media", "GROUP": "group_claim", "DATA": "article"}
# Entities the recogniser finds when no pattern does: an organisation speaks for itself, a country or city for its government.
ENTITY_LABEL: dict[str, Label] = {"ORG": "group_claim", "GPE": "official"}
OWNER_DEPS = ("poss", "compound", "nmod", "amod", "appos")
_OWNER_PREPS = ("of", "for", "from", "at", "with", "on", "in", "by")


@dataclass(frozen=True)
class SourceKind:
    """What kind of source a speaker is, the words that decided it, and whether only the entity recogniser did (no pattern knew the name)."""

    label: Label
    cue: str
    by_entity: bool = False
    by_role: bool = False  # only a role's own kind decided ("the message", "a spokesperson")
    person: bool = False  # the pattern that decided names a person ("the striker", "an activist")


def _names_no_body(name: Sequence[Token]) -> bool:
    """Does the recogniser, reading the sentence, call this name an event, a building, a work or a product ("the City Marathon")?"""
    from assistant.ingest.nlp import named_entities

    words = {t.text for t in name if t.pos_ == "PROPN"}
    return any(label in NOT_BODIES and words & set(text.split()) for text, label in named_entities(name[0].doc.text))


def entity_of(tok: Token) -> str:
    """The entity type of a name: from the sentence's entities when the labeller ran the recogniser
    on it, else from the recogniser run on the name alone (cached; names repeat)."""
    if tok.pos_ != "PROPN" and not (tok.is_upper and tok.is_alpha and len(tok) > 1):
        return ""  # a name, or an acronym the small tagger took for a common noun ("ABDA president")
    from assistant.ingest.nlp import named_entities

    doc = tok.doc
    if doc.has_annotation("ENT_IOB"):
        return tok.ent_type_
    name = name_run(tok).text
    return next((label for text, label in named_entities(name) if tok.text in text.split()), "")


def owners_of(head: Token) -> list[Token]:
    """Who a head noun belongs to or speaks for: "the company's", "ministry", "for the club", "released by the committee"."""
    from assistant.ingest.subject import dateline_end, issued_by

    start = dateline_end(head.doc)  # "DAKAR, Feb 3 (Reuters) - Senegal's President ...": the dateline owns nothing
    owners = [_partitive(c) if c.dep_ == "appos" else c for c in head.children if c.dep_ in OWNER_DEPS and c.i >= start]
    owners.extend(o for c in head.children if c.dep_ == "npadvmod" and c.i == head.i - 2 and head.doc[head.i - 1].text == "-"
                  for o in c.children if o.dep_ in OWNER_DEPS)  # "union secretary-general X": the owner hangs on the title's first half
    if head.dep_ == "pobj":  # "according to WHO figures", misparsed as a clause: a subject before an object is its owner
        owners.extend(c for c in head.children if c.dep_ == "nsubj" and c.i < head.i and c.pos_ == "PROPN")
    for acl in head.children:
        if acl.dep_ in ("acl", "relcl"):
            owners.extend(o for agent in acl.children if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj")
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("post", "publish"):  # "a notice posted on the bank's website": the bank's
            owners.extend(o for prep in acl.children if prep.dep_ == "prep" and prep.lower_ in ("on", "in")
                          for site in prep.children if site.dep_ == "pobj" and site.lemma_.lower() in OWN_MEDIA
                          for o in site.children if o.dep_ == "poss" and o.pos_ != "PRON")
        if acl.dep_ == "acl" and acl.lemma_.lower() in FILING_VERBS:  # "a complaint filed in federal court": a court's document
            owners.extend(o for prep in acl.children if prep.dep_ == "prep" and prep.lower_ in ("in", "with", "at", "before")
                          for o in prep.children if o.dep_ == "pobj")
    owners.extend(issued_by(head))  # "The club issued a statement confirming ...": the club's
    for prep in head.children:  # "an aide to the senator": whom an aide serves (not "a letter to the minister")
        if prep.dep_ == "prep" and (prep.lower_ in _OWNER_PREPS or prep.lower_ == "to" and head.lemma_.lower() in SERVES):
            owners.extend(c for c in prep.children if c.dep_ == "pobj")
    owners.extend(_on_behalf_of(head))
    return owners


def _located(head: Token, owner: Token) -> bool:
    """Is ``owner`` where ``head`` is ("commuters at the station", "vendors in the market")?"""
    return owner.dep_ == "pobj" and owner.head.lower_ in LOCATIVE and owner.head.head.i == head.i


def _partitive(tok: Token) -> Token:
    """ "one of the union's leaders", "two of the club's players": the noun after "of" says who they are."""
    whole = (o for of in tok.children if of.dep_ == "prep" and of.lower_ == "of" for o in of.children if o.dep_ == "pobj")
    return next(whole, tok) if tok.lower_ in PARTITIVE or tok.like_num else tok


def _on_behalf_of(head: Token) -> list[Token]:
    """ "a statement (issued) on behalf of the victim's family": whose it is."""
    holders = [head, *(c for c in head.children if c.dep_ == "acl")]
    return [o for h in holders for on in h.children if on.dep_ == "prep" and on.lower_ == "on"
            for behalf in on.children if behalf.lower_ == "behalf"
            for of in behalf.children if of.lower_ == "of" for o in of.children if o.dep_ == "pobj"]


def is_masthead(tok: Token) -> bool:
    """ "The Morning Ledger", "the Kiev Post": a capitalised name whose last word names a newspaper."""
    doc = tok.doc
    return (tok.is_title and tok.pos_ == "PROPN" and tok.lower_ in mastheads() and tok.i > 0
            and doc[tok.i - 1].is_title and doc[tok.i - 1].pos_ == "PROPN"
            and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN"))


def name_run(tok: Token) -> Span:
    """The run of proper nouns around ``tok`` ("New Delhi", "South Korea")."""
    doc = tok.doc
    start = end = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    return doc[start : end + 1]


def _leader(tok: Token) -> str | None:
    return name if (name := name_run(tok).text).lower() in leaders() else None


def is_place(tok: Token) -> bool:
    """Is the name ``tok`` stands in (its run of proper nouns) a country, capital, state or large city?"""
    return tok.pos_ == "PROPN" and name_run(tok).text.lower().removeprefix("the ") in known_places()


def is_person(tok: Token) -> bool:
    return entity_of(tok) == "PERSON"


def _name(tok: Token) -> list[Token]:
    """The capitalised words of a name headed by ``tok`` ("the Army for the Liberation of X")."""
    clauses = {t.i for c in tok.children if c.dep_ in ("acl", "relcl", "appos") for t in c.subtree}  # "Tourists visiting the Quirinale"
    return [t for t in tok.subtree if t.i not in clauses and t.dep_ not in ("acl", "relcl", "appos") and (t.is_title or t.is_upper) and t.is_alpha]


def _own_kind(tok: Token, kinds: Mapping[int, Span], known: Mapping[str, Label], entities: bool) -> tuple[Label | None, str, Span | None]:
    if is_handle(tok):  # "@northloop_commuter replied: ...": whoever writes under a handle posts
        return "social_media", f"{tok.text}: an account's handle", None
    span = kinds.get(tok.i)
    # "the bank" after "Indonesia's central bank said", "the Bank" after "the Bank of England": the same source.
    the = f"the {tok.lower_}"
    again = known.get(the) or (known.get(tok.lower_) if tok.is_title else None)
    if tok.pos_ in ("NOUN", "PROPN") and again is not None and not owners_of(tok) \
            and any(d.lower_ == "the" for d in tok.children if d.dep_ == "det") \
            and not (span is not None and KIND_LABEL.get(span.label_) == again):
        return again, the, None
    titled = tok.is_title or tok.is_upper
    if span is not None and span.label_ == "OFFICIAL" and len(span) == 1 and titled and tok.lemma_.lower() not in STATE_ONLY:
        # A name holding a party's, a sport's or a prize's word is that party's ("the Army for the
        # Liberation of X", "the International Cricket Council", "the Norwegian Nobel Committee");
        # only a state has a ministry ("the Union Health Ministry").
        party = next((kinds[t.i] for t in _name(tok) if t.i in kinds and (kinds[t.i].label_ == "GROUP" and kinds[t.i].id_ != "activity"
                                                                             or kinds[t.i].label_ in ("SPORT", "PRIZE"))), None)
        if party is not None:
            return "group_claim", " ".join(t.text for t in _name(tok)), party
    if span is not None and span.label_ == "SOCIAL" and span.id_ != "platform" and tok.pos_ == "PROPN" and len(_name(tok)) > 1:
        span = None  # "the Exporters' Forum", "the World Economic Forum": a body's name, not a web forum
    if span is not None and span.label_ == "MEDIA" and span.id_ == "person" and tok.pos_ == "PROPN" and len(_name(tok)) > 1:
        span = None  # "Global Witness": an organisation's name, not a witness
    if span is not None and span.label_ == "DATA" and len(name := {tok, *_name(tok)}) > 1 and (tok.pos_ == "PROPN" or min(t.i for t in name) > 0):
        span = None  # "Esports Charts", "Columbia Records": an organisation's name, not figures
    if span is not None and span.label_ == "OFFICIAL" and len(span) == 1 and not titled and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children
    ):
        return None, "", None  # "its emergency department": whose body it is, the sentence does not say
    if span is not None and span.label_ == "OFFICIAL" and any(c.dep_ == "amod" and c.lower_ in PRIVATE for c in tok.children):
        return "group_claim", f"{span.text} (private)", span  # "a private security service": a company's, not the state's
    if span is not None and span.label_ == "CAMPAIGN" and span.id_ == "person":
        return "group_claim", span.text, span  # "Supporters of the president": people who speak for themselves, not the president
    if span is not None and span.label_ in KIND_LABEL and not (span.id_ == "body" and titled):
        return KIND_LABEL[span.label_], span.text, span
    if is_masthead(tok):
        return "media_report", name_run(tok).text, None
    if titled and (span is None or span.label_ == "ROLE" or span.id_ == "body") and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.i > 0) and not is_person(tok):
        # "the National Audit Office", "the Federal Institute for Drugs", "the National Transportation
        # Safety Board": a public body's name ("board" alone is a company's or a club's).
        # ... or a name built on an authority's word: "the Kaduna State Police Command".
        mark = next((kinds[t.i] for t in _name(tok) if t.pos_ == "PROPN" and t.i in kinds
                     and (kinds[t.i].label_ == "OFFICIAL_NAME" and (span is not None or kinds[t.i].id_ not in PLACE_PARTS)
                          or kinds[t.i].label_ == "OFFICIAL" and t.i != tok.i and len(kinds[t.i]) == 1)), None)
        if mark is not None and not any(kinds.get(t.i) is not None and kinds[t.i].label_ == "GROUP" and kinds[t.i].id_ != "body" for t in _name(tok)) \
                and not _names_no_body(_name(tok)):
            return "official", " ".join(t.text for t in _name(tok)), mark
    if titled and span is not None and span.label_ == "ROLE" and span.id_ == "OFFICIAL" and tok.lemma_.lower() in BODY_ROLES \
            and len(_name(tok)) > 1 and not any(kinds.get(t.i) is not None and kinds[t.i].label_ == "GROUP" for t in _name(tok)):
        return "official", " ".join(t.text for t in _name(tok)), span  # "the Transport Safety Bureau", "the Bureau of Meteorology"
    if span is not None and span.label_ in KIND_LABEL:
        return KIND_LABEL[span.label_], span.text, span  # "the Premier League Board": a party's
    if span is not None and span.label_ == "ROLE":
        return None, span.text, span
    if tok.dep_ != "compound" and span is not None and span.label_ == "OFFICIAL_NAME" and (titled and span.id_ == "local" and tok.pos_ == "PROPN" and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children) or span.id_ == "place" and tok.dep_ == "nsubj"  # not "The county" (a cricket club's), "the city said to be"
            and {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")} & {"the", "several", "many", "some", "both", "other"}
            and {c.dep_ for c in tok.children} <= {"det", "amod", "prep", "punct"} and tok.head.lemma_.lower() in SPEECH_VERBS
            and (tok.head.lemma_ != "say" or any(c.dep_ == "ccomp" for c in tok.head.children))):  # not "The city said goodbye to ..."
        return "official", " ".join(t.text for t in _name(tok)) if tok.pos_ == "PROPN" else tok.text, span  # "Maui County said", "The city said": its government
    if (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_title) and tok.lower_ in known and not another_person(tok, known, kinds):  # "Cummins said"
        return known[tok.lower_], tok.text, None
    described = next((kinds[c.i] for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i in kinds
                      and kinds[c.i].label_ in KIND_LABEL and kinds[c.i].label_ != "OFFICIAL"), None)  # not "watchdog Global Witness"
    if entities and tok.pos_ == "PROPN" and described is not None:
        return KIND_LABEL[described.label_], described.text, described  # "analytics firm Playmetric": what the text calls the name
    if entities and tok.pos_ == "PROPN" and (leader := _leader(tok)) is not None:
        return "official", leader, None  # "Zelensky said": a head of state or government named without a title
    if entities and is_place(tok):
        return "official", tok.text, None  # "Moscow said", "Kazakhstan denied": its government
    if entities and tok.tag_ in ("NNPS", "NNS") and [c.lower_ for c in tok.children] == ["the"] and entity_of(tok) == "NORP" and _nation(tok):
        return "official", tok.text, None  # "The Israelis say ...": a people speaking as one is its government (not "The Conservatives")
    if entities and tok.pos_ in ("PROPN", "NOUN") and (ent := entity_of(tok)) in ENTITY_LABEL:
        if ent == "GPE" and not is_place(tok):
            return "group_claim", tok.text, None  # "Netflix" read as a place: no gazetteer knows it
        return ENTITY_LABEL[ent], tok.text, None
    return None, "", None


def type_source(speaker: Token, known: Mapping[str, Label] | None = None, entities: bool = True) -> SourceKind | None:
    """The kind of a speaker and the words that decided it, or None when nothing does. ``known`` maps names typed earlier
    in the article to their kind ("Brandt" after "ministry spokeswoman Ilse Brandt"); ``entities``: let the entity
    recogniser type names no pattern knows (for speakers; an unknown name *acting* is narration). A former official holds
    no office ("Former president Lula said ..."): a person speaking for themselves, or, unnamed, a source."""
    kind = _typed(speaker, known, entities)
    if kind is not None and kind.label == "official" and (former := past_title(speaker)) is not None:
        if unnamed(speaker):
            return SourceKind("media_report", f"{former} {kind.cue}, unnamed: a source")  # "One former minister said", "a former diplomat told Reuters"
        return SourceKind("group_claim", f"{former} {kind.cue}", person=True)
    if kind is not None and kind.label == "official" and (shadow := past_title(speaker, SHADOW)) is not None:
        return SourceKind("group_claim", f"{shadow} {kind.cue}: the opposition's", person=True)  # "Shadow Treasurer Bob McMullan"
    if kind is not None and kind.label in ("official", "group_claim") and (fake := fake_word(speaker)) is not None:
        return SourceKind("media_report", f"{fake} {kind.cue}")  # "A fake INEC letter": not its named owner's; of unclear origin
    if kind is not None and kind.label == "official" and (client := personal_client(speaker)) is not None:
        return SourceKind("group_claim", f"{client}'s lawyer: a person's own affairs", person=True)  # "Lawyers for President Alvarez"
    return kind


def _typed(speaker: Token, known: Mapping[str, Label] | None, entities: bool) -> SourceKind | None:
    from assistant.ingest.channel import statement_channel as _statement_channel

    kinds = source_kinds(speaker.doc)
    memory = known or {}
    label, cue, span = _own_kind(speaker, kinds, memory, entities)
    if span is not None and span.label_ == "SOCIAL" and span.id_ == "platform" and not [c for c in speaker.children if c.dep_ not in ("det", "punct", "relcl", "appos")] \
            and not (speaker.dep_ == "pobj" and speaker.head.lower_ in ("on", "in", "via", "across")):  # "a post on X read:": where, not who
        return SourceKind("group_claim", f"{span.text} (the company)")  # "Facebook announced": the company speaks
    if label == "social_media":
        return SourceKind(label, cue)
    if span is not None and span.label_ == "ROLE" and span.id_ == "family" and any(c.dep_ == "poss" or c.lower_ == "of" for c in speaker.children):
        # "The president's son said", "the mother of one of the soldiers": a relative, who holds no office of theirs
        return SourceKind("group_claim", f"{span.text}: a relative, speaking for themselves", person=True)
    for acl in speaker.children:  # "a video posted on TikTok", "one version circulating online"
        if acl.dep_ in ("acl", "relcl"):
            for verb in (v for v in acl.subtree if v.pos_ == "VERB"):
                if channel := _statement_channel(verb):
                    return SourceKind("social_media", channel)
    if span is not None and span.label_ == "GROUP" and speaker.lemma_.lower() in ("ally", "allies") \
            and (state := next((o for o in owners_of(speaker) if _country(o, kinds)), None)) is not None:
        return SourceKind("official", f"{state.text}'s allies: other states")  # "Ukraine's Western allies", not a person's friends
    if (nation := _national_office(speaker, span, kinds)) is not None:
        return SourceKind("official", f"{nation} {speaker.text}: the office of a state")  # "the Palestinian leader", "Russia's leader"
    owner_kinds: list[tuple[Label, str, bool, bool]] = []  # (kind, cue, named by a pattern, people: a witness's kind)
    authorised = False
    party: str | None = None  # an owner a group pattern names ("the association", "the club")
    office: tuple[Label, str] | None = None  # the kind of an office an apposition gives
    for owner in owners_of(speaker):
        if _country(owner, kinds) or span is not None and span.start <= owner.i < span.end and not owners_of(owner) \
                or label == "media_report" and span is not None and span.id_ == "expert" and owner.dep_ in ("amod", "compound") and owner.pos_ != "PROPN" \
                and owner.lemma_.lower() not in EMPLOYERS and (k := kinds.get(owner.i)) is not None and k.label_ == "OFFICIAL":
            continue  # "Australia captain": the country does not decide; "vice" is the title's own word; "military historian": a field
        if owner.lower_ == "official" and owner.dep_ == "amod" and not (span is not None and span.label_ == "DATA"):
            authorised = True  # "the official website", "an official trailer": authorised by its owner, not a state's (unlike "official results")
            continue
        o_label, o_cue, o_span = _own_kind(owner, kinds, memory, entities)
        if o_span is not None and o_span.label_ == "MEDIA" and o_span.id_ == "expert" and (employer := _authority_of(owner, kinds, memory)):
            o_label, o_cue = "official", f"{employer} {owner.text}"  # "Met Office chief scientist Stephen Belcher": the authority's expert
        if o_span is not None and o_span.label_ == "DATA" and owner.i < speaker.i:
            continue  # "the statistics bureau", "the data protection authority": what it deals in, not whose it is
        if o_span is not None and o_span.label_ == "SOCIAL" and span is not None and span.label_ == "ROLE" \
                and (span.id_ == "GROUP" or speaker.lemma_.lower() in SPEAKS_FOR):
            # "Twitter's chief executive", "the forum's spokesperson": an officer of the company or
            # body that runs it speaks for that body, not as a post.
            return SourceKind("group_claim", f"{owner.text}'s {span.text}: the organisation's officer")
        if o_span is not None and o_span.label_ == "SOCIAL" and (o_span.id_ == "platform" or owner.head.lower_ in ("on", "in")):
            if o_span.id_ == "platform" and (own := _channel_owner(speaker, kinds, memory)) is not None:
                return SourceKind(own[0], f"{own[1]}'s own {o_span.text} channel")  # "the ministry's Facebook page": the owner speaks
            return SourceKind("social_media", o_span.text)  # "the Diablo 3 Twitter account", "owners on the community forum"
        remembered = owner.lower_ in memory  # typed earlier in the article
        # "Dr Marieke van der Linde, chair of the hospital's board": an office the apposition gives.
        is_office = owner.dep_ == "appos" and o_span is not None and o_span.label_ == "ROLE" and o_span.id_ in ("GROUP", "OFFICIAL", "")
        people = (own_span := kinds.get(speaker.i)) is not None and own_span.id_ == "person"  # "neighbours", "tourists", "witnesses"
        if label is None and (span is None or people) and (o_span is None or o_span.label_ == "OFFICIAL") and not remembered \
                and (_located(speaker, owner) or owner.head.lower_ == "of" and people):
            continue  # "Commuters at Gare de Lyon", "a cleaner at the Casa Rosada", "neighbours of State House": where people are
        if o_label is None:
            # "a spokeswoman for the ministry's press office" ...
            grands = (g for g in ((grand, *_own_kind(grand, kinds, memory, entities)) for grand in owners_of(owner)
                                  if not _country(grand, kinds)) if g[1] is not None)
            if (first := next(grands, None)) is not None:
                # ... but a pattern's kind before the recogniser's guess at a word of the same
                # proper name ("Rural Fire Service Commissioner": the fire service, not "Rural");
                # the rest are typed only when the first was a guess.
                same_name = None if first[3] is not None else next(
                    (g for g in grands if g[3] is not None and all(t.pos_ == "PROPN" for t in owner.doc[first[0].i : g[0].i + 1])), None)
                grand, o_label, o_cue, o_span = same_name or first
                remembered = grand.lower_ in memory
        if o_label in (None, "official") and o_span is not None and o_span.label_ == "ROLE" and o_span.id_ == "OFFICIAL" \
                and owner.lemma_.lower() not in BODY_ROLES and (held := _held_in(owner, kinds)) is not None:  # not "the Scotland Office"
            o_label, o_cue = "group_claim", held  # "Nintendo president Shuntaro Furukawa": a title held in an organisation no pattern knows
        if o_label is None and o_span is not None and o_span.label_ == "ROLE" and o_span.id_ in KIND_LABEL \
                and not (owner.dep_ == "compound" and entity_of(speaker) == "ORG" and (o_span.id_ == "MEDIA" or owner.lower_ == "general" and speaker.i not in kinds)) \
                and not (owner.lower_ == "general" and speaker.pos_ != "PROPN"):  # "General relativity offers ...": no rank
            # "Spokesman", "Inspector" before a name; a document's word in an organisation's name
            # is no document ("the Recording Academy"), nor is the adjective a rank ("General Motors").
            o_label = KIND_LABEL[o_span.id_]
        if o_label == "group_claim" and o_span is not None and o_span.label_ == "GROUP" and o_span.id_ != "activity" \
                or (prize := kinds.get(owner.i)) is not None and prize.label_ == "PRIZE":  # "the Booker Prize judges": no court's
            party = party or o_cue or name_run(owner).text
        if is_office and o_label in ("official", "group_claim") and office is None:
            office = (o_label, o_cue)
        if o_label is not None:
            by_pattern = o_span is not None or owner.dep_ == "poss" or remembered
            # "Thousands of residents", "the only other person on board, a nurse": people, whose
            # deeds are narration (as a witness's are).
            people = o_span is not None and o_span.id_ == "person" and (
                owner.head.lower_ == "of" and owner.head.head.i == speaker.i or owner.dep_ == "appos" and owner.head.i == speaker.i)
            owner_kinds.append((o_label, o_cue, by_pattern, people))
    # A role speaks for its owner ("ministry spokeswoman", "the club's lawyer"); a title held in a
    # company or club is that party's ("Nintendo's president"); a name no pattern knows takes the
    # kind its description gives ("Health New Zealand, the state agency that ...").
    if label == "media_report" and span is not None and span.id_ == "expert" and any(k[0] == "official" and k[2] for k in owner_kinds):
        # Experts employed by an authority speak for it: "Scientists at NASA", "analysts at the Treasury".
        return SourceKind("official", next(k[1] for k in owner_kinds if k[0] == "official" and k[2]))
    if label == "official" and party is not None and speaker.lemma_.lower() not in STATE_ONLY:
        # An office or body held in a party is the party's: "the awards committee of the credit
        # union association", "the club's president".
        return SourceKind("group_claim", party)
    if label is None and not any(k[2] for k in owner_kinds):
        # "the national geophysics institute", "the regional health service": a public body
        # described; "Rescue 1122, the provincial emergency service": named, then described.
        body = next((t for t in [speaker, *(c for c in speaker.children if c.dep_ == "appos")] if _public_body(t, kinds)), None)
        if body is not None:
            return SourceKind("official", _phrase_of(body))
    if span is not None and span.label_ == "ROLE" and span.id_ == "MEDIA":
        # A message, document or report is its owner's when a pattern says whose ("a government
        # report"); one only the recogniser found does not make "a survey by Gallup" its claim, and
        # a study, survey or poll not run by a state body reports, whoever ran it (DESIGN.md §3).
        research = span.text.lower().rstrip("s") in RESEARCH
        owner_kinds = [k for k in owner_kinds if k[2] and (k[0] == "official" or not research)]
    if label is None and office is not None:
        # "Dr Marieke van der Linde, chair of the hospital's board of directors", "Dr Tedros, the
        # WHO's director-general": the office the apposition gives decides, not the honorific (a
        # doctor speaking as no one's is an expert).
        return SourceKind(*office)
    if owner_kinds and (label is None or span is None and any(k[2] for k in owner_kinds) or span is not None and span.label_ == "DATA"):
        # ... and figures are their owner's ("US Customs and Border Protection data show ...").
        chosen = next((k for k in owner_kinds if k[2]), owner_kinds[0])
        return SourceKind(chosen[0], chosen[1], by_entity=not chosen[2], person=chosen[3])
    if label is None and span is not None and span.label_ == "ROLE" and not span.id_ and not owner_kinds:
        # "a representative for Berg", "a spokeswoman for Halvard": a name no pattern types speaks
        # through its role for its own affairs.
        named = next((o for o in owners_of(speaker) if o.pos_ == "PROPN" and not _country(o, kinds)), None)
        if named is not None:
            return SourceKind("group_claim", name_run(named).text, by_entity=True)
        # "a museum spokeswoman": a spokesperson speaks for the body that employs them, never as
        # a third party; a body no pattern types is a party speaking for itself.
        body = next((o for o in owners_of(speaker) if o.pos_ == "NOUN" and not _country(o, kinds)), None)
        if body is not None and speaker.lemma_.lower() in SPEAKS_FOR:
            return SourceKind("group_claim", f"{body.text} {speaker.text}", by_entity=True)
    if label is None and not owner_kinds and (house := _house_of(speaker, kinds)) is not None:
        # "Westpac's David Lording says ...": a person named as an organisation's speaks for it
        # (a party no pattern types), not as a witness.
        return SourceKind("group_claim", f"{house}'s", by_entity=True)
    if label is not None:
        return SourceKind(label, cue, by_entity=span is None, person=span is not None and span.id_ == "person")
    if span is not None and span.label_ == "ROLE" and span.id_ in KIND_LABEL:
        return SourceKind(KIND_LABEL[span.id_], span.text, by_role=True)
    if authorised and not owner_kinds:
        return SourceKind("group_claim", f"official {speaker.text}: its owner's own")  # "according to the official website"
    return None


def _authority_of(expert: Token, kinds: Mapping[int, Span], known: Mapping[str, Label]) -> str | None:
    """The public body a pattern names as an expert's employer ("Met Office" of "Met Office chief scientist"); not the
    field an expert studies ("military historian", "police analyst")."""
    return next((name_run(o).text for o in owners_of(expert) if not _country(o, kinds) and (o.pos_ == "PROPN" or o.lemma_.lower() in EMPLOYERS)
                 and (k := _own_kind(o, kinds, known, False))[0] == "official" and k[2] is not None), None)


def _channel_owner(channel: Token, kinds: Mapping[int, Span], known: Mapping[str, Label]) -> tuple[Label, str] | None:
    """The authority or organisation whose account a channel is, named as its owner ("the ministry's
    Facebook page", "the official Telegram channel of the army", "the company's X account"), or None;
    a person's account stays a post ("the singer's Instagram account")."""
    for owner in (o for o in owners_of(channel) if o.dep_ == "poss" and o.pos_ != "PRON" or o.dep_ == "pobj" and o.head.lower_ == "of"):
        label, _, span = _own_kind(owner, kinds, known, False)
        if label == "official" or label is None and span is not None and span.label_ == "ROLE" and span.id_ == "OFFICIAL":
            return "official", owner.text  # "the ministry's", "the president's"
        if label == "group_claim" and span is not None and span.id_ != "person":
            return "group_claim", owner.text  # "the company's", "the group's"
    return None


def _house_of(speaker: Token, kinds: Mapping[int, Span]) -> str | None:
    """The organisation a possessive gives a named person ("Westpac's David Lording"): neither a person's name nor a place's."""
    if speaker.pos_ != "PROPN":
        return None
    owner = next((c for c in speaker.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or _country(owner, kinds) or entity_of(owner) in ("PERSON", "NORP"):
        return None
    return name_run(owner).text


def _held_in(title: Token, kinds: Mapping[int, Span]) -> str | None:
    """The name of an organisation no pattern types that a title stands after ("Harvard president"): one the recogniser
    calls an organisation (not a place, "US President"; not a person)."""
    from assistant.ingest.titled import office_titles

    start = min([title.i, *(c.i for c in title.children if c.dep_ == "compound" and kinds.get(c.i) is not None and kinds[c.i].label_ == "ROLE")])
    before = title.doc[start - 1] if start > 0 else None  # "ANC Secretary-General Fikile Mbalula": before the whole title
    name = next((o for o in title.children if o.dep_ in ("compound", "poss", "amod") and o.i < start), None) \
        or (before if before is not None and before.head in (title, title.head) and before.dep_ in ("compound", "poss", "amod") else None)
    # The tagger may read a company's name as an adjective or a noun ("Nintendo president"); a
    # capitalised plural the recogniser leaves untyped is a body too ("Raptors President Masai
    # Ujiri": a team's), where an untyped singular is often a word of the title ("Solicitor
    # General", "Competition Commissioner") and a portfolio is typed ("Veterans Affairs Minister").
    if name is None or not name.text[:1].isupper() or name.pos_ not in ("PROPN", "NOUN", "ADJ") or _country(name, kinds) \
            or kinds.get(name.i) is not None or f"{name.lower_} {title.lower_}" in office_titles():
        return None  # "Home Secretary": one title, not a secretary held in "Home"
    kind = _organisation(name)
    if not (kind == "ORG" or kind == "" and name.tag_ in ("NNS", "NNPS")):
        return None  # "Competition Commissioner": a word of the title, no organisation
    return name_run(name).text if name.pos_ == "PROPN" else name.text


def _organisation(tok: Token) -> str:
    """The entity type of a name, also one the tagger read as an adjective or a common noun: from the recogniser run on its sentence."""
    from assistant.ingest.nlp import named_entities

    if tok.pos_ == "PROPN":
        return entity_of(tok)
    if tok.doc.has_annotation("ENT_IOB"):
        return tok.ent_type_
    return next((label for text, label in named_entities(tok.doc.text) if tok.text in text.split()), "")




def _public_body(tok: Token, kinds: Mapping[int, Span]) -> bool:
    """A body described as public: a role noun ("service", "institute") under a state's word ("national", "municipal")."""
    span = kinds.get(tok.i)
    return span is not None and span.label_ == "ROLE" and any(
        kinds.get(c.i) is not None and kinds[c.i].label_ == "OFFICIAL_NAME" for c in tok.children if c.dep_ in ("amod", "compound"))


def _phrase_of(head: Token) -> str:
    """The head noun with the words before it that describe it ("national geophysics institute")."""
    return head.doc[min(c.i for c in [head, *head.children] if c.dep_ in ("amod", "compound") or c is head) : head.i + 1].text


def _national_office(speaker: Token, span: Span | None, kinds: Mapping[int, Span]) -> str | None:
    """A role that is an office when a state holds it (office_titles.txt "!"; a spokesperson), held by a
    place or a nation's adjective alone ("the Palestinian leader"; not "Australia's Labor leader")."""
    from assistant.ingest.titled import demonyms, office_titles

    if span is None or span.label_ != "ROLE" or span.id_ or office_titles().get(speaker.lemma_.lower()) != "!" and speaker.lower_ not in SPEAKS_FOR:
        return None
    owners = owners_of(speaker)  # all of them national: "Australia's Labor leader" is a party's
    if not owners or not all(is_place(o) and kinds.get(o.i) is None or o.dep_ == "amod" and o.lower_ in demonyms() for o in owners):
        return None
    return " ".join(t.text for t in owners[0].subtree if t.dep_ != "case")


def _nation(people: Token) -> bool:
    """ "Israelis", "Filipinos": a nation's people, by its adjective (``sources/demonyms.txt``), not a party's members."""
    from assistant.ingest.titled import demonyms

    return people.lower_ in demonyms() or people.lower_.removesuffix("s") in demonyms()


def _country(owner: Token, kinds: Mapping[int, Span]) -> bool:
    """A place's name standing before a title or team ("Australia captain", "US President")."""
    return (entity_of(owner) == "GPE" or is_place(owner)) and kinds.get(owner.i) is None
