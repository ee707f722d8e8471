"""An intranet page on another origin embeds the chat (iframe and <gradio-app>) and gets answers.

The host page is the README's snippet, served by a plain HTTP server on another localhost port.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import free_port, running_app
from .test_browser import CHROMIUM, FLAGS

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (make test installs it as root)")

# The snippet README.md documents, with CHAT standing for the chat's public address.
SNIPPET = """<!doctype html>
<html><head><meta charset="utf-8"><title>Newsroom intranet</title>
<script type="module" src="CHAT/gradio.js"></script></head>
<body>
<h1>Newsroom intranet</h1>
<iframe id="assistant-frame" src="CHAT/" title="Newsroom assistant" style="width:100%;height:900px;border:0"></iframe>
<gradio-app id="assistant-component" src="CHAT/"></gradio-app>
</body></html>
"""


@pytest.fixture(scope="module")
def intranet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("embed")
    host_port = free_port()
    host_origin = f"http://127.0.0.1:{host_port}"
    with running_app(folder, ASSISTANT_FRAME_ANCESTORS=host_origin) as url:
        chat = url + "chat"
        (folder / "site").mkdir()
        (folder / "site" / "index.html").write_text(SNIPPET.replace("CHAT", chat), encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder / "site"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", host_port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield host_origin + "/index.html", url
        finally:
            server.shutdown()


def test_only_the_listed_intranet_origins_may_frame_the_chat(intranet) -> None:
    host, url = intranet
    policy = httpx.get(url + "chat/", timeout=30).headers["content-security-policy"]
    assert policy == f"frame-ancestors 'self' {host.rsplit('/', 1)[0]}"


def _ask_in(scope, question: str) -> str:
    scope.locator("#question textarea").fill(question)
    scope.locator("#ask").click()
    answer = scope.locator("#chat .na-section").first
    answer.wait_for(timeout=30_000)
    return answer.inner_text()


def test_the_embedded_chat_answers_in_an_iframe_and_in_the_web_component(intranet) -> None:
    from playwright.sync_api import sync_playwright

    host, _ = intranet
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(host)
        frame = page.frame_locator("#assistant-frame")
        frame.locator("#question textarea").wait_for(timeout=60_000)
        framed = _ask_in(frame, "Who claimed responsibility for the attacks?")
        component = page.locator("#assistant-component")
        component.locator("#question textarea").wait_for(timeout=60_000)
        inline = _ask_in(component, "How many people died?")
        browser.close()
    assert "Army for the Liberation of Kazakhstan" in framed, errors
    assert "17 people died" in inline, errors


class _PrefixProxy(http.server.BaseHTTPRequestHandler):
    """A reverse proxy that serves the app under /newsroom, strips the prefix and signs the user in."""

    upstream = ""
    prefix = "/newsroom"

    def _forward(self) -> None:
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        # As the README's nginx settings do: keep the public Host, say the scheme.
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "content-length")}
        headers["X-Forwarded-Proto"] = "http"
        with httpx.Client(timeout=60) as client, client.stream(
            self.command, self.upstream + self.path[len(self.prefix):], headers=headers, content=body
        ) as reply:
            self.send_response(reply.status_code)
            for key, value in reply.headers.items():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.end_headers()
            for chunk in reply.iter_raw():
                self.wfile.write(chunk)
                self.wfile.flush()

    do_GET = do_POST = _forward

    def log_message(self, *args: object) -> None:
        pass


def test_the_chat_works_behind_a_proxy_under_a_sub_path(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with running_app(tmp_path, ASSISTANT_ROOT_PATH="/newsroom") as url:
        handler = type("Proxy", (_PrefixProxy,), {"upstream": url.rstrip("/")})
        proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        public = f"http://127.0.0.1:{proxy.server_address[1]}/newsroom"
        try:
            schema = httpx.get(public + "/api/v1/openapi.json", timeout=30).json()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(public + "/")
                page.locator("#question textarea").wait_for(timeout=60_000)
                landed = page.url
                answer = _ask_in(page, "How many people died?")
                browser.close()
        finally:
            proxy.shutdown()
    assert schema["servers"] == [{"url": "/newsroom"}]
    assert landed == public + "/chat/"
    assert "17 people died" in answer
