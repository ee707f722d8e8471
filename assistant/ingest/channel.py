"""The channel of a statement: posted online ("tweeted", "in a TikTok video", "on Instagram",
"under the hashtag #..."), or an organisation's own channel ("on its official blog"), where it
speaks as itself rather than as a poster (DESIGN.md §3: a post is social media unless an
authority or an organisation speaks through it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.ingest.patterns import source_kinds
from assistant.ingest.source_words import OWN_MEDIA

if TYPE_CHECKING:
    from spacy.tokens import Token

# What a statement is posted as: with a platform in it, the statement is a post.
_POSTED_THINGS = frozenset("video clip photo picture selfie story reel message comment thread livestream".split())
_CHANNEL_VERBS = frozenset("tweet retweet livestream vlog blog".split())
_CHANNEL_PREPS = frozenset("on in via to across through onto".split())
# Verbs whose "on" names what is talked about: "declined to comment on rumours", "would not elaborate on the post".
_TOPIC_VERBS = frozenset("comment elaborate remark reflect speculate weigh".split())
_TOPICS = frozenset("rumour rumor speculation post tweet retweet meme theory claim hashtag video report".split())


def statement_channel(verb: Token) -> str | None:
    """Words that say a statement was posted online ("tweeted", "on Instagram"), or None."""
    kinds = source_kinds(verb.doc)
    if verb.lemma_.lower() in _CHANNEL_VERBS:
        return verb.text
    if any(c.dep_ == "advmod" and c.lower_ == "online" for c in verb.children):
        return "online"
    candidates = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _CHANNEL_PREPS
                  and not (c.lower_ == "on" and verb.lemma_.lower() in _TOPIC_VERBS and any(o.lemma_.lower() in _TOPICS for o in c.children))]
    # "Videos posted by residents on social media": the parser hangs the channel on the poster.
    candidates += [p for a in verb.children if a.dep_ == "agent" for o in a.children for p in o.children if p.dep_ == "prep" and p.lower_ in _CHANNEL_PREPS]
    for obj in [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _POSTED_THINGS]:
        candidates.extend(c for c in obj.children if c.dep_ == "prep" and c.lower_ in _CHANNEL_PREPS)
        if any(kinds.get(t.i) is not None and kinds[t.i].label_ == "SOCIAL" for t in obj.subtree):
            return obj.text
    for prep in candidates:
        for tok in prep.subtree:
            span = kinds.get(tok.i)
            if span is not None and span.label_ == "SOCIAL":
                return f"{prep.text} {span.text}"
    for part in (c for c in verb.children if c.dep_ in ("prep", "dobj")):
        tag = next((t for t in part.subtree if t.text.startswith("#")), None)  # "#" is often a token of its own
        if tag is not None and (len(tag.text) > 1 or tag.i + 1 < len(tag.doc) and tag.doc[tag.i + 1].text[:1].isalnum()):
            return "#" + tag.text.lstrip("#") + (tag.doc[tag.i + 1].text if tag.text == "#" else "")  # "under the hashtag #GraciasElena"
    for obj in [c for c in verb.children if c.dep_ == "dobj"] + [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "against") for o in p.children if o.dep_ == "pobj"]:
        # "announced the birth of their daughter on Instagram", "lashed out at the ministry on Instagram": the parser hangs
        # the platform on the object; a platform's name there still says where it was announced.
        for prep in (t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in _CHANNEL_PREPS):
            for tok in (c for c in prep.children if c.dep_ == "pobj"):
                span = kinds.get(tok.i)
                if span is not None and span.label_ == "SOCIAL" and span.id_ == "platform":
                    return f"{prep.text} {span.text}"
    return None


def own_channel(verb: Token, organisation: bool = False) -> bool:
    """ "said in a post on its official blog", "on the club's official account": an organisation's
    own channel, where it speaks as itself, not as a poster; with ``organisation`` (the speaker is
    no person), any blog or website ("PulseFit said in a blog post")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _CHANNEL_PREPS):
        for tok in prep.subtree:
            if any(c.dep_ == "poss" and c.lower_ in ("its", "their") or c.dep_ == "amod" and c.lower_ == "official" for c in tok.children):
                return True
            if organisation and tok.lemma_.lower() in OWN_MEDIA:
                return True
    return False
