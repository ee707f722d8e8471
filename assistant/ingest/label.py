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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.context import ANAPHORA_CUE, QUOTED_CUE
from assistant.ingest.nlp import load_parser
from assistant.ingest.source import SPANS_KEY, acting_source_words, addressed_to_ai, is_person, statement_channel, type_source
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
    "view regard consider name identify joke quip mock praise criticise criticize slam question ask demand reply "
    "thank complain tout hail welcome".split()
)
# Passive without an agent, these still report ("It is reported that ...", "He is believed to ...").
REPORTING_VERBS = frozenset("say report claim allege rumour rumor believe estimate suggest speculate tell understand fear".split())
COMMAND_VERBS = frozenset("order instruct decree command direct authorize authorise mandate".split())
RESPONSIBILITY_VERBS = frozenset("take claim assume accept admit".split())
DISCUSSION_VERBS = frozenset("discuss circulate spread suggest speculate debate share rumour rumor theorize".split())

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


@dataclass(frozen=True)
class Inherit:
    """The sentence's source is the one before it ("They said ..."), posted online when ``channel``."""

    channel: str | None = None


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


def classify_source(tokens: Sequence[Token], known: Mapping[str, Label] | None = None) -> tuple[Label, str] | None:
    """The kind of a source phrase (its head word typed by ``source.py``) and the words that decided it."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    kind = type_source(heads[0], known) if heads else None
    return (kind.label, kind.cue) if kind else None


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


def _according_to(verb: Token, known: Mapping[str, Label]) -> Frame | Inherit | None:
    for child in verb.children:
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in _children(to, "pobj"):
                        if obj.pos_ == "PRON":
                            return Inherit()
                        span = list(obj.subtree)
                        kind = type_source(obj, known)
                        found = (kind.label, kind.cue) if kind else None
                        label, cue = found if found else ("media_report", "")
                        reason = (
                            f"'according to {_phrase(span)}': source classified as {label}"
                            + (f" (cue word '{cue}')" if cue else " (a source of unclear status)")
                        )
                        return Frame(label, _phrase(span), "according to", reason)
    return None


def _frame_at(verb: Token, known: Mapping[str, Label]) -> Frame | Inherit | None:
    """The frame a verb establishes; :class:`Inherit` when its subject points back to context."""
    if found := _according_to(verb, known):
        return found
    lemma = verb.lemma_.lower()
    subj, passive = _subject(verb)
    if lemma in RESPONSIBILITY_VERBS and any(c.lemma_.lower() == "responsibility" for c in _children(verb, "dobj")):
        source = _phrase(_head_span(subj)) if subj is not None and subj.pos_ != "PRON" else ""
        return Frame("group_claim", source, f"{verb.text} responsibility", "a claim of responsibility")
    if lemma in SPEECH_VERBS:
        speaker = _agent(verb) if passive else subj
        if speaker is not None:
            channel = statement_channel(verb)
            if speaker.pos_ == "PRON" or speaker.lower_ in PRONOUNS:
                return Inherit(channel)
            span = _subject_span(speaker)
            if any(c.dep_ == "neg" for c in verb.children) or any(d.lower_ in ("neither", "no") for d in _children(speaker, "det")):
                # "Nintendo has not confirmed ...", "Neither team has announced ..."
                return Frame("article", "the article", f"not {verb.text}", f"'{_phrase(span)}' made no statement ('not {verb.text}')")
            kind = type_source(speaker, known)
            if kind:
                label, cue = kind.label, kind.cue
                if lemma == "report" and kind.by_entity and label == "group_claim":
                    label = "media_report"  # an organisation no pattern knows that *reports* is an outlet
                reason = f"'{_phrase(span)}' ({cue}) is the source of '{verb.text}'"
                # A post is social media unless an authority or an organisation speaks through it.
                if channel and (label not in ("official", "group_claim") or label == "group_claim" and is_person(speaker)):
                    label, reason = "social_media", reason + f", posted online ('{channel}')"
                return Frame(label, _display_source(speaker), verb.text, reason)
            if channel:
                return Frame("social_media", _display_source(speaker), verb.text, f"'{_phrase(span)}' posted online ('{channel}')")
            if speaker.lemma_.lower() in ANAPHORIC_NOUNS and any(d.lower_ in ("the", "this", "that", "these", "such") for d in _children(speaker, "det")):
                return Inherit()
            if lemma in COMMAND_VERBS and speaker.pos_ == "PROPN":
                return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' issues an order")
            if speaker.pos_ == "PROPN" and is_person(speaker):
                # A named person with no role given speaks for their own affairs (DESIGN.md §3);
                # witnesses and experts are introduced as such and typed above.
                return Frame(
                    "group_claim", _display_source(speaker), verb.text,
                    f"'{_phrase(span)}', a named person with no office, outlet or online channel, speaks for themselves",
                    decided=False,
                )
            if speaker.pos_ in ("PROPN", "NOUN"):
                return Frame(
                    "media_report", _display_source(speaker), verb.text,
                    f"'{_phrase(span)}' is the source of '{verb.text}' but is not an authority, group or online source",
                    decided=False,
                )
        if lemma in DISCUSSION_VERBS and statement_channel(verb):
            return Frame("social_media", "online discussion", verb.text, f"'{verb.text}' on the internet or social media")
        if passive and speaker is None and verb.dep_ == "ROOT" and lemma in REPORTING_VERBS:
            return Frame("media_report", "unattributed", verb.text, f"unattributed '{verb.text}' (passive, no source)")
    if lemma in COMMAND_VERBS and subj is not None and subj.pos_ == "PROPN":
        span = _head_span(subj)
        return Frame("official", _phrase(span), verb.text, f"'{_phrase(span)}' issues an order", speech=False)
    if subj is not None and not passive:
        head = _head_span(subj)
        kind = type_source(subj, known, entities=False)
        category = (kind.label, kind.cue) if kind else None
        # Authorities acting, reports or posts appearing; a group's or company's deeds are narration.
        if category and category[0] not in ("article", "group_claim"):
            label, cue = category
            return Frame(label, _phrase(head), verb.text, f"'{_phrase(head)}' ({cue}) acts: '{verb.text}'", speech=False)
        if subj.lemma_.lower() in ANAPHORIC_NOUNS and any(d.lower_ in ("the", "this", "that") for d in _children(subj, "det")):
            return Inherit()
    if lemma in DISCUSSION_VERBS and statement_channel(verb):
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


def find_frame(doc: Doc, known: Mapping[str, Label] | None = None, max_depth_verbs: int = 4) -> Frame | Inherit | None:
    """The attribution frame of a parsed sentence (None: the article's own narration).

    ``known`` maps names typed earlier in the article to their kind. Claims inside claims: a
    quotation's own attributions ("... read: 'Officials confirmed ...'") count only when nothing
    outside it attributes the sentence, and a post or video introducing it keeps the label.
    """
    quoted = _quoted(doc)
    verbs = _verbs_by_depth(doc)[:max_depth_verbs]
    for verb in (v for v in verbs if v.i not in quoted):
        frame = _frame_at(verb, known or {})
        if frame is not None:
            return frame
    if quoted:
        outside = [t for t in doc if t.i not in quoted]
        post = next((s for s in doc.spans.get(SPANS_KEY, []) if s.label_ == "SOCIAL" and s.start not in quoted), None)
        if post is not None and outside:
            return Frame("social_media", post.text, post.text, f"a quotation introduced by '{post.text}': it keeps the label of who posted it")
    for verb in (v for v in verbs if v.i in quoted):
        frame = _frame_at(verb, known or {})
        if frame is not None:
            return frame
    return None


def _quoted(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks."""
    inside: set[int] = set()
    depth = 0
    for tok in doc:
        text = tok.text
        if text in _OPEN_QUOTES or (text == '"' and depth == 0):
            depth += 1
        elif text in _CLOSE_QUOTES or (text == '"' and depth > 0):
            depth = max(0, depth - 1)
        elif depth > 0:
            inside.add(tok.i)
    return inside


def question_sides(doc: Doc) -> set[Label]:
    """The provenance sides a question asks about, from its own attribution frames."""
    sides: set[Label] = set()
    for verb in _verbs_by_depth(doc):
        frame = _frame_at(verb, {})
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
        SPEECH_VERBS | COMMAND_VERBS | RESPONSIBILITY_VERBS | DISCUSSION_VERBS | ANAPHORIC_NOUNS | PRONOUNS
        | {"according", "responsibility"} | acting_source_words()
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


def _parse(parser: Language, texts: Sequence[str]) -> list[Doc]:
    """Parse in one batch; the entity recogniser runs, also batched, only on sentences where a
    name may be the source of a statement (the kind of an unknown name comes from its entity)."""
    docs = list(parser.pipe(texts, batch_size=256))
    named = [d for d in docs if any(t.pos_ == "PROPN" for t in d) and any(t.lemma_.lower() in SPEECH_VERBS for t in d)]
    if named:
        for _ in parser.get_pipe("ner").pipe(named, batch_size=256):
            pass
    return docs


def label_articles(articles: Sequence[Sequence[Sentence]], nlp: Language | None = None) -> list[list[LabelledSentence]]:
    """Label several articles' sentences, parsing all of them in one spaCy pass."""
    parser = nlp or load_parser()
    flat = [s for sentences in articles for s in sentences if needs_parse(s.text)]
    parsed = dict(zip((id(s) for s in flat), _parse(parser, [s.text for s in flat])))
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
    known: dict[str, Label] = {}  # names typed earlier in the article ("Brandt" -> official)
    # Only sentences with a cue word are parsed: the rest are narration (the parse is most of
    # the labelling cost, and most of an archive's sentences carry no attribution).
    if docs is None:
        flagged = [needs_parse(s.text) for s in sentences]
        parsed = iter(_parse(parser, [s.text for s, f in zip(sentences, flagged) if f]))
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
            frame = find_frame(doc, known) if doc is not None else None
            ai = addressed_to_ai(text)
            if ai is not None and (not isinstance(frame, Frame) or frame.label in ("official", "article")):
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="media_report", attributed_to="text addressed to an AI system", cue=ai,
                    reason=f"'{ai}' addresses an AI system: an instruction planted in the text, not a statement by any source (never official)",
                )
            elif isinstance(frame, Inherit) and previous is not None and previous.label != "article" and same_paragraph:
                labelled = _inherit(sentence, previous, ANAPHORA_CUE, "its subject refers back to the sentence before")
                if frame.channel and labelled.label not in ("official", "group_claim"):
                    labelled = labelled.model_copy(update={"label": "social_media", "reason": labelled.reason + f", posted online ('{frame.channel}')"})
            elif isinstance(frame, Frame):
                labelled = LabelledSentence(
                    **sentence.model_dump(), label=frame.label, attributed_to=frame.source, cue=frame.cue, reason=frame.reason
                )
                if frame.decided and frame.label != "article":
                    known.update({w.lower(): frame.label for w in frame.source.split()[1:] + frame.source.split()[:1] if w[:1].isupper()})
            elif isinstance(frame, Inherit) and frame.channel:
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="social_media", attributed_to="unnamed poster", cue=frame.channel,
                    reason=f"posted online ('{frame.channel}') by a pronoun with no source before it",
                )
            elif isinstance(frame, Inherit):
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
