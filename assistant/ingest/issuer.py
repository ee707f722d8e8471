"""Whose own text an article is: a press release, a page an organisation writes about itself, or a
post or thread (its layout, ``sources/post_layout.txt``: then every sentence is social media).

A text is its issuer's own when it says so by its form: a press release's "About <Name>:"
boilerplate, a newswire's name in its dateline ("/PRNewswire/ --"), or narration written in the
first person plural ("we", "our") across the text, outside quotations. Its narration (sentences no
cue attributes) is then the issuer's: a company's or club's claim, a ministry's official word
(DESIGN.md §3: label by who is the source of the sentence's main content). Who the issuer is:
the name of the boilerplate, else the source the text attributes most to itself (the first of
equals), else the first organisation the entity recogniser finds; a text in the first person
that names no one is still its author's when its "we" owns things or speaks to the reader ("our
engineers", "some of you"), not when it only reports ("we found", "we searched").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.ingest.context import INHERITED_CUES, QUOTED_CUE
from assistant.ingest.credits import NOTICE_WORDS, press_release_issuer
from assistant.ingest.outlet import OWN_REPORTING
from assistant.ingest.voice import OPENING_SENTENCES
from assistant.types import Label, LabelledSentence

# A page in its own voice: at least this many sentences, and this share of them, say "we"/"our"
# outside quotations (a priori: a news report rarely does so twice; not tuned on any set).
MIN_OWN_VOICE = 2
OWN_VOICE_SHARE = 0.25
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e(?:['’](?:re|ve|ll))?|[Oo]urs?|us)\b")  # lower-case "us" only: "US" is a country
_OWNING = re.compile(r"\b(?:[Oo]urs?|[Yy]ou(?:rs?)?)\b")
# How an outlet speaks of itself ("told us", "our correspondent", a live blog's "our live coverage", "we'll bring you
# updates", "as we reported"): a newsroom's voice, not an issuer's.
_OUTLET_SELF = re.compile(r"\b(?:told|tells|telling|contacted|emailed|asked) us\b|\bour (?:reporter|correspondent|journalist|newsroom|readers?)s?\b"
                          r"|\bour (?:live )?(?:coverage|blog|updates|reporting)\b|\bwe(?:['’]ll| will) (?:bring|keep) you\b|\bstay with us\b"
                          r"|\bas we (?:reported|revealed)\b", re.IGNORECASE)
AI_SOURCE = "text addressed to an AI system"
UNANCHORED = ("unnamed source", "unnamed poster")  # a pronoun subject with no source before it
_QUOTE_MARKS = "\"“”«»"
# A release that names itself ("This press release contains forward-looking statements ..."), or
# carries a listed company's safe-harbour boilerplate.
_SELF_RELEASE = re.compile(r"\b[Tt]his (?:press |news |media )?release (?:contains|includes|discusses|may contain)\b|\b[Tt]his (?:press|news|media) release\b")
# A release's lede: its issuer acting "today" ("Microsoft Corp. today announced ...", "Today, the
# FDA amended ...", "Chelsea Football Club has today parted company with ..."): a report dates
# what others did; a body dates its own act by the day it publishes it.
_TODAY = re.compile(r"\b[Tt]oday\b")
_BODY_NAME = r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,6})"  # "Chelsea Football Club", "Bank of Ghana"
_HAS_TODAY = re.compile(r"^(?:[^—–]{1,60}[—–]\s*){0,2}" + _BODY_NAME + r"\s+(?:has|have)\s+today\b")
LEDE_SENTENCES = 2  # the lede: the opening sentences after a title line
# A body thanking others in its own name, outside quotations: "Real Madrid would like to thank ...".
_THANKS = re.compile(r"^" + _BODY_NAME + r"\s+(?:would like|wishes|wants) to thank\b")


@dataclass(frozen=True)
class Issuer:
    name: str
    label: Label
    cue: str
    why: str


@lru_cache(maxsize=1)
def newswires() -> re.Pattern[str]:
    lines = (resources.files("assistant.ingest") / "sources" / "newswires.txt").read_text(encoding="utf-8").splitlines()
    names = [re.escape(n.strip()).replace(r"\ ", r"\s+") for n in lines if n.strip() and not n.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(names) + r")\b", re.IGNORECASE)


def _voiced(sentence: LabelledSentence) -> bool:
    """Narration in the first person plural: no quotation in or around it (a statement quoted over
    several sentences says "we" for its speaker)."""
    if sentence.cue == QUOTED_CUE or any(q in sentence.text for q in _QUOTE_MARKS):
        return False
    return bool(_FIRST_PLURAL.search(sentence.text)) and not _OUTLET_SELF.search(sentence.text)


def _speaks_for_itself(labelled: Sequence[LabelledSentence]) -> bool:
    """ "Some of you couldn't log in ... Our engineers rolled the change back": a body's "we" owns
    things ("our") or speaks to its readers ("you"); a reporter's "we found", "we searched" does not."""
    return any(_OWNING.search(s.text) for s in labelled if _voiced(s))


