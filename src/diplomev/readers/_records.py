"""Reading articles from JSON Lines and CSV streams, one record at a time."""

from __future__ import annotations

import codecs
import collections
import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

from diplomev import _json
from diplomev.errors import ArticleTooLargeError, InputError
from diplomev.model import Article
from diplomev.readers._encodings import OnceDecoder
from diplomev.readers._options import ErrorHandler, Options, article_from_record

__all__ = ["iter_csv", "iter_jsonl", "iter_lines"]

ReadLine = Callable[[int], bytes]
_CHUNK = 1 << 20
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _report(err: InputError, on_error: ErrorHandler | None) -> None:
    if on_error is None:
        raise err
    on_error(err)


def _wide_lines(readline: ReadLine, first: bytes, options: Options) -> Iterator[str]:
    """Decode a UTF-16 or UTF-32 stream (found by its byte-order mark) into lines."""

    class _Raw(io.RawIOBase):
        def __init__(self) -> None:
            self.pending = first

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            data = self.pending or readline(len(buffer))
            self.pending = data[len(buffer) :]
            data = data[: len(buffer)]
            buffer[: len(data)] = data
            return len(data)

    encoding = options.encoding or ("utf-32" if first.startswith(_WIDE_BOMS[:2]) else "utf-16")
    text = io.TextIOWrapper(io.BufferedReader(_Raw()), encoding=encoding, errors="replace", newline=None)
    limit = options.line_limit
    while True:
        line = text.readline(limit + 1)
        if not line:
            return
        yield line


def iter_lines(readline: ReadLine, *, path: str | None, options: Options) -> Iterator[tuple[int, str | InputError]]:
    """Yield ``(line number, decoded line or the error it raised)`` for each line of a byte stream.

    Lines longer than ``options.line_limit`` bytes are skipped (without
    holding them in memory) and reported as `ArticleTooLargeError`.
    """
    limit = options.line_limit
    first = readline(limit + 1)
    if first.startswith(_WIDE_BOMS) and options.encoding is None:
        for number, line in enumerate(_wide_lines(readline, first, options), 1):
            yield number, line
        return
    number = 0
    decoder = OnceDecoder(path=path, encoding=options.encoding)
    raw = first
    while raw:
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:
                chunk = readline(_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            reason = f"line longer than {limit} bytes (max_line_length=)"
            yield number, ArticleTooLargeError(reason, path=path, line=number)
        else:
            try:
                text = decoder(raw, line=number)
            except InputError as err:
                yield number, err
            else:
                yield number, text
        raw = readline(limit + 1)


def iter_jsonl(
    readline: ReadLine, *, path: str | None, stem: str, options: Options, on_error: ErrorHandler | None
) -> Iterator[Article]:
    """Yield the article of each line of a JSON Lines stream; report bad lines and go on."""
    where = path or "<stdin>"
    for number, line in iter_lines(readline, path=path, options=options):
        if isinstance(line, InputError):
            _report(line, on_error)
            continue
        if not line.strip():
            continue
        try:
            raw = _json.loads(line.rstrip("\r\n"))
        except _json.JsonError as err:
            _report(InputError(f"not JSON: {err.describe(lines=False)}", path=path, line=number), on_error)
            continue
        if not isinstance(raw, dict):
            _report(InputError(f"expected a JSON object, got {type(raw).__name__}", path=path, line=number), on_error)
            continue
        try:
            yield article_from_record(
                raw, options=options, path=path, line=number, default_id=f"{stem}-{number}", origin=f"{where}:{number}"
            )
        except InputError as err:
            _report(err, on_error)


class _CsvLines:
    """Feeds decoded lines to the csv module and remembers errors met on the way.

    It also keeps the lines of the record being read and notes when the end
    of the stream was reached inside a record (a quoted field never closed),
    so that the lines such a field swallowed can be read again as rows. Each
    line is read at most twice: reading stays linear.
    """

    def __init__(self, lines: Iterator[tuple[int, str | InputError]]) -> None:
        self.lines = lines
        self.errors: list[InputError] = []
        self.number = 0
        self.record: list[tuple[int, str | InputError]] = []
        self.pending: collections.deque[tuple[int, str | InputError]] = collections.deque()
        self.replayed = 0
        self.at_end = False

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        if self.pending:
            item = self.pending.popleft()
        else:
            try:
                item = next(self.lines)
            except StopIteration:
                self.at_end = True
                raise
        number, line = item
        self.number = number
        self.record.append(item)
        if isinstance(line, InputError):
            self.errors.append(line)
            return "\n"
        return line

    def start(self) -> int:
        """Begin a record; return the number of its first line."""
        self.record.clear()
        self.at_end = False
        return self.pending[0][0] if self.pending else self.number + 1

    def replay(self) -> bool:
        """Queue the lines of the record after its first one to be read again; False if they were read twice."""
        rest = self.record[1:]
        if not rest or rest[0][0] <= self.replayed:
            return False
        self.replayed = rest[-1][0]
        self.pending.extendleft(reversed(rest))
        return True


def iter_csv(
    readline: ReadLine, *, path: str | None, stem: str, options: Options, on_error: ErrorHandler | None
) -> Iterator[Article]:
    """Yield the article of each row of a CSV stream with a header row; report bad rows and go on."""
    where = path or "<stdin>"
    limit = max(options.line_limit, options.max_size)
    if csv.field_size_limit() < limit:
        # The limit is process-wide; it is only ever raised, to let article texts through.
        csv.field_size_limit(limit)
    source = _CsvLines(iter_lines(readline, path=path, options=options))
    delimiter = options.delimiter or ("\t" if (path or "").lower().endswith(".tsv") else ",")
    reader = csv.reader(source, delimiter=delimiter)
    header: list[str] | None = None
    while True:
        start = source.start()
        try:
            row = next(reader)
            if source.at_end:
                # The stream ended inside the record: a quoted field that never closed.
                raise csv.Error("a quoted field is not closed before the end of the file")  # noqa: TRY301
        except StopIteration:
            break
        except csv.Error as err:
            source.errors.clear()
            end = source.number
            if end <= start:
                reason = f"not CSV: {err}"
            elif source.replay():
                reason = f"not CSV: {err}; lines {start + 1}-{end} are read again as rows"
            else:
                reason = f"not CSV: {err} (lines {start}-{end})"
            _report(InputError(reason, path=path, line=start), on_error)
            continue
        if source.errors:
            errors, source.errors = source.errors, []
            for error in errors:
                _report(error, on_error)
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lstrip("\ufeff") for cell in row]
            continue
        record = {key: value for key, value in zip(header, row, strict=False) if key}
        try:
            yield article_from_record(
                record, options=options, path=path, line=start, default_id=f"{stem}-{start}", origin=f"{where}:{start}"
            )
        except InputError as err:
            _report(err, on_error)
