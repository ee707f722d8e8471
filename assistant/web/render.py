"""The answer as plain text for a terminal (the CLI); the browser renders with present.py."""

from __future__ import annotations

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