def _own_voice(labelled: Sequence[LabelledSentence]) -> bool:
    voiced = sum(map(_voiced, labelled))
    return voiced >= MIN_OWN_VOICE and voiced >= OWN_VOICE_SHARE * len(labelled)


def _named_issuer(labelled: Sequence[LabelledSentence], voiced_only: bool) -> tuple[str, Label] | None:
    """The source the text credits most ("Savanna Grid Ltd today announced ..."), else the first
    organisation named. A text in the first person names its issuer in its opening sentence or
    beside "we" ("At OceanThread, we believe ..."); a report whose reporter says "we found" names
    only others there."""
    where = {s.idx for s in labelled if s.idx == labelled[0].idx or not voiced_only or _voiced(s)}
    own = [s for s in labelled if s.label in ("group_claim", "official") and s.cue and s.cue not in INHERITED_CUES and s.idx in where]
    if own:
        counts = Counter(s.attributed_to for s in own)
        best = max(own, key=lambda s: (counts[s.attributed_to], -s.idx))
        return best.attributed_to, best.label
    from assistant.ingest.nlp import named_entities
    from assistant.ingest.names import type_name

    for s in (s for s in labelled[:3] if s.idx in where):
        org = next((name for name, kind in named_entities(s.text) if kind in ("ORG", "FAC", "PRODUCT")), None)  # the small recogniser's guesses for a firm
        if org is not None:
            return org, type_name(org)
    if voiced_only and (topic := _opening_subject(labelled[0].text)) is not None:
        return topic, type_name(topic)  # "Tilli is the simple way to ...": a page about itself opens with its name
    return None


def _titled(title: str) -> tuple[str, Label]:
    """A page's own name: an authority's or a party's."""
    from assistant.ingest.names import type_name

    return title, "official" if type_name(title) == "official" else "group_claim"


_TITLE_PARTS = re.compile(r"\s(?:\||—|–)\s|:\s")
MAX_TITLE_NAME_WORDS = 5


def _title_name(first: str) -> str | None:
    """The name a page's title line opens with ("Brightloom Notes | Plans and pricing")."""
    first = first.strip()
    parts = _TITLE_PARTS.split(first, maxsplit=1)
    if first.endswith((".", "!", "?")) or len(parts) < 2:
        return None
    name = parts[0].strip()
    words = name.split()
    if words and words[0].lower() in NOTICE_WORDS:
        return None  # "Official Announcement: Jude Bellingham": what the page is, not whose
    return name if 0 < len(words) <= MAX_TITLE_NAME_WORDS and words[0][:1].isupper() else None


