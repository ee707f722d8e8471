"""Provenance labels against sentences labelled by hand, on text beyond the seed article.

Three formats, all read as (article text, gold sentences with their allowed labels):

- an article per line (``evals/labels_dev.jsonl``, the development set written here; ``labels_helper_dev.jsonl`` and
  ``labels_helper2_dev.jsonl``, news-style passages helpers wrote and labelled from DESIGN.md §3 alone; and
  ``labels_web_dev.jsonl`` / ``labels_web_check.jsonl``, real news pages newspaper4k's source
  distribution keeps as test data, copied verbatim, with an ``"origin"`` naming the file and its sha256):
  ``{"id", "kind", "text", "sentences": [{"sentence", "labels", "attributed_to", "note"}]}``;
- sentences of external texts, which stay in ``../shared/data``: rows naming an RGB passage
  (``{"id", "field", "passage", ...}``, ``rgb_en_fact.json``) or a SQuAD paragraph (``{"title",
  "paragraph", ...}``, ``squad2_dev_part.json``), and the sentence either as its text
  (``"sentence"``: RGB's own ``rgb_labels.jsonl``, read beside the passages, a check only, never
  fitted on) or as character offsets (``"start"``, ``"end"``, with ``"passages"``: the texts' file
  relative to the set's), so a set written here copies none of their text;
- sentences of a text file an installed package ships, one document per line (``{"package",
  "file", "sha256", "line", "start", "end", ...}``, and ``"encoding"`` where the file is not UTF-8:
  the Lee news corpus gensim carries, 300 + 50 news articles from the Australian Broadcasting
  Corporation), read in place and checked by its sha256; a set may name several such files.

Each gold sentence is scored against the labelled sentence that overlaps it most; it is right
when the predicted label is one the gold allows. Rows of the confusion matrix: the preferred gold
label; columns: predicted.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import EvalSetError
from assistant.evaluation.sources import SourceScore
from assistant.ingest.load import content_hash
from assistant.ingest.label import label_articles
from assistant.ingest.pipeline import source_prototypes
from assistant.ingest.second_opinion import packaged_model, review
from assistant.ingest.segment import split_sentences
from assistant.types import LABEL_ORDER, Article

if TYPE_CHECKING:
    from assistant.ingest.embed import OnnxSentenceEncoder


@dataclass(frozen=True)
class GoldSentence:
    start: int
    end: int
    allowed: tuple[str, ...]
    source: str = ""  # the gold attributed_to ("the article" for narration)


@dataclass(frozen=True)
class LabelledText:
    doc_id: str
    text: str
    gold: tuple[GoldSentence, ...]


# Label checks whose misses no one reads: reports (the Markdown and the JSON) give their totals only,
# so that no session reads a check sentence by accident.
UNREAD_CHECKS = ("rgb_labels", "labels_lee_check", "labels_web_check")


@dataclass
class LabelScore:
    name: str
    accuracy: float
    sentences: int
    articles: int
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[dict[str, str]] = field(default_factory=list)
    rules_accuracy: float | None = None  # the rules alone, before the learned second opinion's review
    sources: SourceScore | None = None

    @property
    def misses_shown(self) -> bool:
        """Are this set's misses listed in reports? Not a check's no one reads."""
        return self.name not in UNREAD_CHECKS

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "accuracy": self.accuracy, "rules_accuracy": self.rules_accuracy, "sentences": self.sentences,
                "articles": self.articles, "confusion": self.confusion, "misses": self.misses if self.misses_shown else [],
                "sources": self.sources.to_dict() if self.sources else None}


def _located(doc_id: str, text: str, rows: Sequence[tuple[str, Sequence[str], str]]) -> LabelledText:
    gold, pos = [], 0
    for sentence, labels, source in rows:
        start = text.find(sentence, pos)
        if start < 0:
            start = text.find(sentence)
        if start < 0 or not labels or any(lab not in LABEL_ORDER for lab in labels):
            raise EvalSetError(f"{doc_id}: a gold sentence is not in its text or has no valid label: {sentence[:80]!r}",
                               "Each sentence must be an exact substring of the text, with labels from DESIGN.md §3.")
        gold.append(GoldSentence(start, start + len(sentence), tuple(labels), str(source or "")))
        pos = start + len(sentence)
    return LabelledText(doc_id, text, tuple(gold))


def read_label_set(path: Path) -> list[LabelledText]:
    """Any of the formats, told apart by its rows (external rows name a passage or a paragraph, ours carry the text)."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise EvalSetError(f"Cannot read the label set {path}: {exc}", "Give a JSONL file (DESIGN.md §4, evals/).") from exc
    try:
        if rows and {"passage", "paragraph", "line"} & rows[0].keys():
            return _external_texts(path, rows)
        return [_located(r["id"], r["text"], [(s["sentence"], s["labels"], s.get("attributed_to", "")) for s in r["sentences"]]) for r in rows]
    except (KeyError, IndexError, TypeError) as exc:
        raise EvalSetError(f"The label set {path} has a row it cannot read ({type(exc).__name__}: {exc}).",
                           "Rows follow one of the formats in assistant/evaluation/labelsets.py.") from exc


def _external_texts(path: Path, rows: list[dict[str, Any]]) -> list[LabelledText]:
    kind = "squad" if "paragraph" in rows[0] else "line" if "line" in rows[0] else "rgb"
    texts: dict[tuple[Any, ...], str] = {}
    read: set[Any] = set()
    grouped: dict[tuple[Any, ...], list[tuple[str, Sequence[str], str]]] = {}
    for r in rows:
        key = (r["title"], r["paragraph"]) if kind == "squad" else (r["file"], r["line"]) if kind == "line" else (r["id"], r["field"], r["passage"])
        if (source := r.get("file")) not in read:  # a set may label documents of several packaged files
            texts |= _texts_of(kind, path, r)
            read.add(source)
        sentence = r["sentence"] if "sentence" in r else texts[key][r["start"] : r["end"]]
        grouped.setdefault(key, []).append((sentence, r["labels"], r.get("attributed_to", "")))
    return [_located(_doc_id(kind, key), texts[key], sorted(sents, key=lambda s: texts[key].find(s[0])))
            for key, sents in grouped.items()]


