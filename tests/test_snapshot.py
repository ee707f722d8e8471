"""One question reads one view of the index: articles replaced or deleted meanwhile never break it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from assistant.errors import ArticleNotFound

from .conftest import ARTICLE

VERSIONS = [
    "The harbour bridge in Lindqvist will reopen on Friday, the city engineer said. Repairs cost 4 million euros.",
    "The harbour bridge in Lindqvist will stay closed until March, the city engineer said on Tuesday. "
    "Repairs now cost 6 million euros, according to the council.",
]
QUESTIONS = ["When will the harbour bridge in Lindqvist reopen?", "How much do the bridge repairs cost?",
             "How many people died?", "Who claimed responsibility for the attacks?"]


def test_readers_never_fail_or_misquote_while_a_writer_replaces_and_deletes(tmp_path: Path) -> None:
    from assistant import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / ARTICLE.name).write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    assistant = Assistant.open(corpus=corpus, index=tmp_path / "index")
    seed = ARTICLE.read_text(encoding="utf-8")
    texts = {"bridge": set(VERSIONS), "aktobe-2016": {seed}}
    errors: list[str] = []
    answered = [0]
    stop = time.monotonic() + 30

    def writer() -> None:
        turn = 0
        while time.monotonic() < stop:
            try:
                if turn % 3 == 2:
                    assistant.delete_article("bridge")
                else:
                    assistant.put_article(assistant.new_article("bridge", VERSIONS[turn % 2]))
            except ArticleNotFound:
                pass  # deleting what is already gone
            except Exception as exc:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(f"writer: {exc!r}")
            turn += 1

    def reader(offset: int) -> None:
        n = offset
        while time.monotonic() < stop:
            try:
                answer = assistant.ask(QUESTIONS[n % len(QUESTIONS)])
                for c in answer.citations:
                    if not any(t[c.start : c.end] == c.quote for t in texts.get(c.doc_id, ())):
                        errors.append(f"bad quote {c.doc_id} {c.start}-{c.end}: {c.quote[:60]}")
                answered[0] += 1
            except Exception as exc:  # noqa: BLE001
                errors.append(f"reader: {exc!r}")
            n += 1

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert answered[0] > 20
