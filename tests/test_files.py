"""Files on disk: what the service writes its group can read; an unwritable or unreadable place
gives a clear error with a hint, and changes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.engine import Assistant
from assistant.errors import CorpusError, StoreUnavailable

from .conftest import ARTICLE, run_cli

ROOT_USER = os.geteuid() == 0


@pytest.fixture()
def opened(tmp_path: Path) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / ARTICLE.name).write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return Assistant.open(corpus=corpus, index=tmp_path / "index")


def test_the_catalog_and_api_articles_are_readable_by_the_services_group(opened: Assistant) -> None:
    opened.put_article(opened.new_article("bridge", "The harbour bridge will reopen on Friday, the city engineer said."))
    written = [opened.settings.index_dir / "chroma" / "chroma.sqlite3", opened.settings.corpus / "bridge.txt"]
    old_umask = os.umask(0o022)
    os.umask(old_umask)
    for path in written:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == 0o666 & ~old_umask, (path, oct(mode))  # as open() would make it, not mkstemp's 0600
        assert mode & stat.S_IRGRP


def test_an_article_that_cannot_be_saved_is_refused_with_a_hint_and_not_indexed(opened: Assistant, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the corpus folder's parent should be", encoding="utf-8")
    unwritable = opened.settings.model_copy(update={"corpus": blocker / "corpus"})
    opened.settings = unwritable
    with pytest.raises(CorpusError) as refused:
        opened.put_article(opened.new_article("bridge", "The harbour bridge will reopen on Friday, the city engineer said."))
    assert "ASSISTANT_CORPUS" in refused.value.hint
    assert not opened.has_article("bridge")


@pytest.mark.skipif(ROOT_USER, reason="root writes into read-only folders; run the suite as a normal user to check this")
def test_a_read_only_corpus_folder_refuses_writes_and_keeps_answering(opened: Assistant) -> None:
    folder = opened.settings.corpus
    folder.chmod(0o555)
    try:
        with pytest.raises(CorpusError, match="not writable"):
            opened.put_article(opened.new_article("bridge", "The harbour bridge will reopen on Friday."))
        assert not opened.has_article("bridge")
        assert opened.ask("How many people died?").answerable
    finally:
        folder.chmod(0o755)


def test_an_unusable_index_folder_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    (index / "chroma").write_text("a file where the store's folder should be", encoding="utf-8")
    done = run_cli("ask", "How many people died?", "--index", str(index), "--corpus", str(tmp_path / "none"))
    assert done.returncode == StoreUnavailable.exit_code, done.stderr
    assert str(index / "chroma") in done.stderr and "hint:" in done.stderr and "Traceback" not in done.stderr
