"""`python app.py` serves a chat on 127.0.0.1 that answers, over real HTTP."""

from __future__ import annotations

import pytest

from .conftest import running_app


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    with running_app(tmp_path_factory.mktemp("app")) as url:
        yield url


def test_the_chat_page_is_served_on_loopback(served: str) -> None:
    import httpx

    home = httpx.get(served, timeout=30)
    assert home.status_code == 307 and home.headers["location"] == "/chat/"
    page = httpx.get(served + "chat/", timeout=30)
    assert page.status_code == 200 and "gradio" in page.text.lower()


def test_the_chat_lets_no_other_local_page_read_it_with_credentials(served: str) -> None:
    """Gradio on its own answers any http://localhost:* or 127.0.0.1 origin with credentials; with
    no CORS origins configured, no other origin may read the chat."""
    import httpx

    for origin in ("http://localhost:9999", "http://127.0.0.1:5000"):
        config = httpx.get(served + "chat/config", headers={"Origin": origin}, timeout=30)
        assert config.status_code == 200
        assert "access-control-allow-origin" not in config.headers
        assert "access-control-allow-credentials" not in config.headers


def test_the_chat_answers_with_cited_sections(served: str) -> None:
    from gradio_client import Client

    client = Client(served + "chat/", verbose=False)
    chat, *_ = client.predict("Who claimed responsibility for the attacks?", [], "All sources", [], api_name="/respond")
    reply = " ".join(part["text"] for part in chat[-1]["content"])
    assert "Army for the Liberation of Kazakhstan" in reply
    assert "Claims by involved groups" in reply and "[1]" in reply


def test_the_chat_keeps_to_the_per_minute_limit_and_says_so(tmp_path) -> None:
    from gradio_client import Client

    with running_app(tmp_path, ASSISTANT_RATE_LIMIT_PER_MINUTE="2") as url:
        client = Client(url + "chat/", verbose=False)
        for _ in range(2):
            client.predict("How many people died?", [], "All sources", [], api_name="/respond")
        with pytest.raises(Exception, match="More than 2 requests in a minute"):
            client.predict("How many people died?", [], "All sources", [], api_name="/respond")
