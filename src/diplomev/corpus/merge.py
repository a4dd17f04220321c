"""Cross-article merging: one record for a happening reported by many articles.

Two reports are taken to describe the same happening when they have the
same source actor, target actor, PLOVER type and mode, and their dates
overlap. The merged record keeps every report (article id, evidence spans,
publisher) and counts them the way GDELT does (``NumMentions``,
``NumSources``, ``NumArticles``).

Added in version 0.1.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

import attrs

from diplomev.model import Actor, Document, Event, EventType, Evidence, Location, Mode, TimeSpan
from diplomev.serialisers._converter import converter

__all__ = [
    "EventMerger",
    "MergedEvent",
    "Report",
    "actor_key",
    "merge_documents",
    "merge_events",
]

ActorKey = Callable[[Actor | None], Hashable]
"""A function giving the identity of an actor for merging."""


def actor_key(actor: Actor | None) -> Hashable:
    """Return an actor's identity for merging: its country code, else its name.

    So "Japan", "the Japanese government" and "Prime Minister Fumio
    Kishida" (all resolved to country ``JPN``) are the same party.

    Examples:
        >>> actor_key(Actor(name="Fumio Kishida", kind="person", country="JPN", sector="GOV"))
        'JPN'
        >>> actor_key(None) is None
        True

    Added in version 0.1.
    """
    if actor is None:
        return None
    return actor.key


@attrs.frozen(kw_only=True)
class Report:
    """One article's report of a merged happening: the event as coded there and its publisher.

    Examples:
        >>> e = Event(article="a1", cameo="040", source=Actor(country="KOR"))
        >>> Report(event=e, publisher="Yonhap").mentions
        1
    """

    event: Event
    publisher: str | None = None
    published: dt.date | None = None
    """The publication date of the article (used to merge undated reports)."""

    @property
    def article(self) -> str:
        """The id of the reporting article."""
        return self.event.article

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every evidence span of the report in its article (main one first)."""
        main = () if self.event.evidence is None else (self.event.evidence,)
        return main + self.event.extra_evidence

    @property
    def mentions(self) -> int:
        """How many times the article states the happening (at least once)."""
        return max(1, len(self.evidence))


def _tuple_of_reports(value: Iterable[Report]) -> tuple[Report, ...]:
    return tuple(value)


def _merged_id(reports: tuple[Report, ...]) -> str:
    joined = "\x1f".join(sorted(r.event.id for r in reports))
    return hashlib.blake2b(joined.encode(), digest_size=8).hexdigest()


def _merged_id_of(m: MergedEvent) -> str:
    return _merged_id(m.reports)


@attrs.frozen(kw_only=True)
class MergedEvent:
    """A happening as reported by one or more articles.

    The representative `event` is the report with the most precise date
    (see `merge_events`); its date is the merged date. Every report is kept.

    Attributes:
        event: The representative report's event.
        reports: Every report, in the order they were added.
        id: A stable identifier derived from the ids of the reports' events.

    Examples:
        >>> e = Event(article="a1", cameo="040", source=Actor(country="KOR"), target=Actor(country="JPN"))
        >>> m = MergedEvent.single(e, publisher="Yonhap")
        >>> m.num_articles, m.num_sources, m.type.value
        (1, 1, 'CONSULT')
    """

    event: Event
    reports: tuple[Report, ...] = attrs.field(converter=_tuple_of_reports)
    id: str = attrs.field(default=attrs.Factory(_merged_id_of, takes_self=True))

    @classmethod
    def single(cls, event: Event, *, publisher: str | None = None) -> MergedEvent:
        """Wrap one event, unmerged, as a `MergedEvent` with one report."""
        return cls(event=event, reports=(Report(event=event, publisher=publisher),))

    @property
    def type(self) -> EventType:
        """The PLOVER type."""
        return self.event.type

    @property
    def cameo(self) -> str:
        """The representative CAMEO code."""
        return self.event.cameo

    @property
    def goldstein(self) -> float:
        """The Goldstein value of the representative CAMEO code."""
        return self.event.goldstein

    @property
    def quad_class(self) -> int:
        """The quad class (1-4)."""
        return self.event.quad_class

    @property
    def mode(self) -> Mode:
        """The mode shared by every report."""
        return self.event.mode

    @property
    def source(self) -> Actor | None:
        """Who acts (as named by the representative report)."""
        return self.event.source

    @property
    def target(self) -> Actor | None:
        """Who is acted upon (as named by the representative report)."""
        return self.event.target

    @property
    def date(self) -> TimeSpan | None:
        """The merged date: the most precise date consistent with every report."""
        return self.event.date

    @property
    def location(self) -> Location | None:
        """The representative's location, else the first report's that has one."""
        if self.event.location is not None:
            return self.event.location
        return next((r.event.location for r in self.reports if r.event.location is not None), None)

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the reporting articles, each once, in order."""
        return tuple(dict.fromkeys(r.article for r in self.reports))

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every evidence span of every report (pair them with `reports` for their article)."""
        return tuple(ev for r in self.reports for ev in r.evidence)

    @property
    def publishers(self) -> tuple[str, ...]:
        """The known publishers of the reporting articles, each once, in order."""
        return tuple(dict.fromkeys(r.publisher for r in self.reports if r.publisher is not None))

    @property
    def num_mentions(self) -> int:
        """How many times the happening is stated, over all articles (GDELT ``NumMentions``)."""
        return sum(r.mentions for r in self.reports)

    @property
    def num_sources(self) -> int:
        """How many distinct publishers report it (GDELT ``NumSources``).

        Articles without a known publisher count together as one source,
        so corroboration is never overstated.
        """
        return len({r.publisher for r in self.reports})

    @property
    def num_articles(self) -> int:
        """How many distinct articles report it (GDELT ``NumArticles``)."""
        return len(self.articles)


