r"""Parsing JSON from users' files and streams: one error, with its reason and place, for every failure.

Every site of diplomev that parses JSON it did not write itself (JSON Lines
articles, records read back, gold files, dictionaries, pattern files, CSV
cells, JSON-LD in HTML pages) parses it with `loads` or `decode`, catches
`JsonError` and raises its own documented error (`InputError`,
`SerialisationError`, `ConfigError`, `GoldError`) from it, or skips the
value where hostile content is to be ignored.

The parser is Python's `json` with the following refusals, each a
`JsonError` naming its reason and, where known, its place:

* syntax errors (including a truncated document, extra data after the
  value, control characters in strings and invalid ``\u`` escapes), as
  `json` reports them, and a byte order mark (U+FEFF) before the value
  (readers that decode whole files as ``utf-8-sig`` remove it first);
* nesting deeper than the interpreter's recursion limit allows
  (`RecursionError`); no line or column is given (`JsonError.pos` is the
  start of the value);
* an integer of more digits than Python converts
  (`sys.get_int_max_str_digits`, 4300 by default since Python 3.11):
  converting it would take time quadratic in its length;
* ``NaN``, ``Infinity`` and ``-Infinity``, which Python's `json` accepts but
  are not JSON (RFC 8259), and numbers too large for a float (``1e400``),
  which Python would read as infinity: diplomev holds no infinite or
  undefined numbers;
* strings holding a lone surrogate (``"\ud800"``, or a surrogate character
  in the text given): not Unicode text, they could not be written out as
  UTF-8 later. Escaped surrogate pairs (``"\ud83d\ude42"``) are characters
  and are accepted.

Object keys are always strings in JSON; duplicate keys keep the last value,
as in `json`.

Examples:
    >>> loads('{"a": [1, 2.5, "x"]}')
    {'a': [1, 2.5, 'x']}
    >>> loads('{"a": NaN}')
    Traceback (most recent call last):
    ...
    diplomev._json.JsonError: NaN is not a JSON number (line 1, column 7)
    >>> try:
    ...     loads('{"a": [1, 2')
    ... except JsonError as err:
    ...     print(err.kind, err.line, err.column, err.describe(lines=False))
    syntax 1 12 Expecting ',' delimiter (column 12)
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from typing import Any, Literal

from diplomev.errors import DiplomevError

__all__ = ["JsonError", "Kind", "decode", "loads"]

Kind = Literal["syntax", "depth", "digits", "constant", "number", "surrogate"]
"""The kinds of refusal: see the module's documentation."""

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|-?(?:Infinity|\d[\d.eE+-]*)|NaN', re.DOTALL)
"""A string or number token of JSON, found from a position outside strings."""
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""The escape of a surrogate: only when the text holds one (or a surrogate) are its strings checked one by one."""
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACE = re.compile(r"[ \t\n\r]*")
_NOT_JSON_CONSTANTS = ("NaN", "Infinity", "-Infinity")
_SHOWN = 40
"""At most this many characters of an offending number are shown."""


class JsonError(DiplomevError, ValueError):
    """JSON text that diplomev refuses; each call site re-raises it as its own documented error.

    Attributes:
        reason: What is wrong, without the place.
        kind: The kind of refusal.
        pos: The 0-based index in the parsed text where the problem starts, if known.
        end: The index just after the offending token, if known.
        line: The 1-based line of *pos* in the parsed text, if known.
        column: The 1-based column of *pos*, if known.
    """

    def __init__(
        self,
        reason: str,
        *,
        kind: Kind,
        pos: int | None = None,
        end: int | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        """Create the error; the place, when known, follows the reason in the message."""
        self.reason = reason
        self.kind: Kind = kind
        self.pos = pos
        self.end = end
        self.line = line
        self.column = column
        super().__init__(self.describe())

    def describe(self, *, lines: bool = True) -> str:
        """Return the reason and the place: ``(line 3, column 5)``, or ``(column 5)`` without *lines*.

        Leave out the line for text that is one line of a file, whose
        number the caller gives.
        """
        if self.column is None:
            return self.reason
        if lines and self.line is not None:
            return f"{self.reason} (line {self.line}, column {self.column})"
        return f"{self.reason} (column {self.column})"

    def located(self, path: str) -> str:
        """Return *path* followed by ``:line:column`` when the place is known."""
        if self.line is None or self.column is None:
            return path
        return f"{path}:{self.line}:{self.column}"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments."""
        kwargs = {
            "kind": self.kind,
            "pos": self.pos,
            "end": self.end,
            "line": self.line,
            "column": self.column,
        }
        return (_rebuild, (self.reason, kwargs))


def _rebuild(reason: str, kwargs: dict[str, Any]) -> JsonError:
    return JsonError(reason, **kwargs)


def _is_constant(token: str) -> bool:
    return token in _NOT_JSON_CONSTANTS


def _is_infinite(token: str) -> bool:
    if token[0] == '"' or not any(c in token for c in ".eE"):
        return False
    try:
        return math.isinf(float(token))
    except ValueError:
        return False


