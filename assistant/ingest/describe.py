"""Source typing's last resort: a speaker no pattern and no entity types ("a 52-year-old vendor",
"one creator with 2 million followers") gets the kind of the described prototype its description
is most similar to, with the sentence embedder the index already uses; one that is a thing, not a
source ("The agreement calls for elections", "The standard model predicts ..."), makes the
sentence narration.

The prototypes are data (``sources/prototypes.jsonl``: a label and a plain description of a kind
of source). ``MIN_SIMILARITY`` was chosen on the development set ``evals/labels_dev.jsonl`` only
(label accuracy 0.870 without this fallback; 0.886 / 0.888 / 0.884 with it at 0.40 / 0.45 / 0.50);
below it the speaker stays undecided. On ``rgb_labels.jsonl``, never fitted on, measured once at
the chosen value: 0.735 without, 0.740 with.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from assistant.types import Label

if TYPE_CHECKING:
    from assistant.ingest.embed import OnnxSentenceEncoder

MIN_SIMILARITY = 0.45


@lru_cache(maxsize=1)
def prototype_rows() -> tuple[tuple[Label, str], ...]:
    text = (resources.files("assistant.ingest") / "sources" / "prototypes.jsonl").read_text(encoding="utf-8")
    return tuple((row["label"], row["text"]) for row in (json.loads(x) for x in text.splitlines() if x.strip()))


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


class SourcePrototypes:
    """Described kinds of source, embedded once."""

    def __init__(self, encoder: OnnxSentenceEncoder, min_similarity: float = MIN_SIMILARITY) -> None:
        rows = prototype_rows()
        self.encoder = encoder
        self.labels: list[Label] = [label for label, _ in rows]
        self.texts = [text for _, text in rows]
        self.vectors = _unit(encoder.encode(self.texts))
        self.min_similarity = min_similarity

    def classify(self, descriptions: Sequence[str]) -> list[tuple[Label, str, float] | None]:
        """For each description: (label, the prototype it resembles, similarity), or None below the bar."""
        if not descriptions:
            return []
        sims = _unit(self.encoder.encode(list(descriptions))) @ self.vectors.T
        out: list[tuple[Label, str, float] | None] = []
        for row in sims:
            best = int(np.argmax(row))
            out.append((self.labels[best], self.texts[best], float(row[best])) if row[best] >= self.min_similarity else None)
        return out
