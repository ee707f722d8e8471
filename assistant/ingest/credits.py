"""Sources credited by how a sentence is laid out rather than by a verb, as news text does:
a credit line ("ESPN sources: ...", "Orbis CEO Dana Whitfield: ..."), a quotation signed after a
dash ('"..." - Anna Lind, chief executive') or with a handle ("— Marcus Hale (@marcushale)"), and
"The message read: ..." or "..., a viral post claims." when the tagger took the verb for a noun; and a whole text credited to
its issuer by a press release's "About <Name>:" boilerplate (``issuer.py`` decides whose own text an article is)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from assistant.ingest.frames import ANAPHORIC_NOUNS, Frame, Inherit, classify_source, phrase
from assistant.ingest.patterns import source_kinds
from assistant.ingest.source import is_place, type_source
from assistant.types import Label

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


INTRODUCING_FORMS = frozenset("read reads said says stated states wrote writes added adds".split())


def introduction(doc: Doc, known: Mapping[str, Label]) -> Frame | Inherit | None:
    """ "The message read: ..." when the tagger took the verb for a noun (so no parse frame found
    it): the words before "<verb>:" introduce what follows."""
    colon = next((t for t in doc if t.text == ":"), None)
    if colon is None or colon.i < 2:
        return None
    verb = doc[colon.i - 1]
    nouns = [t for t in doc[: verb.i] if t.pos_ in ("NOUN", "PROPN")]
    if verb.pos_ in ("VERB", "AUX") or verb.lower_ not in INTRODUCING_FORMS or not nouns:
        return None
    # The phrase's own head comes before its first preposition ("One widely shared post on X read:"
    # is a post's, not X's); its owner after it decides only a role ("The statement from the ministry read:").
    first = next((t for t in reversed(nouns) if not any(w.pos_ == "ADP" for w in doc[: t.i])), nouns[-1])
    kind = type_source(first, known)
    head = first if kind is not None and not kind.by_role else nouns[-1]
    kind = kind if head is first else type_source(head, known)
    definite = doc[0].lower_ in ("the", "this", "that", "these", "such") and head.lemma_.lower() in ANAPHORIC_NOUNS
    if definite and (kind is None or kind.by_role or kind.label == "media_report"):
        return Inherit()  # "The message read: ...": the source before (the parse left "The" elsewhere)
    if kind is None:
        return None
    who = phrase(doc[: verb.i])
    return Frame(kind.label, who, verb.text, f"'{who}' ({kind.cue}) introduces a quotation ('{verb.text}:')")


TRAILING_FORMS = frozenset("says said claims claimed reports reported alleges alleged suggests suggested writes wrote "
                           "tweets tweeted posts posted adds added states stated insists insisted argues argued".split())


def trailing_credit(doc: Doc, known: Mapping[str, Label]) -> Frame | None:
    """ "Police have confirmed the attack was staged, a viral post claims.": a source named after the
    last comma, with its reporting verb at the end, speaks the whole sentence, though the tagger took
    the verb for a noun (a verb it reads is the attribution's, ``subject.trailing_speaker``)."""
    from assistant.ingest.subject import MAX_TRAILING_WORDS  # subject.py reads this module's dashes

    end = len(doc) - 1 if len(doc) and doc[-1].is_punct else len(doc)
    comma = next((t for t in reversed(doc[:end]) if t.text == ","), None)
    if comma is not None and comma.i + 2 < end and doc[comma.i + 1].lower_ in TRAILING_FORMS and end - comma.i - 2 <= MAX_TRAILING_WORDS \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[comma.i + 1].children):
        form = doc[comma.i + 1]  # "..., claims a Facebook group.": the parser took the speaker for an object
        words = doc[comma.i + 2 : next((t.i for t in doc[comma.i + 2 : end] if t.pos_ == "ADP"), end)]  # not "after the match"
    else:
        form = next((t for t in doc[comma.i + 1 : end] if t.lower_ in TRAILING_FORMS), None) if comma is not None else None
        if comma is None or form is None or form.pos_ in ("VERB", "AUX") or not 0 < form.i - comma.i - 1 <= MAX_TRAILING_WORDS:
            return None
        words = doc[comma.i + 1 : form.i]
    if any(t.pos_ in ("VERB", "AUX", "PUNCT") or t.pos_ == "PRON" and t.dep_ != "poss" for t in words) \
            or any(t.pos_ in ("VERB", "AUX") for t in doc[form.i + 1 : end]):
        return None
    found = classify_source(list(words), known)
    if found is None:
        return None
    who = phrase(words)
    return Frame(found[0], who, form.text, f"'{who}' ({found[1]}) speaks the sentence: '{form.text}' after it")