def _doc_id(kind: str, key: tuple[Any, ...]) -> str:
    return "-".join(map(str, (Path(key[0]).stem, key[1]) if kind == "line" else (kind, *key)))


def _texts_of(kind: str, path: Path, row: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    source = _packaged_file(row) if kind == "line" else (
        (path.parent / row["passages"]).resolve() if "passages" in row else path.with_name("rgb_en_fact.json"))
    if not source.is_file():
        raise EvalSetError(f"{path} needs the texts it labels in {source}.",
                           "Keep ../shared/data beside the repository (see its README).")
    encoding = row.get("encoding", "utf-8")  # the Lee corpus's lee.cor is Latin-1 (a pound sign)
    try:
        raw = source.read_text(encoding=encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise EvalSetError(f"Cannot read {source} as {encoding}: {exc}",
                           'Name the file\'s encoding in its rows ("encoding": "latin-1").') from exc
    if kind == "line":  # one document per line of a text file shipped by a package
        if hashlib.sha256(raw.encode(encoding)).hexdigest() != row["sha256"]:
            raise EvalSetError(f"{source} is not the file {path} was labelled on (sha256 differs).",
                               f"Install the version pyproject.toml pins for {row['package']} (make install-dev).")
        return {(row["file"], n): line.rstrip() for n, line in enumerate(raw.split("\n"))}
    if kind == "squad":  # SQuAD's JSON: data[].title, paragraphs[].context
        return {(t["title"], i): p["context"] for t in json.loads(raw)["data"] for i, p in enumerate(t["paragraphs"])}
    # RGB's JSONL: a record's positive and negative passages
    return {(rec["id"], fld, n): p for rec in (json.loads(x) for x in raw.splitlines() if x.strip())
            for fld in ("positive", "negative") for n, p in enumerate(rec.get(fld, []))}


def _packaged_file(row: dict[str, Any]) -> Path:
    """A data file an installed distribution ships, found without importing the package."""
    try:
        return Path(str(importlib.metadata.distribution(row["package"]).locate_file(row["file"])))
    except importlib.metadata.PackageNotFoundError as exc:
        raise EvalSetError(f"The label set's texts ship with the package {row['package']!r}, which is not installed.",
                           "make install-dev installs it (pyproject.toml's eval extra).") from exc


def score_label_set(name: str, texts: Sequence[LabelledText], encoder: OnnxSentenceEncoder | None = None) -> LabelScore:
    """Label each text as ingest does (``encoder``: with the described-prototype fallback and the
    learned second opinion; the rules' own labels are scored too) and score it."""
    confusion: dict[str, dict[str, int]] = {g: {p: 0 for p in LABEL_ORDER} for g in LABEL_ORDER}
    right = rules_right = total = 0
    misses = []
    sources = SourceScore()
    for item in texts:
        sentences = [split_sentences(Article(doc_id="labels", text=item.text, content_hash=content_hash(item.text)))]
        rules = label_articles(sentences, prototypes=source_prototypes(encoder) if encoder is not None else None)[0]
        labelled = review([rules], packaged_model())[0] if encoder is not None else rules
        for g in item.gold:
            best = max(range(len(labelled)), key=lambda i: min(labelled[i].end, g.end) - max(labelled[i].start, g.start))
            chosen = labelled[best]
            confusion[g.allowed[0]][chosen.label] += 1
            total += 1
            rules_right += rules[best].label in g.allowed
            sources.add(g.allowed[0], g.source, chosen.label, chosen.attributed_to)
            if chosen.label in g.allowed:
                right += 1
            else:
                misses.append({"doc": item.doc_id, "gold": "/".join(g.allowed), "predicted": chosen.label,
                               "source": chosen.attributed_to, "text": item.text[g.start : g.end]})
    return LabelScore(name, round(right / max(1, total), 4), total, len(texts), confusion, misses,
                      rules_accuracy=round(rules_right / max(1, total), 4) if encoder is not None else None,
                      sources=sources if sources.attributable else None)


def label_set_lines(score: LabelScore, show_misses: bool = True) -> list[str]:
    rules = f" (the rules alone: {score.rules_accuracy:g})" if score.rules_accuracy is not None else ""
    lines = [f"### {score.name}: {score.accuracy:g} on {score.sentences} sentences ({score.articles} texts){rules}", "",
             "| gold \\ predicted | " + " | ".join(LABEL_ORDER) + " |", "|---|" + "---|" * len(LABEL_ORDER)]
    lines += [f"| {g} | " + " | ".join(str(score.confusion[g][p]) for p in LABEL_ORDER) + " |" for g in LABEL_ORDER]
    if score.sources:
        lines += ["", source_line(score.sources.to_dict())]
    if show_misses and score.misses:
        lines += ["", "Misses:", ""]
        lines += [f"- gold `{m['gold']}`, predicted `{m['predicted']}` ({m['source']}): {m['text'][:160]}" for m in score.misses]
    return lines


def source_line(sources: dict[str, Any]) -> str:
    return (f"Sources: of {sources['attributable']} sentences the gold attributes to someone, {sources['attributed']:g} are "
            f"attributed (a label other than `article`), and {sources['source_right']:g} of those to the same source "
            "(assistant/evaluation/sources.py).")

