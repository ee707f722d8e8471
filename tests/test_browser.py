"""The chat in a real browser (Debian chromium driven by Playwright): what a journalist sees."""

from __future__ import annotations

import json
import shutil

import pytest

from .conftest import ROOT, running_app

CHROMIUM = shutil.which("chromium")
SHOTS = ROOT / "reports" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (make test installs it as root)")


@pytest.fixture(scope="module")
def chat_app(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("browser")
    with running_app(base, ASSISTANT_FEEDBACK_PATH=str(base / "feedback.jsonl")) as url:
        yield url, base / "feedback.jsonl", base / "audit.jsonl"


@pytest.fixture(scope="module")
def page(chat_app):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.goto(chat_app[0])
        pg.wait_for_selector("#question textarea", timeout=60_000)
        pg.dialogs = dialogs  # type: ignore[attr-defined]
        yield pg
        browser.close()


def _ask(page, question: str) -> None:
    before = page.locator("#chat .message-row, #chat [data-testid='bot']").count()
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(
        "n => document.querySelectorAll('#chat .message-row, #chat [data-testid=\"bot\"]').length > n", arg=before,
        timeout=30_000,
    )
    page.wait_for_timeout(1500)  # the streamed answer settles into its sections


def test_an_answer_shows_official_and_unverified_sections_with_badges(page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    _ask(page, "What do the authorities say, and what theories circulate on social media?")
    last = page.locator("#chat .na-section.na-official").last
    assert "OFFICIAL" in last.locator(".na-badge").inner_text()
    unverified = page.locator("#chat .na-section.na-social_media").last
    assert "UNVERIFIED" in unverified.locator(".na-badge").inner_text()
    assert "Unverified claim" in unverified.inner_text()
    assert page.locator("#legend .na-badge").count() == 5
    page.screenshot(path=str(SHOTS / "answer.png"), full_page=True)


def test_clicking_a_citation_highlights_exactly_the_quote_in_the_article(page) -> None:
    quote = page.locator("#sources .na-source").first.locator("blockquote").inner_text()
    page.locator("#cite-pick label").first.click()
    mark = page.locator("#article-view mark#cited-span")
    mark.wait_for(timeout=10_000)
    assert mark.inner_text() == quote
    assert page.locator("#article-view .na-near").count() >= 1  # its neighbours are shown around it
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)


def test_a_follow_up_is_answered_in_context(page) -> None:
    _ask(page, "What do social media users suggest about Russia?")
    _ask(page, "What did they point out?")
    assert "pointed out" in page.locator("#chat .na-section").last.inner_text()


def test_feedback_is_appended_to_the_feedback_file(page, chat_app) -> None:
    page.fill("#fb-comment textarea", "Clear answer, good sourcing.")
    page.click("#fb-up")
    page.wait_for_function("() => document.querySelector('#fb-status').innerText.includes('saved')", timeout=10_000)
    entry = json.loads(chat_app[1].read_text(encoding="utf-8").splitlines()[-1])
    assert entry["rating"] == "up" and entry["comment"] == "Clear answer, good sourcing."
    assert entry["question"] == "What did they point out?" and entry["answer"]["citations"]
    assert entry["history"][-1] == "What do social media users suggest about Russia?"


def test_html_in_a_question_is_shown_as_text_and_never_runs(page) -> None:
    probe = "<img src=x onerror=alert(1)>"
    _ask(page, probe)
    assert page.locator("#chat img[src='x']").count() == 0
    assert probe in page.locator("#chat").inner_text()
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_each_chat_question_leaves_an_audit_line_without_the_question(page, chat_app) -> None:
    audit = chat_app[2]
    before = audit.read_text(encoding="utf-8").count('"endpoint": "chat"') if audit.exists() else 0
    _ask(page, "When did the gunmen open fire on the day camp?")
    text = audit.read_text(encoding="utf-8")
    chats = [json.loads(line) for line in text.splitlines() if '"endpoint": "chat"' in line]
    assert len(chats) == before + 1
    assert len(chats[-1]["question_hash"]) == 16 and chats[-1]["answerable"] is True and chats[-1]["latency_ms"] > 0
    assert "day camp" not in text


def test_the_article_filter_lists_articles_added_after_the_service_started(page, tmp_path) -> None:
    import httpx

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    with running_app(tmp_path, ASSISTANT_CORPUS=str(tmp_path / "corpus")) as url:
        added = httpx.post(f"{url}api/v1/articles", timeout=60, json={
            "doc_id": "harbour-bridge", "title": "Harbour bridge to reopen",
            "text": "The harbour bridge will reopen on Friday, the city engineer said.",
        })
        assert added.status_code in (200, 201), added.text
        context = page.context.browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()  # the module's browser: one Playwright per process
        try:
            pg.goto(url)
            pg.wait_for_selector("#article-filter label", timeout=60_000)
            listed = pg.locator("#article-filter label").all_inner_texts()
            _ask(pg, "When will the harbour bridge reopen?")
            chat = pg.locator("#chat").inner_text()
        finally:
            context.close()
    assert any("Harbour bridge to reopen" in label for label in listed), listed
    assert "Friday" in chat