DASHES = frozenset(["—", "–", "-", "--"])
QUOTE_ENDS = frozenset(['"', "”", "’", "'"])
MAX_SIGNATURE_WORDS = 12
# An embedded post's signature, as the platforms' embed code writes it (``embeds.py``).
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
# X/Twitter's "— Name (@handle) March 3, 2024", opening its line or closing the post's last sentence.
X_SIGNATURE = re.compile(r"(?:^\s*|\s)[—–-]{1,2}\s*(?P<name>[^()—–\n]{0,60}?)\s*\((?P<handle>@\w{1,30})\)(?:\s+" + _DATE + r")?\s*$")
# Instagram's "A post shared by Name (@handle) on Jun 3, 2024 at 10:12am PDT".
INSTAGRAM_SIGNATURE = re.compile(r"^\s*A (?:post|photo|video|reel) shared by (?P<name>[^()@\n]{0,60}?)\s*\(?(?P<handle>@\w{1,30})\)? on " + _DATE)
# Facebook's "Posted by Ministry of Health Kenya on Tuesday, March 3, 2020".
FACEBOOK_SIGNATURE = re.compile(r"^\s*Posted by (?P<name>[^\n]{1,60}?) on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, " + _DATE)
EMBED_SIGNATURES = (X_SIGNATURE, INSTAGRAM_SIGNATURE, FACEBOOK_SIGNATURE)
SIGNED_REASON = "an embedded post"


def signature(doc: Doc, known: Mapping[str, Label]) -> Frame | None:
    """A statement signed after a dash, as pull quotes and embedded posts are: '"We are working to
    deliver surprises." - Doug Bowser, President' is Bowser's; '... — Adrian Wojnarowski
    (@wojespn) June 20, 2020' is an embedded post (a handle signs it), as are Instagram's "A post
    shared by Name (@handle)" and Facebook's "Posted by Name on Tuesday, March 3, 2020" (TikTok's
    one-paragraph embed: ``embeds.py``)."""
    for layout in EMBED_SIGNATURES:
        if (found := layout.search(doc.text)) is not None:
            name = doc.char_span(*found.span("name"), alignment_mode="expand") if found.group("name").strip() else None
            return _signed_post(list(name or []), found.groupdict().get("handle") or "", known)
    for dash in reversed([t for t in doc if t.text in DASHES]):
        rest = doc[dash.i + 1 :]
        handle = next((t for t in rest if t.text.startswith("@") and len(t.text) > 1), None)
        if handle is not None and dash.i > 0:  # "..., - Jane Doe (@janedoe), a resident": signed with a handle
            return _signed_post([t for t in rest if t.i < handle.i and t.text != "("], handle.text, known)
        if dash.i == 0 or doc[dash.i - 1].text not in QUOTE_ENDS or not 0 < len(rest) <= MAX_SIGNATURE_WORDS:
            continue
        if not any(t.pos_ == "PROPN" for t in rest):
            continue
        who = phrase(rest)
        found = classify_source(list(rest), known)
        if found is not None:
            return Frame(found[0], who, dash.text, f"the quotation is signed '{who}' ({found[1]})")
        return Frame("group_claim", who, dash.text, f"the quotation is signed '{who}', a name with no office or outlet",
                     decided=False)
    return None


