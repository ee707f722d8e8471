"""What a team gets without this project, measured with the same cases, embedder and Chroma.

- ``LlamaIndexDefault``: llama-index's defaults, ``VectorStoreIndex`` over a Chroma collection
  with ``SentenceSplitter`` chunks (1,024 tokens, 200 overlap), top-2 retrieval; the top chunk
  is the answer and the retrieved chunks are its citations.
- ``Bm25TopSentence``: BM25 over the same sentences as the assistant; the top sentence is the
  answer and its only citation.

Neither refuses nor labels provenance: their citations carry the label ``article``, what an
unlabelled quote implicitly presents. They answer in the Answer JSON shape so the same metrics apply.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.index.lexical import LexicalIndex
from assistant.index.records import ArticleRecord
from assistant.ingest.embed import OnnxEmbedding, OnnxSentenceEncoder
from assistant.offline import go_offline


def _citation(number: int, doc_id: str, title: str, text: str, start: int, end: int, score: float) -> dict[str, Any]:
    return {
        "id": number, "doc_id": doc_id, "title": title, "start": start, "end": end, "quote": text[start:end],
        "label": "article", "attributed_to": "", "score": round(score, 4),
    }


class LlamaIndexDefault:
    """llama-index defaults over the same Chroma and embedder."""

    name = "llamaindex_default"

    def __init__(self, records: Mapping[str, ArticleRecord], encoder: OnnxSentenceEncoder, top_k: int = 2) -> None:
        go_offline()
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core import Document, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.vector_stores.chroma import ChromaVectorStore

        tokenizer = encoder.tokenizer_fn()  # offline stand-in for tiktoken, which would download its table
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.create_collection(f"baseline-{uuid.uuid4().hex[:8]}", embedding_function=None)
        self._records = records
        embed = OnnxEmbedding(encoder)
        documents = [Document(text=r.article.text, id_=doc_id) for doc_id, r in records.items()]
        index = VectorStoreIndex.from_documents(
            documents,
            storage_context=StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection)),
            embed_model=embed,
            transformations=[SentenceSplitter(tokenizer=tokenizer)],
        )
        self._retriever = index.as_retriever(similarity_top_k=top_k)

    def ask(self, question: str, history: Sequence[str] = ()) -> dict[str, Any]:
        hits = self._retriever.retrieve(question)
        citations = []
        for n, hit in enumerate(hits, start=1):
            doc_id = hit.node.ref_doc_id or ""
            record = self._records[doc_id]
            node: Any = hit.node  # a TextNode from the splitter, which records its offsets
            start, end = node.start_char_idx or 0, node.end_char_idx or 0
            citations.append(_citation(n, doc_id, record.article.title, record.article.text, start, end, hit.score or 0.0))
        answer = f"{citations[0]['quote']} [1]" if citations else ""
        return {"question": question, "answerable": bool(citations), "answer": answer, "sections": [],
                "citations": citations, "timings_ms": {}}


class Bm25TopSentence:
    """BM25 alone, the top sentence as the answer."""

    name = "bm25_top_sentence"

    def __init__(self, records: Mapping[str, ArticleRecord]) -> None:
        self._records = records
        self._sentences = [s for r in records.values() for s in r.sentences]
        self._index = LexicalIndex([s.text for s in self._sentences])

    def ask(self, question: str, history: Sequence[str] = ()) -> dict[str, Any]:
        hits = self._index.search(question, 1)
        if not hits:
            return {"question": question, "answerable": False, "answer": "", "sections": [], "citations": [], "timings_ms": {}}
        position, score = hits[0]
        s = self._sentences[position]
        article = self._records[s.doc_id].article
        citation = _citation(1, s.doc_id, article.title, article.text, s.start, s.end, score)
        return {"question": question, "answerable": True, "answer": f"{citation['quote']} [1]", "sections": [],
                "citations": [citation], "timings_ms": {}}
