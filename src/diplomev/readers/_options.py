"""Reader options and the mapping of record fields to `Article` and `Source` fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from diplomev.errors import ArticleTooLargeError, ConfigError, InputError
from diplomev.model import Article, Provenance, Source
from diplomev.readers._dates import parse_value

__all__ = [
    "DEFAULT_MAX_SIZE",
    "FIELD_ALIASES",
    "ErrorHandler",
    "Options",
    "article_from_record",
    "check_size",
    "source_defaults",
]

DEFAULT_MAX_SIZE = 5 * 1024 * 1024
"""The default maximum size of one article: 5 MiB (bytes of a file, characters of a string)."""

ErrorHandler = Callable[[InputError], None]

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publication_date", "pubdate"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "outlet"),
    "dateline": ("dateline",),
    "author": ("author", "byline"),
    "language": ("language", "lang"),
}
"""For each field, the record keys tried in order when no explicit name is given."""

_SOURCE_FIELDS = ("publisher", "url", "title", "published", "dateline", "author", "language")
_STRING_FIELDS = ("publisher", "url", "title", "dateline", "author", "language")


def _published(value: object, *, path: str | None = None, line: int | None = None) -> dt.date | dt.datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None and value.utcoffset() is not None else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_value(value)
        except ValueError as err:
            raise InputError(str(err), path=path, line=line, field="published") from err
    raise InputError(f"expected a date string, got {type(value).__name__}", path=path, line=line, field="published")


def source_defaults(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalise `Source` fields given by a caller.

    ``published`` may be a date, an aware datetime or a string (ISO 8601 or a
    written date); a datetime without a zone keeps only its date.

    Raises:
        ConfigError: If a name is not a `Source` field.
        InputError: If ``published`` is not a date.
    """
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in (*_SOURCE_FIELDS, "inferred"):
            valid = ", ".join(_SOURCE_FIELDS)
            msg = f"unknown Source field {name!r}; valid fields are: {valid}"
            raise ConfigError(msg)
        if name == "published":
            out[name] = _published(value)
        elif name == "inferred":
            out[name] = tuple(value)
        elif value is not None:
            out[name] = value
    return out


def check_size(size: int, limit: int, *, path: str | None = None, line: int | None = None, unit: str = "bytes") -> None:
    """Raise `ArticleTooLargeError` if *size* is above *limit*."""
    if size > limit:
        msg = f"article of {size} {unit} is larger than the maximum of {limit} (max_size=)"
        raise ArticleTooLargeError(msg, path=path, line=line)


@attrs.frozen(kw_only=True)
class Options:
    r"""How inputs are read.

    Attributes:
        format: Force one format ("text", "html", "jsonl", "csv") instead of the file suffix.
        encoding: Decode strictly with this encoding instead of guessing.
        max_size: Largest article accepted (bytes of a file, characters of a text field).
        max_line_length: Longest JSON Lines or CSV line accepted, in bytes.
        fields: Record keys for article fields, e.g. ``{"text": "body", "published": "date"}``.
        delimiter: CSV delimiter (default ``,``; ``\t`` for ``.tsv`` files).
        source: `Source` fields given by the caller; a record's own values win.
    """

    format: str | None = None
    encoding: str | None = None
    max_size: int = DEFAULT_MAX_SIZE
    max_line_length: int | None = None
    fields: Mapping[str, str] = attrs.field(factory=dict)
    delimiter: str | None = None
    source: Mapping[str, Any] = attrs.field(factory=dict)

    @property
    def line_limit(self) -> int:
        """The longest line accepted, in bytes."""
        return self.max_line_length if self.max_line_length is not None else 2 * self.max_size + 4096

    def keys(self, field: str) -> tuple[str, ...]:
        """Return the record keys to try for *field*."""
        if field in self.fields:
            return (self.fields[field],)
        return FIELD_ALIASES.get(field, (field,))


def _value(raw: Mapping[str, Any], options: Options, field: str) -> Any:
    for key in options.keys(field):
        value = raw.get(key)
        if value is not None and value != "":
            return value
    return None


def article_from_record(
    raw: Mapping[str, Any],
    *,
    options: Options,
    path: str | None,
    line: int | None,
    default_id: str,
    origin: str | None,
) -> Article:
    """Return the article a JSON Lines or CSV record holds.

    Raises:
        InputError: If a field is missing or has the wrong type.
        ArticleTooLargeError: If the text is larger than ``options.max_size``.
    """
    text = _value(raw, options, "text")
    if not isinstance(text, str):
        reason = "missing" if text is None else f"expected a string, got {type(text).__name__}"
        raise InputError(reason, path=path, line=line, field=options.keys("text")[0])
    check_size(len(text), options.max_size, path=path, line=line, unit="characters")
    if not text.strip():
        raise InputError("empty text", path=path, line=line, field=options.keys("text")[0])
    ident = _value(raw, options, "id")
    if ident is None:
        ident = default_id
    elif isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    elif not isinstance(ident, str):
        raise InputError(f"expected a string, got {type(ident).__name__}", path=path, line=line, field="id")
    fields: dict[str, Any] = dict(options.source)
    provenance = list(fields.pop("inferred", ()))
    for name in _STRING_FIELDS:
        value = _value(raw, options, name)
        if name == "publisher" and isinstance(value, Mapping):
            value = value.get("name")
        if value is None:
            continue
        if not isinstance(value, str):
            key = options.keys(name)[0]
            raise InputError(f"expected a string, got {type(value).__name__}", path=path, line=line, field=key)
        fields[name] = value.strip()
    published = _value(raw, options, "published")
    if published is not None:
        fields["published"] = _published(published, path=path, line=line)
    return Article(id=ident, text=text, source=Source(**fields, inferred=tuple(provenance)), origin=origin)


def html_provenance(field: str, key: str, value: str) -> Provenance:
    """Return the provenance of a field read from an HTML page's metadata."""
    return Provenance(field=field, method="html meta", text=f"{key}: {value[:200]}")