def _signed_post(name: Sequence[Token], handle: str, known: Mapping[str, Label]) -> Frame:
    """An embedded post, signed with its poster's name and handle: social media, unless the name
    is an authority's (DESIGN.md §3: an official speaking on social media is still official)."""
    who = phrase(name) or handle
    signed = f"{who} ({handle})" if name and handle else who
    found = classify_source(list(name), known) if name else None
    if found is not None and found[0] == "official":
        return Frame("official", signed, handle or "posted by", f"signed '{signed}' ({found[1]}): {SIGNED_REASON}, an authority's")
    return Frame("social_media", signed, handle or "posted by", f"signed '{signed}'" + (f" with the handle '{handle}'" if handle else "")
                 + f": {SIGNED_REASON}")


CREDIT_KINDS: dict[str, Label] = {"MEDIA": "media_report", "SOCIAL": "social_media"}
MAX_CREDIT_WORDS = 4


# Headings whose kind is known: a fact-check's layout (the claim it examines is one circulating,
# DESIGN.md §3: viral claims are social media; its verdict is the article's own) and the
# publication's own notes ("Editor's note: ...", "Correction: ...").
HEADINGS: dict[str, tuple[Label, str]] = {
    **{h: ("social_media", "heads the claim a fact-check examines, a claim circulating") for h in ("claim", "the claim", "viral claim")},
    **{h: ("article", "heads the fact-check's own verdict") for h in ("fact check", "fact-check", "verdict", "rating", "our ruling", "our verdict")},
    **{h: ("article", "heads the publication's own note") for h in ("editor's note", "editor’s note", "editors' note", "editors’ note",
                                                                    "correction", "clarification")},
}


def credit_line(doc: Doc, known: Mapping[str, Label]) -> Frame | None:
    """A sentence led by its source and a colon, as wires and live blogs credit them ("ESPN
    sources: ...", "Source: ...", "Reddit users: ..."): the source is an outlet or a post."""
    colon = next((t for t in doc[: MAX_CREDIT_WORDS + 1] if t.text == ":"), None)
    if colon is None or colon.i == 0 or colon.i + 1 >= len(doc) or any(t.pos_ == "ADP" for t in doc[: colon.i]):
        return None  # "Notes to editors: ..." is addressed to someone, not credited
    lead = doc[: colon.i]
    if lead[0].text in DASHES or lead[0].text in ("•", "*", "·") or any(t.text in ("(", "[") for t in lead) \
            or any(t.pos_ == "VERB" and t.tag_ in FINITE and t.i not in source_kinds(doc) for t in lead):  # not "PS5 Pro rumours:"
        return None  # "- Cause: ...": a list item's heading; "The Normans (Norman: ...": a gloss; "Cohen told reporters:": a clause
    if (heading := HEADINGS.get(lead.text.lower())) is not None:
        label, why = heading
        return Frame(label, "the article" if label == "article" else "the claim checked", ":", f"'{lead.text}:' {why}")
    for span in sorted(set(source_kinds(doc).values()), key=lambda s: s.start):  # not "x" of "X-ray results:"
        if span.label_ == "OFFICIAL" and span.start == 0 and span.end == colon.i:
            # "Police: Man, 34, arrested after ...", "Interior Ministry: ...": a headline credited to an authority.
            return Frame("official", lead.text, ":", f"'{lead.text}:' credits the sentence to an authority")
        if span.end <= colon.i and span.label_ in CREDIT_KINDS:
            label = CREDIT_KINDS[span.label_]
            return Frame(label, lead.text, ":", f"'{lead.text}:' credits the sentence to its source ({span.text}), so {label}")
    dateline = lead.text.isupper() or any(is_place(t) or t.ent_type_ == "GPE" for t in lead)
    notice = lead[0].lower_ in NOTICE_WORDS  # "Official Announcement: Jude Bellingham" says what the page is, not who speaks
    # A surname alone is a speaker only when the text named them before and quoted words follow, as
    # a transcript goes ('Alito: “Is that your answer?”'); "Update: ...", "Note: ..." head notes.
    named = len(lead) >= 2 or lead[0].lower_ in known and doc[colon.i + 1].is_quote
    if named and lead[-1].pos_ == "PROPN" and lead[-1].text[:1].isupper() and not dateline and not notice and _introduces_words(doc, colon):
        # 'Vanguard CEO Tim Buckley: "There are so many brilliant people ..."': a named speaker
        # (a dateline, "NEW DELHI: ...", names a place and is left alone).
        found = classify_source(list(lead), known)
        if found is not None:
            return Frame(found[0], lead.text, ":", f"'{lead.text}:' introduces what follows ({found[1]})")
        return Frame("group_claim", lead.text, ":", f"'{lead.text}:', a name with no office or outlet, introduces what follows",
                     decided=False)
    return None


