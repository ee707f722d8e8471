"""The command line: ``assistant ingest | ask | eval | serve``. Parses, calls, renders; no logic."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import AssistantError
from assistant.offline import go_offline
from assistant.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Answer questions from the newsroom's source articles, with exact, provenance-labelled citations.",
    )
    parser.add_argument("--index", type=Path, help="index folder (default: ASSISTANT_INDEX_DIR or .index)")
    parser.add_argument("--corpus", type=Path, help="articles folder (default: ASSISTANT_CORPUS or corpus)")
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="index articles (.txt, .md, .html); the index mirrors the given paths")
    ingest.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the corpus folder)")

    ask = sub.add_parser("ask", help="ask one question")
    ask.add_argument("question")
    ask.add_argument("--history", action="append", default=[], metavar="EARLIER_QUESTION",
                     help="an earlier question of the conversation, oldest first; repeatable")
    ask.add_argument("--doc", action="append", default=None, metavar="DOC_ID", help="only these articles; repeatable")
    ask.add_argument("--json", action="store_true", help="print the Answer JSON")

    ev = sub.add_parser("eval", help="run an evaluation set and report the metrics")
    ev.add_argument("evalset", type=Path)
    ev.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    ev.add_argument("--report", type=Path, default=None, help="report folder (default: reports/<set name>)")

    serve = sub.add_parser("serve", help="start the browser chat (same as python app.py)")
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
    from assistant.corpus import load_corpus
    from assistant.engine import Assistant

    paths = args.paths or [settings.corpus]
    articles = load_corpus(list(paths))  # read everything before touching the index
    assistant = Assistant.open(corpus=None, settings=settings, require_index=False)
    report = assistant.ingest(articles)
    print(f"{report.summary()} Index: {settings.index_dir}")
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    answer = _open(settings).ask(args.question, history=args.history, doc_ids=args.doc)
    if args.json:
        print(json.dumps(answer.model_dump(), ensure_ascii=False, indent=2))
    else:
        from assistant.render import answer_text

        print(answer_text(answer))
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluate import load_evalset, run_assistant, write_report

    cases = load_evalset(args.evalset)
    metrics, results = run_assistant(_open(settings), cases)
    report_dir = args.report or Path("reports") / args.evalset.stem
    report = write_report(report_dir, metrics, results, args.evalset)
    if args.json:
        print(json.dumps(metrics))
    else:
        width = max(map(len, metrics))
        for name, value in metrics.items():
            print(f"{name:<{width}}  {value}")
        print(f"Report: {report}")
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.ui import serve

    serve(settings)
    return 0


COMMANDS = {"ingest": _ingest, "ask": _ask, "eval": _eval, "serve": _serve}


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