# --------------------------------------------------------------------------- clustering


def _width(span: TimeSpan) -> int:
    return span.end.toordinal() - span.start.toordinal()


@attrs.define(eq=False)
class _Cluster:
    seed_start: int
    lo: int
    hi: int
    reports: list[Report] = attrs.field(factory=list)
    mentions: int = 0

    def add(self, report: Report, lo: int, hi: int) -> None:
        self.reports.append(report)
        self.mentions += report.mentions
        self.lo = max(self.lo, lo)
        self.hi = min(self.hi, hi)


def _cluster(items: list[tuple[Report, int, int]], tolerance: int) -> list[list[Report]]:
    """Group reports whose day ranges ``[lo, hi]`` all overlap (within *tolerance* days).

    Reports are taken narrowest first, so every cluster is seeded by its
    most precise report; a report that overlaps several clusters joins the
    one with the most mentions. The grouping does not depend on input order.
    """
    ranked = sorted(
        enumerate(items),
        key=lambda x: (x[1][2] - x[1][1], x[1][1], -round(x[1][0].event.confidence * 1000), x[1][0].article, x[0]),
    )
    clusters: list[_Cluster] = []
    starts: list[tuple[int, int]] = []  # (seed start, cluster index), sorted
    for _, (r, lo, hi) in ranked:
        width = hi - lo
        # A cluster's seed is never wider than this report (reports come narrowest first),
        # so only seeds starting in [lo - tolerance - width, hi + tolerance] can overlap.
        first = bisect.bisect_left(starts, (lo - tolerance - width, -1))
        last = bisect.bisect_right(starts, (hi + tolerance, len(clusters)))
        best: _Cluster | None = None
        for _, idx in starts[first:last]:
            c = clusters[idx]
            if lo - tolerance <= c.hi and c.lo <= hi + tolerance and (best is None or c.mentions > best.mentions):
                best = c
        if best is None:
            best = _Cluster(seed_start=lo, lo=lo, hi=hi)
            bisect.insort(starts, (lo, len(clusters)))
            clusters.append(best)
        best.add(r, lo, hi)
    return [c.reports for c in clusters]


def _build(reports: list[Report], order: Mapping[int, int]) -> MergedEvent:
    """Make the merged record: the representative has the narrowest date most reports agree on."""
    dated = [(r, r.event.date) for r in reports if r.event.date is not None]
    candidates = reports
    if dated:
        narrowest = min(_width(d) for _, d in dated)
        votes: dict[TimeSpan, int] = {}
        for r, d in dated:
            if _width(d) == narrowest:
                votes[d] = votes.get(d, 0) + r.mentions
        date = min(votes, key=lambda s: (-votes[s], s.start, s.end))
        candidates = [r for r, d in dated if d == date]
    rep = min(candidates, key=lambda r: (-r.event.confidence, order[id(r)]))
    in_order = sorted(reports, key=lambda r: order[id(r)])
    return MergedEvent(event=rep.event, reports=tuple(in_order))


