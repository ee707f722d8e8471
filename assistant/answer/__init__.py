"""Answering: question (what is asked) -> retrieve (candidate sentences) -> fit (does a sentence
answer?) -> compose (the Answer, with citations laid out by provenance)."""
