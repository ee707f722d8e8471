"""Ingestion is idempotent, replaces changed articles and survives being killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from assistant import Assistant

from .conftest import CORPUS, ROOT


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


def test_a_killed_ingest_leaves_the_previous_index_usable(tmp_path: Path) -> None:
    index = tmp_path / "index"
    Assistant.open(corpus=CORPUS, index=index)
    before = (index / "catalog.json").read_bytes()
    archive = tmp_path / "archive"
    _write_archive(archive, 400)
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--index", str(index), "ingest", str(archive)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.time() + 120
    # Wait until it is writing vectors (the records folder fills up), then kill it hard.
    while time.time() < deadline and len(list((index / "articles").glob("story-*"))) < 5:
        time.sleep(0.1)
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (index / "catalog.json").read_bytes() == before
    survivor = Assistant.open(corpus=None, index=index)
    answer = survivor.ask("How many people died?")
    assert answer.answerable and "17 people died" in answer.answer
    assert all(c.doc_id == "aktobe-2016" for c in answer.citations)
    # And the next ingest finishes the job.
    finished = Assistant.open(corpus=archive, index=index)
    assert len(finished.articles()) == 400


def test_an_index_built_by_another_pipeline_is_rebuilt(tmp_path: Path) -> None:
    import json

    Assistant.open(corpus=CORPUS, index=tmp_path)
    catalog = json.loads((tmp_path / "catalog.json").read_text(encoding="utf-8"))
    catalog["embedder"] = "some-older-pipeline"
    (tmp_path / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")
    reopened = Assistant.open(corpus=CORPUS, index=tmp_path)
    assert json.loads((tmp_path / "catalog.json").read_text(encoding="utf-8"))["embedder"] != "some-older-pipeline"
    assert reopened.store.count() == 33


def test_records_loaded_from_the_index_are_the_records_that_were_written(assistant) -> None:
    """Loading shares pydantic's per-object field sets to save memory; nothing else changes."""
    from assistant.index.catalog import read_catalog, read_record

    index = assistant.settings.index_dir
    entry = read_catalog(index).docs["aktobe-2016"]
    record = read_record(index, entry)
    on_disk = (index / entry.record).read_text(encoding="utf-8")
    assert record.model_dump_json() == on_disk
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
    assert names == {"newsroom_sentences"} and reopened.store.count() == 33