_OFFENDING: dict[Kind, Callable[[str], bool]] = {"constant": _is_constant, "number": _is_infinite}
"""How to recognise the token a number hook refused, to give its place."""


def _constant(name: str) -> Any:
    raise JsonError(f"{name} is not a JSON number", kind="constant")


def _float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        shown = token if len(token) <= _SHOWN else token[:_SHOWN] + "…"
        raise JsonError(f"the number {shown} is too large", kind="number")
    return value


_DECODER = json.JSONDecoder(parse_float=_float, parse_constant=_constant)


def _int_limit() -> int:
    limit: int = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return limit


def _digits(token: str) -> int:
    return len(token) - token.startswith("-")


def _place(text: str, pos: int) -> tuple[int, int]:
    """Return the 1-based line and column of index *pos* of *text*."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - text.rfind("\n", 0, pos)


def _error(reason: str, kind: Kind, text: str, pos: int | None, end: int | None = None) -> JsonError:
    if pos is None:
        return JsonError(reason, kind=kind)
    line, column = _place(text, pos)
    return JsonError(reason, kind=kind, pos=pos, end=end, line=line, column=column)


def _find(text: str, start: int, test: Callable[[str], bool]) -> re.Match[str] | None:
    """Return the first string or number token from *start* that passes *test*.

    *start* must be outside any string; the parser read the text up to the
    token it refused, so the first token found is the one it refused.
    """
    for match in _TOKEN.finditer(text, start):
        if test(match.group()):
            return match
    return None


def _refused(text: str, start: int, kind: Kind, test: Callable[[str], bool], reason: str) -> JsonError:
    match = _find(text, start, test)
    if match is None:
        return _error(reason, kind, text, None)
    return _error(reason, kind, text, match.start(), match.end())


def _too_many_digits(text: str, start: int) -> JsonError:
    limit = _int_limit()

    def test(token: str) -> bool:
        return token[0] != '"' and not any(c in token for c in ".eE") and _digits(token) > limit > 0

    match = _find(text, start, test)
    if match is None:
        return _error("a number of too many digits", "digits", text, None)
    reason = f"a number of {_digits(match.group())} digits (at most {limit})"
    return _error(reason, "digits", text, match.start(), match.end())


def _may_hold_surrogates(text: str, start: int, end: int) -> bool:
    """Return whether ``text[start:end]`` holds a surrogate escape or character (fast, without the parse)."""
    if _SURROGATE_ESCAPE.search(text, start, end):
        return True
    if text.isascii():
        return False
    try:
        (text if start == 0 and end == len(text) else text[start:end]).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_surrogates(text: str, start: int, end: int) -> None:
    """Raise a `JsonError` for the first string of ``text[start:end]`` holding a lone surrogate."""
    if not _may_hold_surrogates(text, start, end):
        return
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        if token[0] != '"' or (token.isascii() and not _SURROGATE_ESCAPE.search(token)):
            continue
        found = _SURROGATE.search(json.loads(token))
        if found:
            reason = f"a string holding a lone surrogate (U+{ord(found.group()):04X})"
            raise _error(reason, "surrogate", text, match.start(), match.end())


def decode(text: str, pos: int = 0) -> tuple[Any, int]:
    """Decode the JSON value starting at index *pos* of *text* (after whitespace); return it and its end.

    Like `json.JSONDecoder.raw_decode`: what follows the value is left for
    the caller. Places are indices and lines of the whole *text*.

    Raises:
        JsonError: If the value is refused.

    Examples:
        >>> decode('  [1, 2] and more')
        ([1, 2], 8)
    """
    start = _SPACE.match(text, pos).end()  # type: ignore[union-attr] # it matches the empty string
    try:
        value, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as err:  # "Unterminated string starting at", "Invalid control character at"...
        reason = err.msg.removesuffix(" at").removesuffix(" starting")
        raise _error(reason, "syntax", text, err.pos) from None
    except JsonError as err:  # from the number hooks, without the place
        raise _refused(text, start, err.kind, _OFFENDING[err.kind], err.reason) from None
    except RecursionError:
        raise JsonError("nested too deeply", kind="depth", pos=start) from None
    except ValueError:
        raise _too_many_digits(text, start) from None
    _check_surrogates(text, start, end)
    return value, end


def loads(text: str) -> Any:
    r"""Return the JSON value *text* holds (whitespace around it allowed).

    Raises:
        JsonError: If the text is not one JSON value, or the value is refused.

    Examples:
        >>> loads(' {"a": "\\ud83d\\ude42"} ')
        {'a': '🙂'}
        >>> loads('[1] [2]')
        Traceback (most recent call last):
        ...
        diplomev._json.JsonError: Extra data (line 1, column 5)
    """
    if text.startswith("\ufeff"):
        raise _error("a byte order mark (U+FEFF) before the value", "syntax", text, 0)
    value, end = decode(text)
    end = _SPACE.match(text, end).end()  # type: ignore[union-attr] # it matches the empty string
    if end != len(text):
        raise _error("Extra data", "syntax", text, end)
    return value
