"""Shared fixtures: one real index (real Chroma, real embedder) over the project's corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ARTICLE = CORPUS / "aktobe-2016.txt"


def open_newsroom(folder: Path, articles: dict[str, str]):  # type: ignore[no-untyped-def]
    """A real assistant (real Chroma, embedder, labeller) over invented articles, one file each."""
    from assistant import Assistant

    corpus = folder / "corpus"
    corpus.mkdir()
    for doc_id, text in articles.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return Assistant.open(corpus=corpus, index=folder / "index")


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def assistant(index_dir: Path):
    from assistant import Assistant

    return Assistant.open(corpus=CORPUS, index=index_dir)


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: int = 180):
    """Run ``python -m assistant ARGS`` as a user would, returning the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=cwd or ROOT, env=full_env, capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A private copy of corpus/ that a test may break."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def tampered_copy(model_dir: Path, tmp_path: Path) -> Path:
    """A copy of a packaged model folder whose model.onnx no longer matches the sha256 on its card."""
    copy = tmp_path / model_dir.name
    shutil.copytree(model_dir, copy)
    with (copy / "model.onnx").open("ab") as handle:
        handle.write(b"\0")
    return copy


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(folder: Path, **settings: str) -> Iterator[str]:
    """``python app.py`` on a free loopback port with its own index and audit log; yields its URL."""
    import socket
    import time

    port = free_port()
    env = {**os.environ, "ASSISTANT_PORT": str(port), "ASSISTANT_INDEX_DIR": str(folder / "index"),
           "ASSISTANT_CORPUS": str(CORPUS), "ASSISTANT_AUDIT_PATH": str(folder / "audit.jsonl"), **settings}
    # The server's log goes to a file: a pipe nobody reads fills after a few hundred requests and
    # then blocks the server on its next log line.
    log = (folder / "app.log").open("w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"app.py exited: {(folder / 'app.log').read_text(encoding='utf-8')}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.time() > deadline:
                    pytest.fail("app.py did not start listening")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
            pytest.fail("app.py did not stop within 30 s of SIGTERM")
        finally:
            log.close()
