"""CSV: one event per row in flat, dotted columns, safe to open in a spreadsheet.

The columns are `CSV_COLUMNS`, in that order, with a header row. Text cells
that a spreadsheet would run as a formula are neutralised with a leading
apostrophe, which is removed again on reading (see `neutralise`), so the
round trip is exact.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from diplomev.errors import SerialisationError
from diplomev.model import Event
from diplomev.registry import registries
from diplomev.serialisers._common import ErrorHandler, check_event_type, deliver
from diplomev.serialisers._flat import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, Value, flatten, unflatten

__all__ = ["CSV_COLUMNS", "FORMULA_PREFIXES", "Csv", "neutralise", "restore"]

CSV_COLUMNS: tuple[str, ...] = COLUMNS
"""The columns of a diplomev CSV file, in order (mirrored on the format's reference page)."""

FORMULA_PREFIXES: frozenset[str] = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""First characters that make a spreadsheet treat a cell as a formula (with their full-width forms)."""

_ESCAPE = "'"
_REQUIRED = ("article", "cameo")


def neutralise(text: str | None) -> str:
    """Return the cell for a text value: a leading apostrophe stops a spreadsheet running it.

    The rule, in both directions:

    * None is an empty cell.
    * A value that is empty, or starts with ``=``, ``+``, ``-``, ``@``, a tab,
      a carriage return (or a full-width ``＝ ＋ － ＠``), or with an apostrophe
      itself, is written with one apostrophe in front.
    * On reading, one leading apostrophe is always removed and an empty cell
      is None.

    Examples:
        >>> neutralise("=HYPERLINK(1)"), neutralise("'quoted"), neutralise(""), neutralise("Seoul")
        ("'=HYPERLINK(1)", "''quoted", "'", 'Seoul')
    """
    if text is None:
        return ""
    if not text or text[0] in FORMULA_PREFIXES or text[0] == _ESCAPE:
        return _ESCAPE + text
    return text


def restore(cell: str) -> str | None:
    """Return the text value of a cell written by `neutralise`.

    Examples:
        >>> restore("'=HYPERLINK(1)"), restore("'"), restore("")
        ('=HYPERLINK(1)', '', None)
    """
    if not cell:
        return None
    return cell[1:] if cell[0] == _ESCAPE else cell


def _cell(column: str, value: Value) -> str:
    if value is None:
        return ""
    if column in FLOAT_COLUMNS:
        return repr(float(value))
    if column in INT_COLUMNS:
        return str(int(value))
    return neutralise(str(value))


def _number(column: str) -> Callable[[str], Value]:
    """Return the parser of a number column's cells (a leading apostrophe is tolerated)."""
    is_float = column in FLOAT_COLUMNS

    def parse(cell: str) -> Value:
        text = (cell[1:] if cell.startswith(_ESCAPE) else cell).strip()
        if not text:
            return None
        try:
            number = float(text)
            if is_float:
                return number
            if number.is_integer():
                return int(text) if text.lstrip("-").isdigit() else int(number)
        except ValueError:
            pass
        kind = "a number" if is_float else "an integer"
        msg = f"column {column!r}: expected {kind}, got {cell!r}"
        raise ValueError(msg)

    return parse


def _parser(column: str) -> Callable[[str], Value]:
    if column in FLOAT_COLUMNS or column in INT_COLUMNS:
        return _number(column)
    return restore


@registries.serialisers.register("csv")
class Csv:
    """CSV with a header row and dotted columns (``source.country``); lossless for events.

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> e = Event(article="a1", cameo="040", source=Actor(name="=cmd", country="KOR"))
        >>> buf = io.StringIO()
        >>> Csv().dump([e], buf)
        >>> "'=cmd" in buf.getvalue()
        True
        >>> _ = buf.seek(0)
        >>> list(Csv().load(buf)) == [e]
        True
    """

    name = "csv"
    extensions: tuple[str, ...] = (".csv",)

    def dump(self, records: Iterable[Event], fp: TextIO) -> None:
        """Write a header row, then one row per event, streaming.

        Raises:
            SerialisationError: If a record is not an `Event`.
        """
        writer = csv.writer(fp)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            if not isinstance(record, Event):
                msg = f"the csv format writes events only, got {type(record).__name__}"
                raise SerialisationError(msg)
            row = flatten(record)
            writer.writerow([_cell(c, row[c]) for c in CSV_COLUMNS])

    def load(
        self,
        fp: TextIO,
        *,
        type: type[Any] | None = None,  # noqa: A002 - mirrors cattrs' structure(obj, type)
        on_error: ErrorHandler | None = None,
        path: str | None = None,
    ) -> Iterator[Event]:
        """Yield one event per row, streaming.

        Columns are found by their header names, so they may come in any
        order; unknown columns are ignored, and a missing column takes the
        record's default. ``article`` and ``cameo`` are required.

        Args:
            fp: The stream to read (open files with ``newline=""``).
            type: `Event` or None; the format holds nothing else.
            on_error: Called with the error for a bad row, after which
                reading goes on; without it the first bad row raises.
            path: The file name used in error messages.

        Raises:
            SerialisationError: For a bad row (with its line number) when
                *on_error* is not given, or a header without ``article`` and ``cameo``.
        """
        check_event_type(self.name, type, path)
        reader = csv.reader(fp)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            deliver(SerialisationError(f"not CSV: {err}", path=path, line=1), on_error)
            return
        if header:
            header[0] = header[0].removeprefix("\ufeff")
        header = [h.strip() for h in header]
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            msg = f"the header has no {' or '.join(repr(m) for m in missing)} column; got {header[:8]!r}"
            deliver(SerialisationError(msg, path=path, line=1), on_error)
            return
        columns = [(name, i, _parser(name)) for i, name in enumerate(header) if name in CSV_COLUMNS]
        width = len(header)
        done = reader.line_num
        while True:
            line = done + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                done = reader.line_num
                deliver(SerialisationError(f"not CSV: {err}", path=path, line=line), on_error)
                continue
            done = reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            try:
                if len(cells) != width:
                    msg = f"expected {width} cells as in the header, got {len(cells)}"
                    raise ValueError(msg)  # noqa: TRY301 - reported like every other bad row
                yield unflatten({name: parse(cells[i]) for name, i, parse in columns})
            except ValueError as err:
                deliver(SerialisationError(str(err), path=path, line=line), on_error)
