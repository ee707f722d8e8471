"""The REST API v1 over real HTTP: `python app.py` with tokens, a trusted SSO proxy and an audit log.

Requests from 127.0.0.2 play the intranet's reverse proxy (the only trusted address here);
requests from 127.0.0.1 with the same header play someone forging it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import CORPUS, running_app

WRITER, READER, BURST = "writer-7f3a", "reader-91bc", "burst-55d0"
PROXY = "127.0.0.2"
SHAPE = {"error", "message", "hint"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("api")
    shutil.copytree(CORPUS, folder / "corpus")
    with running_app(
        folder,
        ASSISTANT_CORPUS=str(folder / "corpus"),
        ASSISTANT_API_TOKENS=f"{WRITER}:write,{READER}:read,{BURST}:read",
        ASSISTANT_PROXY_USER_HEADER="X-Forwarded-User",
        ASSISTANT_TRUSTED_PROXIES=PROXY,
        ASSISTANT_CORS_ORIGINS="https://intranet.example",
        ASSISTANT_RATE_LIMIT_PER_MINUTE="40",
    ) as url:
        yield url.rstrip("/"), folder


def client(url: str, token: str | None = WRITER, source: str = "127.0.0.1") -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=url, headers=headers, timeout=60,
                        transport=httpx.HTTPTransport(local_address=source))


def assert_error(response: httpx.Response, status: int, kind: str) -> dict:
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == SHAPE and body["error"] == kind
    assert body["message"] and isinstance(body["hint"], str)
    return body


# -- health and contract -------------------------------------------------------------------------
def test_health_needs_no_credentials_and_readiness_checks_the_index(service) -> None:
    url, _ = service
    with client(url, token=None) as anonymous:
        assert anonymous.get("/healthz").json() == {"status": "ok"}
        ready = anonymous.get("/readyz").json()
    assert ready["status"] == "ready" and ready["articles"] >= 1 and ready["vectors"] >= ready["sentences"] > 0


def test_the_openapi_schema_lists_every_endpoint(service) -> None:
    url, _ = service
    with client(url, token=None) as anonymous:
        schema = anonymous.get("/api/v1/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert {"/api/v1/ask", "/api/v1/ask/stream", "/api/v1/articles", "/api/v1/articles/{doc_id}", "/healthz",
            "/readyz"} <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/articles/{doc_id}"]) == {"get", "delete"}
    assert "ErrorBody" in schema["components"]["schemas"]


def test_ask_returns_answer_json_with_exact_quotes(service) -> None:
    url, _ = service
    with client(url, token=READER) as reader:
        answer = reader.post("/api/v1/ask", json={"question": "Who claimed responsibility for the attacks?"}).json()
        text = reader.get("/api/v1/articles/aktobe-2016").json()["text"]
    assert answer["answerable"] is True and "Army for the Liberation of Kazakhstan" in answer["answer"]
    assert {"question", "answerable", "answer", "sections", "citations", "timings_ms"} <= set(answer)
    assert answer["citations"] and all(c["quote"] == text[c["start"] : c["end"]] for c in answer["citations"])
    assert answer["sections"][0]["label"] == "group_claim"


def test_ask_keeps_to_the_labels_and_follows_the_conversation(service) -> None:
    url, _ = service
    with client(url) as api:
        official = api.post("/api/v1/ask", json={"question": "What happened in Aktobe?", "labels": ["official"]}).json()
        follow = api.post("/api/v1/ask", json={"question": "What did they say?",
                                                "history": ["What did the National Security Committee declare?"]}).json()
    assert official["citations"] and {c["label"] for c in official["citations"]} == {"official"}
    assert follow["answerable"] and any("National Security Committee" in c["quote"] for c in follow["citations"])


def test_unanswerable_questions_are_refused_not_errors(service) -> None:
    url, _ = service
    with client(url) as api:
        answer = api.post("/api/v1/ask", json={"question": "What was the name of the attackers' leader?"}).json()
    assert answer["answerable"] is False and "do not" in answer["answer"].lower()


def test_the_stream_sends_partial_text_then_the_answer_json(service) -> None:
    url, _ = service
    events: list[tuple[str, dict]] = []
    with client(url) as api, api.stream("POST", "/api/v1/ask/stream", json={"question": "How many people died?"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        for block in r.read().decode("utf-8").split("\n\n"):
            if block.strip():
                lines = dict(line.split(": ", 1) for line in block.splitlines())
                events.append((lines["event"], json.loads(lines["data"])))
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "answer" and kinds[:-1] and set(kinds[:-1]) == {"partial"}
    final = events[-1][1]
    assert "17 people died" in final["answer"] and events[-2][1]["text"] == final["answer"]


# -- one error shape ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "method, path, body, token, status, kind",
    [
        ("POST", "/api/v1/ask", {"question": "   "}, WRITER, 422, "InvalidQuestion"),
        ("POST", "/api/v1/ask", {"question": "why? " * 2000}, WRITER, 422, "InvalidQuestion"),
        ("POST", "/api/v1/ask", {"query": "wrong field"}, WRITER, 422, "InvalidRequest"),
        ("POST", "/api/v1/ask", {"question": "x", "labels": ["rumour"]}, WRITER, 422, "InvalidRequest"),
        ("POST", "/api/v1/ask", "not json", WRITER, 422, "InvalidRequest"),
        ("GET", "/api/v1/articles/no-such-article", None, WRITER, 404, "ArticleNotFound"),
        ("DELETE", "/api/v1/articles/no-such-article", None, WRITER, 404, "ArticleNotFound"),
        ("GET", "/api/v1/no-such-endpoint", None, WRITER, 404, "NotFound"),
        ("PUT", "/api/v1/ask", None, WRITER, 405, "MethodNotAllowed"),
        ("POST", "/api/v1/articles", {"doc_id": "../../etc/passwd", "text": "x"}, WRITER, 422, "CorpusError"),
        ("POST", "/api/v1/articles", {"doc_id": "empty", "text": "<script>x()</script>", "format": "html"},
         WRITER, 422, "CorpusError"),
        ("POST", "/api/v1/ask", {"question": "x"}, None, 401, "AuthRequired"),
        ("POST", "/api/v1/ask", {"question": "x"}, "not-a-token", 401, "AuthRequired"),
        ("POST", "/api/v1/articles", {"doc_id": "x", "text": "Some text."}, READER, 403, "PermissionDenied"),
        ("DELETE", "/api/v1/articles/aktobe-2016", None, READER, 403, "PermissionDenied"),
    ],
)
def test_every_error_has_one_json_shape(service, method, path, body, token, status, kind) -> None:
    url, _ = service
    with client(url, token=token) as api:
        if isinstance(body, str):
            response = api.request(method, path, content=body, headers={"Content-Type": "application/json"})
        else:
            response = api.request(method, path, json=body)
    assert_error(response, status, kind)
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_client_over_the_rate_limit_gets_429_with_retry_after(service) -> None:
    url, _ = service
    with client(url, token=BURST) as burst:
        statuses = [burst.get("/api/v1/articles").status_code for _ in range(40)]
        limited = burst.get("/api/v1/articles")
    with client(url, token=READER) as other:
        assert other.get("/api/v1/articles").status_code == 200  # limits are per client
    assert statuses == [200] * 40
    assert_error(limited, 429, "RateLimited")
    assert 1 <= int(limited.headers["retry-after"]) <= 61


def test_guessing_tokens_is_slowed_to_ten_tries_a_minute_per_address(service) -> None:
    url, _ = service
    with client(url, token="guess-0", source="127.0.0.3") as guesser:
        statuses = [guesser.get("/api/v1/articles", headers={"Authorization": f"Bearer guess-{i}"}).status_code
                    for i in range(10)]
        blocked = guesser.get("/api/v1/articles", headers={"Authorization": f"Bearer {READER}"})
        chat = guesser.get("/chat/", headers={"Authorization": f"Bearer {READER}"})
    with client(url, token=READER) as elsewhere:
        assert elsewhere.get("/api/v1/articles").status_code == 200  # only the guessing address waits
    assert chat.status_code == 401  # the chat's sign-in counts the same failures
    assert statuses == [401] * 10
    body = assert_error(blocked, 429, "RateLimited")  # even the right token is not checked now
    assert "failed sign-ins" in body["message"] and "ASSISTANT_AUTH_FAILURES_PER_MINUTE" in body["hint"]
    assert int(blocked.headers["retry-after"]) >= 1


# -- articles over the API ---------------------------------------------------------------------------
ALMATY = (
    "On 18 July 2016 a gunman attacked a police station in Almaty. The Interior Ministry said that three police "
    "officers and one civilian were killed. According to local media, the attacker was detained after a chase. "
    "Several bloggers claimed on Facebook that the attack had been staged."
)


def test_an_article_added_over_the_api_is_answerable_replaceable_and_deletable(service) -> None:
    url, folder = service
    question = {"question": "How many police officers were killed in Almaty?"}
    with client(url) as api:
        before = api.post("/api/v1/ask", json=question).json()
        added = api.post("/api/v1/articles", json={"doc_id": "almaty-2016", "title": "Almaty shooting", "text": ALMATY})
        again = api.post("/api/v1/articles", json={"doc_id": "almaty-2016", "title": "Almaty shooting", "text": ALMATY})
        answer = api.post("/api/v1/ask", json=question).json()
        listed = {a["doc_id"]: a for a in api.get("/api/v1/articles").json()}
        detail = api.get("/api/v1/articles/almaty-2016").json()
        replaced = api.post("/api/v1/articles", json={"doc_id": "almaty-2016", "title": "Almaty shooting",
                                                     "text": ALMATY.replace("three", "four")})
        updated = api.post("/api/v1/ask", json=question).json()
        saved = (folder / "corpus" / "almaty-2016.txt").read_text(encoding="utf-8")
        deleted = api.delete("/api/v1/articles/almaty-2016")
        after = api.post("/api/v1/ask", json=question).json()
        gone = api.get("/api/v1/articles/almaty-2016")
    assert before["answerable"] is False
    assert added.status_code == 201 and added.json()["status"] == "added" and added.json()["sentences"] == 4
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert answer["answerable"] and "three police officers" in answer["answer"]
    cited = [c for c in answer["citations"] if c["doc_id"] == "almaty-2016"]
    assert cited and cited[0]["label"] == "official" and cited[0]["title"] == "Almaty shooting"
    assert listed["almaty-2016"]["title"] == "Almaty shooting" and "aktobe-2016" in listed
    labels = {s["text"]: s["label"] for s in detail["labelled_sentences"]}
    assert labels["Several bloggers claimed on Facebook that the attack had been staged."] == "social_media"
    assert all(detail["text"][s["start"] : s["end"]] == s["text"] for s in detail["labelled_sentences"])
    assert replaced.json()["status"] == "replaced" and "four police officers" in updated["answer"]
    assert "four police officers" in saved  # the corpus folder stays the source of truth across restarts
    assert deleted.status_code == 200 and deleted.json()["status"] == "deleted"
    assert not (folder / "corpus" / "almaty-2016.txt").exists()
    assert after["answerable"] is False and gone.status_code == 404


def test_html_articles_keep_only_their_visible_text(service) -> None:
    url, _ = service
    page = ("<html><head><title>Council vote</title><script>alert('x')</script></head><body>"
            "<p>The city council approved the budget on Monday.</p><p>The mayor said the vote was close.</p></body></html>")
    with client(url) as api:
        added = api.post("/api/v1/articles", json={"doc_id": "council-vote", "text": page, "format": "html"}).json()
        detail = api.get("/api/v1/articles/council-vote").json()
        api.delete("/api/v1/articles/council-vote")
    assert added["status"] == "added" and detail["title"] == "Council vote"
    assert "alert" not in detail["text"] and "<p>" not in detail["text"]
    assert detail["text"].startswith("The city council approved the budget on Monday.")


# -- sign-in through the proxy, the chat guarded, CORS, audit -------------------------------------------
def test_the_proxy_header_signs_in_only_from_a_trusted_proxy_and_guards_the_chat(service) -> None:
    url, _ = service
    sso = {"X-Forwarded-User": "a.reporter"}
    with client(url, token=None, source=PROXY) as proxy, client(url, token=None) as forger:
        assert proxy.post("/api/v1/ask", json={"question": "How many people died?"}, headers=sso).status_code == 200
        assert_error(proxy.post("/api/v1/articles", json={"doc_id": "x", "text": "Text."}, headers=sso),
                     403, "PermissionDenied")
        forged = forger.post("/api/v1/ask", json={"question": "How many people died?"}, headers=sso)
        assert "not a trusted proxy" in assert_error(forged, 401, "AuthRequired")["message"]
        assert proxy.get("/chat/", headers=sso).status_code == 200
        assert_error(forger.get("/chat/", headers=sso), 401, "AuthRequired")  # the one shape, also from Gradio
        assert forger.get("/chat/").status_code == 401
        assert forger.get("/chat/", headers={"Authorization": f"Bearer {READER}"}).status_code == 200


def test_cors_answers_only_the_allowed_origins(service) -> None:
    url, _ = service
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
    with client(url, token=None) as browser:
        allowed = browser.options("/api/v1/ask", headers={"Origin": "https://intranet.example", **preflight})
        other = browser.options("/api/v1/ask", headers={"Origin": "https://elsewhere.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "https://intranet.example"
    assert "access-control-allow-origin" not in other.headers


def test_every_api_request_leaves_an_audit_line_without_secrets(service) -> None:
    url, folder = service
    question = "Which group claimed responsibility for the Aktobe attack?"
    with client(url) as api, client(url, token=READER) as reader, client(url, token=None, source=PROXY) as proxy:
        api.post("/api/v1/ask", json={"question": question})
        reader.post("/api/v1/articles", json={"doc_id": "x", "text": "Text."})  # 403
        api.get("/api/v1/articles/not-there")  # 404
        api.post("/api/v1/ask", json={"question": ""})  # 422
        proxy.get("/api/v1/articles")  # 401: no header
        proxy.get("/api/v1/articles", headers={"X-Forwarded-User": "a.reporter"})
    lines = [json.loads(line) for line in (folder / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    asked = [line for line in lines if line["endpoint"] == "POST /api/v1/ask" and line["status"] == 200]
    last = asked[-1]
    assert set(last) == {"time", "user", "endpoint", "status", "question_hash", "answerable", "latency_ms"}
    assert last["user"].startswith("token:") and last["answerable"] is True and last["latency_ms"] > 0
    assert len(last["question_hash"]) == 16
    assert {line["status"] for line in lines} >= {200, 401, 403, 404, 422}
    raw = (folder / "audit.jsonl").read_text(encoding="utf-8")
    assert WRITER not in raw and READER not in raw and question not in raw
    assert any(line["user"] == "a.reporter" for line in lines)


# -- the documented client ------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", [[], ["--stream"]])
def test_the_python_client_example_prints_sections_with_their_sources(service, mode) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    url, _ = service
    done = subprocess.run(
        [sys.executable, "examples/client.py", "Who claimed responsibility for the attacks?", *mode],
        cwd=ROOT, env={"PATH": "", "ASSISTANT_URL": url, "ASSISTANT_TOKEN": READER},
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "== Claims by involved groups ==" in done.stdout
    assert "group_claim, The “Army for the Liberation of Kazakhstan”: aktobe-2016 chars 751-924" in done.stdout
    if mode:
        assert done.stderr.startswith("... ")


def test_the_python_client_example_shows_the_error_and_its_hint(service) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    url, _ = service
    done = subprocess.run([sys.executable, "examples/client.py", " "], cwd=ROOT,
                          env={"PATH": "", "ASSISTANT_URL": url, "ASSISTANT_TOKEN": READER},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.startswith("InvalidQuestion: ") and "hint: " in done.stderr


def test_a_body_beyond_the_size_limit_is_refused_before_it_is_read(service) -> None:
    url, _ = service
    huge = b'{"doc_id": "huge", "text": "' + b"x" * 8_100_000 + b'"}'
    with client(url) as api:
        response = api.post("/api/v1/articles", content=huge, headers={"Content-Type": "application/json"})
        listed = [a["doc_id"] for a in api.get("/api/v1/articles").json()]
    assert_error(response, 413, "RequestTooLarge")
    assert "huge" not in listed


# -- hostile input: the error shape, fast, before any work ---------------------------------------------
LONE = "\ud800"


@pytest.mark.parametrize(
    "path, body",
    [
        ("/api/v1/ask", {"question": f"Who {LONE} claimed it?"}),
        ("/api/v1/ask", {"question": "Who claimed it?", "history": [f"earlier {LONE}"]}),
        ("/api/v1/ask", {"question": "Who claimed it?", "doc_ids": [f"a{LONE}"]}),
        ("/api/v1/articles", {"doc_id": "surrogate", "text": f"The mayor said {LONE} no."}),
        ("/api/v1/articles", {"doc_id": "surrogate", "text": "The mayor said no.", "title": f"T{LONE}"}),
        ("/api/v1/articles", {"doc_id": f"s{LONE}", "text": "The mayor said no."}),
    ],
)
def test_a_lone_surrogate_anywhere_is_a_422_with_a_hint(service, path, body) -> None:
    url, corpus = service
    raw = json.dumps(body).encode()  # JSON allows "\ud800"; it is not text
    with client(url) as api:
        response = api.post(path, content=raw, headers={"Content-Type": "application/json"})
        healthy = api.get("/readyz")
    error = assert_error(response, 422, "InvalidRequest")
    assert "surrogate" in error["message"] and error["hint"]
    assert healthy.status_code == 200 and not (corpus / "surrogate.txt").exists()


@pytest.mark.parametrize(
    "content, kind",
    [
        (b'{"question": "caf\xe9?"}', "InvalidRequest"),  # latin-1, not UTF-8
        (b'{"question": "\xff\xfe"}', "InvalidRequest"),
        (b"[" * 5000 + b"]" * 5000, "InvalidRequest"),  # deeply nested
    ],
)
def test_bodies_that_are_not_utf8_json_get_the_error_shape_with_a_hint(service, content, kind) -> None:
    url, _ = service
    with client(url) as api:
        response = api.post("/api/v1/ask", content=content, headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 422)
    body = assert_error(response, response.status_code, kind)
    assert body["hint"]


def test_counts_are_bounded_before_any_work(service) -> None:
    url, _ = service
    with client(url) as api:
        many = api.post("/api/v1/ask", json={"question": "Who?", "doc_ids": [f"d{i}" for i in range(40_000)]})
        turns = api.post("/api/v1/ask", json={"question": "Who?", "history": ["q"] * 500})
    assert_error(many, 422, "InvalidRequest")
    assert_error(turns, 422, "InvalidRequest")


def test_a_doc_id_with_a_trailing_newline_is_refused(service) -> None:
    url, corpus = service
    with client(url) as api:
        response = api.post("/api/v1/articles", json={"doc_id": "dup\n", "text": "The mayor said no."})
    assert_error(response, 422, "CorpusError")
    assert not any(p.name.startswith("dup") for p in corpus.iterdir())


def test_a_chunked_body_beyond_the_limit_is_refused_without_reading_it_all(service) -> None:
    url, _ = service

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must count what arrives
        yield b'{"doc_id": "chunked", "text": "'
        for _ in range(200):  # 200 MB; the app stops reading past the limit and answers 413
            yield b"x" * 1_000_000
        yield b'"}'

    with client(url) as api:
        try:
            response = api.post("/api/v1/articles", content=chunks(), headers={"Content-Type": "application/json"})
        except httpx.HTTPError:
            response = None  # the server closed the connection mid-upload: also a refusal
        listed = [a["doc_id"] for a in api.get("/api/v1/articles").json()]
    if response is not None:
        assert_error(response, 413, "RequestTooLarge")
    assert "chunked" not in listed


@pytest.mark.parametrize(
    "head",
    [
        b"POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}",
        b"POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        b"GARBAGE\r\n\r\n",
    ],
)
def test_a_request_too_malformed_for_the_app_still_gets_the_error_shape(service, head) -> None:
    import socket

    url, _ = service
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as raw:
        raw.sendall(head)
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    status_line, _, rest = reply.partition(b"\r\n")
    headers, _, body = rest.partition(b"\r\n\r\n")
    assert status_line.split()[1] == b"400"
    assert b"application/json" in headers.lower()
    error = json.loads(body)
    assert set(error) == SHAPE and error["error"] == "InvalidRequest" and error["hint"]


def test_every_response_tells_browsers_not_to_sniff_its_type(service) -> None:
    url, _ = service
    with client(url) as api:
        for response in (api.get("/healthz"), api.post("/api/v1/ask", json={"question": "Who died?"}),
                         api.get("/api/v1/nope")):
            assert response.headers["x-content-type-options"] == "nosniff"
