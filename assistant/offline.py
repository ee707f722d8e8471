"""The one place that switches off telemetry, analytics and hub look-ups.

Called by the entry points and by the embedder's lazy loader, before heavy imports;
never as a side effect of ``import assistant``.
"""

from __future__ import annotations

import os

OFFLINE_ENVIRONMENT: dict[str, str] = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def go_offline() -> None:
    """Set the offline environment (idempotent). Forced: running offline is not optional."""
    os.environ.update(OFFLINE_ENVIRONMENT)
