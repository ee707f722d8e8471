"""The command line as a user runs it: output, JSON, exit codes and hints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.engine import Assistant

from .conftest import CORPUS, run_cli


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = tmp_path_factory.mktemp("cli-index")
    done = run_cli("--index", str(index), "--corpus", str(CORPUS), "ingest")
    assert done.returncode == 0, done.stderr
    assert "1 article(s): 1 indexed" in done.stdout
    return index


def test_help_lists_the_commands() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("ingest", "ask", "eval", "serve"):
        assert command in done.stdout


def test_ask_json_prints_valid_answer_json_with_exact_quotes(cli_index: Path, article_text: str) -> None:
    done = run_cli("--index", str(cli_index), "ask", "Who claimed responsibility for the attacks?", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["answerable"] is True and answer["citations"]
    for c in answer["citations"]:
        assert article_text[c["start"] : c["end"]] == c["quote"]


def test_ask_prints_the_answer_and_its_sources(cli_index: Path) -> None:
    done = run_cli("--index", str(cli_index), "ask", "How many people died?")
    assert done.returncode == 0, done.stderr
    assert "17 people died" in done.stdout and "Sources:" in done.stdout and "[1]" in done.stdout


def test_history_resolves_a_follow_up(cli_index: Path) -> None:
    done = run_cli(
        "--index", str(cli_index), "ask", "What did their message say?",
        "--history", "Who claimed responsibility for the attacks?", "--json",
    )
    assert done.returncode == 0, done.stderr
    assert "democratic development" in json.loads(done.stdout)["answer"]


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   \t ", "empty"), ("?!", "no words"), ("x" * 100_000, "100,000 characters")],
)
def test_bad_questions_exit_2_with_a_hint(cli_index: Path, question: str, message: str) -> None:
    done = run_cli("--index", str(cli_index), "ask", question)
    assert done.returncode == 2
    assert message in done.stderr and "hint:" in done.stderr


def test_control_characters_and_odd_unicode_are_tolerated(cli_index: Path) -> None:
    done = run_cli("--index", str(cli_index), "ask", "Who\x07 claimed\u200b responsibility\x1b for the ﬁrst attacks?", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answerable"] is True


def test_a_missing_index_without_a_corpus_exits_4_with_a_hint(tmp_path: Path) -> None:
    done = run_cli("--index", str(tmp_path / "no-index"), "--corpus", str(tmp_path / "no-corpus"), "ask", "Who?")
    assert done.returncode == 4
    assert "no index" in done.stderr and "assistant ingest" in done.stderr


def test_a_broken_corpus_file_exits_3_and_loses_nothing(cli_index: Path, corpus_copy: Path) -> None:
    def catalog():  # type: ignore[no-untyped-def]
        return Assistant.open(corpus=None, index=cli_index).store.catalog.read()

    before = catalog()
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    done = run_cli("--index", str(cli_index), "ingest", str(corpus_copy))
    assert done.returncode == 3
    assert "broken.txt" in done.stderr and "hint:" in done.stderr
    assert catalog() == before
    again = run_cli("--index", str(cli_index), "--corpus", str(corpus_copy / "missing"), "ask", "How many people died?")
    assert again.returncode == 0 and "17" in again.stdout


def test_an_empty_corpus_file_exits_3(cli_index: Path, corpus_copy: Path) -> None:
    (corpus_copy / "empty.md").write_text("", encoding="utf-8")
    done = run_cli("--index", str(cli_index), "ingest", str(corpus_copy))
    assert done.returncode == 3 and "empty" in done.stderr


def test_eval_json_prints_every_metric(cli_index: Path, tmp_path: Path) -> None:
    evalset = tmp_path / "mini.jsonl"
    evalset.write_text(
        json.dumps({"id": "d", "question": "How many people died?", "answerable": True, "facts": ["17"],
                    "evidence": ["17 people died"]}) + "\n"
        + json.dumps({"id": "u", "question": "What did Vladimir Putin say?", "answerable": False}) + "\n",
        encoding="utf-8",
    )
    done = run_cli("--index", str(cli_index), "eval", str(evalset), "--json", "--report", str(tmp_path / "rep"))
    assert done.returncode == 0, done.stderr
    metrics = json.loads(done.stdout)
    from assistant.evaluation.evaluate import METRICS

    assert set(METRICS) <= set(metrics)
    assert metrics["answer_accuracy"] == 1.0 and metrics["abstention_recall"] == 1.0
    assert (tmp_path / "rep" / "report.md").exists()


def test_index_and_corpus_options_work_after_the_command_too(cli_index: Path) -> None:
    done = run_cli("ask", "How many people died?", "--index", str(cli_index), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answerable"] is True
