"""The built-in pipeline steps; importing this package registers them.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.extractors.events import EventCoder
from diplomev.extractors.quotes import QuoteFinder
from diplomev.extractors.times import TimeRecogniser

__all__ = ["EventCoder", "QuoteFinder", "TimeRecogniser"]
