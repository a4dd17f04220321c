"""Reading articles from strings, files, directories and standard input.

Formats, chosen by the file's suffix (or ``format=``):

* plain text (``.txt`` and any other suffix): one article, its id the file's stem;
* HTML (``.html``, ``.htm``, ``.xhtml``): one article with the page's metadata;
* JSON Lines (``.jsonl``, ``.ndjson``): one article per line;
* CSV (``.csv``, ``.tsv``) with a header row: one article per row.

A directory is searched recursively for ``*.txt``, ``*.html``, ``*.htm``,
``*.jsonl`` and ``*.csv`` (hidden files and folders are skipped; a symbolic
link inside it that leads outside it is reported as an `InputError` and not
followed). The path
``-`` is standard input; its format is told from its first bytes.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from diplomev.errors import ConfigError, InputError
from diplomev.model import Article, Source
from diplomev.readers._encodings import declared_charset, decode
from diplomev.readers._html import article_from_html
from diplomev.readers._options import (
    DEFAULT_MAX_SIZE,
    FIELD_ALIASES,
    ErrorHandler,
    Options,
    check_size,
    source_defaults,
)
from diplomev.readers._records import ReadLine, iter_csv, iter_jsonl

__all__ = ["DEFAULT_MAX_SIZE", "FORMATS", "SUFFIXES", "read", "read_corpus", "read_text"]

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
"""The format read for each file suffix; other suffixes are read as plain text."""

SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".csv")
"""The suffixes of the files read from a directory."""

STDIN = "-"
_NAMES = ("text", "html", "jsonl", "csv")


def _options(
    *,
    format: str | None,  # noqa: A002 - the CLI option's name
    encoding: str | None,
    max_size: int,
    max_line_length: int | None,
    fields: Mapping[str, str] | None,
    delimiter: str | None,
    source: Mapping[str, Any],
) -> Options:
    if format is not None and format not in _NAMES:
        msg = f"unknown input format {format!r}; expected one of {', '.join(_NAMES)}"
        raise ConfigError(msg)
    if max_size < 1 or (max_line_length is not None and max_line_length < 1):
        msg = f"max_size and max_line_length must be positive, got {max_size!r} and {max_line_length!r}"
        raise ConfigError(msg)
    for name in fields or {}:
        if name not in FIELD_ALIASES:
            msg = f"unknown article field {name!r} in fields=; valid fields are: {', '.join(FIELD_ALIASES)}"
            raise ConfigError(msg)
    if delimiter is not None and len(delimiter) != 1:
        msg = f"delimiter must be one character, got {delimiter!r}"
        raise ConfigError(msg)
    return Options(
        format=format,
        encoding=encoding,
        max_size=max_size,
        max_line_length=max_line_length,
        fields=dict(fields or {}),
        delimiter=delimiter,
        source=source_defaults(source),
    )


def read_text(
    text: str,
    *,
    id: str = "text",  # noqa: A002 - the record's field name
    origin: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    **source_fields: Any,
) -> Article:
    """Return an `Article` for *text*, with explicit `Source` fields.

    Fields given here are explicit: the cleaning step never overrides them.

    Args:
        text: The article's text, kept exactly as given.
        id: The article's id.
        origin: Where the text comes from, for messages.
        max_size: The largest text accepted, in characters.
        **source_fields: `Source` fields (``title``, ``published``,
            ``publisher``, ``dateline``, ``url``, ``author``, ``language``);
            ``published`` may be an ISO 8601 string.

    Raises:
        ArticleTooLargeError: If the text is longer than *max_size*.
        InputError: If ``published`` is not a date.
        ConfigError: If a keyword is not a `Source` field.

    Examples:
        >>> read_text("Seoul and Tokyo held talks.", id="n1", publisher="Yonhap").source.publisher
        'Yonhap'
        >>> read_text("Talks.", published="2017-11-23").source.published
        datetime.date(2017, 11, 23)
    """
    if not isinstance(text, str):
        raise InputError(f"expected a str, got {type(text).__name__}", path=origin)
    check_size(len(text), max_size, path=origin, unit="characters")
    fields = source_defaults(source_fields)
    return Article(id=id, text=text, source=Source(**fields), origin=origin)


def _format_of(path: Path, options: Options) -> str:
    return options.format or FORMATS.get(path.suffix.lower(), "text")


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _single(data: bytes, fmt: str, *, path: str, ident: str, origin: str, options: Options) -> Article:
    """Return the one article of a text or HTML document held in *data*."""
    check_size(len(data), options.max_size, path=path)
    if fmt == "html":
        declared = None if options.encoding else declared_charset(data)
        html = decode(data, path=path, encoding=options.encoding, declared=declared)
        return article_from_html(html, id=ident, origin=origin, source=options.source, path=path)
    text = _normalise_newlines(decode(data, path=path, encoding=options.encoding))
    if not text.strip():
        raise InputError("empty article", path=path)
    return Article(id=ident, text=text, source=Source(**options.source), origin=origin)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        check_size(size, limit, path=str(path))
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=str(path)) from err
    check_size(len(data), limit, path=str(path))
    return data


def _records(
    readline: ReadLine, fmt: str, *, path: str | None, stem: str, options: Options, on_error: ErrorHandler | None
) -> Iterator[Article]:
    reader = iter_jsonl if fmt == "jsonl" else iter_csv
    return reader(readline, path=path, stem=stem, options=options, on_error=on_error)


def _file(path: Path, options: Options, on_error: ErrorHandler | None, ident: str | None = None) -> Iterator[Article]:
    if not path.exists():
        raise InputError("no such file or directory", path=str(path))
    fmt = _format_of(path, options)
    if fmt in ("jsonl", "csv"):
        try:
            fh = path.open("rb")
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}", path=str(path)) from err
        with fh:
            yield from _records(fh.readline, fmt, path=str(path), stem=path.stem, options=options, on_error=on_error)
        return
    data = _read_bytes(path, options.max_size)
    yield _single(data, fmt, path=str(path), ident=ident or path.stem, origin=str(path), options=options)


def _sniff(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
        return "html"
    return "text"


def _stdin(options: Options, on_error: ErrorHandler | None, ident: str | None = None) -> Iterator[Article]:
    stream: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if stream is None:
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    first = stream.readline(options.line_limit + 1)
    fmt = options.format or _sniff(first)
    if fmt in ("jsonl", "csv"):
        pending = [first]

        def readline(size: int) -> bytes:
            return pending.pop() if pending else stream.readline(size)

        yield from _records(readline, fmt, path=None, stem="stdin", options=options, on_error=on_error)
        return
    data = first + stream.read(max(0, options.max_size + 1 - len(first)))
    yield _single(data, fmt, path="<stdin>", ident=ident or "stdin", origin="<stdin>", options=options)


def read(
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - the CLI option's name
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_line_length: int | None = None,
    fields: Mapping[str, str] | None = None,
    delimiter: str | None = None,
    id: str | None = None,  # noqa: A002 - the record's field name
    **source_fields: Any,
) -> Article:
    """Read one article from a file (text, HTML, or a one-record JSON Lines or CSV file).

    The id of a text or HTML article is the file's stem unless *id* is given.
    ``-`` reads standard input.

    Args:
        path: The file to read.
        format: "text", "html", "jsonl" or "csv" instead of the file's suffix.
        encoding: Decode strictly with this encoding (default: UTF-8 with a
            legacy fallback and a `LegacyEncodingWarning`).
        max_size: The largest article accepted, in bytes.
        max_line_length: The longest JSON Lines or CSV line accepted, in bytes.
        fields: Record keys of the article fields, e.g. ``{"text": "body"}``.
        delimiter: CSV delimiter.
        id: The article's id.
        **source_fields: Explicit `Source` fields; they win over what is inferred.

    Raises:
        InputError: If the file cannot be read or holds no single article.
        ArticleTooLargeError: If the article is larger than *max_size*.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "talks.txt"
        >>> _ = path.write_text("Japan and India held talks in Tokyo on Monday.", encoding="utf-8")
        >>> read(path).id
        'talks'
    """
    options = _options(
        format=format,
        encoding=encoding,
        max_size=max_size,
        max_line_length=max_line_length,
        fields=fields,
        delimiter=delimiter,
        source=source_fields,
    )
    p = str(path)
    articles = _stdin(options, None, id) if p == STDIN else _file(Path(p), options, None, id)
    found = next(articles, None)
    if found is None:
        raise InputError("no article in the file", path=p)
    if next(articles, None) is not None:
        raise InputError("the file holds more than one article; use read_corpus", path=p)
    return found


def _walk(directory: Path, on_error: ErrorHandler | None) -> Iterator[Path]:
    """Yield the files to read under *directory*; symbolic links leading outside it are reported, not followed."""

    def report(error: InputError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    def outside(path: Path) -> bool:
        if not path.is_symlink():
            return False
        if path.resolve().is_relative_to(top):
            return False
        report(InputError(f"symbolic link leading outside {directory}; not followed", path=str(path)))
        return True

    def listing_error(err: OSError) -> None:
        report(InputError(f"cannot list: {err.strerror or err}", path=str(err.filename or directory)))

    top = directory.resolve()
    for root, dirs, files in os.walk(directory, onerror=listing_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not outside(Path(root) / d))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES:  # noqa: PTH122
                path = Path(root) / name
                if not outside(path):
                    yield path


def _inputs(paths: Iterable[str | Path], on_error: ErrorHandler | None) -> Iterator[Path | str]:
    for path in paths:
        if str(path) == STDIN:
            yield STDIN
            continue
        p = Path(path)
        if p.is_dir():
            yield from _walk(p, on_error)
        else:
            yield p


def read_corpus(
    paths: Iterable[str | Path] | str | Path,
    *,
    on_error: ErrorHandler | None = None,
    format: str | None = None,  # noqa: A002 - the CLI option's name
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_line_length: int | None = None,
    fields: Mapping[str, str] | None = None,
    delimiter: str | None = None,
    **source_fields: Any,
) -> Iterator[Article]:
    """Yield every article in the given files and directories, streaming.

    Nothing is listed or held in memory beyond the article being read: files
    are visited in sorted order, records one line at a time.

    Args:
        paths: Files, directories (searched recursively for ``*.txt``,
            ``*.html``, ``*.htm``, ``*.jsonl`` and ``*.csv``), or ``-`` for
            standard input.
        on_error: Called with the error of each bad input (a file, a line or a
            field), after which reading goes on; without it the first bad
            input raises.
        format: Read every file as "text", "html", "jsonl" or "csv".
        encoding: Decode strictly with this encoding.
        max_size: The largest article accepted, in bytes (characters for a
            JSON Lines or CSV text field).
        max_line_length: The longest JSON Lines or CSV line accepted, in
            bytes (default: twice *max_size*).
        fields: Record keys of the article fields, e.g.
            ``{"text": "body", "published": "date"}``.
        delimiter: CSV delimiter.
        **source_fields: `Source` fields for every article; a record's own
            values win over them, and both win over what is inferred.

    Raises:
        InputError: For a bad input when *on_error* is not given.
        ConfigError: For a bad option.

    Examples:
        >>> errors = []
        >>> list(read_corpus(["no/such/file.txt"], on_error=errors.append))
        []
        >>> errors[0].path
        'no/such/file.txt'
    """
    options = _options(
        format=format,
        encoding=encoding,
        max_size=max_size,
        max_line_length=max_line_length,
        fields=fields,
        delimiter=delimiter,
        source=source_fields,
    )
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _corpus(paths, options, on_error)


def _corpus(paths: Iterable[str | Path], options: Options, on_error: ErrorHandler | None) -> Iterator[Article]:
    for p in _inputs(paths, on_error):
        try:
            if isinstance(p, str):
                yield from _stdin(options, on_error)
            else:
                yield from _file(p, options, on_error)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)
