"""Newsroom question answering over source articles, with cited, provenance-labelled passages.

``from assistant import Assistant`` is lazy: importing the package loads no model and
changes no environment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Answer", "Assistant", "AssistantError", "Settings"]

if TYPE_CHECKING:
    from assistant.engine import Assistant
    from assistant.errors import AssistantError
    from assistant.settings import Settings
    from assistant.types import Answer


def __getattr__(name: str) -> Any:
    if name == "Assistant":
        from assistant.engine import Assistant

        return Assistant
    if name == "Answer":
        from assistant.types import Answer

        return Answer
    if name == "Settings":
        from assistant.settings import Settings

        return Settings
    if name == "AssistantError":
        from assistant.errors import AssistantError

        return AssistantError
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