FINITE = frozenset("VBD VBZ VBP MD".split())  # verbs that make a clause: "Start time, teams, betting odds" has none


def _introduces_words(doc: Doc, colon: Token) -> bool:
    """A speaker's name and colon introduce words, not a list: a plural heading ("Heisman Trophy
    Winners: ...", "65th Annual Grammy Awards: full list of winners") or names alone after the colon
    ("Best Actress: Ines Varga, 'Paper Moons.'") or a list of things ("Super Bowl LVII: Start time,
    teams, betting odds and halftime show") is a list's title, no one speaking; so is a work's
    title before its credit ("Silent Hill: Directed by Christophe Gans.")."""
    rest, quoted = [], False
    after = doc[colon.i + 1 :]
    for t in after:
        quoted ^= t.is_quote
        if not (t.is_punct or quoted):  # a work's title in quotation marks is a name however it is tagged
            rest.append(t)
    credit = len(after) > 1 and after[0].tag_ == "VBN" and after[1].lower_ == "by"
    listed = sum(t.text == "," or t.dep_ == "cc" for t in after) >= 2 and not any(t.tag_ in FINITE or t.pos_ == "ADP" for t in after)
    names = bool(rest) and all(t.pos_ in ("PROPN", "NUM") for t in rest)
    return not (credit or listed or names) and doc[colon.i - 1].tag_ != "NNPS"



# Words a notice's title opens with to say what it is ("Official Announcement:", "Statement:").
NOTICE_WORDS = frozenset("official statement announcement update notice press news breaking".split())
_ABOUT = re.compile(r"^About ((?:[A-Z0-9][\w&.'’-]*\s?){1,6})(?::|$)")


MAX_SIGN_OFF_WORDS = 16
_ISSUED_BY = re.compile(r"(?:Issued|Released|Published) by (?:the )?([A-Z][^.]*?)\.?$")


def press_release_issuer(sentences: Sequence[str]) -> tuple[str, str] | None:
    """The issuer of a press release, from its boilerplate ("About Polar Mobility: Polar Mobility
    is a Swedish ..."): a sentence opening "About <Name>:", or "About <Name>" alone on its line,
    in the second half of the text ("About half of Argentines ..." names no one); or a notice's
    sign-off ("Issued by the Public Relations Unit, ..."). With the form that named it."""
    for sentence in sentences[len(sentences) // 2 :]:
        found = _ABOUT.match(sentence.strip())
        if found and (sentence.strip().endswith(found.group(1).strip()) or ":" in found.group(0)):
            return found.group(1).strip(), "About"
        # A notice's sign-off line: "Issued by the Public Relations Unit, Ministry of Fisheries".
        if (issued := _ISSUED_BY.match(sentence.strip())) is not None and len(sentence.split()) <= MAX_SIGN_OFF_WORDS:
            return issued.group(1).strip(), "Issued by"
    return None
