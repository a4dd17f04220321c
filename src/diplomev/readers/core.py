"""Reading plain-text and JSON Lines articles from files and directories."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from diplomev.errors import InputError
from diplomev.model import Article, Source
from diplomev.serialisers._converter import parse_published

__all__ = ["read", "read_corpus", "read_text"]

SUFFIXES = (".txt", ".jsonl")
ErrorHandler = Callable[[InputError], None]


def read_text(text: str, *, id: str = "text", **source_fields: Any) -> Article:  # noqa: A002 - the record's field name
    """Return an `Article` for *text*, with explicit `Source` fields.

    Examples:
        >>> read_text("Seoul and Tokyo held talks.", id="n1", publisher="Yonhap").source.publisher
        'Yonhap'
    """
    return Article(id=id, text=text, source=Source(**source_fields))


def read(path: str | Path) -> Article:
    """Read one article from a text file; its id is the file's stem.

    Raises:
        InputError: If the file cannot be read or decoded.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", path=str(p)) from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 at byte {err.start}", path=str(p)) from err
    return Article(id=p.stem, text=text, origin=str(p))


def _jsonl(path: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield _record(line, path, number)
            except InputError as err:
                if on_error is None:
                    raise
                on_error(err)


def _record(line: str, path: Path, number: int) -> Article:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"not JSON: {err.msg}", path=str(path), line=number) from err
    if not isinstance(raw, dict):
        raise InputError("expected a JSON object", path=str(path), line=number)
    for key in ("id", "text"):
        if not isinstance(raw.get(key), str):
            raise InputError("missing or not a string", path=str(path), line=number, field=key)
    try:
        published = parse_published(raw.get("published"))
    except (TypeError, ValueError) as err:
        raise InputError(str(err), path=str(path), line=number, field="published") from err
    source = Source(
        title=raw.get("title"),
        published=published,
        publisher=raw.get("publisher"),
        dateline=raw.get("dateline"),
        url=raw.get("url"),
    )
    return Article(id=raw["id"], text=raw["text"], source=source, origin=f"{path}:{number}")


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for path in paths:
        p = Path(path)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in SUFFIXES)
        else:
            yield p


def read_corpus(paths: Iterable[str | Path], *, on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Yield every article in the given files and directories, streaming.

    Args:
        paths: Files or directories (searched recursively for ``*.txt`` and ``*.jsonl``).
        on_error: Called with the error of a bad input, after which reading
            goes on; without it the first bad input raises.

    Raises:
        InputError: For a bad input when *on_error* is not given.
    """
    for p in _files(paths):
        try:
            if p.suffix == ".jsonl":
                yield from _jsonl(p, on_error)
            else:
                yield read(p)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)
