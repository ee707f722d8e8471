"""Reader feedback on answers, appended as JSON lines (usable later as evaluation cases)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from assistant.errors import AssistantError

Rating = Literal["up", "down"]


def record_feedback(
    path: Path, question: str, history: list[str], answer: dict[str, Any], rating: Rating, comment: str = ""
) -> dict[str, Any]:
    """Append one feedback line; returns what was written."""
    entry = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "rating": rating,
        "comment": comment.strip()[:2000],
        "question": question,
        "history": history,
        "answer": answer,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise AssistantError(
            f"Cannot write feedback to {path}: {exc.strerror}.", "Set ASSISTANT_FEEDBACK_PATH to a writable file."
        ) from exc
    return entry
