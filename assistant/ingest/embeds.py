"""Posts embedded in an article: the text of a post the page shows as the platform lays it out,
with its poster's signature after it ("— Metro Transit (@MetroTransitMN) January 17, 2024", as
X/Twitter's embed code writes it).

``credits.signature`` labels the signature line by who signs it (a post, or an authority's post).
Instagram's "A post shared by Name (@handle)" signs the same way. The text it signs is the post's too, whatever it says ("Officials confirmed ..." stays the
poster's word): the sentences before the signature on its line, or, when the signature opens its
line, the paragraph just before it. A paragraph longer than a post runs is the article's own (the
embed showed a picture, or its text was lost): nothing is credited then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ingest.issuer import AI_SOURCE, EMBED_REASON
from assistant.types import LabelledSentence

# A post's text as an embed shows it: a tweet holds 280 characters, and the signature's link to a
# picture ("pic.twitter.com/...") more; a paragraph longer than this is narration, not a post.
MAX_POST_CHARS = 600


# An embed's signature line, as the platforms' embed code writes it: X/Twitter's "— Name (@handle)
# date", Instagram's "A post shared by Name (@handle) on date".
_SIGNATURE = re.compile(r"^\s*(?:[—–-]{1,2}\s*[^()]{0,60}\(@\w{1,30}\)|A (?:post|photo|video|reel) shared by\b[^()]{0,60}\(?@\w{1,30})")


def is_signature(sentence: LabelledSentence) -> bool:
    """Is the sentence an embedded post's signature line, labelled by who signs it?"""
    return sentence.label in ("social_media", "official") and _SIGNATURE.match(sentence.text) is not None


def _signed_text(labelled: Sequence[LabelledSentence], position: int) -> list[int]:
    """The positions of the sentences the signature at ``position`` signs (none where the text
    before it is longer than a post)."""
    signature = labelled[position]
    same_line = [p for p in range(position) if labelled[p].paragraph == signature.paragraph]
    if not same_line:
        before = [p for p in range(position) if labelled[p].paragraph < signature.paragraph]
        paragraph = labelled[before[-1]].paragraph if before else None
        same_line = [p for p in before if labelled[p].paragraph == paragraph]
    if not same_line or labelled[same_line[-1]].end - labelled[same_line[0]].start > MAX_POST_CHARS:
        return []
    return [p for p in same_line if not is_signature(labelled[p])]


def credit_embedded(labelled: list[LabelledSentence]) -> list[LabelledSentence]:
    """Credit the text of each post embedded in the article to its poster, as its signature is
    labelled; text in it addressed to an AI system is never an authority's."""
    out = list(labelled)
    for position, signature in enumerate(labelled):
        if not is_signature(signature):
            continue
        for p in _signed_text(labelled, position):
            s = labelled[p]
            ai = s.attributed_to == AI_SOURCE
            label = "social_media" if ai and signature.label == "official" else signature.label
            out[p] = s.model_copy(update={
                "label": label, "attributed_to": signature.attributed_to, "cue": signature.cue, "continues": signature.idx,
                "reason": f"{EMBED_REASON}, signed below it '{signature.attributed_to}' ({signature.label})"
                          + ("; text addressed to an AI system, never an authority's" if ai else ""),
            })
    return out

