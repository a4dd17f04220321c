"""Shared helper of the whole-pipeline event tests: what the default pipeline codes in a text."""

from __future__ import annotations

import diplomev
from diplomev import Actor

Row = tuple[str | None, str, str, str | None]
"""(source key, PLOVER type, CAMEO code, target key) of an event."""
ModeRow = tuple[str | None, str, str, str | None, str]
"""The same with the event's mode."""


def _key(actor: Actor | None) -> str | None:
    return actor.key if actor is not None else None


def coded(text: str, published: str | None = None) -> set[Row]:
    """(source, type, CAMEO, target) of the events `diplomev.extract` codes in *text*; actors by `Actor.key`."""
    return {
        (_key(e.source), e.type.value, e.cameo, _key(e.target)) for e in diplomev.extract(text, published=published)
    }


def coded_with_mode(text: str, published: str | None = None) -> set[ModeRow]:
    """`coded` with each event's mode."""
    return {
        (_key(e.source), e.type.value, e.cameo, _key(e.target), e.mode.value)
        for e in diplomev.extract(text, published=published)
    }
