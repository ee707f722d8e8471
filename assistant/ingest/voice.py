"""Is a text its issuer's own (a product or pricing page, a service notice, a club's or a prize
body's announcement, a recall notice: written by the body it is about) or a report about others?

A text says so by its form only sometimes ("we", an "About X:" boilerplate, a newswire's name: see
``issuer.py``); a page in the third person ("Zentra VPN gives you 6,000 servers", "Registration
for the 2025 marathon opens on 15 January") does not. This is a logistic regression over the
text's opening sentences: their embedding (the MiniLM embedder the index uses) and eight features
of register (first and second person, prices, "is delighted to announce", attribution verbs, a
news dateline, a title line, quotations). Fitted by ``training/fit_voice.py`` on
``training/data/own_text.jsonl`` (600 texts written for training only, in two halves by sector; no
evaluation set was read), its weights, threshold and cross-sector scores in
``sources/voice_model.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import ModelError

if TYPE_CHECKING:
    from assistant.ingest.embed import OnnxSentenceEncoder

OPENING_SENTENCES = 8  # a page shows what it is at its top; a long article is judged by its opening
MIN_SENTENCES = 2  # as trained: every training text has two sentences or more; a lone line is not judged
FEATURES = ("we", "you", "price", "self", "said", "dateline", "title", "quote")

_WE = re.compile(r"\b(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|us)\b")
_YOU = re.compile(r"\b[Yy]ou(?:r|rs|['’](?:re|ll|ve))?\b")
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:USD|EUR|GBP|euros?|dollars|pounds|rupees|yen)\b")
_SELF = re.compile(r"\b(?:is|are|am)\s+(?:delighted|pleased|proud|thrilled|excited|happy|honou?red)\s+to\b", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|according to|reported|announced|confirmed|added)\b")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .]+,?\s*(?:\w+\.? \d{1,2},? )?)?\((?:Reuters|AP|AFP|Xinhua|Bloomberg|dpa|PA)\)"
    r"|^[A-Z]{3,}[A-Z ,.]*\s[-—–]|^\w{3,9}\.? \d{1,2}, \d{4} [—–-]"
)
_QUOTES = ('"', "“", "”")


def opening(sentences: Sequence[str]) -> list[str]:
    return [s for s in sentences if s.strip()][:OPENING_SENTENCES]


def register_features(sentences: Sequence[str]) -> np.ndarray:
    """Shares of the opening's sentences in each register (first and second person and prices
    counted outside quotations only), and whether it has a dateline or a title line."""
    top = opening(sentences)
    n = max(len(top), 1)
    outside = [s for s in top if not any(q in s for q in _QUOTES)]
    first = top[0].strip() if top else ""
    return np.array([
        sum(bool(_WE.search(s)) for s in outside) / n,
        sum(bool(_YOU.search(s)) for s in outside) / n,
        sum(bool(_PRICE.search(s)) for s in outside) / n,
        float(any(_SELF.search(s) for s in top)),
        sum(bool(_SAID.search(s)) for s in top) / n,
        float(bool(_DATELINE.search(first))),
        float(bool(first) and (not first.endswith((".", "!", "?", '"', "”")) or " | " in first)),
        sum(any(q in s for q in _QUOTES) for s in top) / n,
    ])


@dataclass(frozen=True)
class VoiceModel:
    weights: np.ndarray  # FEATURES, then the embedding's dimensions, then the bias
    threshold: float

    def probabilities(self, texts: Sequence[Sequence[str]], encoder: OnnxSentenceEncoder) -> np.ndarray:
        """P(own text) for each text, given as its sentences."""
        return self._probabilities(texts, [register_features(t) for t in texts], encoder)

    def _probabilities(self, texts: Sequence[Sequence[str]], feats: Sequence[np.ndarray], encoder: OnnxSentenceEncoder) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        vectors = encoder.encode([" ".join(opening(t)) for t in texts])
        x = np.hstack([np.vstack(feats), vectors, np.ones((len(texts), 1))])
        return 1.0 / (1.0 + np.exp(-(x @ self.weights)))

    def own_texts(self, texts: Sequence[Sequence[str]], encoder: OnnxSentenceEncoder) -> list[bool]:
        """Own texts: the model says so, and the text speaks as someone (first or second person, or
        "is delighted to ...") outside quotations in its opening, opens with a title line as a
        page does, or states prices as a seller's or an issuer's page does (its features computed once). A text of one sentence (a headline alone) is
        outside what the model was fitted on, and is not judged."""
        feats = [register_features(t) for t in texts]
        speaking = [i for i, f in enumerate(feats) if _speaks(f) and len(opening(texts[i])) >= MIN_SENTENCES]
        probs = self._probabilities([texts[i] for i in speaking], [feats[i] for i in speaking], encoder)
        own = [False] * len(texts)
        for i, p in zip(speaking, probs):
            own[i] = bool(p >= self.threshold)
        return own


_VOICE = [FEATURES.index(name) for name in ("we", "you", "self", "title", "price")]


def _speaks(feats: np.ndarray) -> bool:
    return bool(feats[_VOICE].any())


@lru_cache(maxsize=1)
def voice_model() -> VoiceModel:
    card = json.loads((resources.files("assistant.ingest") / "sources" / "voice_model.json").read_text(encoding="utf-8"))
    if tuple(card["features"]) != FEATURES:
        raise ModelError("assistant/ingest/sources/voice_model.json was fitted on other features than voice.py computes.",
                         "Rebuild it: python training/fit_voice.py (see its docstring).")
    return VoiceModel(np.asarray(card["weights"], dtype=np.float64), float(card["threshold"]))
