"""Helpers shared by the serialisers: error delivery, type checks, cell cleaning, country tables."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TextIO

from diplomev import taxonomy
from diplomev._data import load_json
from diplomev._iso import ISO3
from diplomev.errors import SerialisationError
from diplomev.model import Event

__all__ = [
    "ErrorHandler",
    "check_event_type",
    "clean_cell",
    "country_name",
    "country_of_name",
    "deliver",
    "has_plover_type",
    "lines",
    "plover_codes",
]

ErrorHandler = Callable[[SerialisationError], None]
"""Called with the error for a malformed line; reading then goes on."""

_CELL_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def deliver(err: SerialisationError, on_error: ErrorHandler | None) -> None:
    """Raise *err*, or hand it to *on_error* when one is given."""
    if on_error is None:
        raise err
    on_error(err)


def check_event_type(fmt: str, type_: type[Any] | None, path: str | None) -> None:
    """Refuse to read records other than `Event` from an event-only format.

    Raises:
        SerialisationError: If *type_* is neither None nor `Event`.
    """
    if type_ is not None and type_ is not Event:
        msg = f"the {fmt} format holds events only; cannot read {type_.__name__} records"
        raise SerialisationError(msg, path=path)


def clean_cell(value: str | None) -> str:
    r"""Return *value* fit for one cell of a tab-separated row: tabs and line breaks become spaces.

    Examples:
        >>> clean_cell("a\tb\nc")
        'a b c'
        >>> clean_cell(None)
        ''
    """
    return "" if value is None else value.translate(_CELL_BREAKS)


def lines(fp: TextIO) -> Iterator[tuple[int, str]]:
    """Yield (line number, line without its line break) for each line of *fp*, streaming."""
    for number, line in enumerate(fp, 1):
        yield number, line.rstrip("\r\n")


@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for entry in load_json("countries.json")["countries"]:
        iso3 = entry["iso3"]
        names[iso3] = entry["name"]
        for name in (entry["name"], *entry.get("names", ())):
            by_name.setdefault(name.casefold(), iso3)
    # Canonical names win over variants that another country also lists.
    for iso3, name in names.items():
        by_name[name.casefold()] = iso3
    return names, by_name


def country_name(iso3: str | None) -> str:
    """Return the English name of a country for formats that name countries (the code itself if unknown).

    Examples:
        >>> country_name("KOR")
        'South Korea'
        >>> country_name(None)
        ''
    """
    if iso3 is None:
        return ""
    return _countries()[0].get(iso3, iso3)


def country_of_name(text: str) -> str | None:
    """Return the ISO3 code for a country name or code, or None.

    Examples:
        >>> country_of_name("south korea"), country_of_name("KOR"), country_of_name("Atlantis")
        ('KOR', 'KOR', None)
    """
    if not text:
        return None
    if text in ISO3:
        return text
    return _countries()[1].get(text.strip().casefold())


@functools.cache
def plover_codes() -> Mapping[str, str]:
    """The first three-digit CAMEO code of each PLOVER type ("CONSULT" -> "040")."""
    out: dict[str, str] = {}
    for entry in taxonomy.codes():
        if entry.plover is not None and len(entry.code) == 3:
            out.setdefault(entry.plover, entry.code)
    return out


def has_plover_type(code: str) -> bool:
    """Return whether *code* is a CAMEO code with a PLOVER type (one an `Event` can carry)."""
    return taxonomy.is_code(code) and taxonomy.lookup(code).plover is not None
