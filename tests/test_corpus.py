"""The loader keeps text verbatim, gives stable doc_ids and refuses broken files with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import CorpusError
from assistant.ingest.load import load_corpus

from .conftest import ARTICLE, CORPUS


def test_the_seed_article_is_loaded_byte_for_byte_with_its_metadata() -> None:
    [article] = load_corpus([CORPUS])
    assert article.text.encode("utf-8") == ARTICLE.read_bytes()
    assert article.doc_id == "aktobe-2016"
    assert article.outlet == "unknown" and article.title == "unknown" and article.language == "en"


def test_doc_ids_are_stable_across_loads(tmp_path: Path) -> None:
    (tmp_path / "Some Story!.md").write_text("# Title\n\nThe mayor said the road is closed.", encoding="utf-8")
    first = load_corpus([tmp_path])
    second = load_corpus([tmp_path])
    assert [a.doc_id for a in first] == [a.doc_id for a in second] == ["some-story"]
    assert first[0].content_hash == second[0].content_hash


def test_html_keeps_visible_text_only(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><title>Flood report</title><script>alert('x')</script><style>p{}</style></head>"
        "<body><p>The river rose two metres.</p><p>Police closed the bridge &amp; the road.</p></body></html>",
        encoding="utf-8",
    )
    [article] = load_corpus([tmp_path])
    assert article.text == "The river rose two metres.\nPolice closed the bridge & the road."
    assert article.title == "Flood report"
    assert "alert" not in article.text


def test_a_non_utf8_file_is_refused_with_its_name_and_a_hint(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners said so.".encode("latin-1"))
    with pytest.raises(CorpusError) as err:
        load_corpus([tmp_path])
    assert "latin.txt" in err.value.message and "not UTF-8" in err.value.message
    assert "UTF-8" in err.value.hint


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty"):
        load_corpus([tmp_path])


def test_a_missing_folder_or_an_empty_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus([tmp_path / "nowhere"])
    with pytest.raises(CorpusError, match="No articles"):
        load_corpus([tmp_path])


def test_broken_metadata_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council said yes.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="metadata"):
        load_corpus([tmp_path])
