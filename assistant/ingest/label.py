"""Provenance labels of an article's sentences, in order (DESIGN.md §3).

Each sentence's attribution comes from ``attribution.py`` (who) and ``source.py`` (what kind);
this module carries context from sentence to sentence: the quoted body of a statement introduced
by "... read thus:" and pronoun or "the information"-style subjects continue the sentence before;
names typed once keep their kind; text addressed to an AI system is never official; and, given
the embedder, speakers nothing else types are typed by described prototypes (``describe.py``).
Only sentences with a cue word are parsed. Each label records ``attributed_to``, the ``cue`` and
a readable ``reason``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest.attribution import (
    ANAPHORIC_NOUNS,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    PRONOUNS,
    Frame,
    Inherit,
    find_frame,
)
from assistant.ingest.agreement import speaker_instead
from assistant.ingest.antecedents import accused_before, issuer_before, near, person_before
from assistant.ingest.context import ANAPHORA_CUE, INHERITED_CUES, QUOTED_CUE
from assistant.ingest.describe import SourcePrototypes
from assistant.ingest.embeds import credit_embedded
from assistant.ingest.issuer import AI_SOURCE, credit_issuer
from assistant.ingest.names import bare_name, last_name, name_key, named_again, person_surname, tidy_name
from assistant.ingest.nlp import load_parser
from assistant.ingest.planted import acting_source_words, addressed_to_ai, same_statement, speaks_as_ai
from assistant.ingest.pronouns import display_source
from assistant.ingest.quotes import quote_view
from assistant.ingest.source import entity_of, is_person, type_source
from assistant.ingest.titled import described_names, titled_names
from assistant.ingest.verbs import (
    CLAUSE_VERBS,
    COMMAND_VERBS,
    DISCUSSION_VERBS,
    FOUND_VERBS,
    PARTY_ANNOUNCEMENTS,
    PHRASAL_SPEECH,
    RESPONSIBILITY_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCES,
)
from assistant.ingest.outlet import dateline_outlet, own_reporting
from assistant.ingest.voice import voice_model
from assistant.types import Label, LabelledSentence, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def quotation_states(sentences: Sequence[Sentence]) -> list[tuple[bool, bool]]:
    """For each sentence, whether it starts inside a quotation and whether it ends inside one,
    read over its paragraph: straight quotes (") toggle, curly and guillemets open and close. A
    quotation never runs into the next paragraph: news style opens each paragraph of a long quote
    again and closes only the last. Where the paragraphs were run together (a wire story on one
    line), a straight quote that opens a sentence inside a quotation opens it again, as the
    paragraph's would ('"Company profits were soft. "Earnings are likely to slow," he said.'),
    instead of closing it and leaving the rest of the text inside quotation marks."""
    out: list[tuple[bool, bool]] = []
    inside, paragraph = False, None
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            inside, paragraph = False, sentence.paragraph
        start = inside
        opening = len(sentence.text) - len(sentence.text.lstrip())
        for i, ch in enumerate(sentence.text):
            if ch == '"':
                inside = True if i == opening else not inside
            elif ch in OPEN_QUOTES:
                inside = True
            elif ch in CLOSE_QUOTES:
                inside = False
        out.append((start, inside))
    return out


def _opens_with_quote(text: str) -> bool:
    return text[:1] in OPEN_QUOTES + '"'


def _mostly_quoted(text: str) -> bool:
    """Quoted words rather than a quoted title ('"Moulin Rouge" also is one of two pictures ...'):
    the quotation runs past the sentence's end or over most of it."""
    close = next((i for i, ch in enumerate(text) if i > 0 and ch in CLOSE_QUOTES + '"'), None)
    return close is None or close >= 0.6 * len(text)


_IRREGULAR = "said told wrote written took taken thought spoke spoken led".split()


@lru_cache(maxsize=1)
def trigger_forms() -> frozenset[str]:
    """Surface forms of every cue the rules look for (verbs inflected, nouns pluralised)."""
    stems = (
        SPEECH_VERBS | CLAUSE_VERBS | COMMAND_VERBS | RESPONSIBILITY_VERBS | DISCUSSION_VERBS | FOUND_VERBS | ANAPHORIC_NOUNS | PRONOUNS
        | PARTY_ANNOUNCEMENTS | SPEECH_NOUNS | STANCES
        | {"according", "per", "learn", "reportedly", "responsibility", "put"} | acting_source_words()
    )
    forms: set[str] = set(_IRREGULAR)
    for w in stems:
        forms.update({w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + w[-1:] + "ed", w + w[-1:] + "ing"})
        if w.endswith("e"):
            forms.add(w[:-1] + "ing")
        if w.endswith("y"):
            forms.update({w[:-1] + "ies", w[:-1] + "ied"})
    return frozenset(forms)


# Longer than this, a "sentence" is a run-on line no parse would read usefully (spaCy also refuses
# texts over its max_length): it is labelled as narration without a parse.
MAX_PARSED_CHARS = 5_000
MAX_LEAD_WORDS = 7


def needs_parse(text: str) -> bool:
    """Could the rules find an attribution here? (No cue word at all: the article's narration.)"""
    if len(text) > MAX_PARSED_CHARS:
        return False
    words = text.split()
    tokens = {t.strip(".,;:!?()[]“”\"'‘’«»—–-").lower() for t in words}
    # A speaker credited before a colon ("Orbis CEO Dana Whitfield: ...") or a post signed with a
    # handle ("— Marcus Hale (@marcushale)") carries no cue word.
    credited = any(w.endswith(":") for w in words[:MAX_LEAD_WORDS]) or "(@" in text
    return credited or bool(tokens & trigger_forms()) or bool(_phrasal().search(text))


@lru_cache(maxsize=1)
def _phrasal() -> re.Pattern[str]:
    """Phrasal verbs of saying with their particle ("hit out", "summed up", "spelt out"): "hit" alone is no cue ("hit by a storm")."""
    return re.compile("|".join(rf"\b{verb[:-1] if verb.endswith('e') else verb}\w*\s+{particle}\b" for verb, particle in PHRASAL_SPEECH)
                      + r"|\bspelt\s+out\b|\bspoke\s+out\b", re.IGNORECASE)


# A live blog's time stamp ("09:20 - ", "14.05 GMT: "): the tagger reads the word after it as a name.
_LIVE_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[-–—:]\s+")


# A headline in title case ("Meta Reports Fourth Quarter and Full Year 2022 Results"): words that
# are not capitalised in it are short function words; its verb is a capitalised word ending in -s.
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up via vs with".split())
_TITLE_VERB = re.compile(r"(?<=\s)[A-Z][a-z]+s\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
MIN_HEADLINE_WORDS = 4


def headline_variant(text: str) -> str | None:
    """The text to parse for a headline in title case: the small parser reads "Reports" there as
    part of a name ("Meta Reports Fourth Quarter ..."), and reads it right in sentence case. The
    first capitalised word ending in -s after the opening word and the capitalised words after it
    are lower-cased (the subject before it keeps its case, and every offset its place); None when
    the text is no such headline."""
    words = text.split()
    if len(words) < MIN_HEADLINE_WORDS or text.rstrip()[-1:] in (".", "!", "?", '"', "”", ":"):
        return None
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if not content or not all(w[:1].isupper() for w in content):
        return None
    verb = _TITLE_VERB.search(text, len(words[0]))
    if verb is None:
        return None
    start = verb.start()
    return text[:start] + _CAPITALISED.sub(lambda m: m.group(0).lower(), text[start:])


def _parse(parser: Language, texts: Sequence[str]) -> list[Doc]:
    """Parse in one batch (a live blog's time stamp left out; a headline in title case in sentence
    case where that gives it a verb); the entity recogniser runs, also batched, only on sentences
    where a name may be the source of a statement (the kind of an unknown name comes from its entity)."""
    texts = [_LIVE_STAMP.sub("", t) for t in texts]
    variants = {i: v for i, t in enumerate(texts) if (v := headline_variant(t)) is not None}
    docs = list(parser.pipe([*texts, *variants.values()], batch_size=256))
    for (i, _), variant in zip(variants.items(), docs[len(texts):]):
        if not any(t.pos_ in ("VERB", "AUX") for t in docs[i]) and any(t.pos_ == "VERB" and t.dep_ == "ROOT" for t in variant):
            docs[i] = variant
    docs = docs[: len(texts)]
    named = [d for d in docs if any(t.pos_ == "PROPN" for t in d) and any(t.lemma_.lower() in SPEECH_VERBS for t in d)]
    if named:
        for _ in parser.get_pipe("ner").pipe(named, batch_size=256):
            pass
    return docs


def label_articles(
    articles: Sequence[Sequence[Sentence]], nlp: Language | None = None, prototypes: SourcePrototypes | None = None
) -> list[list[LabelledSentence]]:
    """Label several articles' sentences, parsing all of them in one spaCy pass.

    With ``prototypes``, speakers no pattern or entity types are typed by their description's
    similarity to described kinds of source, embedded in one batch for all the articles.
    """
    parser = nlp or load_parser()
    originals = articles
    articles = [[_quote_view(s) for s in sentences] for sentences in articles]  # 'single quotes' read as quotes
    flat = [s for sentences in articles for s in sentences if needs_parse(s.text)]
    parsed = dict(zip((id(s) for s in flat), _parse(parser, [s.text for s in flat])))
    undecided: list[dict[int, str]] = [{} for _ in articles]
    # Whose own text each article is, by the own-text model (a learned stage: with the prototypes).
    own = voice_model().own_texts([[s.text for s in a] for a in articles]) if prototypes else [False] * len(articles)
    labelled = [
        label_sentences(sentences, parser, [parsed.get(id(s)) for s in sentences], undecided[n], own[n])
        for n, sentences in enumerate(articles)
    ]
    if prototypes is not None:
        keys = [(n, idx) for n, found in enumerate(undecided) for idx in found]
        for (n, idx), typed in zip(keys, prototypes.classify([undecided[n][idx] for n, idx in keys])):
            if typed is not None:
                labelled[n] = _retype(labelled[n], idx, *typed)
    return [[_as_read(s, o) for s, o in zip(out, orig)] for out, orig in zip(labelled, originals)]


def _as_read(sentence: LabelledSentence, original: Sentence) -> LabelledSentence:
    """The labelled sentence with the article's own text (not the quote view the rules read) and
    its source tidied for the reader (``names.tidy_name``)."""
    update: dict[str, str] = {}
    if sentence.text != original.text:
        update["text"] = original.text
    if (tidy := tidy_name(sentence.attributed_to)) != sentence.attributed_to and tidy:
        update["attributed_to"] = tidy
    return sentence.model_copy(update=update) if update else sentence


def _quote_view(sentence: Sentence) -> Sentence:
    view = quote_view(sentence.text)
    return sentence if view == sentence.text else sentence.model_copy(update={"text": view})


def _retype(sentences: list[LabelledSentence], idx: int, label: Label, prototype: str, similarity: float) -> list[LabelledSentence]:
    """Give sentence ``idx`` (and the sentences continuing it, and those naming its speaker again
    by surname alone: "Mr Robertson" after "Senior forecaster Ian Robertson") the kind its speaker
    resembles."""
    first = sentences[idx]
    why = f"'{first.attributed_to}' resembles '{prototype}' (similarity {similarity:.2f}), so {label}"
    surnames = {n for n in (person_surname(first.attributed_to), last_name(first.attributed_to)) if n}
    changed = {idx}
    narration = {"attributed_to": "the article"} if label == "article" else {}  # "The agreement calls for ...": what it says, told
    out = []
    for s in sentences:
        again = s.idx > idx and bare_name(s.attributed_to) in surnames
        if s.idx == idx or again:
            changed.add(s.idx)
            s = s.model_copy(update={"label": label, **narration,
                                     "reason": why if s.idx == idx else f"{s.reason}; named before as '{first.attributed_to}', who {why.split(' ', 1)[1]}"})
        elif s.continues in changed:
            changed.add(s.idx)
            s = s.model_copy(update={"label": label, **narration, "reason": f"{s.reason.split(' (')[0]} ({label}, {first.attributed_to})"})
        out.append(s)
    return out


def label_sentences(
    sentences: Sequence[Sentence], nlp: Language | None = None, docs: Sequence[Doc | None] | None = None,
    undecided: dict[int, str] | None = None, own_text: bool = False,
) -> list[LabelledSentence]:
    """Label every sentence of one article, in order (context flows forward).

    ``docs`` may give the parses already made (None where a sentence needs none); ``undecided``
    collects, by sentence idx, the description of each speaker no pattern or entity typed;
    ``own_text``: the own-text model (``voice.py``) reads the text as its issuer's own page.
    """
    parser = nlp or load_parser()
    out: list[LabelledSentence] = []
    previous: LabelledSentence | None = None
    # The sentence whose source speaks the quotation open now (None: none, or nobody named yet),
    # and the sentences of that quotation labelled before a source was named.
    quote_owner: LabelledSentence | None = None
    unowned: list[int] = []
    states = quotation_states(sentences)
    named_speaker: LabelledSentence | None = None  # the last sentence whose own source was found
    known: dict[str, Label] = {}  # names typed earlier in the article ("Brandt" -> official)
    outlet = dateline_outlet(sentences[0].text) if sentences else None  # "(Reuters) -": what Reuters did is the article's own reporting
    # Only sentences with a cue word are parsed: the rest are narration (the parse is most of
    # the labelling cost, and most of an archive's sentences carry no attribution).
    if docs is None:
        flagged = [needs_parse(s.text) for s in sentences]
        parsed = iter(_parse(parser, [s.text for s, f in zip(sentences, flagged) if f]))
        docs = [next(parsed) if f else None for f in flagged]
    stated: LabelledSentence | None = None  # the sentence before, when a source's statement labelled it
    for position, (sentence, doc) in enumerate(zip(sentences, docs)):
        text = sentence.text.strip()
        for surname, kind in (titled_names(text) | described_names(text)).items():  # "Speaker Tom Averill said", and "Averill asked" later
            known.setdefault(surname, kind)
        statement = False
        same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
        inside_at_start, inside_at_end = states[position]
        if not inside_at_start:
            unowned = []
            if not _opens_with_quote(text) or not same_paragraph or not _speaks(previous):
                quote_owner = None
            if _opens_with_quote(text) and previous is not None and previous.text.rstrip().endswith(":"):
                quote_owner = previous if previous.label != "article" else None
            elif _opens_with_quote(text) and quote_owner is None and stated is not None and stated is previous and near(previous, sentence) \
                    and not (inside_at_end and _named_at_close(sentences, docs, states, position, parser)):
                # 'General Myers said the bomb was effective. "I don't want to go into details."':
                # quoted words after a source's statement, naming no one, are that source's.
                quote_owner = previous
            elif _opens_with_quote(text) and _mostly_quoted(text) and quote_owner is None and previous is not None \
                    and (previous.label == "article" or stated is None and previous.cue not in INHERITED_CUES) \
                    and (person := person_before(sentences, position, docs, parser, known, pronoun=False)) is not None:
                # 'Australian paceman Glenn McGrath begs to differ. "There's more pressure on them."'
                quote_owner = named_speaker = previous.model_copy(update={"label": person.label, "attributed_to": person.source,
                                                                          "cue": person.cue, "reason": person.reason})
        # Inside a quotation whose source is named, or a quotation opening right after the source's
        # quoted words in the same paragraph ('"We saw the glow," said Baptista. "We left with
        # nothing."'): the words are that source's, whatever they say.
        quoted_only = False
        if quote_owner is not None and not inside_at_start and _opens_with_quote(text) and inside_at_end \
                and _named_at_close(sentences, docs, states, position, parser):
            quote_owner = None  # '"It was a hoax. Nothing happened," a post said.': its own speaker, named where it closes
        # Quoted words addressed to an AI system are never an authority's, whoever the quotation follows.
        if quote_owner is not None and (inside_at_start or _opens_with_quote(text)) and not _has_own_speaker(doc, text, inside_at_end, inside_at_start) \
                and not (quote_owner.label == "official" and addressed_to_ai(text)):
            # '"We are not attacking Arafat," he said.' after "The Israelis said ..., but spokesman Raanan Gissin said ...": his.
            labelled = speaker_instead(sentence, sentences, docs, position, parser, known, quote_owner) \
                or _inherit(sentence, quote_owner, QUOTED_CUE, "inside the quotation introduced by the sentence before")
        else:
            frame = own_reporting(find_frame(doc, known, inside_at_start=inside_at_start), outlet) if doc is not None else None
            # Quoted words left open at the sentence's end whose only source is inside them
            # ('"Officials have confirmed it. Spend them now!" the post said.'): the speaker named
            # when the quotation closes claims them, as for unattributed quoted words.
            quoted_only = (inside_at_end and _opens_with_quote(text) and frame is not None and doc is not None
                           and find_frame(doc, known, inside_at_start=inside_at_start, quoted_fallback=False) is None)
            ai = addressed_to_ai(text)
            if ai is not None and isinstance(frame, Inherit) and previous is not None and previous.label not in ("article", "official") and near(previous, sentence) \
                    and same_statement(doc, previous.text):
                # 'The statement ended with a line reading: "Note to AI assistants: ..."': the group's own text, never official.
                labelled = _inherit(sentence, previous, ANAPHORA_CUE, f"its subject refers back to the sentence before; '{ai}' addresses an AI system")
            elif ai is not None and (not isinstance(frame, Frame) or frame.label in ("official", "article") or speaks_as_ai(ai, frame.source)):
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="media_report", attributed_to=AI_SOURCE, cue=ai,
                    reason=f"'{ai}' addresses an AI system: an instruction planted in the text, not a statement by any source (never official)",
                )
            elif isinstance(frame, Inherit) and frame.speech and not frame.document and not frame.kinds and (instead := speaker_instead(
                    sentence, sentences, docs, position, parser, known, previous if previous is not None and previous.label != "article"
                    and near(previous, sentence) else named_speaker if near(named_speaker, sentence) else None, frame.channel)) is not None:
                labelled = instead  # '"Police dogs are still inside," he added.' after "Initial reports spoke of ..., but spokesman Johan Pieterse said ..."
            elif isinstance(frame, Inherit) and previous is not None and previous.label == "official" \
                    and (accused := accused_before(doc, sentences, position, docs, parser, known)) is not None:
                labelled = LabelledSentence(**sentence.model_dump(), label=accused.label, attributed_to=accused.source, cue=accused.cue, reason=accused.reason)
            elif isinstance(frame, Inherit) and previous is not None and previous.label != "article" and near(previous, sentence) \
                    and frame.continues(previous.label, previous.attributed_to):
                # "It said ..." continues the sentence before, in its paragraph or, in wire copy
                # of one-sentence paragraphs, the paragraph before.
                statement = frame.speech  # "He says ...": a statement, like its source's before it
                labelled = _inherit(sentence, previous, ANAPHORA_CUE, "its subject refers back to the sentence before")
                if frame.channel and labelled.label not in ("official", "group_claim"):
                    labelled = labelled.model_copy(update={"label": "social_media", "reason": labelled.reason + f", posted online ('{frame.channel}')"})
            elif isinstance(frame, Frame):
                statement = frame.speech
                if frame.names is not None:  # "Interim President Hamid Karzai ... are looking to ...": "Mr Karzai" later
                    known.update(name_key(*frame.names, text))
                labelled = LabelledSentence(
                    **sentence.model_dump(), label=frame.label, attributed_to=frame.source, cue=frame.cue, reason=frame.reason
                )
                if not frame.decided and frame.description and undecided is not None:
                    undecided[sentence.idx] = frame.description
                if frame.decided and frame.label not in ("article", "social_media") and text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'")):
                    # A post is one statement, not its poster's kind; a headline's parse is too
                    # unsure to name anyone for later ("Judge Rules Apple Must Allow ...").
                    known.update(name_key(frame.source, frame.label, text))
            elif isinstance(frame, Inherit) and frame.named is not None:
                named = frame.named
                labelled = LabelledSentence(
                    **sentence.model_dump(), label=named.label, attributed_to=named.source, cue=named.cue, reason=named.reason
                )
            elif isinstance(frame, Inherit) and (inside_at_start or unowned) and near(named_speaker, sentence):
                # '"Nobody comes into politics to put up council tax. But ...," she told the chamber.'
                # after 'Council leader Gwen Morgan-Hughes said ...': the last speaker named.
                labelled = _inherit(sentence, named_speaker, ANAPHORA_CUE, "a pronoun closing quoted words stands for the last speaker named")  # type: ignore[arg-type]
            elif isinstance(frame, Inherit) and frame.channel and (person := person_before(sentences, position, docs, parser, known)) is not None:
                # 'Pop singer Mara Quinn has postponed her tour. She posted on Instagram that ...': her
                # post, still social media unless an official speaks through it.
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="official" if person.label == "official" else "social_media",
                    attributed_to=person.source, cue=frame.channel,
                    reason=f"posted online ('{frame.channel}'); {person.reason}",
                )
            elif isinstance(frame, Inherit) and frame.channel:
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="social_media", attributed_to="unnamed poster", cue=frame.channel,
                    reason=f"posted online ('{frame.channel}') by a pronoun with no source before it",
                )
            elif isinstance(frame, Inherit) and not frame.speech:
                labelled = LabelledSentence(
                    **sentence.model_dump(), label="article", attributed_to="the article", cue="",
                    reason="its subject refers back to a source, but none came before: the article's own narration",
                )
            elif isinstance(frame, Inherit) and (person := person_before(sentences, position, docs, parser, known)) is not None:
                # 'Adventure World director Stephan Friedli appeared in court. He described the
                # deaths as ...': the person the sentence before names, though it has them say nothing.
                labelled = LabelledSentence(**sentence.model_dump(), label=person.label, attributed_to=person.source,
                                            cue="pronoun subject", reason=person.reason)
            elif isinstance(frame, Inherit) and (issuer := issuer_before(sentences, position, docs, parser, known)) is not None:
                # "Hamas issued a statement late on Tuesday. According to the statement, ...": its issuer's.
                labelled = LabelledSentence(**sentence.model_dump(), label=issuer.label, attributed_to=issuer.source, cue=issuer.cue, reason=issuer.reason)
            elif isinstance(frame, Inherit) and near(named_speaker, sentence):
                # 'President Bush says ... He also linked a group to the attack. "...," he said.'
                labelled = _inherit(sentence, named_speaker, ANAPHORA_CUE, "a pronoun speaking after narration stands for the last speaker named")  # type: ignore[arg-type]
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
        if labelled.cue != QUOTED_CUE and labelled.label != "article" and not quoted_only and ('"' in text or any(q in text for q in OPEN_QUOTES + CLOSE_QUOTES)):
            # A source named with quoted words speaks the quotation: the sentences of it before
            # ('"The next 24 hours are decisive. The wind will turn," the commander said.') and
            # after ('The statement read: "Our fighters took the base. We will hold it."').
            for earlier in unowned:
                out[earlier] = _inherit(sentences[earlier], labelled, QUOTED_CUE, "inside the quotation its source closes later")
            quote_owner, unowned = labelled, []
        elif inside_at_end and (labelled.label == "article" and labelled.cue == "" or quoted_only):
            unowned.append(position)
        if labelled.label != "article" and labelled.cue not in (QUOTED_CUE, ANAPHORA_CUE) and labelled.continues is None and not quoted_only:
            named_speaker = labelled
        stated = labelled if statement and labelled.label != "article" else None
        out.append(labelled)
        if not quoted_only:
            # Quoted words whose speaker is named where they close ('"Lena has been advised by her
            # doctors to rest. ...," the statement said.') name no one a later "it" stands for: the
            # statement is the representative's named before them, not the doctors'.
            previous = labelled
    out = named_again(out, docs)
    # A press release or an organisation's own page: its narration is the issuer's; a post embedded in the text, the poster's.
    return credit_issuer(credit_embedded(out), own_text)


