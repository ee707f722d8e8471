"""Ingest: load -> segment -> label -> chunk -> embed -> store, then commit the catalog.

Idempotent (an article whose content hash is already committed is skipped) and atomic (the
catalog, replaced in one rename after all vectors are written, is what readers trust).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.index.catalog import (
    Catalog,
    CatalogEntry,
    index_lock,
    read_catalog,
    remove_unreferenced_records,
    write_catalog,
    write_record,
)
from assistant.index.records import ArticleRecord
from assistant.index.store import VectorStore
from assistant.ingest.chunk import chunk_article
from assistant.ingest.context import index_texts
from assistant.ingest.describe import SourcePrototypes
from assistant.ingest.embed import OnnxSentenceEncoder
from assistant.ingest.label import label_articles
from assistant.ingest.load import load_corpus
from assistant.ingest.segment import split_sentences
from assistant.types import Article, LabelledSentence

PROGRESS_MIN_ARTICLES = 20
BATCH_ARTICLES = 64


@dataclass(frozen=True)
class IngestReport:
    articles: int
    added: int
    unchanged: int
    removed: int
    sentences_embedded: int

    def summary(self) -> str:
        return (
            f"{self.articles} article(s): {self.added} indexed, {self.unchanged} unchanged, "
            f"{self.removed} removed; {self.sentences_embedded} sentences embedded."
        )


def label_article(article: Article, encoder: OnnxSentenceEncoder | None = None) -> list[LabelledSentence]:
    """Every sentence of one article with its provenance label, source, cue and reason (nothing
    indexed). With ``encoder``, speakers nothing else types are typed by described prototypes."""
    return label_articles([split_sentences(article)], prototypes=source_prototypes(encoder) if encoder else None)[0]


@lru_cache(maxsize=2)
def source_prototypes(encoder: OnnxSentenceEncoder) -> SourcePrototypes:
    """The described kinds of source, embedded once per encoder."""
    return SourcePrototypes(encoder)


def build_records(articles: Sequence[Article], encoder: OnnxSentenceEncoder | None = None) -> list[ArticleRecord]:
    """Segment, label (one parse pass for all) and chunk several articles."""
    prototypes = source_prototypes(encoder) if encoder is not None else None
    labelled = label_articles([split_sentences(a) for a in articles], prototypes=prototypes)
    return [
        ArticleRecord(article=a, sentences=sentences, passages=chunk_article(a, sentences))
        for a, sentences in zip(articles, labelled)
    ]


def ingest_articles(
    articles: Sequence[Article],
    index_dir: Path,
    store: VectorStore,
    encoder: OnnxSentenceEncoder,
    embedder: str,
    prune: bool = True,
    progress: bool | None = None,
) -> IngestReport:
    """Bring the index in line with ``articles`` (``prune``: drop articles not among them)."""
    from tqdm import tqdm

    with index_lock(index_dir):
        old = read_catalog(index_dir)
        if old is not None and old.embedder != embedder:
            for doc_id in old.docs:
                store.delete_versions(doc_id, keep_hash=None)
            old = None
        docs: dict[str, CatalogEntry] = {} if (old is None or prune) else dict(old.docs)
        show = progress if progress is not None else len(articles) >= PROGRESS_MIN_ARTICLES
        added = unchanged = embedded = 0
        todo: list[tuple[Article, CatalogEntry | None]] = []
        for article in articles:
            previous = old.docs.get(article.doc_id) if old else None
            if previous is not None and previous.content_hash == article.content_hash:
                docs[article.doc_id] = previous
                unchanged += 1
            else:
                todo.append((article, previous))
        with tqdm(total=len(todo), desc="Indexing", unit="article", disable=not show, file=sys.stderr) as bar:
            for begin in range(0, len(todo), BATCH_ARTICLES):
                batch = todo[begin : begin + BATCH_ARTICLES]
                records = build_records([article for article, _ in batch], encoder)
                # One model pass and one store write per batch: per-call overhead dominates small articles.
                texts = [index_texts(r.sentences) for r in records]
                vectors = encoder.encode([t for group in texts for t in group])
                items = []
                offset = 0
                for (article, _), record, group in zip(batch, records, texts):
                    items.append((article.content_hash, record.sentences, vectors[offset : offset + len(group)]))
                    offset += len(group)
                # Clear a half-written copy of these versions left by a killed ingest, then write them whole:
                # new articles in one call, replaced ones keeping their committed version.
                store.delete_articles([article.doc_id for article, previous in batch if previous is None])
                for article, previous in batch:
                    if previous is not None:
                        store.delete_versions(article.doc_id, keep_hash=previous.content_hash)
                store.add_articles(items)
                for (article, _), record in zip(batch, records):
                    docs[article.doc_id] = CatalogEntry(
                        content_hash=article.content_hash,
                        record=write_record(index_dir, record),
                        title=article.title,
                        source_path=article.source_path,
                        sentences=len(record.sentences),
                    )
                    added += 1
                    embedded += len(record.sentences)
                bar.update(len(batch))
        new = Catalog(embedder=embedder, docs=docs)
        write_catalog(index_dir, new)  # the commit point
        removed = 0
        for doc_id, entry in (old.docs.items() if old else []):
            kept = new.docs.get(doc_id)
            if kept is None:
                store.delete_versions(doc_id, keep_hash=None)
                removed += 1
            elif kept.content_hash != entry.content_hash:
                store.delete_versions(doc_id, keep_hash=kept.content_hash)
        remove_unreferenced_records(index_dir, new)
    return IngestReport(len(articles), added, unchanged, removed, embedded)


def ingest_paths(
    paths: Sequence[Path], index_dir: Path, store: VectorStore, encoder: OnnxSentenceEncoder, embedder: str
) -> IngestReport:
    return ingest_articles(load_corpus(list(paths)), index_dir, store, encoder, embedder)
