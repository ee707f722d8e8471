"""Ingest: load -> segment -> label -> chunk -> embed -> store, then commit to the catalog.

Idempotent (an article whose content hash is already committed is skipped) and atomic per
article (its catalog row, written after all its vectors, is what readers trust; a killed
ingest's vectors are marked pending and removed by the next writer). Writers take turns through
a lease in the store, so several processes or hosts can write to one Chroma server.
"""

from __future__ import annotations

import os
import socket
import sys
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.index.catalog import Catalog
from assistant.index.records import ArticleRecord
from assistant.index.store import VectorStore
from assistant.ingest.chunk import chunk_article
from assistant.ingest.context import index_texts
from assistant.ingest.describe import SourcePrototypes
from assistant.ingest.embed import OnnxSentenceEncoder
from assistant.ingest.label import label_articles
from assistant.ingest.load import load_corpus
from assistant.ingest.second_opinion import packaged_model, review as second_opinion
from assistant.ingest.segment import split_sentences
from assistant.types import Article, LabelledSentence, Sentence

PROGRESS_MIN_ARTICLES = 20
BATCH_ARTICLES = 64
WRITER_TTL_S = 15.0  # a writer whose lease goes unrenewed this long is taken to be dead


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


def label_article(article: Article, encoder: OnnxSentenceEncoder | None = None, review: bool = True) -> list[LabelledSentence]:
    """Every sentence of one article with its provenance label, source, cue and reason (nothing
    indexed), as ingest labels it; without ``encoder``, the rules alone."""
    return labelled_articles([split_sentences(article)], encoder, review)[0]


def labelled_articles(articles: Sequence[Sequence[Sentence]], encoder: OnnxSentenceEncoder | None,
                      review: bool = True) -> list[list[LabelledSentence]]:
    """The labeller: the rules (one parse pass for all the articles); with ``encoder``, speakers
    nothing else types are typed by described prototypes and the learned second opinion
    (``second_opinion.py``) reviews the rules' labels (unless not ``review``: settings.label_review)."""
    if encoder is None:
        return label_articles(articles)
    return with_review(label_articles(articles, prototypes=source_prototypes(encoder)), review)


def with_review(labelled: list[list[LabelledSentence]], review: bool = True) -> list[list[LabelledSentence]]:
    """The rules' labels after the learned second opinion's review (as they are, if not ``review``)."""
    return second_opinion(labelled, packaged_model()) if review else labelled


@lru_cache(maxsize=2)
def source_prototypes(encoder: OnnxSentenceEncoder) -> SourcePrototypes:
    """The described kinds of source, embedded once per encoder."""
    return SourcePrototypes(encoder)


def build_records(articles: Sequence[Article], encoder: OnnxSentenceEncoder | None = None, review: bool = True) -> list[ArticleRecord]:
    """Segment, label (one parse pass for all) and chunk several articles."""
    return records_of(articles, labelled_articles([split_sentences(a) for a in articles], encoder, review))


def records_of(articles: Sequence[Article], labelled: Sequence[list[LabelledSentence]]) -> list[ArticleRecord]:
    """Labelled articles as records, chunked into passages."""
    return [ArticleRecord(article=a, sentences=sentences, passages=chunk_article(a, sentences)) for a, sentences in zip(articles, labelled)]


def rule_labels(articles: Sequence[Article], encoder: OnnxSentenceEncoder) -> list[list[LabelledSentence]]:
    """Segment several articles and label them by the rules (one parse pass), before the review."""
    return labelled_articles([split_sentences(a) for a in articles], encoder, review=False)


