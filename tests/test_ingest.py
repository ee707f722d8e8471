"""Ingestion is idempotent, replaces changed articles and survives being killed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant

from .conftest import CORPUS, ROOT, run_cli


def test_re_ingesting_the_same_corpus_adds_nothing(tmp_path: Path) -> None:
    first = Assistant.open(corpus=CORPUS, index=tmp_path)
    count = first.store.count()
    report = first.ingest(first.articles())
    assert (report.added, report.unchanged) == (0, 1)
    assert Assistant.open(corpus=CORPUS, index=tmp_path).store.count() == count == 33


def test_a_changed_article_replaces_its_old_version(tmp_path: Path, corpus_copy: Path) -> None:
    assistant = Assistant.open(corpus=corpus_copy, index=tmp_path / "index")
    (corpus_copy / "aktobe-2016.txt").write_text("The mayor said the bridge will reopen on Friday.", encoding="utf-8")
    reopened = Assistant.open(corpus=corpus_copy, index=tmp_path / "index")
    assert reopened.store.count() == 1
    answer = reopened.ask("When will the bridge reopen?")
    assert answer.answerable and "Friday" in answer.answer
    assert answer.citations[0].label == "official"
    assert assistant.settings.index_dir == reopened.settings.index_dir


def test_an_article_added_to_the_corpus_becomes_answerable(tmp_path: Path, corpus_copy: Path) -> None:
    (corpus_copy / "flood.md").write_text(
        "The river rose two metres overnight. Police closed the old bridge, the city council said.", encoding="utf-8"
    )
    assistant = Assistant.open(corpus=corpus_copy, index=tmp_path / "index")
    answer = assistant.ask("Who closed the old bridge?")
    assert answer.answerable and answer.citations[0].doc_id == "flood"


def _write_archive(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"story-{i:04d}.txt").write_text(
            " ".join(f"Officials in district {i} said road {j} would reopen on day {j + i}." for j in range(12)),
            encoding="utf-8",
        )


def _kill_while_indexing(index: Path, archive: Path, committed: int) -> None:
    """Start `assistant ingest ARCHIVE` and kill -9 it once ``committed`` articles are indexed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--index", str(index), "ingest", str(archive)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    seen = b""
    deadline = time.time() + 180
    # The progress bar says how many articles are committed; a batch more is being written.
    while time.time() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        assert chunk, "the ingest ended before it could be killed"
        seen = (seen + chunk)[-200:]
        done = [int(n) for n in re.findall(rb"(\d+)/\d+ \[", seen)]
        if done and done[-1] >= committed:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_a_killed_ingest_leaves_the_previous_index_usable_and_the_next_ingest_clears_its_leftovers(
    tmp_path: Path,
) -> None:
    index = tmp_path / "index"
    Assistant.open(corpus=CORPUS, index=index)
    archive = tmp_path / "archive"
    _write_archive(archive, 150)
    _kill_while_indexing(index, archive, committed=64)
    survivor = Assistant.open(corpus=None, index=index)
    answer = survivor.ask("How many people died?")
    assert answer.answerable and "17 people died" in answer.answer
    assert all(c.doc_id == "aktobe-2016" for c in answer.citations)
    assert len(survivor.articles()) > 1  # the batches committed before the kill are indexed
    # An ingest of a smaller corpus (the seed alone, pruning the rest): exactly its vectors remain.
    smaller = run_cli("ingest", str(CORPUS), "--prune", "--index", str(index))
    assert smaller.returncode == 0, smaller.stderr
    after = Assistant.open(corpus=None, index=index)
    assert [a.doc_id for a in after.articles()] == ["aktobe-2016"]
    assert after.store.count() == after.corpus.size == 33
    assert after.ask("How many people died?").model_dump(exclude={"timings_ms"}) == answer.model_dump(
        exclude={"timings_ms"}
    )


def test_the_next_ingest_finishes_what_a_killed_one_started(tmp_path: Path) -> None:
    index = tmp_path / "index"
    archive = tmp_path / "archive"
    _write_archive(archive, 140)
    _kill_while_indexing(index, archive, committed=64)
    finished = Assistant.open(corpus=archive, index=index)
    assert len(finished.articles()) == 140
    assert finished.store.count() == finished.corpus.size


def test_an_index_built_by_another_pipeline_is_rebuilt(tmp_path: Path) -> None:
    first = Assistant.open(corpus=CORPUS, index=tmp_path)
    first.store.catalog.bump("some-older-pipeline")  # as an index written by an older version looks
    reopened = Assistant.open(corpus=None, index=tmp_path)
    assert reopened.store.catalog.state()[1] == "some-older-pipeline"
    rebuilt = Assistant.open(corpus=CORPUS, index=tmp_path)
    assert rebuilt.store.catalog.state()[1] == rebuilt.index_id
    assert rebuilt.store.count() == 33