def _opening_subject(text: str) -> str | None:
    """The proper name the opening sentence is about, when it is its subject."""
    from assistant.ingest.nlp import load_parser

    doc = load_parser()(text)
    root = next((t for t in doc if t.head.i == t.i), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or subj.pos_ != "PROPN":
        return None
    return " ".join(t.text for t in subj.subtree if t.pos_ == "PROPN")


def issuer_of(labelled: Sequence[LabelledSentence], own_text: bool = False) -> Issuer | None:
    """The issuer when the text is its own, or None for a report about others. ``own_text``: the
    own-text model (``voice.py``) reads it as a page or notice of the body it is about."""
    texts = [s.text for s in labelled]
    if (release := press_release_issuer(texts)) is not None:
        from assistant.ingest.names import type_name

        name, form = release
        why = f"its 'About {name}' boilerplate" if form == "About" else f"signed off 'Issued by {name}'"
        return Issuer(name, type_name(name), f"{form} {name}", f"a press release by {name} ({why})")
    wire = next((m.group(0) for t in texts[:3] if (m := newswires().search(t))), None) \
        or next((m.group(0) for t in texts if (m := _SELF_RELEASE.search(t))), None)
    if wire is None and (lede := release_lede(labelled)) is not None:
        name, label = lede
        return Issuer(name, label, "own notice", f"a press release or notice by {name} (its lede names it: '{name} ... today' or '{name} would like to thank')")
    voice = wire is None and _own_voice(labelled)
    if wire is None and not voice and not own_text:
        return None
    # A page's title line names it ("Brightloom Notes | Plans and pricing"): before any name inside it.
    title = _title_name(texts[0]) if own_text or voice else None
    named = _titled(title) if title is not None else _named_issuer(labelled, voiced_only=voice)
    if named is None and not (own_text or voice and _speaks_for_itself(labelled)):
        return None
    # A page, or a text an organisation writes in the first person to its readers, that names no one: a party's, by default.
    name, label = named or ("the page's publisher" if own_text else "the text's author", "group_claim")
    if named is None and (host := next((m.group(0) for t in texts if (m := government_hosts().search(t))), None)) is not None:
        # A page that names no one but gives a government's web address is an authority's (a press
        # release pointing readers to sec.gov is still its company's).
        name, label = host, "official"
    if wire is not None:
        return Issuer(name, label, wire, f"a press release by {name} ('{wire}')")
    if voice:
        return Issuer(name, label, "we", f"{name}'s own text (written in the first person, 'we', 'our')")
    return Issuer(name, label, "own page", f"{name}'s own page or notice (read so by its register: the own-text model)")


def release_lede(labelled: Sequence[LabelledSentence]) -> tuple[str, Label] | None:
    """The issuer named in a release's lede: an authority or party that the opening sentences
    (after a title line) attribute to with "today" dating its act, or that "has today" acted,
    with "today" outside quotations;
    or one thanking others in its own name in the text's opening."""
    body = labelled[1:] if labelled and _title_line(labelled[0].text) else labelled
    for s in body[:LEDE_SENTENCES]:
        if any(q in s.text for q in _QUOTE_MARKS) or not _TODAY.search(s.text):
            continue
        if s.label in ("group_claim", "official") and s.cue and s.cue not in INHERITED_CUES and _dated_act(s.text, s.cue):
            return s.attributed_to, s.label
        if (found := _HAS_TODAY.match(s.text.strip())) is not None:
            return _titled(found.group("name"))
    thanks = next((m for s in labelled[:OPENING_SENTENCES] if not any(q in s.text for q in _QUOTE_MARKS) and (m := _THANKS.match(s.text.strip()))), None)
    return _titled(thanks.group("name")) if thanks is not None else None


def _dated_act(text: str, cue: str) -> bool:
    """ "X today announced", "announced today", "Today, X amended": the day dates the act itself.
    A report dates what it tells ("are gearing up for ... today", "welcomed today's verdicts",
    "ease somewhat today, the weather bureau says")."""
    verb = re.escape(cue.split()[0])
    return re.search(rf"\b[Tt]oday\s+{verb}\b|\b{verb}\s+today\b(?!['’])|(?:^|[—–]\s*)Today,", text.strip()) is not None


def _title_line(text: str) -> bool:
    """A page's title: a first line that ends with no sentence's punctuation, or splits a name
    from a topic ("Brightloom Notes | Plans and pricing")."""
    return not text.rstrip().endswith((".", "!", "?", '"', "”")) or _title_name(text) is not None


@lru_cache(maxsize=1)
def government_hosts() -> re.Pattern[str]:
    """Host names only governments publish under (``sources/gov_domains.txt``)."""
    lines = (resources.files("assistant.ingest") / "sources" / "gov_domains.txt").read_text(encoding="utf-8").splitlines()
    endings = "|".join(f"(?:{x.strip()})" for x in lines if x.strip() and not x.startswith("#"))
    return re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:" + endings + r")(?![a-z0-9.-]*[a-z0-9])", re.IGNORECASE)


@lru_cache(maxsize=1)
def post_layout() -> re.Pattern[str]:
    lines = (resources.files("assistant.ingest") / "sources" / "post_layout.txt").read_text(encoding="utf-8").splitlines()
    return re.compile("|".join(f"(?:{x.strip()})" for x in lines if x.strip() and not x.startswith("#")))


POST_REASON = "the text is a post or thread"
ISSUER_REASON = "its narration is the issuer's"
EMBED_REASON = "the text of a post embedded in the article"  # embeds.py


def credited_by_text(sentence: LabelledSentence) -> bool:
    """Was the sentence's label decided by reading the whole text (a post, an issuer's own text, a
    post embedded in it, the dateline's outlet reporting its own work)?"""
    return sentence.reason.startswith((POST_REASON, EMBED_REASON)) or sentence.reason.endswith((ISSUER_REASON, OWN_REPORTING))


