"""Serialisers: write records to files and read them back.

Each format is one class behind the `diplomev.typing.Serialiser` protocol,
registered by name; `dump` and `load` pick one by name or by file extension.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.serialisers.jsonl import JsonLines

__all__ = ["JsonLines"]
