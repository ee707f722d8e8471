"""The README documents what the code offers: every setting, every label, the tested embed snippet."""

from __future__ import annotations

import re

from assistant.settings import Settings
from assistant.types import LABEL_ORDER

from .conftest import ROOT
from .test_embed import SNIPPET

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_variable() -> None:
    missing = [name for name in Settings.model_fields if f"`ASSISTANT_{name.upper()}`" not in README]
    assert not missing


def test_every_setting_has_a_description() -> None:
    assert all(field.description for field in Settings.model_fields.values())


def test_every_label_is_documented() -> None:
    assert all(f"`{label}`" in README for label in LABEL_ORDER)


def test_the_embed_snippet_in_the_readme_is_the_one_the_browser_test_loads() -> None:
    documented = re.search(r"<!-- embed-snippet -->\n```html\n(.*?)```", README, re.S)
    assert documented is not None and documented.group(1) == SNIPPET


def test_every_api_path_is_documented() -> None:
    for path in ["/api/v1/ask", "/api/v1/ask/stream", "/api/v1/articles", "/api/v1/articles/{doc_id}",
                 "/healthz", "/readyz", "/api/v1/openapi.json"]:
        assert path in README
