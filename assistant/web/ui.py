"""The browser chat (Gradio Blocks). Calls the Assistant and renders; holds no answering logic."""

from __future__ import annotations

from html import escape
from typing import Any

from assistant.errors import ArticleNotFound, AssistantError
from assistant.offline import go_offline
from assistant.settings import Settings

EXAMPLES = [
    "Who claimed responsibility for the attacks?",
    "What do the authorities say, and what theories circulate on social media?",
    "How many people died?",
    "Did the deputy defence minister fly to Aktobe?",
]
SIDES = {
    "All sources": None,
    "Official statements only": ["official"],
    "Unverified claims only": ["social_media", "group_claim"],
}
PICK_HINT = "Pick a citation to see it highlighted in its article."


def _stream_steps(text: str, steps: int = 4) -> list[str]:
    words = text.split()
    size = max(1, len(words) // steps)
    return [" ".join(words[: i + size]) + " …" for i in range(0, len(words), size)][:steps]


def build_ui(assistant: Any, settings: Settings, audit: Any = None, limiter: Any = None):  # type: ignore[no-untyped-def]
    """The chat page over an open Assistant; ``audit`` (an AuditLog) records each question and
    ``limiter`` (a RateLimiter) holds each user or address to the per-minute limit."""
    go_offline()
    import time

    import gradio as gr

    from assistant.types import Answer
    from assistant.web.access import question_hash
    from assistant.web.feedback import record_feedback
    from assistant.web.present import (
        answer_html,
        article_html,
        legend_html,
        sources_html,
    )

    def listed() -> list[tuple[str, str]]:
        """The articles indexed now (any instance may have added or removed some)."""
        return [(a.title if a.title != "unknown" else a.doc_id, a.doc_id) for a, _, _ in assistant.listing()]

    def show_articles():  # type: ignore[no-untyped-def]
        """Each page load lists the articles indexed then, all ticked."""
        articles = listed()
        ids = [d for _, d in articles]
        return gr.update(choices=articles, value=ids, visible=len(articles) > 1), ids

    def respond(message: str, chat: list[dict[str, Any]], turns: list[str], side: str, docs: list[str],  # type: ignore[no-untyped-def]
                shown: list[str], request: gr.Request):
        chat = list(chat or [])
        started = time.perf_counter()
        user = getattr(request, "username", None) or (request.client.host if getattr(request, "client", None) else "-")
        try:
            if limiter is not None:
                limiter.check(user)
            # Every listed article ticked means all of them, those indexed since the page loaded too.
            everything = not docs or set(docs) >= set(shown or [])
            answer = assistant.ask(message, history=turns, doc_ids=None if everything else docs, labels=SIDES.get(side))
        except AssistantError as exc:
            raise gr.Error(f"{exc.message} {exc.hint}") from exc
        if audit is not None:
            audit.write(user=user, endpoint="chat", status=200,
                        question_hash=question_hash(answer.question), answerable=answer.answerable,
                        latency_ms=round((time.perf_counter() - started) * 1000, 2))
        chat.append({"role": "user", "content": escape(answer.question)})
        picks = [(f"[{c.id}] {c.quote[:70]}{'…' if len(c.quote) > 70 else ''}", c.id) for c in answer.citations]
        state = {"question": answer.question, "history": list(turns), "answer": answer.model_dump()}
        turns = [*turns, answer.question]
        for partial in _stream_steps(answer.answer):  # the answer appears as it is written out
            yield (chat + [{"role": "assistant", "content": escape(partial)}], "", turns, state, gr.update(),
                   gr.update(), gr.update(), "")
        chat.append({"role": "assistant", "content": answer_html(answer)})
        yield (chat, "", turns, state, sources_html(answer), gr.update(choices=picks, value=None),
               f'<div class="na-meta">{PICK_HINT}</div>', "")

    # gradio finds the request parameter by its type; string annotations name a local import it cannot see
    respond.__annotations__["request"] = gr.Request

    def show_citation(pick: int | None, state: dict[str, Any] | None) -> str:
        if pick is None or not state:
            return f'<div class="na-meta">{PICK_HINT}</div>'
        answer = Answer.model_validate(state["answer"])
        citation = next((c for c in answer.citations if c.id == pick), None)
        gone = '<div class="na-meta">That article is no longer in the index.</div>'
        if citation is None:
            return gone
        try:
            article, sentences = assistant.article(citation.doc_id)
        except ArticleNotFound:
            return gone
        return article_html(article, sentences, citation)

    def feedback(rating: str, comment: str, state: dict[str, Any] | None) -> tuple[str, str]:
        if not state:
            return "Ask a question first, then rate its answer.", comment
        try:
            record_feedback(settings.feedback_path, state["question"], state["history"], state["answer"], rating, comment)  # type: ignore[arg-type]
        except AssistantError as exc:
            raise gr.Error(f"{exc.message} {exc.hint}") from exc
        return f"Thank you: feedback ({'helpful' if rating == 'up' else 'not helpful'}) saved.", ""

    with gr.Blocks(title="Newsroom assistant", analytics_enabled=False) as demo:
        gr.Markdown(
            "## Newsroom assistant\nAnswers come only from the articles in the corpus. Every point quotes the "
            "article and says who says it; the article's own words are never rewritten."
        )
        gr.HTML(legend_html(), elem_id="legend")
        turns = gr.State([])
        last = gr.State(None)
        shown = gr.State([])  # the articles listed when the page loaded
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Conversation", height=560, elem_id="chat", sanitize_html=True)
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="Ask about the articles, e.g. “Who claimed responsibility?”",
                        show_label=False, scale=5, elem_id="question", max_lines=4,
                    )
                    ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                with gr.Row():
                    side = gr.Radio(list(SIDES), value="All sources", label="Show", elem_id="side-filter")
                    docs = gr.CheckboxGroup([], label="Articles", visible=False, elem_id="article-filter")
                gr.Examples(EXAMPLES, inputs=question, label="Try")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(sources_html(None), elem_id="sources")
                pick = gr.Radio([], label="Show in the article", elem_id="cite-pick")
                article = gr.HTML(f'<div class="na-meta">{PICK_HINT}</div>', elem_id="article-panel")
                gr.Markdown("### Was this answer useful?")
                with gr.Row():
                    up = gr.Button("▲ Helpful", elem_id="fb-up", size="sm")
                    down = gr.Button("▼ Not helpful", elem_id="fb-down", size="sm")
                comment = gr.Textbox(label="Comment (optional)", elem_id="fb-comment", max_lines=3)
                status = gr.Markdown(elem_id="fb-status")
        outputs = [chat, question, turns, last, sources, pick, article, status]
        for trigger in (question.submit, ask.click):
            trigger(respond, [question, chat, turns, side, docs, shown], outputs)
        demo.load(show_articles, None, [docs, shown])
        pick.change(show_citation, [pick, last], article).then(
            None, None, None,
            js="() => { setTimeout(() => document.getElementById('cited-span')?.scrollIntoView({block: 'center'}), 50); }",
        )
        up.click(lambda c, s: feedback("up", c, s), [comment, last], [status, comment])
        down.click(lambda c, s: feedback("down", c, s), [comment, last], [status, comment])
    return demo
