"""The browser chat (Gradio). Renders what the Assistant returns; holds no logic."""

from __future__ import annotations

from typing import Any

from assistant.errors import AssistantError
from assistant.offline import go_offline
from assistant.settings import Settings

EXAMPLES = [
    "Who claimed responsibility for the attacks?",
    "How many people died?",
    "What do the authorities say, and what theories circulate on social media?",
    "What did the National Security Committee declare?",
]


def _user_turns(history: list[Any]) -> list[str]:
    turns = []
    for message in history:
        if isinstance(message, dict) and message.get("role") == "user" and isinstance(message.get("content"), str):
            turns.append(message["content"])
    return turns


def build_ui(assistant: Any):  # type: ignore[no-untyped-def]
    """A chat over ``assistant``: each reply is the sectioned, cited answer."""
    go_offline()
    import gradio as gr

    from assistant.render import answer_markdown

    def respond(message: str, history: list[Any]) -> str:
        try:
            answer = assistant.ask(message, history=_user_turns(history))
        except AssistantError as exc:
            raise gr.Error(f"{exc.message} {exc.hint}") from exc
        return answer_markdown(answer)

    return gr.ChatInterface(
        fn=respond,
        title="Newsroom assistant",
        description=(
            "Answers come only from the articles in the corpus. Every point cites the exact passage and says "
            "who says it: official statements, claims by involved groups, media reports, unverified social-media "
            "theories, or the article's own background."
        ),
        examples=EXAMPLES,
        cache_examples=False,
        analytics_enabled=False,
        api_name="chat",
    )


def serve(settings: Settings) -> None:
    """Ingest the corpus if needed, then serve the chat on settings.host:settings.port."""
    from assistant.engine import Assistant

    go_offline()
    print(f"Opening the index at {settings.index_dir} (ingesting {settings.corpus} if it changed)...", flush=True)
    assistant = Assistant.open(corpus=settings.corpus if settings.corpus.exists() else None, settings=settings)
    print(f"Serving on http://{settings.host}:{settings.port}", flush=True)
    build_ui(assistant).launch(server_name=settings.host, server_port=settings.port, show_error=True)
