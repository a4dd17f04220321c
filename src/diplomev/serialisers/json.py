"""JSON: one array of records, lossless in both directions, written and read as a stream.

The writer puts one record on each line between ``[`` and ``]``; the reader
accepts any JSON array of records (pretty-printed or not) and never holds
more than the record it is decoding in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from diplomev import _json
from diplomev.errors import SerialisationError
from diplomev.model import Event
from diplomev.registry import registries
from diplomev.serialisers._common import ErrorHandler, deliver
from diplomev.serialisers._converter import converter
from diplomev.serialisers.jsonl import structure

__all__ = ["JsonArray"]

_CHUNK = 1 << 16
_WHITESPACE = " \t\r\n\ufeff"
_MISSING = object()


class _Buffer:
    """A window on a text stream, with line numbers, read in chunks as decoding needs them."""

    def __init__(self, fp: TextIO) -> None:
        self.fp = fp
        self.text = ""
        self.pos = 0
        self.eof = False
        self._line = 1
        self._counted = 0

    def more(self) -> bool:
        """Read another chunk (growing with the undecoded rest, so long records cost linear time)."""
        if self.eof:
            return False
        data = self.fp.read(max(_CHUNK, len(self.text) - self.pos))
        if not data:
            self.eof = True
            return False
        if self.pos:
            self.line_at(self.pos)
            self.text = self.text[self.pos :]
            self._counted -= self.pos
            self.pos = 0
        self.text += data
        return True

    def line_at(self, index: int) -> int:
        """Return the 1-based line number of position *index* of the window."""
        if index >= self._counted:
            self._line += self.text.count("\n", self._counted, index)
        else:
            self._line -= self.text.count("\n", index, self._counted)
        self._counted = index
        return self._line

    def skip_space(self) -> str:
        """Skip whitespace; return the next character, or "" at the end of the stream."""
        while True:
            n = len(self.text)
            while self.pos < n and self.text[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < n:
                return self.text[self.pos]
            if not self.more():
                return ""

    def decode(self) -> tuple[Any, _json.JsonError | None]:
        """Decode the JSON value at the current position, reading more as needed."""
        while True:
            try:
                value, end = _json.decode(self.text, self.pos)
            except _json.JsonError as err:
                if err.kind == "syntax":
                    at = len(self.text) if err.pos is None else err.pos
                    near_end = at >= len(self.text) - 8 or err.reason.startswith("Unterminated string")
                else:  # a refused number may be cut by the end of the chunk (1e3|00 is not 1e3)
                    near_end = err.end is not None and err.end >= len(self.text)
                if near_end and self.more():
                    continue
                return _MISSING, err
            if end >= len(self.text) and self.more():
                continue  # a number may go on in the next chunk
            self.pos = end
            return value, None

    def next_line(self, index: int) -> bool:
        """Move to the start of the line after position *index*; False at the end of the stream."""
        self.pos = index
        while True:
            found = self.text.find("\n", self.pos)
            if found >= 0:
                self.pos = found + 1
                return True
            self.pos = len(self.text)
            if not self.more():
                return False


@registries.serialisers.register("json")
class JsonArray:
    r"""A JSON array of records (events by default), one per line; lossless.

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> e = Event(article="a1", cameo="040", source=Actor(country="KOR"))
        >>> buf = io.StringIO()
        >>> JsonArray().dump([e, e], buf)
        >>> buf.getvalue().count("\n")
        4
        >>> _ = buf.seek(0)
        >>> list(JsonArray().load(buf)) == [e, e]
        True
    """

    name = "json"
    extensions: tuple[str, ...] = (".json",)

    def dump(self, records: Iterable[Any], fp: TextIO) -> None:
        """Write ``[``, the records separated by ``,`` and a line break, then ``]``, streaming."""
        fp.write("[")
        sep = "\n"
        for record in records:
            fp.write(sep)
            fp.write(json.dumps(converter.unstructure(record), ensure_ascii=False))
            sep = ",\n"
        fp.write("\n]\n")

    def load(
        self,
        fp: TextIO,
        *,
        type: type[Any] | None = None,  # noqa: A002 - mirrors cattrs' structure(obj, type)
        on_error: ErrorHandler | None = None,
        path: str | None = None,
    ) -> Iterator[Any]:
        """Yield the records of a JSON array one at a time.

        An empty stream holds no records. After a malformed record, reading
        goes on at the next line (so files written by `dump`, with one record
        per line, lose only the bad record).

        Args:
            fp: The stream to read.
            type: The record class to build (default `Event`).
            on_error: Called with the error for a bad record, after which
                reading goes on; without it the first bad record raises.
            path: The file name used in error messages.

        Raises:
            SerialisationError: For a bad record (with its line number) when
                *on_error* is not given.
        """
        target = Event if type is None else type
        buf = _Buffer(fp)
        first = buf.skip_space()
        if not first:
            return
        if first != "[":
            msg = f"expected a JSON array starting with '[', got {first!r}"
            deliver(SerialisationError(msg, path=path, line=buf.line_at(buf.pos)), on_error)
            return
        buf.pos += 1
        need_comma = False
        while True:
            char = buf.skip_space()
            if not char:
                msg = "the file ends before the array is closed with ']'"
                deliver(SerialisationError(msg, path=path, line=buf.line_at(buf.pos)), on_error)
                return
            if char == "]":
                buf.pos += 1
                if buf.skip_space():
                    msg = "unexpected data after the end of the array"
                    deliver(SerialisationError(msg, path=path, line=buf.line_at(buf.pos)), on_error)
                return
            if char == ",":
                buf.pos += 1
                need_comma = False
                continue
            line = buf.line_at(buf.pos)
            if need_comma:
                msg = f"expected ',' or ']' between records, got {char!r}"
                deliver(SerialisationError(msg, path=path, line=line), on_error)
            value, err = buf.decode()
            if err is not None:
                at = buf.pos if err.pos is None else err.pos
                where = buf.line_at(at)
                deliver(SerialisationError(f"not JSON: {err.reason}", path=path, line=where), on_error)
                if not buf.next_line(at):
                    return
                continue
            need_comma = True
            try:
                yield structure(value, target, line=line, path=path)
            except SerialisationError as exc:
                deliver(exc, on_error)
