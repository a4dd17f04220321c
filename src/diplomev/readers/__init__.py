"""Readers: turn files, records and strings into `Article` records.

Plain text, HTML, JSON Lines and CSV files, directories of them, and
standard input; UTF-8 with or without a byte-order mark, with a fallback
for legacy encodings (`diplomev.errors.LegacyEncodingWarning`). Every
bad input is reported as an `diplomev.errors.InputError` naming its file,
line and field.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.readers.core import DEFAULT_MAX_SIZE, FORMATS, SUFFIXES, read, read_corpus, read_text

__all__ = ["DEFAULT_MAX_SIZE", "FORMATS", "SUFFIXES", "read", "read_corpus", "read_text"]
