"""Timelines of merged events and dyad series (counts per period for a pair of actors).

Added in version 0.1.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TextIO, TypeAlias, overload

import attrs

from diplomev.corpus.merge import EventMerger, MergedEvent, _chronological
from diplomev.errors import ConfigError
from diplomev.model import Actor, Document, Event, EventType

__all__ = [
    "DYAD_COLUMNS",
    "QUAD_CLASSES",
    "TIMELINE_COLUMNS",
    "DyadRow",
    "DyadSeries",
    "Timeline",
    "dyad_record",
    "dyad_series",
    "matches",
    "timeline",
    "timeline_record",
    "to_csv",
    "to_pandas",
]

Freq: TypeAlias = Literal["day", "week", "month", "year"]
"""The length of a dyad series period."""

Input: TypeAlias = "Event | MergedEvent | Document"
"""What timelines and dyad series accept: events, merged events or documents."""

QUAD_CLASSES: tuple[str, ...] = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
"""The names of quad classes 1 to 4, as used for column names."""

_TYPES: tuple[EventType, ...] = tuple(EventType)
_TYPE_INDEX = {t: i for i, t in enumerate(_TYPES)}


def matches(actor: Actor | None, query: str) -> bool:
    """Return whether *actor* is the one *query* names.

    A query matches an actor's country code (``JPN``), actor code
    (``JPNGOV``), name or one of its aliases (case-insensitive).

    Examples:
        >>> a = Actor(name="Fumio Kishida", kind="person", country="JPN", sector="GOV")
        >>> matches(a, "JPN"), matches(a, "jpngov"), matches(a, "fumio kishida"), matches(a, "KOR")
        (True, True, True, False)

    Added in version 0.1.
    """
    if actor is None:
        return False
    q = query.strip()
    up = q.upper()
    if up in {actor.country, actor.code}:
        return True
    folded = q.casefold()
    return any(n is not None and n.casefold() == folded for n in (actor.name, *actor.aliases))


def _involves(m: MergedEvent, a: str, b: str | None, *, directed: bool) -> bool:
    if b is None:
        return matches(m.source, a) or matches(m.target, a)
    if matches(m.source, a) and matches(m.target, b):
        return True
    return not directed and matches(m.source, b) and matches(m.target, a)


def _merged(
    items: Iterable[Input],
    *,
    merge: bool,
    publishers: Mapping[str, str | None] | None,
) -> Iterator[MergedEvent]:
    merger = EventMerger()
    table = publishers or {}
    for item in items:
        if isinstance(item, MergedEvent):
            yield item
        elif isinstance(item, Document):
            if merge:
                merger.add_document(item)
            else:
                yield from (MergedEvent.single(e, publisher=item.article.source.publisher) for e in item.events)
        elif isinstance(item, Event):
            if merge:
                merger.add(item, table.get(item.article))
            else:
                yield MergedEvent.single(item, publisher=table.get(item.article))
        else:
            msg = f"expected an Event, a MergedEvent or a Document, got {type(item).__name__}"
            raise TypeError(msg)
    yield from merger.merged()


# --------------------------------------------------------------------------- timeline


@attrs.frozen(kw_only=True)
class Timeline(Sequence[MergedEvent]):
    """Merged events in date order (undated last), for an actor, a pair or everyone.

    Attributes:
        events: The merged events, in order.
        actor: The actor the timeline was restricted to, if any.
        pair: The pair of actors it was restricted to, if any.
    """

    events: tuple[MergedEvent, ...]
    actor: str | None = None
    pair: tuple[str, str] | None = None

    @overload
    def __getitem__(self, index: int) -> MergedEvent: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[MergedEvent]: ...
    def __getitem__(self, index: int | slice) -> MergedEvent | Sequence[MergedEvent]:
        """Return one event or a slice of them."""
        return self.events[index]

    def __len__(self) -> int:
        """Return the number of events."""
        return len(self.events)


def timeline(
    items: Iterable[Input],
    *,
    actor: str | None = None,
    pair: tuple[str, str] | None = None,
    directed: bool = False,
    merge: bool = True,
    publishers: Mapping[str, str | None] | None = None,
) -> Timeline:
    """Return the merged events of an actor or a pair, ordered by date (undated last).

    Events and documents are first merged across articles (see
    `merge_events`); merged events are taken as they are.

    Args:
        items: Events, merged events or documents, mixed freely.
        actor: Keep the events in which this actor (see `matches`) is the source or target.
        pair: Keep the events between these two actors.
        directed: With *pair*, keep only the events from the first to the second.
        merge: Merge events across articles (False keeps one record per event).
        publishers: The publisher of each article id, for events given alone.

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Actor, Event, TimeSpan
        >>> es = [Event(article="a", cameo=c, source=Actor(country="JPN"), target=Actor(country="KOR"),
        ...             date=TimeSpan.day(dt.date(2023, m, 1))) for c, m in [("040", 3), ("111", 1)]]
        >>> [(m.date.start.month, m.type.value) for m in timeline(es, pair=("KOR", "JPN"))]
        [(1, 'ACCUSE'), (3, 'CONSULT')]

    Added in version 0.1.
    """
    merged: Iterable[MergedEvent] = _merged(items, merge=merge, publishers=publishers)
    if pair is not None:
        a, b = pair
        merged = (m for m in merged if _involves(m, a, b, directed=directed))
    if actor is not None:
        merged = (m for m in merged if _involves(m, actor, None, directed=directed))
    return Timeline(events=tuple(sorted(merged, key=_chronological)), actor=actor, pair=pair)


# --------------------------------------------------------------------------- dyad series


def _period_start(day: dt.date, freq: Freq) -> dt.date:
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return dt.date(day.year, 1, 1)


def _next_period(start: dt.date, freq: Freq) -> dt.date:
    if freq == "day":
        return start + dt.timedelta(days=1)
    if freq == "week":
        return start + dt.timedelta(days=7)
    if freq == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


@attrs.frozen(kw_only=True)
class DyadRow:
    """The events between two actors in one period.

    Attributes:
        period: The first day of the period (a Monday for weeks).
        n: The number of (merged) events.
        mentions: Their mentions over all articles.
        goldstein_sum: The sum of their Goldstein values.
        goldstein_mean: The mean Goldstein value, or None without events.
        type_counts: Events per PLOVER type, in `diplomev.EventType` order.
        quad_counts: Events per quad class 1 to 4.

    Examples:
        >>> import datetime as dt
        >>> row = DyadRow(period=dt.date(2023, 3, 1), n=0, mentions=0, goldstein_sum=0.0,
        ...               goldstein_mean=None, type_counts=(0,) * 16, quad_counts=(0, 0, 0, 0))
        >>> row.count("CONSULT")
        0
    """

    period: dt.date
    n: int
    mentions: int
    goldstein_sum: float
    goldstein_mean: float | None
    type_counts: tuple[int, ...]
    quad_counts: tuple[int, int, int, int]

    def count(self, type: EventType | str) -> int:  # noqa: A002 - the record field's name
        """Return the number of events of one PLOVER type."""
        return self.type_counts[_TYPE_INDEX[EventType(type)]]


@attrs.frozen(kw_only=True)
class DyadSeries(Sequence[DyadRow]):
    """A dyad series: one row per period, from the first event's period to the last one's.

    Attributes:
        a: The first actor (as queried).
        b: The second actor.
        freq: The period length.
        directed: Whether only events from *a* to *b* were counted.
        rows: One row per period, in order, empty periods included.
        undated: Events between the pair that have no date (not in any row).
    """

    a: str
    b: str
    freq: Freq
    directed: bool
    rows: tuple[DyadRow, ...]
    undated: int = 0

    @overload
    def __getitem__(self, index: int) -> DyadRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[DyadRow]: ...
    def __getitem__(self, index: int | slice) -> DyadRow | Sequence[DyadRow]:
        """Return one row or a slice of them."""
        return self.rows[index]

    def __len__(self) -> int:
        """Return the number of periods."""
        return len(self.rows)


@attrs.define
class _Acc:
    n: int = 0
    mentions: int = 0
    goldstein: float = 0.0
    types: list[int] = attrs.field(factory=lambda: [0] * len(_TYPES))
    quads: list[int] = attrs.field(factory=lambda: [0, 0, 0, 0])

    def add(self, m: MergedEvent) -> None:
        self.n += 1
        self.mentions += m.num_mentions
        self.goldstein += m.goldstein
        self.types[_TYPE_INDEX[m.type]] += 1
        self.quads[m.quad_class - 1] += 1

    def row(self, period: dt.date) -> DyadRow:
        total = round(self.goldstein, 6)
        return DyadRow(
            period=period,
            n=self.n,
            mentions=self.mentions,
            goldstein_sum=total,
            goldstein_mean=round(self.goldstein / self.n, 6) if self.n else None,
            type_counts=tuple(self.types),
            quad_counts=(self.quads[0], self.quads[1], self.quads[2], self.quads[3]),
        )


def dyad_series(
    items: Iterable[Input],
    a: str,
    b: str,
    *,
    freq: Freq = "month",
    directed: bool = False,
    merge: bool = True,
    publishers: Mapping[str, str | None] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> DyadSeries:
    """Count the events between two actors per day, week, month or year.

    Each period's row has the number of events, their counts per PLOVER
    type and quad class, and the sum and mean of their Goldstein values, so
    a series shows e.g. a relationship cooling in a dispute and warming
    after it. Events are merged across articles first (so a meeting
    reported by ten articles counts once) and placed in the period of the
    start of their date; undated events are counted in ``undated`` only.
    Periods without events are included as rows with ``n == 0``.

    Args:
        items: Events, merged events or documents.
        a: The first actor (see `matches`).
        b: The second actor.
        freq: ``"day"``, ``"week"`` (starting on Monday), ``"month"`` or ``"year"``.
        directed: Count only the events from *a* to *b*.
        merge: Merge events across articles first.
        publishers: The publisher of each article id, for events given alone.
        start: The first period to include (default: the first event's).
        end: The last period to include (default: the last event's).

    Raises:
        ConfigError: If *freq* is not one of the four.

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Actor, Event, TimeSpan
        >>> def ev(cameo, month):
        ...     return Event(article=f"a{month}", cameo=cameo, source=Actor(country="JPN"),
        ...                  target=Actor(country="KOR"), date=TimeSpan.day(dt.date(2023, month, 10)))
        >>> series = dyad_series([ev("111", 1), ev("040", 3), ev("057", 3)], "KOR", "JPN")
        >>> [(r.period.month, r.n, r.goldstein_mean) for r in series]
        [(1, 1, -2.0), (2, 0, None), (3, 2, 4.5)]

    Added in version 0.1.
    """
    if freq not in ("day", "week", "month", "year"):
        msg = f"dyad_series: freq must be 'day', 'week', 'month' or 'year', got {freq!r}"
        raise ConfigError(msg)
    accs: dict[dt.date, _Acc] = {}
    undated = 0
    for m in _merged(items, merge=merge, publishers=publishers):
        if not _involves(m, a, b, directed=directed):
            continue
        if m.date is None:
            undated += 1
            continue
        period = _period_start(m.date.start, freq)
        accs.setdefault(period, _Acc()).add(m)
    rows: list[DyadRow] = []
    first = _period_start(start, freq) if start is not None else min(accs, default=None)
    last = _period_start(end, freq) if end is not None else max(accs, default=None)
    if first is not None and last is not None:
        period = first
        while period <= last:
            rows.append((accs.get(period) or _Acc()).row(period))
            period = _next_period(period, freq)
    return DyadSeries(a=a, b=b, freq=freq, directed=directed, rows=tuple(rows), undated=undated)


# --------------------------------------------------------------------------- export

TIMELINE_COLUMNS: tuple[str, ...] = (
    "date_start",
    "date_end",
    "granularity",
    "type",
    "cameo",
    "quad_class",
    "goldstein",
    "source",
    "source_name",
    "target",
    "target_name",
    "location",
    "mode",
    "num_articles",
    "num_sources",
    "num_mentions",
    "articles",
    "publishers",
    "evidence",
    "id",
)
"""The columns of a timeline table (`to_csv`, `to_pandas`); lists are joined with ``;``."""

DYAD_COLUMNS: tuple[str, ...] = (
    "period",
    "n",
    "mentions",
    "goldstein_sum",
    "goldstein_mean",
    *QUAD_CLASSES,
    *(t.value for t in _TYPES),
)
"""The columns of a dyad series table (`to_csv`, `to_pandas`)."""


def _actor_code(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.code or actor.country or actor.name


def timeline_record(m: MergedEvent) -> dict[str, Any]:
    """Return the flat table row of a merged event (the `TIMELINE_COLUMNS`)."""
    date = m.date
    ev = m.event.evidence
    return {
        "date_start": None if date is None else date.start.isoformat(),
        "date_end": None if date is None else date.end.isoformat(),
        "granularity": None if date is None else date.granularity.value,
        "type": m.type.value,
        "cameo": m.cameo,
        "quad_class": m.quad_class,
        "goldstein": m.goldstein,
        "source": _actor_code(m.source),
        "source_name": None if m.source is None else m.source.name,
        "target": _actor_code(m.target),
        "target_name": None if m.target is None else m.target.name,
        "location": None if m.location is None else m.location.name,
        "mode": m.mode.value,
        "num_articles": m.num_articles,
        "num_sources": m.num_sources,
        "num_mentions": m.num_mentions,
        "articles": ";".join(m.articles),
        "publishers": ";".join(m.publishers),
        "evidence": None if ev is None else ev.text,
        "id": m.id,
    }


def dyad_record(row: DyadRow) -> dict[str, Any]:
    """Return the flat table row of a dyad series row (the `DYAD_COLUMNS`)."""
    rec: dict[str, Any] = {
        "period": row.period.isoformat(),
        "n": row.n,
        "mentions": row.mentions,
        "goldstein_sum": row.goldstein_sum,
        "goldstein_mean": row.goldstein_mean,
    }
    rec.update(zip(QUAD_CLASSES, row.quad_counts, strict=True))
    rec.update(zip((t.value for t in _TYPES), row.type_counts, strict=True))
    return rec


Table: TypeAlias = "Timeline | DyadSeries | Iterable[MergedEvent] | Iterable[DyadRow]"
"""What `to_csv` and `to_pandas` accept."""


def _records(table: Table) -> tuple[tuple[str, ...] | None, Iterator[dict[str, Any]]]:
    """Return the columns (None if unknown: an empty plain iterable) and the flat rows."""
    if isinstance(table, Timeline):
        return TIMELINE_COLUMNS, (timeline_record(m) for m in table)
    if isinstance(table, DyadSeries):
        return DYAD_COLUMNS, (dyad_record(r) for r in table)
    it: Iterator[Any] = iter(table)
    first = next(it, None)
    if first is None:
        return None, iter(())

    def chained() -> Iterator[Any]:
        yield first
        yield from it

    if isinstance(first, MergedEvent):
        return TIMELINE_COLUMNS, (timeline_record(m) for m in chained() if isinstance(m, MergedEvent))
    if isinstance(first, DyadRow):
        return DYAD_COLUMNS, (dyad_record(r) for r in chained() if isinstance(r, DyadRow))
    msg = f"expected a Timeline, a DyadSeries, merged events or dyad rows, got {type(first).__name__}"
    raise TypeError(msg)


def to_csv(table: Table, path_or_file: str | Path | TextIO) -> None:
    """Write a timeline or a dyad series as CSV (header row first; empty values for None).

    Args:
        table: A `Timeline`, a `DyadSeries`, or merged events or dyad rows.
        path_or_file: A path, or an open text stream.

    Examples:
        >>> import io
        >>> buf = io.StringIO()
        >>> to_csv(DyadSeries(a="JPN", b="KOR", freq="year", directed=False, rows=()), buf)
        >>> buf.getvalue().split(",")[:3]
        ['period', 'n', 'mentions']

    Added in version 0.1.
    """
    columns, records = _records(table)
    if isinstance(path_or_file, (str, Path)):
        with Path(path_or_file).open("w", encoding="utf-8", newline="") as fh:
            _write_csv(columns, records, fh)
    else:
        _write_csv(columns, records, path_or_file)


def _write_csv(columns: tuple[str, ...] | None, records: Iterator[dict[str, Any]], fh: TextIO) -> None:
    if columns is None:
        return
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def to_pandas(table: Table) -> Any:
    """Return a timeline or a dyad series as a `pandas.DataFrame` (needs ``pandas``).

    Dates become ``datetime64`` columns (``period`` for a dyad series,
    ``date_start`` and ``date_end`` for a timeline).

    Raises:
        ImportError: If pandas is not installed (``pip install diplomev[pandas]``).

    Added in version 0.1.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency
    except ImportError as err:
        msg = "to_pandas needs pandas: pip install 'diplomev[pandas]'"
        raise ImportError(msg) from err
    columns, records = _records(table)
    frame = pd.DataFrame.from_records(list(records), columns=list(columns or ()))
    for name in ("period", "date_start", "date_end"):
        if name in frame.columns:
            frame[name] = pd.to_datetime(frame[name])
    return frame