def ingest_articles(
    articles: Sequence[Article],
    store: VectorStore,
    encoder: OnnxSentenceEncoder,
    embedder: str,
    prune: bool = False,
    progress: bool | None = None,
    writer: str = "",
    wait_s: float = 120.0,
    review: bool = True,
) -> IngestReport:
    """Index ``articles`` (an article whose version is committed is skipped). Nothing else is
    removed unless ``prune`` (drop indexed articles not among them); ``review``: the learned second
    opinion reviews the labels (``embedder`` should say when it does not). One writer at a time on a
    store, whatever process it runs in (``writer`` names this one in the lease)."""
    from tqdm import tqdm

    catalog = store.catalog
    writer = writer or writer_name()
    with catalog.writer(writer, wait_s=wait_s, ttl_s=WRITER_TTL_S):
        # The entries of the articles given (all of them when pruning): a write costs time for
        # the articles it touches, not for the archive.
        old = catalog.read() if prune else catalog.read([a.doc_id for a in articles])
        remove_leftovers(store, old)
        if old.embedder and old.embedder != embedder:
            # Vectors from another model or pipeline: every stored article is indexed again, from the store.
            old = catalog.read()
            given = {a.doc_id for a in articles}
            kept = catalog.records({d: e.content_hash for d, e in old.docs.items() if d not in given})
            articles = [*articles, *(r.article for r in kept.values())] if not prune else list(articles)
            store.delete_all()
            catalog.remove(list(old.docs), embedder)
            old = catalog.read()
        show = progress if progress is not None else len(articles) >= PROGRESS_MIN_ARTICLES
        added = unchanged = embedded = 0
        todo: list[Article] = []
        for article in articles:
            previous = old.docs.get(article.doc_id)
            if previous is not None and previous.content_hash == article.content_hash:
                unchanged += 1
            else:
                todo.append(article)
        batches = [todo[begin : begin + BATCH_ARTICLES] for begin in range(0, len(todo), BATCH_ARTICLES)]
        with tqdm(total=len(todo), desc="Indexing", unit="article", disable=not show, file=sys.stderr) as bar, \
                ThreadPoolExecutor(max_workers=1, thread_name_prefix="labeller") as labeller:
            # The parse is one core's work: the next batch is parsed while this one is embedded and
            # stored (model runs that leave the interpreter free). The review runs alone: its many
            # short model runs would each wait for the parse to hand over the interpreter.
            ahead = [labeller.submit(rule_labels, batches[0], encoder)] if batches else []
            for n, batch in enumerate(batches):
                records = records_of(batch, with_review(ahead.pop().result(), review))
                if n + 1 < len(batches):
                    ahead.append(labeller.submit(rule_labels, batches[n + 1], encoder))
                # One model pass and one store write per batch: per-call overhead dominates small articles.
                texts = [index_texts(r.sentences) for r in records]
                vectors = encoder.encode([t for group in texts for t in group])
                items = []
                offset = 0
                for article, record, group in zip(batch, records, texts):
                    items.append((article.content_hash, record.sentences, vectors[offset : offset + len(group)]))
                    offset += len(group)
                versions = [(a.doc_id, a.content_hash) for a in batch]
                catalog.mark_pending(versions)  # a kill from here on leaves vectors the next writer removes
                store.add_articles(items)
                catalog.commit(records, embedder)  # the commit point of these versions
                replaced = [(a.doc_id, old.docs[a.doc_id].content_hash) for a in batch if a.doc_id in old.docs]
                for doc_id, content_hash in replaced:
                    store.delete_version(doc_id, content_hash)
                catalog.drop_records(replaced)
                catalog.clear_pending(versions)
                added += len(batch)
                embedded += sum(len(r.sentences) for r in records)
                bar.update(len(batch))
        removed = 0
        if prune:
            wanted = {a.doc_id for a in articles}
            gone = [doc_id for doc_id in old.docs if doc_id not in wanted]
            removed = remove_articles(store, gone, embedder)
        if not todo and not removed and old.embedder != embedder:
            catalog.bump(embedder)  # a first ingest of nothing: the catalog now exists, empty
    return IngestReport(len(articles), added, unchanged, removed, embedded)


def writer_name() -> str:
    """How a writer names itself in the lease: host, process, and a tag for this writer."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def remove_articles(store: VectorStore, doc_ids: Sequence[str], embedder: str) -> int:
    """Take articles out of the index (the caller holds the writer lease): out of the catalog
    first (no instance cites them from then on), then their vectors."""
    if doc_ids:
        store.catalog.remove(doc_ids, embedder)
        store.delete_articles(doc_ids)
    return len(doc_ids)


def remove_leftovers(store: VectorStore, catalog: Catalog) -> int:
    """Vectors of versions a killed writer never committed (the caller holds the writer lease,
    so no live writer is midway). Returns how many versions were cleared."""
    pending = store.catalog.pending()
    committed = store.catalog.entries([d for d, _ in pending])
    uncommitted = [(d, h) for d, h in pending if d not in committed or committed[d].content_hash != h]
    for doc_id, content_hash in uncommitted:
        store.delete_version(doc_id, content_hash)
    store.catalog.drop_records(uncommitted)
    store.catalog.clear_pending(pending)
    if not catalog.version and store.count() and not store.catalog.read().docs:
        store.delete_all()  # vectors written before the catalog lived in the store: nothing names them
    return len(pending)


def ingest_paths(paths: Sequence[Path], store: VectorStore, encoder: OnnxSentenceEncoder, embedder: str) -> IngestReport:
    return ingest_articles(load_corpus(list(paths)), store, encoder, embedder)
