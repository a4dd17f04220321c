"""The quotes step: direct quotations and who said them."""

from __future__ import annotations

import bisect

import attrs
import regex

from diplomev.model import Document, Mention, Quote, Region, Span
from diplomev.registry import registries

__all__ = ["QuoteFinder"]

MAX_QUOTE = 3000
"""Quotations longer than this many characters are not taken as quotations."""

_QUOTE = regex.compile(r'"([^"\n]{1,3000})"|“([^”\n]{1,3000})”')
_SPEECH_AFTER = regex.compile(r"\A[,.]?\s*(?:(?:he|she|they|it)\s+)?(?:said|says|told|added|noted|stressed|insisted)\b")
_SPEECH_BEFORE = regex.compile(r"\b(?:said|says|told\s+\w+|added|noted|stressed|insisted)\s*[,:]?\s*\Z")
_WINDOW = 80


@registries.extractors.register("quotes")
class QuoteFinder:
    """Find direct quotations in the body and attribute them to the nearest speaker.

    The speaker is the actor mentioned next to a speech verb right after the
    closing quotation mark ("...," the ministry said) or right before the
    opening one (Kang said, "...").

    Examples:
        >>> from diplomev import Article, Document
        >>> doc = QuoteFinder()(Document(article=Article(id="q", text='"We agree," he said.')))
        >>> doc.quotes[0].text
        'We agree,'
    """

    name = "quotes"

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its quotations."""
        text = doc.text
        body = doc.regions(Region.BODY) or (Span(start=0, end=len(text)),)
        quotes = []
        mentions = _Mentions(doc.mentions)
        for part in body:
            for m in _QUOTE.finditer(text, part.start, part.end):
                group = 1 if m.group(1) is not None else 2
                span = Span(start=m.start(group), end=m.end(group))
                speaker = _speaker(doc, mentions, m.end(), m.start())
                quotes.append(
                    Quote(span=span, text=span.slice(text), speaker=None if speaker is None else speaker.actor)
                )
        return attrs.evolve(doc, quotes=tuple(quotes))


class _Mentions:
    """The mentions of a document sorted by start and by end, to find the nearest in logarithmic time."""

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self.by_start = sorted(mentions, key=lambda m: m.span.start)  # stable: ties keep document order
        self.starts = [m.span.start for m in self.by_start]
        self.by_end = sorted(mentions, key=lambda m: m.span.end)
        self.ends = [m.span.end for m in self.by_end]

    def first_starting(self, lo: int, hi: int) -> Mention | None:
        """The first mention (by start) starting in ``[lo, hi]``."""
        i = bisect.bisect_left(self.starts, lo)
        return self.by_start[i] if i < len(self.starts) and self.starts[i] <= hi else None

    def last_ending(self, lo: int, hi: int) -> Mention | None:
        """The mention with the greatest end in ``[lo, hi]`` (the first in document order on a tie)."""
        i = bisect.bisect_right(self.ends, hi) - 1
        if i < 0 or self.ends[i] < lo:
            return None
        return self.by_end[bisect.bisect_left(self.ends, self.ends[i])]


def _speaker(doc: Document, mentions: _Mentions, after: int, before: int) -> Mention | None:
    text = doc.text
    tail = text[after : after + _WINDOW]
    if _SPEECH_AFTER.search(tail):
        following = mentions.first_starting(after, after + _WINDOW)
        if following is not None:
            return following
    head = text[max(0, before - _WINDOW) : before]
    if _SPEECH_BEFORE.search(head):
        preceding = mentions.last_ending(before - _WINDOW, before)
        if preceding is not None:
            return preceding
    return None
