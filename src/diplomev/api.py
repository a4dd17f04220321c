"""The convenience functions of the top-level API: extract, dump and load."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from diplomev.errors import ConfigError, SerialisationError
from diplomev.model import Article, Event
from diplomev.pipeline import Pipeline
from diplomev.readers import read_text
from diplomev.registry import registries
from diplomev.typing import Serialiser

__all__ = ["dump", "extract", "get_serialiser", "load"]


@functools.cache
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def extract(text_or_article: str | Article, *, pipeline: Pipeline | None = None, **source_fields: Any) -> list[Event]:
    """Return the events of one article.

    Args:
        text_or_article: The article, or its text.
        pipeline: The pipeline to run (default `Pipeline.default`).
        **source_fields: `Source` fields for a text (``publisher``,
            ``published``, ``title``, ``id``...); they win over what is inferred.

    Examples:
        >>> import datetime as dt
        >>> events = extract("Japan and India signed a trade agreement in Tokyo on Monday.",
        ...                  published=dt.date(2024, 3, 6))
        >>> sorted((e.source.country, e.type.value) for e in events)[0]
        ('IND', 'AGREE')
    """
    article = text_or_article if isinstance(text_or_article, Article) else read_text(text_or_article, **source_fields)
    doc = (pipeline or _default_pipeline()).run(article)
    return [] if doc is None else list(doc.events)


def get_serialiser(format: str | None = None, *, path: str | Path | None = None) -> Serialiser:  # noqa: A002 - the CLI option's name
    """Return the serialiser for a format name, or for a file's extension.

    Raises:
        ConfigError: If neither names a known format.
    """
    if format is None and path is not None:
        suffix = Path(path).suffix.lower()
        for name in registries.serialisers.names():
            candidate = registries.serialisers.get(name)()
            if suffix in candidate.extensions:
                return candidate  # type: ignore[no-any-return]
        msg = f"cannot tell the format of {str(path)!r} from its extension; pass format="
        raise ConfigError(msg)
    return registries.serialisers.get(format or "jsonl")()  # type: ignore[no-any-return]


def dump(records: Iterable[Any], path_or_file: str | Path | TextIO, *, format: str | None = None) -> None:  # noqa: A002 - the CLI option's name
    """Write records to a file or stream, streaming.

    Args:
        records: Events (or other records the format supports).
        path_or_file: A path, or an open text stream.
        format: A format name ("jsonl", "json", ...); by default taken from
            the file extension, or JSON Lines for a stream.

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> buf = io.StringIO()
        >>> dump([Event(article="a1", cameo="163", source=Actor(country="JPN"))], buf, format="csv")
        >>> buf.getvalue().splitlines()[0].split(",")[:3]
        ['id', 'article', 'type']
    """
    if isinstance(path_or_file, (str, Path)):
        ser = get_serialiser(format, path=path_or_file)
        with Path(path_or_file).open("w", encoding="utf-8", newline="") as fh:
            ser.dump(records, fh)
    else:
        get_serialiser(format).dump(records, path_or_file)


def load(
    path_or_file: str | Path | TextIO,
    *,
    format: str | None = None,  # noqa: A002 - the CLI option's name
    type: type[Any] | None = None,  # noqa: A002 - mirrors cattrs' structure(obj, type)
    on_error: Callable[[SerialisationError], None] | None = None,
) -> Iterator[Any]:
    """Read records back from a file or stream, streaming.

    Args:
        path_or_file: A path, or an open text stream.
        format: A format name; by default taken from the file extension.
        type: The record class to build (default `Event`).
        on_error: Called with the error of each malformed record, after which
            reading goes on; without it the first one raises.

    Raises:
        SerialisationError: For a malformed record, naming its file and line,
            or for a file that is not UTF-8 text.

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> buf = io.StringIO()
        >>> dump([Event(article="a1", cameo="040", source=Actor(country="KOR"))], buf)
        >>> _ = buf.seek(0)
        >>> [e.type.value for e in load(buf)]
        ['CONSULT']
    """
    options: dict[str, Any] = {"type": type}
    if on_error is not None:
        options["on_error"] = on_error
    if isinstance(path_or_file, (str, Path)):
        ser = get_serialiser(format, path=path_or_file)
        with Path(path_or_file).open(encoding="utf-8", newline="") as fh:
            options["path"] = str(path_or_file)
            try:
                yield from ser.load(fh, **options)
            except UnicodeDecodeError as err:
                msg = f"not UTF-8 text ({err.reason})"
                raise SerialisationError(msg, path=str(path_or_file)) from err
    else:
        yield from get_serialiser(format).load(path_or_file, **options)
