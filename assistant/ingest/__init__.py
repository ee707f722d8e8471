"""Ingest: articles in, labelled and embedded sentences out.

load (files -> Article) -> segment (Sentence) -> label (LabelledSentence, with nlp and context)
-> chunk (Passage) -> embed (vectors) -> pipeline (writes the index: store and catalog).
"""
