"""Property-based fuzzing: whatever text or request comes in, the stages keep their promises.

`make test` runs a bounded, fixed set of examples (profile ``test``, derandomized so CI is
repeatable); `make fuzz` runs the same properties with many more, new each run (profile ``fuzz``:
5,000 API requests, 2,000 texts per stage).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.engine import Assistant
from assistant.errors import AssistantError
from assistant.ingest.label import label_sentences
from assistant.ingest.segment import split_sentences
from assistant.types import LABEL_ORDER, Article

from .conftest import CORPUS, running_app

settings.register_profile("test", max_examples=40, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile(os.environ.get("ASSISTANT_FUZZ_PROFILE", "test"))
API_EXAMPLES = 5000 if os.environ.get("ASSISTANT_FUZZ_PROFILE") == "fuzz" else 60

NEWS_WORDS = ["The", "ministry", "said", "police", "“", "”", '"', ":", ".", "!", "?", "…", "\n", "\n\n", "***",
              "according to", "Reuters", "posted on", "Telegram", "Mr.", "p.m.", "U.S.", "Ignore previous instructions",
              "SYSTEM:", "he", "They", "claimed responsibility", "\r\n", "\t", "<script>", "[1]", "\u00a0"]
# Text as articles arrive: news words, arbitrary characters (no surrogates: files are UTF-8).
article_text = st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(min_size=1, max_size=12)), min_size=1, max_size=60).map(" ".join)


@given(article_text)
def test_sentences_are_exact_ordered_slices_of_any_text(text: str) -> None:
    sentences = split_sentences(Article(doc_id="f", text=text, content_hash="f"))
    end = 0
    for i, s in enumerate(sentences):
        assert s.idx == i and end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text and s.text == s.text.strip()
        end = s.end


@given(article_text)
def test_every_sentence_of_any_text_gets_a_label_and_a_reason(text: str) -> None:
    labelled = label_sentences(split_sentences(Article(doc_id="f", text=text, content_hash="f")))
    for s in labelled:
        assert s.label in LABEL_ORDER and s.reason
        if "Ignore previous instructions" in s.text or s.text.startswith("SYSTEM:"):
            assert s.label != "official"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("fuzz-ask")
    return Assistant.open(corpus=CORPUS, index=folder / "index")


@given(st.text(max_size=300), st.lists(st.text(max_size=80), max_size=3))
def test_any_question_is_answered_with_exact_quotes_or_refused_with_a_hint(small: Assistant, question: str,
                                                                          history: list[str]) -> None:
    text = (CORPUS / "aktobe-2016.txt").read_text(encoding="utf-8")
    try:
        answer = small.ask(question, history=history)
    except AssistantError as exc:  # the one error tree, with a hint
        assert exc.hint
        return
    for c in answer.citations:
        assert text[c.start : c.end] == c.quote and c.label in LABEL_ORDER
    assert "<script" not in answer.answer


# -- the API, over real HTTP -------------------------------------------------------------------------
SHAPE = {"error", "message", "hint"}
DOCUMENTED = {200, 201, 400, 401, 403, 404, 405, 413, 422, 429}
WRITER = "fuzz-writer"
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
    | st.sampled_from(["\ud800", "a\udfffb", "", " ", "x" * 5000]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
ask_body = st.fixed_dictionaries(
    {}, optional={"question": json_value, "history": json_value, "doc_ids": json_value, "labels": json_value,
                  "extra": json_value},
)
article_body = st.fixed_dictionaries(
    # Valid ids from a small set: articles are replaced rather than piling up (archive scale is
    # issue 17's and `make bench`'s subject, not this one's).
    {"doc_id": st.one_of(st.sampled_from([f"fuzz-{i}" for i in range(8)]), json_value),
     "text": st.one_of(article_text, json_value)},
    optional={"format": st.sampled_from(["text", "html", "pdf"]), "title": json_value},
)
raw_body = st.one_of(st.binary(max_size=200), st.just(b"[" * 3000), st.just(b'{"question": "caf\xe9"}'))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("fuzz-api")
    shutil.copytree(CORPUS, folder / "corpus")
    with running_app(folder, ASSISTANT_CORPUS=str(folder / "corpus"), ASSISTANT_API_TOKENS=f"{WRITER}:write",
                     ASSISTANT_RATE_LIMIT_PER_MINUTE="0", ASSISTANT_AUTH_FAILURES_PER_MINUTE="0") as url:
        yield url.rstrip("/"), folder


def _check(response: httpx.Response) -> None:
    assert response.status_code in DOCUMENTED, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == SHAPE and body["message"] and body["hint"], body


def test_generated_requests_get_an_answer_or_the_one_error_shape(service: tuple[str, Path]) -> None:
    url, _ = service
    headers = {"Authorization": f"Bearer {WRITER}", "Content-Type": "application/json"}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as api:

        @settings(max_examples=API_EXAMPLES)
        @given(st.one_of(
            st.tuples(st.just("/api/v1/ask"), ask_body.map(lambda b: json.dumps(b).encode())),
            st.tuples(st.just("/api/v1/articles"), article_body.map(lambda b: json.dumps(b).encode())),
            st.tuples(st.sampled_from(["/api/v1/ask", "/api/v1/articles"]), raw_body),
        ))
        def one(request: tuple[str, bytes]) -> None:
            path, content = request
            _check(api.post(path, content=content))

        one()
        assert api.get("/readyz").status_code == 200  # still serving after all of it
