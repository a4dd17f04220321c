"""Protocols and type aliases for extending diplomev.

Added in version 0.1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, TextIO, runtime_checkable

if TYPE_CHECKING:
    from diplomev.model import Document

__all__ = ["Extractor", "Serialiser"]


@runtime_checkable
class Extractor(Protocol):
    """A pipeline step: a callable that takes a `Document` and returns an enriched copy.

    That is the whole contract. A step may be a plain function or an object
    with ``__call__``; its name in error messages and listings is its
    ``name`` attribute if it has one, else its ``__name__`` or class name.
    A step may raise `diplomev.errors.DropDocument` to skip the document.

    Examples:
        >>> import attrs
        >>> def no_events(doc):
        ...     return attrs.evolve(doc, events=())
        >>> isinstance(no_events, Extractor)
        True
    """

    def __call__(self, doc: Document, /) -> Document:
        """Return *doc* with what this step finds added."""


@runtime_checkable
class Serialiser(Protocol):
    """Writes records to a text stream and reads them back, one at a time.

    Attributes:
        name: The format name used with ``format=`` ("jsonl").
        extensions: File extensions that select this format (".jsonl").

    Examples:
        >>> from diplomev.serialisers import JsonLines
        >>> isinstance(JsonLines(), Serialiser)
        True
    """

    name: str
    extensions: tuple[str, ...]

    def dump(self, records: Iterable[Any], fp: TextIO) -> None:
        """Write *records* to *fp*, streaming."""

    def load(self, fp: TextIO, *, type: type[Any] | None = None) -> Iterator[Any]:  # noqa: A002 - mirrors cattrs' structure(obj, type)
        """Yield the records read from *fp*, streaming.

        The built-in readers also take ``path=`` (the file name used in
        error messages) and ``on_error=`` (a callable given each
        `diplomev.errors.SerialisationError`, after which reading goes on).
        """
