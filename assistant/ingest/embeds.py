"""Posts embedded in an article: the text of a post the page shows as the platform lays it out,
with its poster's signature after it: X/Twitter's "— Metro Transit (@MetroTransitMN) January 17,
2024", Instagram's "A post shared by Name (@handle) on date", Facebook's "Posted by Name on
Tuesday, March 3, 2020" (the layouts: ``credits.EMBED_SIGNATURES``); TikTok's embed is one
paragraph, its caption opened by the poster's handle and closed by its sound ("@handle caption ♬
original sound"), all of it the poster's.

``credits.signature`` labels the signature by who signs it (a post, or an authority's post). The
text it signs is the post's too, whatever it says ("Officials confirmed ..." stays the poster's
word): the sentences before the signature on its line, or, when the signature opens its line,
the paragraph just before it (every line from Instagram's "View this post on Instagram" header,
where the embed has one, not past another post). Not signed: more text than a post runs (the
embed showed a picture, or its text was lost), a quotation signed with a handle ('"..." — Jane Doe
(@janedoe)'), and, in an authority's post, a theory it cites (still social media) or text
addressed to an AI (never official). The post is an inset: "He said ..." after it goes on from the
narration before it, or, where that names no source, is its poster speaking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ingest.attribution import OPEN_QUOTES
from assistant.ingest.credits import EMBED_SIGNATURES, SIGNED_REASON
from assistant.ingest.issuer import AI_SOURCE, EMBED_REASON
from assistant.ingest.nlp import HANDLE
from assistant.types import LabelledSentence

# A post's text as an embed shows it: a tweet holds 280 characters, and the signature's link to a
# picture ("pic.twitter.com/...") more; a paragraph longer than this is narration, not a post.
MAX_POST_CHARS = 600


def is_signature(sentence: LabelledSentence) -> bool:
    """Is the sentence an embedded post's signature, as ``credits.signature`` read it?"""
    return SIGNED_REASON in sentence.reason and any(layout.search(sentence.text) for layout in EMBED_SIGNATURES)


def _signed_text(labelled: Sequence[LabelledSentence], position: int) -> list[int]:
    """The positions of the sentences the signature at ``position`` signs (none where the text
    before it is longer than a post)."""
    signature = labelled[position]
    if signature.text.lstrip()[:1] in OPEN_QUOTES + '"':  # the text as the rules read it: 'single' quotes made double
        return []  # '"They are hiding the truth" — Jane Doe (@janedoe)': a quotation signed, not a post's text
    signed = [p for p in range(position) if labelled[p].paragraph == signature.paragraph]
    limit = MAX_POST_CHARS
    if not signed and position > 0:
        floor = next((p + 1 for p in range(position - 1, -1, -1) if is_signature(labelled[p])), 0)  # not past another post
        before = range(max(floor, position - MAX_CAPTION_SENTENCES), position)
        header = next((p for p in reversed(before) if _HEADER.match(labelled[p].text)), None)
        if header is not None:
            signed, limit = list(range(header, position)), MAX_CAPTION_CHARS
        else:
            signed = [p for p in range(position) if labelled[p].paragraph == labelled[position - 1].paragraph]
    if not signed or labelled[signed[-1]].end - labelled[signed[0]].start > limit:
        return []
    return [p for p in signed if not is_signature(labelled[p])]


# Instagram's embed opens with a header line above the caption, which may run several lines (up
# to the platform's 2,200 characters).
_HEADER = re.compile(r"^\s*View (?:this|the) (?:post|photo|video|reel) on Instagram\s*$", re.IGNORECASE)
MAX_CAPTION_CHARS = 2200
MAX_CAPTION_SENTENCES = 30
# "He said ..." after an embedded post: a person, not the post ("It was shared ..." is the post).
_PERSONAL = re.compile(r"^\W*(?:He|She|They)\b")


# TikTok's embed is one paragraph: "@handle caption #tags ♬ original sound - Name".
_TIKTOK = re.compile(r"^\s*(" + HANDLE + r")\b")
TIKTOK_SOUND = "♬"


def _tiktok_posts(labelled: list[LabelledSentence]) -> list[LabelledSentence]:
    """Every sentence of a TikTok embed's caption, from the handle opening its paragraph to its
    sound credit, is the poster's (a caption of several sentences: "... Officials confirmed it. ♬")."""
    out = list(labelled)
    for position, sentence in enumerate(labelled):
        if TIKTOK_SOUND not in sentence.text:
            continue
        first = next(p for p in range(position + 1) if labelled[p].paragraph == sentence.paragraph)
        if (handle := _TIKTOK.match(labelled[first].text)) is not None:
            for p in range(first, position + 1):
                out[p] = labelled[p].model_copy(update={
                    "label": "social_media", "attributed_to": handle.group(1), "cue": TIKTOK_SOUND,
                    "reason": f"{EMBED_REASON}: a TikTok post by '{handle.group(1)}' (its caption runs to its sound credit, '{TIKTOK_SOUND}')"})
    return out


def credit_embedded(labelled: list[LabelledSentence]) -> list[LabelledSentence]:
    """Credit the text of each post embedded in the article to its poster, as its signature is
    labelled; text in it addressed to an AI system is never an authority's."""
    labelled = _tiktok_posts(labelled)
    out = list(labelled)
    for position, signature in enumerate(labelled):
        if not is_signature(signature):
            continue
        body = _signed_text(labelled, position)
        for p in body:
            s = labelled[p]
            if signature.label == "official" and s.label == "social_media":
                continue  # an authority's post citing what "social media users claim": the claim stays theirs
            ai = s.attributed_to == AI_SOURCE
            label = "social_media" if ai and signature.label == "official" else signature.label
            out[p] = s.model_copy(update={
                "label": label, "attributed_to": signature.attributed_to, "cue": signature.cue, "continues": signature.idx,
                "reason": f"{EMBED_REASON}, signed below it '{signature.attributed_to}' ({signature.label})"
                          + ("; text addressed to an AI system, never an authority's" if ai else ""),
            })
        out[position] = signature.model_copy(update={"reason": f"{EMBED_REASON}, its signature: {signature.reason}"})
        inset = {signature.idx, *(labelled[p].idx for p in body)}
        before = out[body[0] - 1] if body and body[0] > 0 else out[position - 1] if not body and position > 0 else None
        for q in range(position + 1, len(out)):
            if out[q].continues not in inset or not _PERSONAL.match(out[q].text):
                break
            out[q] = _after_inset(out[q], before, signature)
            inset.add(out[q].idx)
    return out


def _after_inset(sentence: LabelledSentence, before: LabelledSentence | None, signature: LabelledSentence) -> LabelledSentence:
    """A pronoun speaking after an embedded post: the source of the narration before the post, or
    its poster speaking off the post."""
    from assistant.ingest.names import type_name

    if before is not None and before.label != "article":
        return sentence.model_copy(update={"label": before.label, "attributed_to": before.attributed_to, "continues": before.idx,
                                           "reason": f"its subject refers back to the source before the post embedded above it ({before.label}, {before.attributed_to})"})
    poster = re.sub(r"\s*\(@\w+\)$", "", signature.attributed_to)
    label = "official" if signature.label == "official" else type_name(poster)
    return sentence.model_copy(update={"label": label, "attributed_to": poster, "continues": signature.idx,
                                       "reason": f"its subject is the poster of the post embedded above it, '{poster}' ({label}), speaking off the post"})