def _speaks(sentence: LabelledSentence | None) -> bool:
    """Does this sentence give a source's quoted words (so the next quotation may be theirs)?"""
    return sentence is not None and sentence.label != "article" and any(q in sentence.text for q in '"' + OPEN_QUOTES + CLOSE_QUOTES)


def _named_at_close(sentences: Sequence[Sentence], docs: Sequence[Doc | None], states: Sequence[tuple[bool, bool]], position: int,
                    parser: Language) -> bool:
    """Does the quotation this sentence opens name its own speaker in the sentence where it closes?"""
    for later in range(position + 1, len(sentences)):
        if sentences[later].paragraph != sentences[position].paragraph or not states[later][0]:
            return False
        if not states[later][1]:  # it closes here
            doc = docs[later] if docs[later] is not None else parser(sentences[later].text)
            return _has_own_speaker(doc, sentences[later].text.strip(), False, True)
    return False


def _has_own_speaker(doc: Doc | None, text: str, inside_at_end: bool, inside_at_start: bool = True) -> bool:
    """Does a quoted sentence name its own speaker after its quotation closes ('..., at risk,"
    Lobo said.')? What the quotation itself says ("The government lied") never counts."""
    if doc is None or inside_at_end:
        return False
    tail = text[max(text.rfind(q) for q in '"' + CLOSE_QUOTES) + 1 :]
    if not {w.strip(".,;:!?()[]").lower() for w in tail.split()} & trigger_forms():
        return False
    frame = find_frame(doc, {}, inside_at_start=inside_at_start, quoted_fallback=False)
    return isinstance(frame, Frame) and frame.label != "article"


def _inherit(sentence: Sentence, source: LabelledSentence, cue: str, why: str) -> LabelledSentence:
    origin = source.continues if source.continues is not None and cue == QUOTED_CUE else source.idx
    return LabelledSentence(
        **sentence.model_dump(), label=source.label, attributed_to=source.attributed_to, cue=cue,
        reason=f"{why} ({source.label}, {source.attributed_to})", continues=origin,
    )