def test_an_instance_following_the_store_reads_only_the_articles_that_changed(
    tmp_path: Path, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.index import catalog

    writer = Assistant.open(corpus=corpus_copy, index=tmp_path / "index")
    follower = Assistant.open(corpus=None, index=tmp_path / "index")
    whole_reads: list[bool] = []
    read = follower.store.catalog.read
    monkeypatch.setattr(follower.store.catalog, "read", lambda doc_ids=None: (whole_reads.append(doc_ids is None), read(doc_ids))[1])

    writer.put_article(writer.new_article("bridge", "The mayor said the Dunmore bridge will reopen on Friday."))
    assert follower.refresh() and follower.has_article("bridge")
    assert follower.ask("When will the Dunmore bridge reopen?").answerable
    writer.delete_article("bridge")
    assert follower.refresh() and not follower.has_article("bridge")
    assert whole_reads == []  # the commit log named the article: no instance read the whole catalog

    # An instance further behind than the log reaches reads the whole catalog, and is right.
    monkeypatch.setattr(catalog, "LOG_KEEP", 1)
    writer.put_article(writer.new_article("bridge", "The mayor said the Dunmore bridge will reopen on Monday."))
    writer.put_article(writer.new_article("ferry", "The ferry to Dunmore resumes on Tuesday, the port said."))
    assert follower.refresh() and whole_reads == [True]
    assert {a.doc_id for a in follower.articles()} == {a.doc_id for a in writer.articles()} == {"aktobe-2016", "bridge", "ferry"}
    assert "Monday" in follower.ask("When will the Dunmore bridge reopen?").answer


def test_records_read_back_from_the_store_are_the_records_that_were_written(assistant) -> None:
    """Loading shares pydantic's per-object field sets to save memory; nothing else changes."""
    from assistant.ingest.pipeline import build_records

    entry = assistant.store.catalog.read().docs["aktobe-2016"]
    record = assistant.store.catalog.records({"aktobe-2016": entry.content_hash})["aktobe-2016"]
    written = build_records([assistant.corpus.records["aktobe-2016"].article], assistant.encoder)[0]
    assert record.model_dump_json() == written.model_dump_json()
    first, second = record.sentences[0], record.sentences[1]
    changed = first.model_copy(update={"cue": "x"})
    assert changed.cue == "x" and second.cue != "x" and first.model_fields_set == second.model_fields_set


def test_free_memory_goes_back_to_the_system_after_loading() -> None:
    from assistant.index.memory import give_back_free_memory

    assert give_back_free_memory() is (sys.platform == "linux")


def test_the_index_holds_one_vector_per_sentence_and_passages_are_scored_from_them(assistant) -> None:
    """A passage's vector is the normalised mean of its sentences' vectors (no second collection)."""
    import numpy as np

    from assistant.answer.question import analyse
    from assistant.answer.retrieve import Query, retrieve
    from assistant.index.store import sentence_node_id

    assert assistant.store.count() == sum(len(r.sentences) for r in assistant.corpus.records.values())
    question = "What did the authorities say about the attackers?"
    ranked = retrieve(Query(analyse(question)), assistant.corpus, assistant.store, assistant.encoder, 24)
    query = assistant.encoder.encode([question])[0]
    record = assistant.corpus.records["aktobe-2016"]
    for scored in ranked[:5]:
        s = scored.sentence
        best = 0.0
        for passage in (p for p in record.passages if s.idx in p.sentence_ids):
            ids = [sentence_node_id(s.doc_id, record.article.content_hash, i) for i in passage.sentence_ids]
            mean = np.stack(list(assistant.store.sentence_vectors(ids).values())).mean(axis=0)
            best = max(best, float(mean @ query) / float(np.linalg.norm(mean)))
        assert abs(scored.context - best) < 1e-5


def test_an_index_from_before_pipeline_5_drops_its_passage_vectors(tmp_path: Path) -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    Assistant.open(corpus=CORPUS, index=tmp_path)
    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    client.get_or_create_collection("newsroom_passages", embedding_function=None).add(ids=["x"], embeddings=[[0.0] * 384])
    reopened = Assistant.open(corpus=CORPUS, index=tmp_path)
    names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    assert names == {"newsroom_sentences", "newsroom_articles"} and reopened.store.count() == 33


def test_an_emptied_vector_store_is_an_error_on_ask_never_a_refusal(tmp_path: Path) -> None:
    from assistant.errors import IndexMissing

    assistant = Assistant.open(corpus=CORPUS, index=tmp_path)
    assistant.store.delete_all()  # as a store emptied or replaced under the service looks
    with pytest.raises(IndexMissing) as missing:
        assistant.ask("How many people died?")
    assert missing.value.http_status == 503 and "assistant ingest" in missing.value.hint
    with pytest.raises(IndexMissing):
        assistant.ready()


def test_articles_ingested_in_several_batches_are_labelled_as_each_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next batch is parsed while one is embedded and stored: every article still gets the
    labels it gets on its own, and in its own record."""
    from assistant.ingest import pipeline
    from assistant.ingest.load import new_article

    texts = {
        "ministry": "The Interior Ministry said on Monday that the bridge would reopen. It gave no date.",
        "post": 'A post shared on Telegram read: "Officials confirmed the blast was staged." Police denied it.',
        "club": "The club announced that its coach had resigned. Fans gathered outside the stadium.",
        "witness": "Witnesses told reporters they heard two explosions. The fire was out by noon.",
        "plain": "The river rose two metres overnight. Schools stayed closed.",
    }
    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", 2)
    assistant = Assistant.open(corpus=None, index=tmp_path, require_index=False)
    report = assistant.ingest([new_article(doc_id, text) for doc_id, text in texts.items()])
    assert report.added == len(texts)
    for doc_id, text in texts.items():
        alone = assistant.label(text)
        stored = assistant.corpus.records[doc_id].sentences
        assert [(s.text, s.label, s.attributed_to, s.reason) for s in stored] == [(s.text, s.label, s.attributed_to, s.reason) for s in alone]
