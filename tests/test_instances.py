"""Several app instances on one Chroma server are one service: what is written through one is
answered through all, and starting one never removes what another added."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from .conftest import CORPUS, free_port, running_app
from .test_chroma_server import chroma_server, server_env

FOLLOW_S = 5.0  # what the product promises: a write through one instance is answered by all within 5 s
BRIDGE = "bridge"
VERSIONS = {
    "v1": "The harbour bridge will reopen on Friday, the city engineer said. Traffic will be limited to cars.",
    "v2": "The harbour bridge will stay closed until March, the city engineer said. Ferries will run every hour.",
}


def eventually(check: Callable[[], bool], within: float = FOLLOW_S) -> float:
    """Seconds until ``check()`` holds; fails the test after ``within``."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > within:
            pytest.fail(f"not true within {within} s")
        time.sleep(0.2)
    return time.monotonic() - started


def cites(api: httpx.Client, question: str, doc_id: str) -> bool:
    answer = api.post("/api/v1/ask", json={"question": question})
    assert answer.status_code == 200, answer.text
    return any(c["doc_id"] == doc_id for c in answer.json()["citations"])


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A `chroma run` on 127.0.0.1 and three app instances on it: A and B with the seed corpus, C
    started afterwards on an empty corpus folder."""
    base = tmp_path_factory.mktemp("instances")
    port = free_port()
    folders = {name: base / name for name in "abc"}
    for name, folder in folders.items():
        folder.mkdir()
        if name != "c":
            shutil.copytree(CORPUS, folder / "corpus")
        else:
            (folder / "corpus").mkdir()
    with chroma_server(base / "chroma-data", port):
        env = {name: {**server_env(port, folder / "index"), "ASSISTANT_CORPUS": str(folder / "corpus"),
                      "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0"}
               for name, folder in folders.items()}
        with running_app(folders["a"], **env["a"]) as a, running_app(folders["b"], **env["b"]) as b:
            apis = {"a": httpx.Client(base_url=a.rstrip("/"), timeout=60),
                    "b": httpx.Client(base_url=b.rstrip("/"), timeout=60)}
            before_c = apis["a"].get("/api/v1/articles").json()
            with running_app(folders["c"], **env["c"]) as c:
                apis["c"] = httpx.Client(base_url=c.rstrip("/"), timeout=60)
                yield apis, before_c


def test_an_instance_started_on_an_empty_folder_serves_the_shared_index_and_deletes_nothing(three) -> None:
    apis, before_c = three
    assert apis["a"].get("/api/v1/articles").json() == before_c
    assert [a["doc_id"] for a in apis["c"].get("/api/v1/articles").json()] == ["aktobe-2016"]
    ready = apis["c"].get("/readyz")
    assert ready.status_code == 200 and ready.json()["vectors"] == 33
    assert cites(apis["c"], "How many people died?", "aktobe-2016")


def test_an_article_added_through_one_is_answered_through_the_others_then_deleted_everywhere(three) -> None:
    apis, _ = three
    question = "When will the harbour bridge reopen?"
    added = apis["a"].post("/api/v1/articles", json={"doc_id": BRIDGE, "text": VERSIONS["v1"]})
    assert added.status_code in (200, 201), added.text
    eventually(lambda: cites(apis["b"], question, BRIDGE))
    eventually(lambda: cites(apis["c"], question, BRIDGE))
    assert BRIDGE in [a["doc_id"] for a in apis["c"].get("/api/v1/articles").json()]

    deleted = apis["b"].delete(f"/api/v1/articles/{BRIDGE}")
    assert deleted.status_code == 200, deleted.text
    for name in "ac":
        eventually(lambda name=name: not cites(apis[name], question, BRIDGE))
        eventually(lambda name=name: apis[name].get(f"/api/v1/articles/{BRIDGE}").status_code == 404)
    assert all(apis[n].get("/readyz").json()["vectors"] == 33 for n in "abc")


def test_readers_on_two_instances_see_one_version_or_the_other_while_a_writer_replaces_it(three) -> None:
    apis, _ = three
    assert apis["a"].post("/api/v1/articles", json={"doc_id": BRIDGE, "text": VERSIONS["v1"]}).status_code in (200, 201)
    eventually(lambda: cites(apis["b"], "What did the city engineer say about the harbour bridge?", BRIDGE))
    stop = time.monotonic() + 20
    errors: list[str] = []
    bad_quotes: list[str] = []
    asked = [0]

    def read(api: httpx.Client) -> None:
        while time.monotonic() < stop:
            got = api.post("/api/v1/ask", json={"question": "What did the city engineer say about the harbour bridge?"})
            asked[0] += 1
            if got.status_code != 200:
                errors.append(f"{got.status_code} {got.text[:200]}")
                continue
            for cite in got.json()["citations"]:
                if cite["doc_id"] == BRIDGE and not any(
                    text[cite["start"] : cite["end"]] == cite["quote"] for text in VERSIONS.values()
                ):
                    bad_quotes.append(cite["quote"])

    def write() -> None:
        n = 0
        while time.monotonic() < stop:
            n += 1
            text = VERSIONS["v2" if n % 2 else "v1"]
            got = apis["a"].post("/api/v1/articles", json={"doc_id": BRIDGE, "text": text})
            if got.status_code not in (200, 201):
                errors.append(f"write {got.status_code} {got.text[:200]}")

    threads = [threading.Thread(target=read, args=(apis[name],)) for name in ("a", "b", "a", "b")]
    threads.append(threading.Thread(target=write))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert asked[0] > 20
    assert errors == [] and bad_quotes == []


def test_an_empty_corpus_folder_starts_an_empty_writable_service(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    with running_app(tmp_path, ASSISTANT_CORPUS=str(tmp_path / "corpus")) as url:
        api = httpx.Client(base_url=url.rstrip("/"), timeout=60)
        ready = api.get("/readyz")
        assert ready.status_code == 200 and ready.json()["articles"] == 0
        refused = api.post("/api/v1/ask", json={"question": "When will the harbour bridge reopen?"})
        assert refused.status_code == 200 and refused.json()["answerable"] is False
        added = api.post("/api/v1/articles", json={"doc_id": BRIDGE, "text": VERSIONS["v1"]})
        assert added.status_code in (200, 201), added.text
        assert cites(api, "When will the harbour bridge reopen?", BRIDGE)
    assert (tmp_path / "corpus" / f"{BRIDGE}.txt").read_text(encoding="utf-8") == VERSIONS["v1"]
