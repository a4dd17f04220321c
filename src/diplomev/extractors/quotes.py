"""The quotes step: direct quotations and who said them."""

from __future__ import annotations

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
        for part in body:
            for m in _QUOTE.finditer(text, part.start, part.end):
                group = 1 if m.group(1) is not None else 2
                span = Span(start=m.start(group), end=m.end(group))
                speaker = _speaker(doc, m.end(), m.start())
                quotes.append(
                    Quote(span=span, text=span.slice(text), speaker=None if speaker is None else speaker.actor)
                )
        return attrs.evolve(doc, quotes=tuple(quotes))


def _speaker(doc: Document, after: int, before: int) -> Mention | None:
    text = doc.text
    tail = text[after : after + _WINDOW]
    if _SPEECH_AFTER.search(tail):
        following = [m for m in doc.mentions if after <= m.span.start <= after + _WINDOW]
        if following:
            return min(following, key=lambda m: m.span.start)
    head = text[max(0, before - _WINDOW) : before]
    if _SPEECH_BEFORE.search(head):
        preceding = [m for m in doc.mentions if before - _WINDOW <= m.span.end <= before]
        if preceding:
            return max(preceding, key=lambda m: m.span.end)
    return None
