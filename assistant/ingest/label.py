"""Provenance labels: who says each sentence (DESIGN.md §3).

Generic rules over attribution cues and the spaCy dependency parse, not over this article:

1. find the attribution *frame* nearest the root of the parse: "according to X", the
   subject (or ``by``-agent) of a speech or claim verb, or an authority acting;
2. classify the source phrase by cue words (authorities, groups, media, social media);
3. carry context: the quoted body of a statement introduced by "... read thus:", and pronoun
   or "the information"-style subjects, continue the label of the sentence before.

Each label records the source (``attributed_to``), the ``cue`` and a readable ``reason``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.context import ANAPHORA_CUE, QUOTED_CUE
from assistant.ingest.nlp import load_parser
from assistant.types import Label, LabelledSentence, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

SPEECH_VERBS = frozenset(
    "say tell state declare announce report claim deny confirm suggest speculate allege insist call describe "
    "warn accuse attribute point add note write post publish release read reveal explain acknowledge admit "
    "blame condemn urge vow threaten promise argue believe assert brand label dismiss reject discuss rumour "
    "rumor circulate tweet broadcast quote estimate predict conclude stress emphasise emphasize maintain "
    "contend theorize theorise speculate voice express characterise characterize respond react comment "
    "view regard consider name identify".split()
)
COMMAND_VERBS = frozenset("order instruct decree command direct authorize authorise mandate".split())
RESPONSIBILITY_VERBS = frozenset("take claim assume accept admit".split())
ONLINE_PLACES = frozenset("internet online web social network networks media twitter facebook telegram forum".split())
DISCUSSION_VERBS = frozenset("discuss circulate spread suggest speculate debate share rumour rumor theorize".split())

SOCIAL_CUES = frozenset("internet online blogger blog netizen forum rumour rumor hashtag viral user".split())
# Platforms are social-media cues as places or qualifiers ("users on Telegram", "Facebook posts"),
# not as subjects on their own ("Facebook announced" is the company speaking).
PLATFORMS = frozenset("twitter facebook telegram instagram tiktok youtube vkontakte reddit whatsapp weibo".split())
GROUP_CUES = frozenset(
    "group militant insurgent rebel separatist jihadist liberation faction militia brigade underground "
    "guerrilla guerilla extremist cell movement union campaign party company operator organiser organizer "
    "protester activist striker opposition insurgency".split()
)
OFFICIAL_CUES = frozenset(
    "authority government ministry minister official police policeman military army spokesman spokeswoman "
    "spokesperson president premier governor mayor kremlin parliament court prosecutor prosecution "
    "law-enforcement enforcement department administration commander general embassy council committee "
    "security service agency regime cabinet state akimat defense defence interior officer troops forces "
    "sheriff senator lawmaker legislature judge ambassador diplomat commission".split()
)
MEDIA_CUES = frozenset(
    "report reporter journalist correspondent newspaper news media outlet tv television channel radio witness "
    "eyewitness message source press magazine website portal agency rt reuters ap afp bbc cnn tass interfax "
    "ria bloomberg correspondent footage".split()
)
DATA_CUES = frozenset("data statistic statistics census figure estimate survey poll".split())
# Nouns that, as a definite subject ("The information was ..."), refer back to the last source.
ANAPHORIC_NOUNS = frozenset("information message report statement claim version post news account theory".split())
PRONOUNS = frozenset("they it he she we this these those".split())


@dataclass(frozen=True)
class Frame:
    """Who a sentence is attributed to, and why we think so."""

    label: Label
    source: str
    cue: str
    reason: str
    speech: bool = True  # False: an action, not a statement
    decided: bool = True  # False: a default (a speaker no cue word classifies)


def _phrase(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    text = doc[toks[0].i : toks[-1].i + 1].text
    return text.strip(" ,;:–—-")


def _lemmas(tokens: Iterable[Token]) -> set[str]:
    out: set[str] = set()
    for tok in tokens:
        lemma = tok.lemma_.lower()
        out.add(lemma)
        out.add(tok.lower_)
    return out


def classify_source(tokens: Sequence[Token]) -> tuple[Label, str] | None:
    """The category of a source phrase and the cue word that decided it, or None."""
    words = _lemmas(tokens)
    lower = [t.lower_ for t in tokens]
    bigrams = set(zip(lower, lower[1:]))
    if ("social", "media") in bigrams or ("social", "network") in bigrams or ("social", "networks") in bigrams:
        return "social_media", "social media"
    if hit := sorted(words & SOCIAL_CUES):
        return "social_media", hit[0]
    if (hit := sorted(words & PLATFORMS)) and len([t for t in tokens if t.is_alpha]) > 1:
        return "social_media", hit[0]
    if any(t.lemma_.lower() == "post" and t.pos_ == "NOUN" for t in tokens):  # "posts claim ...", not the Post
        return "social_media", "post"
    if hit := sorted(words & GROUP_CUES):
        return "group_claim", hit[0]
    if "news" in words or ("state", "media") in bigrams:
        return "media_report", "news" if "news" in words else "state media"
    if hit := sorted((words - {"unofficial"}) & OFFICIAL_CUES):
        return "official", hit[0]
    if hit := sorted(words & MEDIA_CUES):
        return "media_report", hit[0]
    if hit := sorted(words & DATA_CUES):
        return "article", hit[0]
    return None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of a verb and whether the verb is passive."""
    subj = _children(verb, "nsubj", "csubj")
    if subj:
        return subj[0], False
    passive = _children(verb, "nsubjpass", "csubjpass")
    if passive:
        return passive[0], True
    if _children(verb, "expl"):  # "there appeared messages ..."
        objs = _children(verb, "dobj", "attr")
        if objs:
            return objs[0], False
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):  # "messages reporting ..."
        return verb.head, False
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):  # "posts go further and claim ..."
        return _subject(verb.head)
    return None, False


