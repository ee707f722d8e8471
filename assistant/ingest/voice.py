"""Is a text its issuer's own (a product or pricing page, a service notice, a club's or a prize
body's announcement, a recall notice: written by the body it is about) or a report about others?

A text says so by its form only sometimes ("we", an "About X:" boilerplate, a newswire's name: see
``issuer.py``); a page in the third person ("Zentra VPN gives you 6,000 servers", "Registration
for the 2025 marathon opens on 15 January") does not. The own-text model reads a text's opening
sentences: the first three layers of all-MiniLM-L6-v2 fine-tuned as a binary classifier by
``training/train_voice.py`` (``make train-voice``) on ``training/data/own_text.jsonl`` (840 texts
written for training only, in two groups by sector; no evaluation set was read), exported to ONNX
int8 in ``voice_model/`` with its sha256, threshold and cross-sector scores.

It judges only texts that speak as someone in their opening (first or second person or "is
delighted to ..." outside quotations, a title line as a page has, prices as a seller's page
states): a report in the plain third person is never read as a party's own page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.errors import ModelError
from assistant.ingest.planted import addressed_to_ai
from assistant.offline import go_offline

PACKAGED = Path(__file__).parent / "voice_model"
OPENING_SENTENCES = 8  # a page shows what it is at its top; a long article is judged by its opening
MIN_SENTENCES = 2  # a lone line is not judged, and training leaves such texts out
MAX_TOKENS = 128  # the opening's tokens the model reads (as trained)

_WE = re.compile(r"\b(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|us)\b")
_YOU = re.compile(r"\b[Yy]ou(?:r|rs|['’](?:re|ll|ve))?\b")
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:USD|EUR|GBP|euros?|dollars|pounds|rupees|yen)\b")
_SELF = re.compile(r"\b(?:is|are|am)\s+(?:delighted|pleased|proud|thrilled|excited|happy|honou?red)\s+to\b", re.IGNORECASE)
_QUOTES = ('"', "“", "”")


def opening(sentences: Sequence[str]) -> list[str]:
    """A text's first sentences, without those addressed to an AI system: planted words must not
    change how the rest of a page is read."""
    return list(islice((s for s in sentences if s.strip() and addressed_to_ai(s) is None), OPENING_SENTENCES))


def opening_text(sentences: Sequence[str]) -> str:
    """What the model reads of a text given as its sentences."""
    return " ".join(opening(sentences))


def speaks(sentences: Sequence[str]) -> bool:
    """Whether a text's opening speaks as someone: first or second person or a price outside
    quotations, "is delighted to ...", a title line (no closing stop, or "Title | Site")."""
    top = opening(sentences)
    if not top:
        return False
    outside = [s for s in top if not any(q in s for q in _QUOTES)]
    first = top[0].strip()
    return (any(_WE.search(s) or _YOU.search(s) or _PRICE.search(s) for s in outside) or any(_SELF.search(s) for s in top)
            or not first.endswith((".", "!", "?", '"', "”")) or " | " in first)


@dataclass(frozen=True)
class VoiceCard:
    """What voice_model.json records about a trained model."""

    sha256: str
    threshold: float
    max_tokens: int


def read_card(model_dir: Path) -> VoiceCard:
    from assistant.ingest.embed import read_model_card

    return read_model_card(model_dir / "voice_model.json", "own-text model", "make train-voice", lambda raw: VoiceCard(
        sha256=str(raw["sha256"]), threshold=float(raw["threshold"]), max_tokens=int(raw["max_tokens"])))


class VoiceModel:
    """The fine-tuned own-text classifier on ONNX Runtime (CPU)."""

    def __init__(self, model_dir: Path = PACKAGED) -> None:
        go_offline()
        from assistant.ingest.embed import checked_cross_encoder

        card = read_card(model_dir)
        if card.max_tokens != MAX_TOKENS:
            raise ModelError(f"The own-text model in {model_dir} reads {card.max_tokens} tokens, voice.py gives it {MAX_TOKENS}.",
                             "Rebuild it with `make train-voice`.")
        self.threshold = card.threshold
        self._session, self._tokenizer = checked_cross_encoder(model_dir, card.sha256, "own-text model", "make train-voice",
                                                               MAX_TOKENS, "longest_first")

    def probabilities(self, texts: Sequence[Sequence[str]]) -> np.ndarray:
        """P(own text) for each text, given as its sentences, each text's from that text alone."""
        from assistant.ingest.embed import text_outputs

        if not texts:
            return np.zeros(0)
        return text_outputs(self._session, self._tokenizer, [opening_text(t) for t in texts]).reshape(-1)

    def own_texts(self, texts: Sequence[Sequence[str]]) -> list[bool]:
        """Own texts: the text speaks as someone in its opening (``speaks``) and the model says so.
        A text of one sentence (a headline alone) is outside what the model was trained on, and is
        not judged."""
        tops = [opening(t) for t in texts]  # the openings once: a long article's sentences are not all scanned
        judged = [i for i, top in enumerate(tops) if len(top) >= MIN_SENTENCES and speaks(top)]
        own = [False] * len(texts)
        for i, p in zip(judged, self.probabilities([tops[i] for i in judged])):
            own[i] = bool(p >= self.threshold)
        return own


@lru_cache(maxsize=1)
def voice_model() -> VoiceModel:
    return VoiceModel()
