"""One evaluation run as the CLI starts it: a set against the assistant and the baselines, labels
over every sentence, optionally RGB, SQuAD and label sets, and the report written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.evaluation.evaluate import load_evalset
from assistant.evaluation.report import (
    ASSISTANT,
    SuiteResult,
    load_gold_labels,
    rgb_lines,
    run_suite,
    squad_lines,
    write_suite,
)

if TYPE_CHECKING:
    from assistant.engine import Assistant


@dataclass(frozen=True)
class EvalRun:
    suite: SuiteResult
    rgb: dict[str, Any] | None
    squad: dict[str, Any] | None
    report: Path
    label_sets: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        """The assistant's metrics (DESIGN.md §4 names), with labels over all sentences when known."""
        metrics = dict(self.suite.systems[ASSISTANT])
        if self.suite.labels is not None:
            metrics["label_accuracy_all_sentences"] = self.suite.labels.exact
        for score in self.label_sets:
            metrics[f"label_accuracy_{score['name']}"] = score["accuracy"]
        return metrics

    def lines(self) -> list[str]:
        """The console table: one row a metric, one column a system, then RGB."""
        systems = self.suite.systems
        names = list(systems)
        out = [f"{'metric':<30}" + "".join(f"{n:>22}" for n in names)]
        for metric in systems[ASSISTANT]:
            out.append(f"{metric:<30}" + "".join(f"{systems[n].get(metric, 0):>22g}" for n in names))
        if self.suite.labels is not None:
            out.append(f"{'label_accuracy_all_sentences':<30}{self.suite.labels.exact:>22g}")
        for score in self.label_sets:
            out.append(f"{'label_accuracy_' + score['name']:<30}{score['accuracy']:>22g}  ({score['sentences']} sentences)")
        if self.rgb is not None:
            out.extend(rgb_lines(self.rgb))
        if self.squad is not None:
            out.extend(["", *squad_lines(self.squad)])
        out.append(f"Report: {self.report}")
        return out


def evaluate_assistant(
    assistant: Assistant,
    evalset: Path,
    report_dir: Path,
    labels: Path | None = None,
    baselines: bool = True,
    rgb: Path | None = None,
    squad: Path | None = None,
    label_sets: Sequence[Path] = (),
) -> EvalRun:
    """Run ``evalset`` (and RGB's en_fact, SQuAD's files and label sets when given) and write the report."""
    cases = load_evalset(evalset)
    records = assistant.corpus.records
    systems = {ASSISTANT: lambda q, h: assistant.ask(q, history=h).model_dump()}
    if baselines:
        from assistant.evaluation.baselines import Bm25TopSentence, LlamaIndexDefault

        systems["llamaindex_default"] = LlamaIndexDefault(records, assistant.encoder).ask
        systems["bm25_top_sentence"] = Bm25TopSentence(records).ask
    gold_path = labels or evalset.with_name(f"{evalset.stem}_labels.jsonl")
    gold = load_gold_labels(gold_path) if gold_path.is_file() else []
    predicted = {(s.start, s.end): s.label for r in records.values() for s in r.sentences}
    suite = run_suite(
        evalset, cases, systems,
        {d: r.article.text for d, r in records.items()},
        {d: [(s.start, s.end) for s in r.sentences] for d, r in records.items()},
        gold, predicted,
    )
    rgb_result = None
    if rgb is not None:
        from assistant.evaluation.rgb import run_rgb

        rgb_result = run_rgb(rgb).to_dict()
    squad_result = None
    if squad is not None:
        from assistant.evaluation.squad import run_squad

        squad_result = run_squad(squad, baselines=baselines).to_dict()
    from assistant.evaluation.labelsets import read_label_set, score_label_set

    scores = [score_label_set(path.stem, read_label_set(path), assistant.encoder) for path in label_sets]
    report = write_suite(report_dir, suite, rgb_result, squad_result, scores)
    return EvalRun(suite, rgb_result, squad_result, report, [s.to_dict() for s in scores])
