"""The name lists the package ships in ``sources/`` (general knowledge kept as data, each with its
tests): places (``places.txt``, GeoNames via ``training/build_places.py``: countries, capitals, US
states, large cities), the words newspapers are named with (``mastheads.txt``) and heads of state and
government (``leaders.txt``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _entries(name: str) -> list[str]:
    """The lines of ``sources/<name>``, comments and blank lines left out."""
    text = (resources.files("assistant.ingest") / "sources" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Lower-cased place names of ``sources/places.txt``."""
    return frozenset(line.lower() for line in _entries("places.txt"))


@lru_cache(maxsize=1)
def mastheads() -> frozenset[str]:
    """Words newspapers are named with (``sources/mastheads.txt``)."""
    return frozenset(line.lower() for line in _entries("mastheads.txt"))


@lru_cache(maxsize=1)
def leaders() -> frozenset[str]:
    """Lower-cased names of heads of state and government (``sources/leaders.txt``), each full name
    and the distinctive names it goes by alone."""
    return frozenset(name.strip().lower() for line in _entries("leaders.txt") for name in line.split("|"))


@lru_cache(maxsize=1)
def ai_names() -> frozenset[str]:
    """Lower-cased names for AI systems (``sources/ai_names.txt``), read only inside frames of address."""
    return frozenset(line.lower() for line in _entries("ai_names.txt"))