def post_marker(labelled: Sequence[LabelledSentence]) -> str | None:
    """The layout that makes a text a post or thread ("Name (@handle) ·", "2/ ", "Top comment:"):
    in its opening sentence, or in two of its sentences."""
    found = [(s.idx, m.group(0).strip()) for s in labelled if (m := post_layout().match(s.text.strip()))]
    opening = bool(found) and found[0][0] == labelled[0].idx
    return found[0][1] if found and (opening or len(found) >= 2) else None


def _credit_post(labelled: list[LabelledSentence], marker: str) -> list[LabelledSentence]:
    """A text that is itself a post or thread: every sentence comes through social media, whoever
    it cites ("2/ Officials say ..." stays the poster's); text in it addressed to an AI system is the
    poster's too, and says so. The post is shown with its poster where the layout names them."""
    out = []
    for s, poster in zip(labelled, posters(s.text for s in labelled)):
        post = f"the post ({poster})" if poster else "the post"
        out.append(s.model_copy(update={"label": "social_media", "attributed_to": post, "cue": marker,
                                        "reason": f"{POST_REASON} (its layout: '{marker}'): it reaches the reader through social media, "
                                                  f"whoever it cites" + (f" ({s.attributed_to})" if s.label != "article" else "")})
                   if s.attributed_to != AI_SOURCE else _planted_by(s, "social_media", post))
    return out


# Who posted, as a post's layout names them: "Khartoum Now (@KhartoumNow) ·", "Posted by u/ktm_rider",
# "@F1Leaks_ on X:". A reply's layout ("Replying to @x", "Top comment:") starts words by someone the
# layout does not name ("@x" there is who is answered).
_POSTER = re.compile(r"\((@\w{1,30})\)\s*[·•]|\bPosted by (u/\w{2,30})|^(@\w{2,30})(?=\s*(?:on \w+\s*)?[:·•])")
_REPLY = re.compile(r"^(?:Replying to @|Top comment|Top reply|Answer\s*\(|Re:\s)")


def posters(texts: Iterable[str]) -> list[str]:
    """The poster of each sentence of a post or thread: the one the last layout line naming a poster
    names, until a reply's layout ("" where none is named)."""
    found, poster = [], ""
    for text in texts:
        text = text.strip()
        if _REPLY.match(text):
            poster = ""
        elif (m := _POSTER.search(text)) is not None:
            poster = next(g for g in m.groups() if g)
        found.append(poster)
    return found


def _planted_by(sentence: LabelledSentence, label: Label, who: str) -> LabelledSentence:
    """Text addressed to an AI system in a post or a party's page is that poster's or party's (never
    an authority's word, whoever the text names)."""
    return sentence.model_copy(update={"label": label, "attributed_to": who,
                                       "reason": f"{sentence.reason}; written by {who}, whose text it is"})


def credit_issuer(labelled: list[LabelledSentence], own_text: bool = False) -> list[LabelledSentence]:
    """Credit the narration of a text that is its issuer's own to that issuer, and a post's
    sentences to the post."""
    if (marker := post_marker(labelled)) is not None:
        return _credit_post(labelled, marker)
    # A post embedded in the text (``embeds.py``) is its poster's, whoever issued the text around it.
    issuer = issuer_of(around, own_text) if (around := [s for s in labelled if not _embedded(s)]) else None
    if issuer is None:
        return labelled
    return [
        s if _embedded(s) else s.model_copy(update={"label": issuer.label, "attributed_to": issuer.name, "cue": issuer.cue,
                             "reason": f"{issuer.why}: {ISSUER_REASON}"})
        if s.label == "article" and s.cue == "" or (issuer.cue == "we" or s.cue == "pronoun subject") and _speaks_as_we(s)
        or s.attributed_to in UNANCHORED  # "you can report it online": a pronoun with no source before it, on the issuer's page
        or _SELF_RELEASE.search(s.text) is not None  # "This release discusses ...": the release speaks of itself
        else _planted_by(s, issuer.label, issuer.name) if s.attributed_to == AI_SOURCE and issuer.label != "official" else s
        for s in labelled
    ]


def _embedded(sentence: LabelledSentence) -> bool:
    return sentence.reason.startswith(EMBED_REASON)


def _speaks_as_we(sentence: LabelledSentence) -> bool:
    """ "At OceanThread, we believe ...", "Our engineers rolled the change back": in a text in its
    issuer's voice, a sentence in that voice whose only source is a pronoun or the sentence
    before is the issuer's."""
    return _voiced(sentence) and (sentence.label == "article" or sentence.cue in ("pronoun subject", *INHERITED_CUES))