class EventMerger:
    """Collects events (one at a time, from any number of articles) and merges them.

    Reports are grouped by source key, target key (see `actor_key`), PLOVER
    type and mode; within a group, dated reports are clustered so that all
    the dates in a cluster overlap, narrowest dates first (a report whose
    date overlaps several clusters joins the one with the most mentions).
    Undated reports merge only with the undated reports of the same group
    whose articles were published at most *undated_window_days* apart (all
    of them, if publication dates are unknown). Which events are merged
    does not depend on the order they were added in (only exact ties in the
    choice of the representative are broken by that order).

    Args:
        actor_key: The identity of an actor for grouping (default `actor_key`).
        tolerance_days: Dates this many days apart still count as
            overlapping (e.g. 1 for reports dated in different time zones).
        directed: If False, "A met B" and "B met A" are grouped together.
        undated_window_days: How far apart the publication dates of
            articles may be for their undated reports to merge.

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Actor, Event, TimeSpan
        >>> def meet(article, day):
        ...     return Event(article=article, cameo="040", source=Actor(country="JPN"),
        ...                  target=Actor(country="KOR"), date=TimeSpan.day(day))
        >>> merger = EventMerger()
        >>> merger.add(meet("a1", dt.date(2023, 3, 16)), publisher="Kyodo")
        >>> merger.add(meet("a2", dt.date(2023, 3, 16)), publisher="Yonhap")
        >>> [(m.num_articles, m.num_sources) for m in merger.merged()]
        [(2, 2)]

    Added in version 0.1.
    """

    def __init__(
        self,
        *,
        actor_key: ActorKey = actor_key,
        tolerance_days: int = 0,
        directed: bool = True,
        undated_window_days: int = 2,
    ) -> None:
        """Create an empty merger."""
        self._key = actor_key
        self._tolerance = tolerance_days
        self._directed = directed
        self._window = undated_window_days
        self._groups: dict[tuple[Hashable, ...], list[Report]] = {}
        self._count = 0

    def __len__(self) -> int:
        """Return the number of events added so far."""
        return self._count

    def _group_key(self, event: Event) -> tuple[Hashable, ...]:
        s, t = self._key(event.source), self._key(event.target)
        if not self._directed and repr(t) < repr(s):
            s, t = t, s
        return (s, t, event.type, event.mode)

    def add(self, event: Event, publisher: str | None = None, *, published: dt.date | None = None) -> None:
        """Add one event, with the publisher and publication date of its article if known."""
        report = Report(event=event, publisher=publisher, published=published)
        self._groups.setdefault(self._group_key(event), []).append(report)
        self._count += 1

    def add_document(self, doc: Document) -> None:
        """Add every event of a document, with the document's publisher and publication date."""
        source = doc.article.source
        for event in doc.events:
            self.add(event, source.publisher, published=source.published_date)

    def merged(self) -> list[MergedEvent]:
        """Return the merged events, ordered by date (undated last), then type and actors."""
        out: list[MergedEvent] = []
        for reports in self._groups.values():
            order = {id(r): i for i, r in enumerate(reports)}
            dated: list[tuple[Report, int, int]] = []
            published: list[tuple[Report, int, int]] = []
            unknown: list[Report] = []
            for r in reports:
                if r.event.date is not None:
                    dated.append((r, r.event.date.start.toordinal(), r.event.date.end.toordinal()))
                elif r.published is not None:
                    day = r.published.toordinal()
                    published.append((r, day, day))
                else:
                    unknown.append(r)
            out.extend(_build(c, order) for c in _cluster(dated, self._tolerance))
            out.extend(_build(c, order) for c in _cluster(published, self._window))
            if unknown:
                out.append(_build(unknown, order))
        out.sort(key=_chronological)
        return out


def _chronological(m: MergedEvent) -> tuple[Any, ...]:
    """Sort key of merged events: by date (undated last), then type, actors and id."""
    date = m.date
    when = (1, 0, 0) if date is None else (0, date.start.toordinal(), date.end.toordinal())
    return (*when, m.type.value, repr(actor_key(m.source)), repr(actor_key(m.target)), m.id)


