"""Small picklable pipeline steps for the corpus tests (module level, so worker processes can import them)."""

from __future__ import annotations

import datetime as dt
import os
import re
import time

import attrs

from diplomev import Actor, Document, Event, Evidence, Reference, Span, TimeSpan
from diplomev.errors import DropDocument

_VERBS = {"met": "040", "accused": "112", "praised": "051", "threatened": "130", "aided": "070"}
_CLAUSE = re.compile(r"\b([A-Z]{3}) (met|accused|praised|threatened|aided) ([A-Z]{3})(?: on (\d{4}-\d{2}-\d{2}))?")


class ToyCoder:
    """Codes clauses like ``JPN met KOR on 2023-03-16`` (ISO codes, a verb, an optional ISO date)."""

    name = "toy"

    def __call__(self, doc: Document) -> Document:
        events = []
        for m in _CLAUSE.finditer(doc.text):
            date = None if m[4] is None else TimeSpan.day(dt.date.fromisoformat(m[4]))
            events.append(
                Event(
                    article=doc.article.id,
                    cameo=_VERBS[m[2]],
                    source=Actor(country=m[1]),
                    target=Actor(country=m[3]),
                    date=date,
                    evidence=Evidence(text=m[0], start=m.start(), end=m.end()),
                )
            )
        return attrs.evolve(doc, events=tuple(events))


class Trouble:
    """Fails on FAIL, drops on DROP, sleeps on SLOW and kills its process on CRASH."""

    name = "trouble"

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        if "FAIL" in text:
            msg = "asked to fail"
            raise ValueError(msg)
        if "DROP" in text:
            raise DropDocument
        if "SLOW" in text:
            time.sleep(0.6)
        if "CRASH" in text and os.getpid() != int(os.environ.get("DIPLOMEV_TEST_PARENT", "0")):
            os._exit(3)
        return doc


class Marker:
    """Marks the whole text as one sentence and sets a reference date (to test that fields can be dropped)."""

    name = "marker"

    def __call__(self, doc: Document) -> Document:
        return attrs.evolve(
            doc,
            sentences=(Span(start=0, end=len(doc.text)),),
            reference=Reference(date=dt.date(2023, 1, 1), method="test"),
        )