def _agent(verb: Token) -> Token | None:
    for agent in _children(verb, "agent"):
        objs = _children(agent, "pobj")
        if objs:
            return objs[0]
    return None


def _subject_span(subj: Token) -> list[Token]:
    """The subject's whole subtree: what decides its category."""
    return list(subj.subtree)


def _display_source(subj: Token) -> str:
    """A short name for the source: a statement's author, without appositions or relative clauses."""
    if subj.lemma_.lower() in ANAPHORIC_NOUNS:
        for acl in _children(subj, "acl"):
            agent = _agent(acl)
            if agent is not None:
                return _display_source(agent)
    drop: set[int] = set()
    for child in subj.children:
        if child.dep_ in ("appos", "relcl", "acl") or (child.dep_ == "punct" and child.text in "–—-,("):
            drop.update(t.i for t in child.subtree)
    kept = [t for t in subj.subtree if t.i not in drop]
    return _phrase(kept)


def _head_span(subj: Token) -> list[Token]:
    """The subject's head noun with its compounds and adjectives ("law-enforcement agencies")."""
    toks = [subj] + [c for c in subj.children if c.dep_ in ("compound", "amod", "nmod", "poss", "appos")]
    for c in list(toks[1:]):
        toks.extend(g for g in c.children if g.dep_ in ("compound", "amod", "punct", "prep", "pobj", "det"))
    for appos in _children(subj, "appos"):
        toks.extend(appos.subtree)
    return toks


def _according_to(verb: Token) -> Frame | str | None:
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in _children(to, "pobj"):
                        if obj.pos_ == "PRON":
                            return "inherit"
                        span = list(obj.subtree)
                        found = classify_source(span)
                        label, cue = found if found else ("media_report", "")
                        reason = (
                            f"'according to {_phrase(span)}': source classified as {label}"
                            + (f" (cue word '{cue}')" if cue else " (a source of unclear status)")
                        )
                        return Frame(label, _phrase(span), "according to", reason)
    return None


def _online_location(verb: Token) -> bool:
    if any(c.lower_ in ONLINE_PLACES for c in _children(verb, "advmod")):  # "discussed online"
        return True
    for prep in _children(verb, "prep"):
        if prep.lower_ in ("on", "in", "across", "via", "through"):
            for obj in _children(prep, "pobj"):
                if {t.lower_ for t in obj.subtree} & ONLINE_PLACES:
                    return True
    return False


