"""Exceptions and warnings raised by diplomev.

Every error the library raises on purpose derives from one base class, so a
single ``except DiplomevError`` clause catches them all::

    DiplomevError(Exception)
    ├── ConfigError(DiplomevError, ValueError)
    │   └── ValidationError(ConfigError)         a record field got a bad value
    ├── RegistryError(DiplomevError, LookupError)
    ├── InputError(DiplomevError, ValueError)     an input could not be read
    │   └── ArticleTooLargeError(InputError)
    ├── ExtractionError(DiplomevError)            a pipeline step failed
    │   └── DateResolutionError(ExtractionError, ValueError)
    ├── SerialisationError(DiplomevError, ValueError)
    └── GoldError(DiplomevError, ValueError)      a gold annotation file is invalid
    DropDocument(BaseException)                   control flow, not an error
    DiplomevWarning(UserWarning)
    ├── AmbiguousDateWarning(DiplomevWarning)
    └── LegacyEncodingWarning(DiplomevWarning)

Exception *types* are part of the public API; message texts are not.

Added in version 0.1.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguousDateWarning",
    "ArticleTooLargeError",
    "ConfigError",
    "DateResolutionError",
    "DiplomevError",
    "DiplomevWarning",
    "DropDocument",
    "ExtractionError",
    "GoldError",
    "InputError",
    "LegacyEncodingWarning",
    "RegistryError",
    "SerialisationError",
    "ValidationError",
]


class DiplomevError(Exception):
    """Base class of every error diplomev raises on purpose.

    Examples:
        >>> try:
        ...     raise InputError("empty file", path="a.txt")
        ... except DiplomevError as err:
        ...     print(err)
        a.txt: empty file
    """


class ConfigError(DiplomevError, ValueError):
    """A value given to diplomev (an option, a record field, a data file) is invalid."""


class ValidationError(ConfigError):
    """A record was constructed with a field value that breaks its invariants.

    Attributes:
        field: The name of the offending field.
        value: The value that was rejected.

    Examples:
        >>> from diplomev import Span
        >>> Span(start=5, end=2)
        Traceback (most recent call last):
        ...
        diplomev.errors.ValidationError: Span.end: must be >= start (5), got 2
    """

    def __init__(self, message: str, *, field: str, value: object) -> None:
        """Create the error for *field* holding *value*."""
        super().__init__(message)
        self.field = field
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments (errors travel back from worker processes)."""
        return (_rebuild, (type(self), self.args, {"field": self.field, "value": self.value}))


class RegistryError(DiplomevError, LookupError):
    """A plug-in could not be found, loaded or validated.

    Attributes:
        name: The plug-in name that was looked up.
        group: The registry (entry-point group) it was looked up in.
        available: The names that are available in that registry.
    """

    def __init__(
        self,
        message: str,
        *,
        name: str,
        group: str,
        available: tuple[str, ...] = (),
    ) -> None:
        """Create the error for plug-in *name* of *group*."""
        super().__init__(message)
        self.name = name
        self.group = group
        self.available = available

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments."""
        kwargs = {"name": self.name, "group": self.group, "available": self.available}
        return (_rebuild, (type(self), self.args, kwargs))


def _rebuild(cls: type[BaseException], args: tuple[Any, ...], kwargs: dict[str, Any]) -> BaseException:
    """Recreate an error from its pickled arguments."""
    return cls(*args, **kwargs)


def _where(path: str | None, line: int | None, field: str | None) -> str:
    parts = []
    if path is not None:
        parts.append(path if line is None else f"{path}:{line}")
    elif line is not None:
        parts.append(f"line {line}")
    if field is not None:
        parts.append(f"field {field!r}")
    return ", ".join(parts)


class InputError(DiplomevError, ValueError):
    """An input (file, line, record) could not be read as an article.

    Attributes:
        path: The file the input came from, if any.
        line: The 1-based line number inside that file, if any.
        field: The field of the record that was wrong, if any.
        reason: The message without the location prefix.

    Examples:
        >>> str(InputError("not JSON", path="news.jsonl", line=3))
        'news.jsonl:3: not JSON'
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        """Create the error; the location is prefixed to the message."""
        where = _where(path, line, field)
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.path = path
        self.line = line
        self.field = field

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments."""
        kwargs = {"path": self.path, "line": self.line, "field": self.field}
        return (_rebuild, (type(self), (self.reason,), kwargs))


class ArticleTooLargeError(InputError):
    """An article is larger than the configured maximum size."""


class ExtractionError(DiplomevError):
    """A pipeline step failed on a document.

    Attributes:
        step: The name of the step that failed.
        doc_id: The id of the article being processed.
    """

    def __init__(self, message: str, *, step: str, doc_id: str) -> None:
        """Create the error for *step* failing on document *doc_id*."""
        super().__init__(f"{doc_id}: step {step!r} failed: {message}")
        self.message = message
        self.step = step
        self.doc_id = doc_id

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments (errors travel back from worker processes)."""
        return (_rebuild, (type(self), (self.message,), {"step": self.step, "doc_id": self.doc_id}))


class DateResolutionError(ExtractionError, ValueError):
    """A temporal expression or date field could not be resolved."""


class SerialisationError(DiplomevError, ValueError):
    """A record could not be written, or a line could not be read back.

    Attributes:
        path: The file being read or written, if known.
        line: The 1-based line number, if known.
        reason: The message without the location prefix.
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        """Create the error; the location is prefixed to the message."""
        where = _where(path, line, None)
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments."""
        return (_rebuild, (type(self), (self.reason,), {"path": self.path, "line": self.line}))


class GoldError(DiplomevError, ValueError):
    """A gold annotation file is malformed or inconsistent with its article."""


class DropDocument(BaseException):
    """Raised by a pipeline step to skip the current document.

    It derives from ``BaseException`` so that a broad ``except Exception``
    inside a step cannot swallow it; only `Pipeline` catches it.
    """


class DiplomevWarning(UserWarning):
    """Base class of the warnings diplomev issues."""


class AmbiguousDateWarning(DiplomevWarning):
    """A date could be read more than one way; the chosen reading may be wrong."""


class LegacyEncodingWarning(DiplomevWarning):
    """An input was not valid UTF-8 and was decoded with a legacy encoding."""
