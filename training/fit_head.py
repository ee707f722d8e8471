"""Fit the answer head (``assistant/answer/head.py``): a logistic regression over each candidate
sentence's generic features, on SQuAD 2.0 questions the answer judge never trained on.

    make train-head        # = python training/fit_head.py --squad ../shared/data/squad2_dev_part.json

Data: every paragraph of the SQuAD file is one article of one corpus (as ``make eval`` asks it);
the questions are those of the judge's development title (``judge.json``'s ``dev_titles``: a
fitting title kept out of the judge's training, so the judge's probability is as it will be on
new text). Held-out titles are never read. A candidate is positive when it is in the question's
own paragraph and holds a gold answer. The threshold is the highest at which the head, answering
with its best candidate, refuses at most 10% of the answerable fitting questions (the issue's
false-abstention target), reported with the grid it was chosen from. Numpy only; minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.answer.head import FEATURES, Candidate  # noqa: E402
from assistant.answer.judge import PACKAGED as JUDGE_DIR  # noqa: E402
from assistant.evaluation.squad import SquadQuestion, load_squad  # noqa: E402

L2 = 1.0
MAX_FALSE_ABSTENTION = 0.10
GRID = tuple(round(0.05 * i, 2) for i in range(1, 19))


def positive(q: SquadQuestion, c: Candidate) -> bool:
    s = c.scored.sentence
    if not q.answerable or s.doc_id != q.doc_id:
        return False
    return any(s.start <= at < s.end for at in q.answer_starts) or any(g.lower() in s.text.lower() for g in q.answers)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method, L2 on the weights (not the bias); last entry: bias."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    ridge = l2 * np.r_[np.ones(len(w) - 1), 0.0]
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
        w -= np.linalg.solve(hessian, gradient)
    return w


def decide(questions: list[SquadQuestion], cands: list[list[Candidate]], w: np.ndarray, t: float) -> dict[str, float]:
    """The head answering each question with its best candidate when it scores at least ``t``."""
    right = refused = unanswerable_refused = answerable = 0
    for q, cs in zip(questions, cands):
        p = [1 / (1 + np.exp(-(np.dot(c.vector(), w[:-1]) + w[-1]))) for c in cs] or [0.0]
        best = int(np.argmax(p))
        answered = p[best] >= t
        if q.answerable:
            answerable += 1
            refused += not answered
            right += bool(answered and cs and positive(q, cs[best]))
        else:
            unanswerable_refused += not answered
    unanswerable = len(questions) - answerable
    return {"answer_accuracy": round(right / max(1, answerable), 4),
            "false_abstention": round(refused / max(1, answerable), 4),
            "abstention_recall": round(unanswerable_refused / max(1, unanswerable), 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--squad", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "assistant" / "answer" / "judge_model" / "head.json")
    args = parser.parse_args()
    started = time.time()

    from assistant.engine import Assistant
    from assistant.index.store import ChromaStore
    from assistant.ingest.embed import load_encoder
    from assistant.settings import Settings

    card = json.loads((JUDGE_DIR / "judge.json").read_text(encoding="utf-8"))
    titles = tuple(card["dev_titles"])
    data = load_squad(args.squad)
    assert set(titles) <= set(data.fit_titles()), "the head is fitted on fitting titles only"
    questions = [q for q in data.questions if q.title in titles]
    settings = Settings(answer_judge=True)
    encoder = load_encoder(settings.model_dir, settings.model_sha256 or None)
    with tempfile.TemporaryDirectory(prefix="head-") as tmp:
        store = ChromaStore.ephemeral("head")
        assistant = Assistant(settings.model_copy(update={"index_dir": Path(tmp)}), store, encoder)
        assistant.ingest(list(data.articles), progress=False)
        cands = [assistant.candidates(q.question) for q in questions]
        store.drop()
    rows = [(c.vector(), positive(q, c)) for q, cs in zip(questions, cands) for c in cs]
    x = np.array([r[0] for r in rows], dtype=np.float64)
    y = np.array([float(r[1]) for r in rows])
    w = fit(x, y)
    grid = {t: decide(questions, cands, w, t) for t in GRID}
    allowed = [t for t, m in grid.items() if m["false_abstention"] <= MAX_FALSE_ABSTENTION]
    threshold = max(allowed) if allowed else GRID[0]
    head = {
        "kind": "logistic regression over candidate features (assistant/answer/head.py)",
        "features": list(FEATURES),
        "weights": {f: round(float(v), 5) for f, v in zip(FEATURES, w[:-1])},
        "bias": round(float(w[-1]), 5),
        "threshold": threshold,
        "data": f"SQuAD 2.0 dev part ({args.squad.name}), every paragraph one article; questions of {', '.join(titles)} "
                "(the answer judge's development title: fitting titles only, never held-out ones)",
        "questions": len(questions),
        "candidates": len(rows),
        "positives": int(y.sum()),
        "l2": L2,
        "threshold_rule": f"highest threshold whose false abstention on these questions is at most {MAX_FALSE_ABSTENTION}",
        "grid": {str(t): m for t, m in grid.items()},
        "command": "make train-head",
        "seconds": round(time.time() - started),
    }
    args.out.write_text(json.dumps(head, indent=1) + "\n", encoding="utf-8")
    print(f"head: threshold {threshold}, at it {grid[threshold]}; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
