"""JSON Lines: one JSON object per line, lossless in both directions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

import attrs
import cattrs
from cattrs.v import format_exception

from diplomev import _json
from diplomev.errors import DiplomevError, SerialisationError
from diplomev.model import Event
from diplomev.registry import registries
from diplomev.serialisers._converter import converter

__all__ = ["JsonLines", "structure"]

ErrorHandler = Callable[[SerialisationError], None]

_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""What ``json.dumps(record, ensure_ascii=False)`` builds for every call, built once."""


def _format_exception(exc: BaseException, type_: type[Any] | None) -> str:
    if isinstance(exc, DiplomevError):
        return str(exc)
    return format_exception(exc, type_)


def structure(raw: Any, type_: type[Any], *, line: int | None = None, path: str | None = None) -> Any:
    """Build a record of *type_* from parsed JSON, with errors that name the line and field.

    Raises:
        SerialisationError: If *raw* does not describe a valid record.
    """
    if attrs.has(type_) and not isinstance(raw, dict):
        msg = f"expected a JSON object, got {type(raw).__name__}"
        raise SerialisationError(msg, path=path, line=line)
    try:
        return converter.structure(raw, type_)
    except cattrs.BaseValidationError as err:
        detail = "; ".join(cattrs.transform_error(err, format_exception=_format_exception))
        raise SerialisationError(detail, path=path, line=line) from err
    except (DiplomevError, ValueError, TypeError, KeyError) as err:
        raise SerialisationError(str(err), path=path, line=line) from err


@registries.serialisers.register("jsonl")
class JsonLines:
    """JSON Lines: one record per line, with the keys of Contract 2 for events.

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> e = Event(article="a1", cameo="040", source=Actor(country="KOR"))
        >>> buf = io.StringIO()
        >>> JsonLines().dump([e], buf)
        >>> _ = buf.seek(0)
        >>> list(JsonLines().load(buf)) == [e]
        True
    """

    name = "jsonl"
    extensions: tuple[str, ...] = (".jsonl", ".ndjson")

    def dump(self, records: Iterable[Any], fp: TextIO) -> None:
        """Write each record as one line of JSON."""
        encode, unstructure, write = _ENCODER.encode, converter.unstructure, fp.write
        for record in records:
            write(encode(unstructure(record)))
            write("\n")

    def load(
        self,
        fp: TextIO,
        *,
        type: type[Any] | None = None,  # noqa: A002 - mirrors cattrs' structure(obj, type)
        on_error: ErrorHandler | None = None,
        path: str | None = None,
    ) -> Iterator[Any]:
        """Yield one record per non-blank line.

        Args:
            fp: The stream to read.
            type: The record class to build (default `Event`).
            on_error: Called with the error for a bad line, after which
                reading goes on; without it the first bad line raises.
            path: The file name used in error messages.

        Raises:
            SerialisationError: For a bad line when *on_error* is not given.
        """
        target = Event if type is None else type
        for number, line in enumerate(fp, 1):
            if not line.strip():
                continue
            try:
                try:
                    raw = _json.loads(line)
                except _json.JsonError as err:
                    msg = f"not JSON: {err.describe(lines=False)}"
                    raise SerialisationError(msg, path=path, line=number) from err
                yield structure(raw, target, line=number, path=path)
            except SerialisationError as err:
                if on_error is None:
                    raise
                on_error(err)