def _frame_at(verb: Token) -> Frame | str | None:
    """The frame a verb establishes; 'inherit' when its subject points back to context."""
    if found := _according_to(verb):
        return found
    lemma = verb.lemma_.lower()
    subj, passive = _subject(verb)
    if lemma in RESPONSIBILITY_VERBS and any(c.lemma_.lower() == "responsibility" for c in _children(verb, "dobj")):
        source = _phrase(_head_span(subj)) if subj is not None and subj.pos_ != "PRON" else ""
        return Frame("group_claim", source, f"{verb.text} responsibility", "a claim of responsibility")
    if lemma in SPEECH_VERBS:
        speaker = _agent(verb) if passive else subj
        if speaker is not None:
            if speaker.pos_ == "PRON" or speaker.lower_ in PRONOUNS:
                return "inherit"
            span = _subject_span(speaker)
            category = classify_source(span)
            if category:
                label, cue = category
                return Frame(label, _display_source(speaker), verb.text, f"'{_phrase(span)}' ({cue}) is the source of '{verb.text}'")
            if speaker.lemma_.lower() in ANAPHORIC_NOUNS and any(d.lower_ in ("the", "this", "that", "these", "such") for d in _children(speaker, "det")):
                return "inherit"
            if lemma in COMMAND_VERBS and speaker.pos_ == "PROPN":
                return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' issues an order")
            if speaker.pos_ in ("PROPN", "NOUN"):
                return Frame(
                    "media_report", _display_source(speaker), verb.text,
                    f"'{_phrase(span)}' is the source of '{verb.text}' but is not an authority, group or online source",
                    decided=False,
                )
        if lemma in DISCUSSION_VERBS and _online_location(verb):
            return Frame("social_media", "online discussion", verb.text, f"'{verb.text}' on the internet or social media")
        if passive and speaker is None and verb.dep_ == "ROOT":
            return Frame("media_report", "unattributed", verb.text, f"unattributed '{verb.text}' (passive, no source)")
    if lemma in COMMAND_VERBS and subj is not None and subj.pos_ == "PROPN":
        span = _head_span(subj)
        return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' issues an order", speech=False)
    if subj is not None and not passive:
        head = _head_span(subj)
        category = classify_source(head)
        # Authorities acting, reports or posts appearing; a group's or company's deeds are narration.
        if category and category[0] not in ("article", "group_claim"):
            label, cue = category
            return Frame(label, _phrase(head), verb.text, f"'{_phrase(head)}' ({cue}) acts: '{verb.text}'", speech=False)
        if subj.lemma_.lower() in ANAPHORIC_NOUNS and any(d.lower_ in ("the", "this", "that") for d in _children(subj, "det")):
            return "inherit"
    if lemma in DISCUSSION_VERBS and _online_location(verb):
        return Frame("social_media", "online discussion", verb.text, f"'{verb.text}' on the internet or social media")
    return None


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
            if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
                order.append(tok)
            nxt.extend(tok.children)
        frontier = nxt
    return order


def find_frame(doc: Doc, max_depth_verbs: int = 4) -> Frame | str | None:
    """The attribution frame of a parsed sentence (None: the article's own narration)."""
    for verb in _verbs_by_depth(doc)[:max_depth_verbs]:
        frame = _frame_at(verb)
        if frame is not None:
            return frame
    return None


def question_sides(doc: Doc) -> set[Label]:
    """The provenance sides a question asks about, from its own attribution frames."""
    sides: set[Label] = set()
    for verb in _verbs_by_depth(doc):
        frame = _frame_at(verb)
        if isinstance(frame, Frame) and frame.speech and frame.decided and frame.label != "article" and frame.source != "unattributed":
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


_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"


def _quote_balance(text: str) -> int:
    return sum(text.count(q) for q in _OPEN_QUOTES) - sum(text.count(q) for q in _CLOSE_QUOTES)


_IRREGULAR = "said told wrote written took taken thought spoke spoken led".split()


