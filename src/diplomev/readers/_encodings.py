"""Decoding the bytes of an input: UTF-8 first, a legacy fallback with a warning.

Policy:

* A byte-order mark decides: UTF-8, UTF-16 or UTF-32.
* Otherwise UTF-8. Bytes that are not valid UTF-8 are decoded as a declared
  charset (an HTML ``<meta charset>``) if there is one, else as Windows-1252,
  else as Latin-1 (which decodes any byte), with a `LegacyEncodingWarning`.
* Data that looks binary (a NUL byte, or mostly control characters) is an
  `InputError`: it is not an article.
* With an explicit encoding, decoding is strict and a failure is an `InputError`.
"""

from __future__ import annotations

import codecs
import re
import warnings

from diplomev.errors import InputError, LegacyEncodingWarning

__all__ = ["declared_charset", "decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_LEGACY = ("cp1252", "latin-1")
_SAMPLE = 65536


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its first bytes, if it is a known codec.

    Examples:
        >>> declared_charset(b'<meta charset="windows-1251">')
        'cp1251'
    """
    m = _CHARSET.search(data, 0, 4096)
    if m is None:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _looks_binary(data: bytes) -> int | None:
    """Return the offset of a NUL byte, or -1 when the sample is mostly control bytes, else None."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return nul
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if sample and controls * 10 > len(sample):
        return -1
    return None


def decode(
    data: bytes,
    *,
    path: str | None = None,
    line: int | None = None,
    encoding: str | None = None,
    declared: str | None = None,
    warn: bool = True,
    fallbacks: list[str] | None = None,
) -> str:
    r"""Return *data* decoded by the policy of this module.

    Args:
        data: The bytes to decode.
        path: The file they come from (for messages).
        line: The line they come from (for messages).
        encoding: Decode strictly with this codec instead of guessing.
        declared: A charset the document declares, tried before the legacy fallback.
        warn: Issue a `LegacyEncodingWarning` when falling back.
        fallbacks: If given, the name of a legacy codec used is appended to it.

    Raises:
        InputError: If the data is binary, or cannot be decoded with *encoding*.

    Examples:
        >>> decode(b"caf\xc3\xa9")
        'café'
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as err:
            raise InputError(f"unknown encoding {encoding!r}", path=path, line=line) from err
        except UnicodeDecodeError as err:
            raise InputError(f"not {encoding} at byte {err.start}", path=path, line=line) from err
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(f"not {codec} at byte {err.start}", path=path, line=line) from err
    binary = _looks_binary(data)
    if binary is not None:
        where = f"a NUL byte at offset {binary}" if binary >= 0 else "mostly control bytes"
        raise InputError(f"binary data, not text ({where})", path=path, line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err.start
    candidates = (declared, *_LEGACY) if declared and declared not in ("utf-8", "utf_8") else _LEGACY
    for codec in candidates:
        if codec is None:
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if fallbacks is not None and codec != declared:
            fallbacks.append(codec)
        if warn and codec != declared:
            where = f"{path}:{line}" if path and line else (path or (f"line {line}" if line else "input"))
            warnings.warn(
                f"{where}: not valid UTF-8 (byte {bad}); decoded as {codec}",
                LegacyEncodingWarning,
                stacklevel=3,
            )
        return text
    msg = f"not UTF-8 at byte {bad}"  # pragma: no cover - latin-1 decodes every byte
    raise InputError(msg, path=path, line=line)  # pragma: no cover


class OnceDecoder:
    """Decodes the lines of one file, warning at most once about a legacy encoding.

    Examples:
        >>> OnceDecoder(path="a.jsonl")(b"{}", line=1)
        '{}'
    """

    def __init__(self, *, path: str | None, encoding: str | None = None) -> None:
        """Create a decoder for the lines of *path*."""
        self.path = path
        self.encoding = encoding
        self.fallbacks: list[str] = []

    def __call__(self, data: bytes, *, line: int | None = None) -> str:
        """Return *data* decoded (see `decode`)."""
        return decode(
            data,
            path=self.path,
            line=line,
            encoding=self.encoding,
            warn=not self.fallbacks,
            fallbacks=self.fallbacks,
        )
