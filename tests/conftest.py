"""Shared fixtures: one real index (real Chroma, real embedder) over the project's corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ARTICLE = CORPUS / "aktobe-2016.txt"


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
