"""The built-in pipeline steps; importing this package registers them.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.extractors.actors import ActorRecogniser
from diplomev.extractors.coreference import CoreferenceResolver
from diplomev.extractors.events import EventCoder
from diplomev.extractors.places import PlaceRecogniser
from diplomev.extractors.quotes import QuoteFinder
from diplomev.extractors.times import TimeRecogniser

__all__ = [
    "ActorRecogniser",
    "CoreferenceResolver",
    "EventCoder",
    "PlaceRecogniser",
    "QuoteFinder",
    "TimeRecogniser",
]
