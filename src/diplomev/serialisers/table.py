"""A human-readable text table for terminals: one aligned row per event, write-only.

Columns have fixed widths (`TABLE_COLUMNS`) so rows can be printed as they
come, without reading every event first; long cells are cut with ``…``.
Wide (East Asian) characters count as two columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from diplomev.errors import SerialisationError
from diplomev.model import Actor, Event
from diplomev.registry import registries

__all__ = ["TABLE_COLUMNS", "TextTable", "display_width", "fit"]

TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("article", 30),
    ("date", 22),
    ("source", 26),
    ("type/cameo", 14),
    ("target", 26),
    ("mode", 12),
    ("location", 18),
)
"""The columns of the table and their widths in terminal cells."""

_ELLIPSIS = "…"
_GAP = "  "


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Return how many terminal cells *text* takes.

    Examples:
        >>> display_width("Seoul"), display_width("서울")
        (5, 4)
    """
    return sum(_char_width(c) for c in text)


def fit(text: str, width: int) -> str:
    """Return *text* on one line, cut with an ellipsis and padded to exactly *width* cells.

    Examples:
        >>> fit("Kang Kyung-wha", 8)
        'Kang Ky…'
        >>> fit("Wang Yi", 9) + "|"
        'Wang Yi  |'
    """
    flat = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)
    if display_width(flat) > width:
        out: list[str] = []
        used = 0
        for char in flat:
            w = _char_width(char)
            if used + w > width - 1:
                break
            out.append(char)
            used += w
        flat = "".join(out) + _ELLIPSIS
    return flat + " " * (width - display_width(flat))


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = actor.code or ""
    if actor.name:
        return f"{actor.name} ({code})" if code else actor.name
    return code or "?"


def _cells(event: Event) -> list[str]:
    date = event.date
    if date is None:
        when = "-"
    elif date.start == date.end:
        when = date.start.isoformat()
    else:
        when = f"{date.start.isoformat()}..{date.end.isoformat()}"
    return [
        event.article,
        when,
        _actor(event.source),
        f"{event.type.value}/{event.cameo}",
        _actor(event.target),
        event.mode.value,
        "-" if event.location is None else event.location.name,
    ]


def _line(cells: Iterable[str]) -> str:
    parts = [fit(cell, width) for cell, (_, width) in zip(cells, TABLE_COLUMNS, strict=True)]
    return _GAP.join(parts).rstrip() + "\n"


@registries.serialisers.register("table")
class TextTable:
    """An aligned text table for reading in a terminal (write-only).

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> e = Event(article="a1", cameo="042", source=Actor(name="Wang Yi", country="CHN", sector="GOV"))
        >>> buf = io.StringIO()
        >>> TextTable().dump([e], buf)
        >>> buf.getvalue().splitlines()[2].split()
        ['a1', '-', 'Wang', 'Yi', '(CHNGOV)', 'CONSULT/042', '-', 'asserted', '-']
    """

    name = "table"
    extensions: tuple[str, ...] = (".table", ".txt")

    def dump(self, records: Iterable[Event], fp: TextIO) -> None:
        """Write a header, a rule and one row per event, streaming.

        Raises:
            SerialisationError: If a record is not an `Event`.
        """
        fp.write(_line(name for name, _ in TABLE_COLUMNS))
        fp.write(_line("-" * width for _, width in TABLE_COLUMNS))
        for record in records:
            if not isinstance(record, Event):
                msg = f"the table format writes events only, got {type(record).__name__}"
                raise SerialisationError(msg)
            fp.write(_line(_cells(record)))

    def load(self, fp: TextIO, *, type: type[Any] | None = None, **_: Any) -> Iterator[Event]:  # noqa: A002, ARG002 - the protocol's signature
        """Refuse to read: the table is for people, not programs.

        Raises:
            SerialisationError: Always.
        """
        msg = "the table format is write-only"
        raise SerialisationError(msg)
