"""`python app.py` serves a chat on 127.0.0.1 that answers, over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    port = _free_port()
    env = {
        **os.environ,
        "ASSISTANT_PORT": str(port),
        "ASSISTANT_INDEX_DIR": str(tmp_path_factory.mktemp("app-index")),
        "ASSISTANT_CORPUS": str(CORPUS),
    }
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app.py exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("app.py did not start listening")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_the_chat_page_is_served_on_loopback(served: str) -> None:
    import httpx

    page = httpx.get(served, timeout=30)
    assert page.status_code == 200 and "gradio" in page.text.lower()


def test_the_chat_answers_with_cited_sections(served: str) -> None:
    from gradio_client import Client

    client = Client(served, verbose=False)
    chat, *_ = client.predict("Who claimed responsibility for the attacks?", [], "All sources", [], api_name="/respond")
    reply = " ".join(part["text"] for part in chat[-1]["content"])
    assert "Army for the Liberation of Kazakhstan" in reply
    assert "Claims by involved groups" in reply and "[1]" in reply
