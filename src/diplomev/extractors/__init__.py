"""The built-in pipeline steps; importing this package registers them.

Added in version 0.1.
"""

from __future__ import annotations

from diplomev.extractors.actors import ActorRecogniser
from diplomev.extractors.cleaning import Cleaner
from diplomev.extractors.coreference import CoreferenceResolver
from diplomev.extractors.events import EventCoder
from diplomev.extractors.places import PlaceRecogniser
from diplomev.extractors.quotes import QuoteFinder
from diplomev.extractors.sentences import SentenceSplitter
from diplomev.extractors.times import TimeRecogniser

__all__ = [
    "ActorRecogniser",
    "Cleaner",
    "CoreferenceResolver",
    "EventCoder",
    "PlaceRecogniser",
    "QuoteFinder",
    "SentenceSplitter",
    "TimeRecogniser",
]
