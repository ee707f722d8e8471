"""The vector store: with ``catalog.py``, the only module that talks to Chroma.

Two Chroma collections per index: ``<name>_articles``, the catalog (``catalog.py``), and
``<name>_sentences``, the vectors, written through llama-index's
``ChromaVectorStore``: one node per sentence, what citations come from. A passage's vector is the
normalised mean of its sentences' vectors, so retrieval computes it from them when it needs it
instead of storing a second collection (which cost a third more writes and about 60 MB of HNSW
memory at 10,000 articles). Node ids derive from the article's content hash, so re-ingesting the
same text writes nothing new.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from assistant.errors import StoreUnavailable
from assistant.index.catalog import ChromaCatalog
from assistant.offline import go_offline
from assistant.settings import Settings
from assistant.types import LabelledSentence

_BATCH = 2000


@dataclass(frozen=True)
class Hit:
    """One vector-store match."""

    doc_id: str
    content_hash: str
    key: int  # sentence idx
    cosine: float


#: One article's vectors: content hash, sentences, their vectors.
ArticleVectors = tuple[str, Sequence[LabelledSentence], np.ndarray]


def sentence_node_id(doc_id: str, content_hash: str, idx: int) -> str:
    return f"{doc_id}:{content_hash[:16]}:s{idx}"


class VectorStore(Protocol):
    """What the assistant needs from a vector store (the seam for an embedded or server Chroma)."""

    #: Where the vectors live ("embedded/<name>" or "<server url>/<name>"): an index built elsewhere is rebuilt.
    location: str
    #: What the index holds: the source of truth every instance on this store follows.
    catalog: ChromaCatalog

    def add_articles(self, items: Sequence[ArticleVectors]) -> None: ...

    def delete_articles(self, doc_ids: Sequence[str]) -> None: ...

    def delete_version(self, doc_id: str, content_hash: str) -> None: ...

    def delete_all(self) -> None: ...

    def query_sentences(self, vector: np.ndarray, k: int, doc_ids: Sequence[str] | None = None) -> list[Hit]: ...

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def count(self) -> int: ...


def _cosine_from_similarity(similarity: float) -> float:
    # ChromaVectorStore reports exp(-distance); with the cosine space, distance = 1 - cosine.
    return 1.0 + math.log(max(similarity, 1e-12))


class ChromaStore:
    """Chroma (embedded ``PersistentClient`` or ``HttpClient``) behind llama-index's ``ChromaVectorStore``."""

    def __init__(self, client: Any, name: str, where: str) -> None:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self._where = where
        self.location = f"{where if where.startswith('http') else 'embedded'}/{name}"
        self._client: Any = None  # kept only for ephemeral stores, which drop their collections
        try:
            meta = {"hnsw:space": "cosine"}
            self._sent_col = client.get_or_create_collection(f"{name}_sentences", metadata=meta, embedding_function=None)
            self._art_col = client.get_or_create_collection(f"{name}_articles", embedding_function=None)
            legacy = f"{name}_passages"  # indexes before pipeline 5 stored passage vectors too; nothing reads them now
            if legacy in {c if isinstance(c, str) else c.name for c in client.list_collections()}:
                client.delete_collection(legacy)
        except Exception as exc:  # chromadb raises many types; all mean the store is unusable
            raise StoreUnavailable(f"Cannot open the Chroma collections at {where}: {exc}", _hint(where)) from exc
        self._sentences = ChromaVectorStore(chroma_collection=self._sent_col)
        self.catalog = ChromaCatalog(self._art_col, self._guard)

    @classmethod
    def open(cls, settings: Settings) -> ChromaStore:
        go_offline()
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if settings.chroma_host:
            where = f"{'https' if settings.chroma_ssl else 'http'}://{settings.chroma_host}:{settings.chroma_port}"
        else:
            where = str(Path(settings.index_dir) / "chroma")
        try:
            if settings.chroma_host:
                client = chromadb.HttpClient(
                    host=settings.chroma_host, port=settings.chroma_port, ssl=settings.chroma_ssl, settings=chroma_settings
                )
            else:
                Path(where).mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=where, settings=chroma_settings)
        except Exception as exc:  # chromadb raises many types, and the folder may not be makeable: all mean unusable
            raise StoreUnavailable(f"Cannot reach the Chroma store at {where}: {exc}", _hint(where)) from exc
        return cls(client, settings.collection, where)

    @classmethod
    def ephemeral(cls, name: str) -> ChromaStore:
        """An in-memory Chroma store (evaluation runs that build many small indexes)."""
        go_offline()
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))
        store = cls(client, name, "memory")
        store._client = client
        return store

    def drop(self) -> None:
        """Delete this store's collections (ephemeral runs)."""
        if self._client is not None:
            self._client.delete_collection(self._sent_col.name)
            self._client.delete_collection(self._art_col.name)

    def _guard(self, what: str, call: Any) -> Any:
        try:
            return call()
        except Exception as exc:
            raise StoreUnavailable(f"Chroma failed to {what} at {self._where}: {exc}", _hint(self._where)) from exc

    def add_articles(self, items: Sequence[ArticleVectors]) -> None:
        """Write several articles' sentences, one store call per batch."""
        nodes: list[Any] = []
        for content_hash, sentences, sentence_vectors in items:
            nodes.extend(self._nodes(content_hash, sentences, sentence_vectors))
        for begin in range(0, len(nodes), _BATCH):
            batch = nodes[begin : begin + _BATCH]
            self._guard("write", lambda: self._sentences.add(batch))

    def _nodes(self, content_hash: str, sentences: Sequence[LabelledSentence], sentence_vectors: np.ndarray) -> list[Any]:
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        # llama-index reserves the metadata keys doc_id/ref_doc_id/document_id for the SOURCE
        # relationship, so the article id travels as both the SOURCE and "article_id".
        def source(doc_id: str) -> dict:
            return {NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc_id)}

        return [
            TextNode(
                id_=sentence_node_id(s.doc_id, content_hash, s.idx),
                text=s.text,
                embedding=vec.tolist(),
                metadata={
                    "article_id": s.doc_id, "content_hash": content_hash, "key": s.idx, "start": s.start, "end": s.end,
                    "label": s.label, "paragraph": s.paragraph,
                },
                relationships=source(s.doc_id),
            )
            for s, vec in zip(sentences, sentence_vectors)
        ]

    def delete_articles(self, doc_ids: Sequence[str]) -> None:
        """Every version of these articles, in one call."""
        if doc_ids:
            where = {"article_id": {"$in": list(doc_ids)}}
            self._guard("delete", lambda: self._sent_col.delete(where=where))

    def delete_version(self, doc_id: str, content_hash: str) -> None:
        """One version's vectors (a killed ingest's leftovers)."""
        where = {"$and": [{"article_id": doc_id}, {"content_hash": content_hash}]}
        self._guard("delete", lambda: self._sent_col.delete(where=where))

    def delete_all(self) -> None:
        """Every vector (the embedder changed, or vectors no catalog names)."""
        while True:
            ids = self._guard("read", lambda: self._sent_col.get(include=[], limit=_BATCH))["ids"]
            if not ids:
                return
            self._guard("delete", lambda: self._sent_col.delete(ids=ids))

    def query_sentences(self, vector: np.ndarray, k: int, doc_ids: Sequence[str] | None = None) -> list[Hit]:
        from llama_index.core.vector_stores.types import (
            FilterOperator,
            MetadataFilter,
            MetadataFilters,
            VectorStoreQuery,
        )

        filters = None
        if doc_ids:
            filters = MetadataFilters(
                filters=[MetadataFilter(key="article_id", value=list(doc_ids), operator=FilterOperator.IN)]
            )
        query = VectorStoreQuery(query_embedding=vector.tolist(), similarity_top_k=k, filters=filters)
        result = self._guard("query", lambda: self._sentences.query(query))
        hits = []
        for node, sim in zip(result.nodes or [], result.similarities or []):
            meta = node.metadata
            if not {"article_id", "content_hash", "key"} <= meta.keys():
                # A row deleted by another writer between Chroma's vector search and its metadata
                # read comes back without metadata: it belongs to a version no longer stored.
                continue
            hits.append(Hit(meta["article_id"], meta["content_hash"], int(meta["key"]), _cosine_from_similarity(sim)))
        return hits

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        try:
            got = self._sent_col.get(ids=list(ids), include=["embeddings"])
            pairs = list(zip(got["ids"], got["embeddings"]))
        except Exception:
            # A row another writer deleted since the catalog was read makes embedded Chroma fail the
            # whole read ("Error finding id"): it belongs to a version no longer stored, so read the
            # rows one by one and leave out the missing; a store that fails them all is unavailable.
            pairs, failed = [], None
            for i in ids:
                try:
                    one = self._sent_col.get(ids=[i], include=["embeddings"])
                except Exception as exc:  # noqa: BLE001 - the row's or the store's failure, told apart below
                    failed = exc
                    continue
                pairs += list(zip(one["ids"], one["embeddings"]))
            if not pairs and failed is not None:
                raise StoreUnavailable(f"Chroma failed to read vectors at {self._where}: {failed}", _hint(self._where)) from failed
        return {i: np.asarray(v, dtype=np.float32) for i, v in pairs}

    def count(self) -> int:
        return int(self._guard("count", lambda: self._sent_col.count()))


def _hint(where: str) -> str:
    if where.startswith("http"):
        return f"Check that the Chroma server at {where} is running (`chroma run --host ... --port ...`) and reachable."
    return f"Check that {where} is writable and not used by another program; delete it and run `assistant ingest` to rebuild."