@lru_cache(maxsize=1)
def trigger_forms() -> frozenset[str]:
    """Surface forms of every cue the rules look for (verbs inflected, nouns pluralised)."""
    stems = (
        SPEECH_VERBS | COMMAND_VERBS | RESPONSIBILITY_VERBS | DISCUSSION_VERBS | SOCIAL_CUES | GROUP_CUES
        | OFFICIAL_CUES | MEDIA_CUES | DATA_CUES | PLATFORMS | ONLINE_PLACES | ANAPHORIC_NOUNS | PRONOUNS
        | {"according", "responsibility", "social", "post"}
    )
    forms: set[str] = set(_IRREGULAR)
    for w in stems:
        forms.update({w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + w[-1:] + "ed", w + w[-1:] + "ing"})
        if w.endswith("e"):
            forms.add(w[:-1] + "ing")
        if w.endswith("y"):
            forms.update({w[:-1] + "ies", w[:-1] + "ied"})
    return frozenset(forms)


def needs_parse(text: str) -> bool:
    """Could the rules find an attribution here? (No cue word at all: the article's narration.)"""
    tokens = {t.strip(".,;:!?()[]“”\"'‘’«»—–-").lower() for t in text.split()}
    return bool(tokens & trigger_forms())


def label_articles(articles: Sequence[Sequence[Sentence]], nlp: Language | None = None) -> list[list[LabelledSentence]]:
    """Label several articles' sentences, parsing all of them in one spaCy pass."""
    parser = nlp or load_parser()
    flat = [s for sentences in articles for s in sentences if needs_parse(s.text)]
    parsed = dict(zip((id(s) for s in flat), parser.pipe((s.text for s in flat), batch_size=256)))
    return [label_sentences(sentences, parser, [parsed.get(id(s)) for s in sentences]) for sentences in articles]


def label_sentences(
    sentences: Sequence[Sentence], nlp: Language | None = None, docs: Sequence[Doc | None] | None = None
) -> list[LabelledSentence]:
    """Label every sentence of one article, in order (context flows forward).

    ``docs`` may give the parses already made (None where a sentence needs none).
    """
    parser = nlp or load_parser()
    out: list[LabelledSentence] = []
    previous: LabelledSentence | None = None
    quote_owner: LabelledSentence | None = None  # the sentence that introduced an open quotation
    open_quotes = 0
    # Only sentences with a cue word are parsed: the rest are narration (the parse is most of
    # the labelling cost, and most of an archive's sentences carry no attribution).
    if docs is None:
        flagged = [needs_parse(s.text) for s in sentences]
        parsed = iter(parser.pipe(s.text for s, f in zip(sentences, flagged) if f))
        docs = [next(parsed) if f else None for f in flagged]
    for sentence, doc in zip(sentences, docs):
        text = sentence.text.strip()
        same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
        starts_quote = text[:1] in _OPEN_QUOTES + '"'
        if open_quotes <= 0 and starts_quote and previous is not None and previous.text.rstrip().endswith(":"):
            quote_owner, open_quotes = previous, 0
        if quote_owner is not None and (open_quotes > 0 or starts_quote) and quote_owner.label != "article":
            labelled = _inherit(sentence, quote_owner, QUOTED_CUE, "inside the quotation introduced by the sentence before")
            open_quotes += _quote_balance(text)
            if open_quotes <= 0:
                quote_owner, open_quotes = None, 0
        else:
            quote_owner, open_quotes = None, 0
            frame = find_frame(doc) if doc is not None else None
            if frame == "inherit" and previous is not None and previous.label != "article" and same_paragraph:
                labelled = _inherit(sentence, previous, ANAPHORA_CUE, "its subject refers back to the sentence before")
            elif isinstance(frame, Frame):
                labelled = LabelledSentence(
                    **sentence.model_dump(), label=frame.label, attributed_to=frame.source, cue=frame.cue, reason=frame.reason
                )
            elif frame == "inherit":
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="media_report", attributed_to="unnamed source", cue="pronoun subject",
                    reason="attributed to a pronoun with no source before it",
                )
            else:
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="article", attributed_to="the article", cue="",
                    reason="no attribution cue: the article's own narration",
                )
        out.append(labelled)
        previous = labelled
    return out


def _inherit(sentence: Sentence, source: LabelledSentence, cue: str, why: str) -> LabelledSentence:
    origin = source.continues if source.continues is not None and cue == QUOTED_CUE else source.idx
    return LabelledSentence(
        **sentence.model_dump(), label=source.label, attributed_to=source.attributed_to, cue=cue,
        reason=f"{why} ({source.label}, {source.attributed_to})", continues=origin,
    )
