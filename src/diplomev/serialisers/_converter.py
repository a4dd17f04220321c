"""The shared cattrs converter: dates as ISO 8601, enums by value, tuples as lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn

from diplomev.model import Event

__all__ = ["EVENT_KEY_ORDER", "converter", "parse_date", "parse_published"]

EVENT_KEY_ORDER: tuple[str, ...] = (
    "id",
    "article",
    "type",
    "cameo",
    "goldstein",
    "quad_class",
    "source",
    "target",
    "date",
    "location",
    "mode",
    "evidence",
    "confidence",
)
"""Keys of Contract 2 in the order they are written; other fields follow."""


def parse_date(value: Any, _: Any = None) -> dt.date:
    """Read a calendar date from an ISO 8601 string (or pass a date through)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 date string, got {value!r}"
        raise TypeError(msg)
    return dt.date.fromisoformat(value[:10])


def parse_published(value: Any, _: Any = None) -> dt.date | dt.datetime | None:
    """Read a publication date or timezone-aware datetime from ISO 8601."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 string, got {value!r}"
        raise TypeError(msg)
    if len(value) <= 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False, detailed_validation=True)
    conv.register_unstructure_hook(dt.datetime, lambda v: v.isoformat())
    conv.register_unstructure_hook(dt.date, lambda v: v.isoformat())
    conv.register_structure_hook(dt.date, parse_date)
    conv.register_structure_hook(dt.date | dt.datetime | None, parse_published)
    base = make_dict_unstructure_fn(Event, conv)

    def unstructure_event(event: Event) -> dict[str, Any]:
        raw = base(event)
        ordered = {k: raw.pop(k) for k in EVENT_KEY_ORDER}
        ordered.update(raw)
        return ordered

    conv.register_unstructure_hook(Event, unstructure_event)
    return conv


converter = _make_converter()
"""The converter every serialiser starts from."""
