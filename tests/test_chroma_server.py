"""Server mode: the vectors live in a real `chroma run` server on 127.0.0.1 instead of the embedded store."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from assistant.evaluation.processes import start_chroma

from .conftest import free_port, run_cli, running_app

@contextmanager
def chroma_server(data: Path, port: int) -> Iterator[subprocess.Popen]:
    """The chroma CLI that ships with the chromadb package, persisting under ``data``."""
    proc = start_chroma(data, port)
    try:
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def server_env(port: int, index: Path) -> dict[str, str]:
    return {"ASSISTANT_CHROMA_HOST": "127.0.0.1", "ASSISTANT_CHROMA_PORT": str(port), "ASSISTANT_INDEX_DIR": str(index)}


def test_ingest_and_answer_through_a_chroma_server(tmp_path: Path) -> None:
    import chromadb
    from chromadb.config import Settings

    port = free_port()
    with chroma_server(tmp_path / "chroma-data", port):
        env = server_env(port, tmp_path / "index")
        ingest = run_cli("ingest", env=env)
        asked = run_cli("ask", "Who claimed responsibility for the attacks?", "--json", env=env)
        client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=Settings(anonymized_telemetry=False))
        stored = client.get_collection("newsroom_sentences").count()
    assert ingest.returncode == 0, ingest.stderr
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert "Army for the Liberation of Kazakhstan" in answer["answer"] and answer["citations"]
    assert stored == 33  # every sentence's vector is on the server...
    assert not (tmp_path / "index" / "chroma").exists()  # ...and none in an embedded store


def test_an_index_moved_to_a_server_is_rebuilt_there(tmp_path: Path) -> None:
    embedded = run_cli("ingest", env={"ASSISTANT_INDEX_DIR": str(tmp_path / "index")})
    assert embedded.returncode == 0, embedded.stderr
    port = free_port()
    with chroma_server(tmp_path / "chroma-data", port):
        moved = run_cli("ask", "How many people died?", "--json", env=server_env(port, tmp_path / "index"))
    assert moved.returncode == 0, moved.stderr
    assert "17 people died" in json.loads(moved.stdout)["answer"]


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    done = run_cli("ask", "How many people died?", env=server_env(free_port(), tmp_path / "index"))
    assert done.returncode == 5
    assert "Chroma" in done.stderr and "chroma run" in done.stderr


def test_the_service_answers_503_while_the_server_is_down_and_recovers(tmp_path: Path) -> None:
    port = free_port()
    data = tmp_path / "chroma-data"
    question = {"question": "How many people died?"}
    with chroma_server(data, port) as first:
        with running_app(tmp_path, **server_env(port, tmp_path / "index")) as url:
            api = httpx.Client(base_url=url.rstrip("/"), timeout=60)
            assert api.post("/api/v1/ask", json=question).status_code == 200
            first.terminate()
            first.wait(timeout=30)
            down = api.post("/api/v1/ask", json=question)
            not_ready = api.get("/readyz")
            alive = api.get("/healthz")
            with chroma_server(data, port):
                back = api.post("/api/v1/ask", json=question)
                ready = api.get("/readyz")
    body = down.json()
    assert down.status_code == 503 and body["error"] == "StoreUnavailable"
    assert f"127.0.0.1:{port}" in body["message"] and "chroma run" in body["hint"]
    assert not_ready.status_code == 503 and set(not_ready.json()) == {"error", "message", "hint"}
    assert alive.status_code == 200  # the process is up; only readiness says the store is not
    assert back.status_code == 200 and "17 people died" in back.json()["answer"]
    assert ready.status_code == 200 and ready.json()["vectors"] == 33
