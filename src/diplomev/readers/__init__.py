"""Readers: turn files, records and strings into `Article` records.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.readers.core import read, read_corpus, read_text

__all__ = ["read", "read_corpus", "read_text"]
