"""Plain-text and Markdown renderings of an Answer, shared by the CLI and the chat."""

from __future__ import annotations

import html

from assistant.types import Answer


def sources_text(answer: Answer) -> str:
    """One line per citation: number, label, source, position and the exact quote."""
    lines = []
    for c in answer.citations:
        lines.append(f"[{c.id}] {c.label} | {c.attributed_to} | {c.doc_id} chars {c.start}-{c.end}")
        lines.append(f"    “{c.quote}”")
    return "\n".join(lines)


def answer_text(answer: Answer) -> str:
    """The answer for a terminal: Markdown body, then its sources."""
    sources = sources_text(answer)
    return f"{answer.answer}\n\nSources:\n{sources}" if sources else answer.answer


def answer_markdown(answer: Answer) -> str:
    """The answer for the chat, with every article-derived string HTML-escaped."""
    body = html.escape(answer.answer, quote=False)
    if not answer.citations:
        return body
    sources = "\n".join(
        f"{c.id}. `{c.label}` {html.escape(c.attributed_to, quote=False)} ({html.escape(c.doc_id)}, chars {c.start}–{c.end})"
        for c in answer.citations
    )
    return f"{body}\n\n**Sources**\n\n{sources}"
