"""A learned second opinion on the rules' provenance labels.

all-MiniLM-L6-v2 fine-tuned as a five-way classifier of a sentence read after the sentence
before it, on the development label sets only (``training/train_labeller.py``, ``make
train-labeller``), exported to ONNX int8 in ``label_model/`` with its sha256 and the override
threshold chosen there by cross-validation on the development sets (``label_model.json``).

The rules stay first and the model only reviews them:
- it reads only the sentences the rules could attribute (a cue word the rules parsed, or a
  source they found); the narration around them stays the article's;
- it overrides a label only where it is at least ``threshold`` sure;
- a quotation's later sentences follow their opening sentence (overridden with it), never the
  model alone; a label the whole text decided (a post, an issuer's own text) is not reviewed;
- guards the model cannot lift (DESIGN.md §3): text addressed to an AI system keeps the rules'
  label, a post (``social_media``) stays a post whatever it quotes, and a source the text calls
  fake never becomes ``official``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.errors import ModelError
from assistant.ingest.context import INHERITED_CUES
from assistant.ingest.issuer import credited_by_text
from assistant.ingest.label import needs_parse
from assistant.ingest.planted import addressed_to_ai
from assistant.ingest.qualifiers import FAKES
from assistant.offline import go_offline
from assistant.types import LABEL_ORDER, Label, LabelledSentence, Sentence

MAX_TOKENS = 128  # as trained
PACKAGED = Path(__file__).parent / "label_model"


def model_input(sentences: Sequence[Sentence], position: int) -> tuple[str, str]:
    """What the model reads for one sentence: the sentence, then the sentence before it."""
    return sentences[position].text, sentences[position - 1].text if position else "."


def consulted(sentence: LabelledSentence) -> bool:
    """Does the model review this sentence? Those the rules could attribute; not the sentences
    that follow another's source (a quotation's later sentences), nor those whose label the whole
    text decided (a post, an issuer's own text: the model reads two sentences), nor text
    addressed to an AI."""
    if sentence.cue in INHERITED_CUES or credited_by_text(sentence) or addressed_to_ai(sentence.text):
        return False
    return sentence.label != "article" or needs_parse(sentence.text)


# Labels the model never replaces: a post stays a post, whatever it is read as (an unverified post
# shown as a report, or as the article's own account, would pass for fact).
FINAL: frozenset[Label] = frozenset({"social_media"})


def reviewed(sentence: LabelledSentence) -> bool:
    """Does ingest run the model on this sentence? Those it reads (``consulted``) whose label it
    may change: a post's label is final, so the model's verdict on it would be thrown away."""
    return consulted(sentence) and sentence.label not in FINAL


def allowed(sentence: LabelledSentence, label: Label) -> bool:
    """May the model's label replace the rules'? Never a final one (a post's), nor into an
    official statement the word of a source the text calls fake ("a fake ministry statement
    said ..."), nor an authority's word into a party's: it moves authorities the rules named
    ("ISRO said it planned several more launches, including a commercial mission", "Group Captain
    Ian Hall said ...") to parties, and even on the development sets it was trained on, its
    overrides of that kind were right less often than the rules (2 of 3, against 3 of 3)."""
    if sentence.label in FINAL or sentence.label == "official" and label == "group_claim":
        return False
    return label != "official" or not FAKES & set(sentence.attributed_to.lower().split())


@dataclass(frozen=True)
class LabelCard:
    """What label_model.json records about a trained model."""

    sha256: str
    threshold: float
    labels: tuple[str, ...]


def read_card(model_dir: Path) -> LabelCard:
    from assistant.ingest.embed import read_model_card

    return read_model_card(model_dir / "label_model.json", "label model", "make train-labeller", lambda raw: LabelCard(
        sha256=str(raw["sha256"]), threshold=float(raw["threshold"]), labels=tuple(raw["labels"])))


class LabelModel:
    """The fine-tuned classifier on ONNX Runtime (CPU): label probabilities per (sentence, before)."""

    def __init__(self, model_dir: Path = PACKAGED, threshold: float | None = None) -> None:
        go_offline()
        from assistant.ingest.embed import checked_cross_encoder

        card = read_card(model_dir)
        if card.labels != tuple(LABEL_ORDER):
            raise ModelError(f"The label model in {model_dir} was trained on labels {card.labels}, not {tuple(LABEL_ORDER)}.",
                             "Rebuild it with `make train-labeller`.")
        self.threshold = card.threshold if threshold is None else threshold
        self._session, self._tokenizer = checked_cross_encoder(model_dir, card.sha256, "label model", "make train-labeller",
                                                               MAX_TOKENS, "longest_first")

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One row of label probabilities (LABEL_ORDER) per pair, each pair's from that pair alone."""
        from assistant.ingest.embed import pair_outputs

        if not pairs:
            return np.zeros((0, len(LABEL_ORDER)), dtype=np.float32)
        return pair_outputs(self._session, self._tokenizer, pairs)


@lru_cache(maxsize=1)
def packaged_model() -> LabelModel:
    return LabelModel()


def review(articles: Sequence[Sequence[LabelledSentence]], model: LabelModel) -> list[list[LabelledSentence]]:
    """The articles' labelled sentences, with the model's label where it overrides the rules'."""
    keys = [(n, p) for n, sentences in enumerate(articles) for p, s in enumerate(sentences) if reviewed(s)]
    probs = model.probabilities([model_input(articles[n], p) for n, p in keys])
    verdicts: dict[int, dict[int, tuple[Label, float]]] = {}
    for (n, p), row in zip(keys, probs):
        verdicts.setdefault(n, {})[articles[n][p].idx] = (LABEL_ORDER[int(np.argmax(row))], float(row.max()))
    return [overridden(list(sentences), verdicts.get(n, {}), model.threshold) for n, sentences in enumerate(articles)]


def overridden(sentences: list[LabelledSentence], verdicts: dict[int, tuple[Label, float]], threshold: float) -> list[LabelledSentence]:
    """Apply the model's verdicts (label and probability by sentence idx) on the sentences it
    reviews, where they pass the threshold and the guards; a quotation's later sentences follow
    their opening sentence."""
    changed: dict[int, LabelledSentence] = {}
    for s in sentences:
        verdict = verdicts.get(s.idx)
        if verdict is not None and verdict[0] != s.label and verdict[1] >= threshold and reviewed(s) and allowed(s, verdict[0]):
            label, p = verdict
            update: dict[str, object] = {"label": label, "reason": f"a learned second opinion reads it as {label} "
                                         f"(probability {p:.2f}); the rules said {s.label}: {s.reason}"}
            if label == "article":
                update |= {"attributed_to": "the article"}
            elif s.attributed_to in ("", "the article"):  # someone's word, the rules found no one: say so
                update |= {"attributed_to": "unnamed source"}
            changed[s.idx] = s.model_copy(update=update)
    # Sentences continuing a changed one (also those before it: a quotation its source closes later).
    grew = bool(changed)
    while grew:
        grew = False
        for s in sentences:
            if s.idx not in changed and s.continues in changed and s.cue in INHERITED_CUES:
                first = changed[s.continues]
                changed[s.idx] = s.model_copy(update={"label": first.label, "attributed_to": first.attributed_to,
                                                      "reason": f"{s.reason.split(' (')[0]} ({first.label}, {first.attributed_to})"})
                grew = True
    return [changed.get(s.idx, s) for s in sentences]
