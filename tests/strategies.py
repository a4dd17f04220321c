"""Hypothesis strategies for diplomev records."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from diplomev import (
    Actor,
    ActorKind,
    Article,
    Event,
    Evidence,
    Granularity,
    Location,
    Mode,
    Provenance,
    Source,
    Span,
    TimeSpan,
    taxonomy,
)
from diplomev._iso import ISO3

iso3 = st.sampled_from(sorted(ISO3))
sectors = st.sampled_from(["GOV", "MIL", "PTY", "BUS", "MED", "CVL", "IGO", "REB", "NGO"])
text = st.text(max_size=40)
opt_text = st.none() | text
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
cameo_codes = st.sampled_from([c.code for c in taxonomy.codes() if c.plover is not None])


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(min_value=0, max_value=10**6))
    return Span(start=start, end=start + draw(st.integers(min_value=0, max_value=10**4)))


@st.composite
def time_spans(draw: st.DrawFn) -> TimeSpan:
    a, b = sorted([draw(dates), draw(dates)])
    return TimeSpan(start=a, end=b, granularity=draw(st.sampled_from(list(Granularity))))


actors = st.builds(
    Actor,
    name=opt_text,
    kind=st.sampled_from(list(ActorKind)),
    country=st.none() | iso3,
    sector=st.none() | sectors,
    role=opt_text,
    aliases=st.lists(text, max_size=3).map(tuple),
)

locations = st.builds(
    Location,
    name=text,
    country=st.none() | iso3,
    latitude=st.none() | st.floats(min_value=-90, max_value=90),
    longitude=st.none() | st.floats(min_value=-180, max_value=180),
)


@st.composite
def evidences(draw: st.DrawFn) -> Evidence:
    span = draw(spans())
    return Evidence(text=draw(text), start=span.start, end=span.end)


published = (
    st.none()
    | dates
    | st.datetimes(
        min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.timezone.utc)
    )
)

sources = st.builds(
    Source,
    publisher=opt_text,
    url=opt_text,
    title=opt_text,
    published=published,
    dateline=opt_text,
    author=opt_text,
    inferred=st.lists(st.builds(Provenance, field=text, method=text, text=opt_text), max_size=2).map(tuple),
)

articles = st.builds(Article, id=text, text=st.text(max_size=200), source=sources, origin=opt_text)

events = st.builds(
    Event,
    article=text,
    cameo=cameo_codes,
    source=st.none() | actors,
    target=st.none() | actors,
    date=st.none() | time_spans(),
    location=st.none() | locations,
    mode=st.sampled_from(list(Mode)),
    evidence=st.none() | evidences(),
    trigger=st.none() | evidences(),
    extra_evidence=st.lists(evidences(), max_size=2).map(tuple),
    attribution=st.none() | actors,
    date_method=opt_text,
    location_method=opt_text,
    confidence=st.floats(min_value=0, max_value=1),
)