def merge_events(
    events: Iterable[Event],
    *,
    publishers: Mapping[str, str | None] | None = None,
    published: Mapping[str, dt.date | None] | None = None,
    actor_key: ActorKey = actor_key,
    tolerance_days: int = 0,
    directed: bool = True,
    undated_window_days: int = 2,
) -> list[MergedEvent]:
    """Merge the events of many articles into one record per happening.

    Reports merge when they have the same source and target (by
    *actor_key*: country, else name), PLOVER type and mode, and their dates
    overlap. Undated reports merge only with undated reports of the same
    key from articles published at most *undated_window_days* apart (or,
    without publication dates, with all of them). The merged date is the most precise consistent one: the narrowest
    reported date, which overlaps every other date of the cluster. If
    reports disagree at that precision (possible only with
    *tolerance_days*), the date stated most often wins, then the earliest.
    The representative event is the most confident report with that date.

    Args:
        events: Events of any number of articles.
        publishers: The publisher of each article id, for ``num_sources``
            and ``publishers`` (unknown publishers count as one source).
        published: The publication date of each article id, for undated reports.
        actor_key: The identity of an actor for grouping.
        tolerance_days: Dates this many days apart still count as overlapping.
        directed: If False, "A met B" and "B met A" merge.
        undated_window_days: How far apart the publication dates of
            articles may be for their undated reports to merge.

    Returns:
        The merged events, ordered by date (undated last).

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Actor, Event, TimeSpan
        >>> march = TimeSpan(start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 31), granularity="month")
        >>> day = TimeSpan.day(dt.date(2023, 3, 16))
        >>> es = [Event(article=a, cameo="040", source=Actor(country="JPN"), target=Actor(country="KOR"), date=d)
        ...       for a, d in [("a1", march), ("a2", day)]]
        >>> [(m.date.start.isoformat(), m.articles) for m in merge_events(es)]
        [('2023-03-16', ('a1', 'a2'))]

    Added in version 0.1.
    """
    merger = EventMerger(
        actor_key=actor_key,
        tolerance_days=tolerance_days,
        directed=directed,
        undated_window_days=undated_window_days,
    )
    table = publishers or {}
    dates = published or {}
    for event in events:
        merger.add(event, table.get(event.article), published=dates.get(event.article))
    return merger.merged()


def merge_documents(
    docs: Iterable[Document],
    *,
    actor_key: ActorKey = actor_key,
    tolerance_days: int = 0,
    directed: bool = True,
    undated_window_days: int = 2,
) -> list[MergedEvent]:
    """Merge the events of many documents, taking each publisher and date from the document's source.

    See `merge_events` for the rules and arguments.

    Examples:
        >>> merge_documents([])
        []

    Added in version 0.1.
    """
    merger = EventMerger(
        actor_key=actor_key,
        tolerance_days=tolerance_days,
        directed=directed,
        undated_window_days=undated_window_days,
    )
    for doc in docs:
        merger.add_document(doc)
    return merger.merged()


# --------------------------------------------------------------------------- wire format


def _unstructure(m: MergedEvent) -> dict[str, Any]:
    raw: dict[str, Any] = converter.unstructure(m.event)
    raw["id"] = m.id
    raw["representative"] = m.event.id
    raw.update(
        num_mentions=m.num_mentions,
        num_sources=m.num_sources,
        num_articles=m.num_articles,
        articles=list(m.articles),
        publishers=list(m.publishers),
        reports=[
            {
                "publisher": r.publisher,
                "published": None if r.published is None else r.published.isoformat(),
                "event": converter.unstructure(r.event),
            }
            for r in m.reports
        ],
    )
    return raw


def _structure(raw: Any, _: Any = None) -> MergedEvent:
    if not isinstance(raw, dict) or not isinstance(raw.get("reports"), list):
        msg = "expected a merged event object with a 'reports' list"
        raise TypeError(msg)
    reports = tuple(
        Report(
            event=converter.structure(r["event"], Event),
            publisher=r.get("publisher"),
            published=None if r.get("published") is None else dt.date.fromisoformat(r["published"]),
        )
        for r in raw["reports"]
    )
    if not reports:
        msg = "a merged event needs at least one report"
        raise ValueError(msg)
    wanted = raw.get("representative")
    rep = next((r.event for r in reports if r.event.id == wanted), reports[0].event)
    return MergedEvent(event=rep, reports=reports, id=raw.get("id") or _merged_id(reports))


converter.register_unstructure_hook(MergedEvent, _unstructure)
converter.register_structure_hook(MergedEvent, _structure)
