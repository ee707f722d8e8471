"""The command line: ``assistant ingest | ask | eval | serve``. Parses, calls, renders; no logic."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import AssistantError, ConfigError
from assistant.offline import go_offline
from assistant.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Answer questions from the newsroom's source articles, with exact, provenance-labelled citations.",
    )
    parser.add_argument("--index", type=Path, help="index folder (default: ASSISTANT_INDEX_DIR or .index)")
    parser.add_argument("--corpus", type=Path, help="articles folder (default: ASSISTANT_CORPUS or corpus)")
    # The same two options are accepted after the command too ("assistant ingest --index DIR").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", type=Path, default=argparse.SUPPRESS, help="index folder")
    common.add_argument("--corpus", type=Path, default=argparse.SUPPRESS, help="articles folder")
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", parents=[common], help="index articles (.txt, .md, .html) that are new or changed")
    ingest.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the corpus folder)")
    ingest.add_argument("--prune", action="store_true",
                        help="also remove indexed articles that are not among these paths (from every instance)")

    ask = sub.add_parser("ask", parents=[common], help="ask one question")
    ask.add_argument("question")
    ask.add_argument("--history", action="append", default=[], metavar="EARLIER_QUESTION",
                     help="an earlier question of the conversation, oldest first; repeatable")
    ask.add_argument("--doc", action="append", default=None, metavar="DOC_ID", help="only these articles; repeatable")
    ask.add_argument("--json", action="store_true", help="print the Answer JSON")

    ev = sub.add_parser("eval", parents=[common], help="run an evaluation set against the assistant and the baselines; write a report")
    ev.add_argument("evalset", type=Path)
    ev.add_argument("--json", action="store_true", help="print the assistant's metrics as one JSON object")
    ev.add_argument("--report", type=Path, default=None, help="report folder (default: reports/<set name>)")
    ev.add_argument("--no-baselines", action="store_true", help="skip the llama-index and BM25 baselines")
    ev.add_argument("--labels", type=Path, default=None,
                    help="gold provenance labels for every sentence (default: <set>_labels.jsonl beside the set)")
    ev.add_argument("--rgb", type=Path, default=None, metavar="RGB_JSON",
                    help="also run RGB's en_fact set (e.g. ../shared/data/rgb_en_fact.json); skipped if absent")
    ev.add_argument("--squad", type=Path, default=None, metavar="SQUAD_JSON",
                    help="also run SQuAD 2.0's held-out titles (e.g. ../shared/data/squad2_dev_part.json); skipped if absent")

    label = sub.add_parser("label", help="each sentence of the given articles with its provenance label, source, cue and reason")
    label.add_argument("files", nargs="+", type=Path, help="article files or folders (.txt, .md, .html)")
    label.add_argument("--json", action="store_true", help="print one JSON object: the articles and their labelled sentences")

    ev.add_argument("--label-set", action="append", default=[], type=Path, metavar="LABELS_JSONL",
                    help="also score provenance labels on a hand-labelled set (evals/labels_dev.jsonl, "
                         "../shared/data/rgb_labels.jsonl); repeatable; skipped if absent")

    bench = sub.add_parser("bench", parents=[common], help="benchmark latency, ingest, cold start and memory against llama-index defaults")
    bench.add_argument("--sizes", default="1,1000", help="archive sizes in articles, comma-separated (1 = the seed corpus)")
    bench.add_argument("--out", type=Path, default=Path("bench"), help="report folder")
    bench.add_argument("--pairs", type=int, default=1,
                       help="runs of our ingest and the baseline's, back to back, per archive beyond the seed (the median ratio is reported)")

    serve = sub.add_parser("serve", parents=[common], help="start the web service: browser chat and REST API (same as python app.py)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    updates: dict[str, object] = {}
    if args.index is not None:
        updates["index_dir"] = args.index
    if args.corpus is not None:
        updates["corpus"] = args.corpus
    if getattr(args, "host", None):
        updates["host"] = args.host
    if getattr(args, "port", None):
        updates["port"] = args.port
    return Settings().model_copy(update=updates)


def _open(settings: Settings):  # type: ignore[no-untyped-def]
    from assistant.engine import Assistant

    corpus = settings.corpus if settings.corpus.exists() else None
    return Assistant.open(corpus=corpus, settings=settings)


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.engine import Assistant

    paths = args.paths or [settings.corpus]
    articles = Assistant.read_corpus(paths)  # read everything before touching the index
    assistant = Assistant.open(corpus=None, settings=settings, require_index=False)
    report = assistant.ingest(articles, prune=args.prune)
    print(f"{report.summary()} Index: {settings.index_dir}")
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    answer = _open(settings).ask(args.question, history=args.history, doc_ids=args.doc)
    if args.json:
        print(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
    else:
        from assistant.web.render import answer_text

        print(answer_text(answer))
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    _require_eval_extra()
    from assistant.evaluation.runner import evaluate_assistant

    external = {"RGB": args.rgb, "SQuAD": args.squad}
    for name, path in external.items():
        if path is not None and not path.is_file():
            print(f"{name} skipped: {path} is not there (it lives in ../shared/data/).", file=sys.stderr)
            external[name] = None
    label_sets = [p for p in args.label_set if p.is_file()]
    for path in sorted(set(args.label_set) - set(label_sets)):
        print(f"label set skipped: {path} is not there.", file=sys.stderr)
    run = evaluate_assistant(
        _open(settings), args.evalset, args.report or Path("reports") / args.evalset.stem,
        labels=args.labels, baselines=not args.no_baselines, rgb=external["RGB"], squad=external["SQuAD"],
        label_sets=label_sets,
    )
    print(json.dumps(run.metrics()) if args.json else "\n".join(run.lines()))
    return 0


def _label(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.engine import Assistant

    labelled = Assistant.label_files(args.files)
    if args.json:
        out = {"articles": [{"doc_id": a.doc_id, "source_path": a.source_path, "sentences": [s.model_dump() for s in sentences]}
                            for a, sentences in labelled]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for article, sentences in labelled:
        print(f"# {article.doc_id} ({article.source_path})")
        for s in sentences:
            print(f"[{s.idx}] {s.label:<12} {s.attributed_to}  ({s.start}-{s.end})")
            print(f"    {s.text}")
            print(f"    why: {s.reason}" + (f"; cue '{s.cue}'" if s.cue else ""))
    return 0


def _require_eval_extra() -> None:
    """The evaluation tooling is an extra: say how to install it rather than fail on an import."""
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:
        raise ConfigError(
            "The evaluation tools are not installed (they need matplotlib).",
            "Run `make eval` or `make bench`, or `pip install -e '.[eval]'`.",
        )


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.web.api import serve

    serve(settings)
    return 0


def _bench(args: argparse.Namespace, settings: Settings) -> int:
    _require_eval_extra()
    from assistant.evaluation.bench import run_bench, write_bench

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    report = write_bench(args.out, run_bench(sizes, Path.cwd(), pairs=max(1, args.pairs)))
    print(report.read_text(encoding="utf-8"))
    return 0


COMMANDS = {"ingest": _ingest, "ask": _ask, "eval": _eval, "label": _label, "serve": _serve, "bench": _bench}


def main(argv: Sequence[str] | None = None) -> int:
    go_offline()
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
        return COMMANDS[args.command](args, settings)
    except AssistantError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"hint: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
