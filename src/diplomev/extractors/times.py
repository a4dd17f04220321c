"""Temporal expressions: find them in English news text and resolve them to calendar spans.

The ``times`` step (`TimeRecogniser`) fills `Document.times` with one
`TimeExpression` per occurrence, in text order, each tagged with the layout
region it is in and, for dates, resolved to a `TimeSpan` against the
document's reference date. When the document has no reference date, the step
infers one from the text (see `infer_reference`) and records how in
`Reference.method`.

The policy (which Wednesday "on Wednesday" is, what "late October" covers)
is described in the documentation page *Date policy*.

Examples:
    >>> import datetime as dt
    >>> ts = find_times("Kang met Wang on Wednesday and will visit again next month.",
    ...                 reference=dt.date(2017, 11, 23))
    >>> [(t.text, str(t.resolved.start), str(t.resolved.end)) for t in ts]
    [('Wednesday', '2017-11-22', '2017-11-22'), ('next month', '2017-12-01', '2017-12-31')]

Added in version 0.1.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from diplomev.extractors._timegrammar import Parsed, scan
from diplomev.extractors._timetense import STRONG, tense
from diplomev.model import (
    Article,
    Document,
    Granularity,
    Reference,
    Region,
    Segment,
    Span,
    TimeExpression,
    TimeKind,
    TimeSpan,
)
from diplomev.registry import registries

__all__ = ["TimeRecogniser", "find_times", "infer_reference", "resolve", "since_span"]

_DAY = Granularity.DAY
_RANGE = Granularity.RANGE
_SURE = 1.0
_TENSED = 0.9
_WEAKLY_TENSED = 0.75
_AMBIGUOUS = 0.6
_ANAPHORIC = 0.8
# Days of a month covered by a modifier ("early October" = 1-10); None means the month's last day.
_MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
    "earlier": (1, 10),
    "later": (21, None),
    "h1": (1, 15),
    "h2": (16, None),
}
# Months of a year covered by a modifier ("early 2019" = January-April).
_YEAR_PARTS: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "earlier": (1, 4),
    "later": (9, 12),
    "h1": (1, 6),
    "h2": (7, 12),
    "q1": (1, 3),
    "q2": (4, 6),
    "q3": (7, 9),
    "q4": (10, 12),
}
_DECADE_PARTS: dict[str, tuple[int, int]] = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_SEASON_MONTHS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_MONDAY, _SATURDAY = 0, 5
_DATELINE_LABEL = regex.compile(r"^\W*(?:published|updated|posted|date|created|modified|last\s+updated)\b", regex.I)
_WORDS = regex.compile(r"[A-Za-z]+")
_SINCE = regex.compile(r"\bsince[ \t\u00a0]{1,3}$", regex.I)
_NUMERIC_DATE = regex.compile(r"(?<![\w./-])(\d{1,2})[-./](\d{1,2})[-./](?:\d{4}|\d\d)(?![\w/-]|[.]\d)")
_SENTENCE_END = regex.compile(r"[\n!?;]|\.[ \t\u00a0\"\u201d']+[A-Z\u201c]")


# --------------------------------------------------------------------------- calendar helpers
# Plain date arithmetic, as dateutil's relativedelta would do it (and a few times faster): a day
# out of datetime's range raises ValueError or OverflowError, which `resolve` turns into None.


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _month_end(day: dt.date) -> dt.date:
    """Return the last day of the month of *day* (``day + relativedelta(day=31)``)."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _first_of_month(day: dt.date, months: int) -> dt.date:
    """Return the first day of the month *months* after that of *day* (``relativedelta(months=months, day=1)``)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _on_or_before(day: dt.date, wd: int) -> dt.date:
    """Return the last day on or before *day* that is weekday *wd* (``relativedelta(weekday=wd(-1))``)."""
    return day - dt.timedelta(days=(day.weekday() - wd) % 7)


def _on_or_after(day: dt.date, wd: int) -> dt.date:
    """Return the first day on or after *day* that is weekday *wd* (``relativedelta(weekday=wd(+1))``)."""
    return day + dt.timedelta(days=(wd - day.weekday()) % 7)


def _month_span(year: int, month: int, mod: str | None = None) -> TimeSpan:
    start = dt.date(year, month, 1)
    end = _month_end(start)
    if mod is None or mod not in _MONTH_PARTS:
        return TimeSpan(start=start, end=end, granularity=Granularity.MONTH)
    first, last = _MONTH_PARTS[mod]  # days of every month (at most the 21st)
    return TimeSpan(start=start.replace(day=first), end=start.replace(day=last) if last else end, granularity=_RANGE)


def _year_span(year: int, mod: str | None = None) -> TimeSpan:
    if mod is None or mod not in _YEAR_PARTS:
        return TimeSpan(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), granularity=Granularity.YEAR)
    first, last = _YEAR_PARTS[mod]
    return TimeSpan(
        start=dt.date(year, first, 1),
        end=_month_end(dt.date(year, last, 1)),
        granularity=_RANGE,
    )


def _before_or_after(first: dt.date, last: dt.date, ref: dt.date, mod: str) -> TimeSpan:
    """Return the part of ``first..last`` before the reference day ("earlier") or after it ("later")."""
    if mod == "earlier":
        end = max(first, ref - _days(1))
        return TimeSpan(start=first, end=end, granularity=_RANGE)
    start = min(last, ref + _days(1))
    return TimeSpan(start=start, end=last, granularity=_RANGE)


def _week_span(day: dt.date, mod: str | None, ref: dt.date | None) -> TimeSpan:
    monday = _on_or_before(day, _MONDAY)
    sunday = monday + _days(6)
    if mod in {"earlier", "later"} and ref is not None and monday <= ref <= sunday:
        return _before_or_after(monday, sunday, ref, mod)
    if mod in {"early", "earlier"}:
        return TimeSpan(start=monday, end=monday + _days(2), granularity=_RANGE)
    if mod in {"late", "later"}:
        return TimeSpan(start=monday + _days(3), end=sunday, granularity=_RANGE)
    return TimeSpan(start=monday, end=sunday, granularity=Granularity.WEEK)


def _season_span(season: str, year: int) -> TimeSpan:
    """Return the span of *season* of *year*; winter YEAR is December YEAR-1 to February YEAR."""
    first = _SEASON_MONTHS[season]
    start = dt.date(year - 1 if season == "winter" else year, first, 1)
    end = _month_end(_first_of_month(start, 2))
    return TimeSpan(start=start, end=end, granularity=Granularity.SEASON)


def _century(yy: int, ref: dt.date | None) -> int:
    """Return the four-digit year nearest the reference year for a two-digit year."""
    pivot = ref.year if ref is not None else 2000
    base = pivot // 100 * 100 + yy
    return min((base - 100, base, base + 100), key=lambda y: (abs(y - pivot), y))


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _choose(candidates: Sequence[dt.date], direction: int, *, distance: Callable[[dt.date], int]) -> dt.date:
    """Pick the candidate consistent with *direction* (-1 past, +1 future, 0 nearest)."""
    if direction < 0:
        past = [c for c in candidates if distance(c) <= 0]
        if past:
            return max(past)
    elif direction > 0:
        future = [c for c in candidates if distance(c) >= 0]
        if future:
            return min(future)
    return min(candidates, key=lambda c: (abs(distance(c)), c))


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


# --------------------------------------------------------------------------- resolution


@attrs.define
class _State:
    """What anaphoric expressions ("the same day", "the following year") refer back to."""

    last_day: dt.date | None = None
    last_span: TimeSpan | None = None


def _confidence(direction: int) -> float:
    if abs(direction) >= STRONG:
        return _TENSED
    return _WEAKLY_TENSED if direction else _AMBIGUOUS


def _strong(direction: int) -> int:
    """Keep only a strong tense cue: a month or a dated day is far off when read the wrong way."""
    return direction if abs(direction) >= STRONG else 0


def _resolve_md(month: int, day: int, ref: dt.date, direction: int, weekday: int | None = None) -> dt.date | None:
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _valid_date(y, month, day))]
    if not candidates:
        return None
    on_weekday = [d for d in candidates if d.weekday() == weekday]
    if on_weekday:
        # "Tuesday, March 12": the year in which the day falls on the weekday named with it.
        candidates = on_weekday
    return _choose(candidates, direction, distance=lambda c: (c - ref).days)


def _resolve_month_year(month: int, ref: dt.date, direction: int) -> int:
    candidates = [dt.date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    here = _month_index(ref)
    return _choose(candidates, direction, distance=lambda c: _month_index(c) - here).year


def _resolve_weekday(wd: int, ref: dt.date, direction: int, rel: int | None, *, in_week: bool = False) -> dt.date:
    if in_week:
        # "Thursday last week": that weekday of the week *rel* weeks from the reference one.
        return _on_or_before(ref, _MONDAY) + _days(7 * (rel or 0) + wd)
    if rel == -1:
        return _on_or_before(ref - _days(1), wd)
    if rel == 1:
        return _on_or_after(ref + _days(1), wd)
    before = _on_or_before(ref, wd)
    after = _on_or_after(ref, wd)
    if direction < 0:
        return before
    if direction > 0:
        return after
    return before if (ref - before) <= (after - ref) else after


def _resolve_range(p: Parsed, ref: dt.date | None, direction: Callable[[], int]) -> tuple[TimeSpan | None, float]:
    if p.unit == "year":
        if p.year is None or p.year2 is None:  # pragma: no cover - the grammar always sets both
            return None, _SURE
        return TimeSpan(start=dt.date(p.year, 1, 1), end=dt.date(p.year2, 12, 31), granularity=_RANGE), _SURE
    month, month2 = p.month or 1, p.month2 or p.month or 1
    day, day2 = (p.day or 1), (p.day2 or 1)
    y1, y2 = p.year, p.year2
    conf = _SURE
    if y1 is None and y2 is not None:
        y1 = y2 if (month, day) <= (month2, day2) else y2 - 1
    if y1 is None:
        if ref is None:
            return None, _SURE
        sense = _strong(direction())
        conf = _confidence(sense)
        if p.unit == "day":
            first = _resolve_md(month, day, ref, sense)
            if first is None:
                return None, conf
            y1 = first.year
        else:
            y1 = _resolve_month_year(month, ref, sense)
    if y2 is None:
        y2 = y1 if (month, day) <= (month2, day2) else y1 + 1
    if p.unit == "month":
        start = dt.date(y1, month, 1)
        end = _month_end(dt.date(y2, month2, 1))
    else:
        first_day, last_day = _valid_date(y1, month, day), _valid_date(y2, month2, day2)
        if first_day is None or last_day is None:
            return None, conf
        start, end = first_day, last_day
    if end < start:
        return None, conf
    return TimeSpan(start=start, end=end, granularity=_RANGE), conf


def _resolve_rel(p: Parsed, ref: dt.date | None, state: _State) -> tuple[TimeSpan | None, float]:
    base = ref
    conf = _SURE
    if p.anaphoric:
        conf = _ANAPHORIC
        if state.last_span is not None:
            base = state.last_span.start
    if base is None or p.rel is None:
        return None, conf
    deictic = not p.anaphoric and p.rel == 0 and ref is not None
    if p.unit == "year":
        year = base.year + p.rel
        if deictic and ref is not None and p.mod in {"earlier", "later"}:
            return _before_or_after(dt.date(year, 1, 1), dt.date(year, 12, 31), ref, p.mod), conf
        return _year_span(year, p.mod), conf
    if p.unit == "month":
        first = _first_of_month(base, p.rel)
        span = _month_span(first.year, first.month, p.mod)
        if deictic and ref is not None and p.mod in {"earlier", "later"}:
            span = _before_or_after(first, _month_end(first), ref, p.mod)
        return span, conf
    if p.unit == "weekend":
        if p.rel < 0:
            saturday = _on_or_before(base - _days(1), _SATURDAY)
            if saturday + _days(1) >= base:
                saturday -= _days(7)
        elif p.rel > 0:
            saturday = _on_or_after(base + _days(1), _SATURDAY)
        else:
            saturday = _on_or_before(base, _MONDAY) + _days(5)
        return TimeSpan(start=saturday, end=saturday + _days(1), granularity=_RANGE), conf
    # week
    return _week_span(base + _days(7 * p.rel), p.mod, ref if deictic else None), conf


def _resolve_the_weekend(ref: dt.date | None, direction: Callable[[], int]) -> tuple[TimeSpan | None, float]:
    """Resolve "the weekend": the last one in past context, the coming one in future context, else the nearer."""
    if ref is None:
        return None, _SURE
    sense = direction()
    past = _on_or_before(ref, _SATURDAY)
    if ref.weekday() == 6:  # a Sunday is inside the weekend that began the day before
        past = ref - _days(1)
    coming = past + _days(7) if ref.weekday() < 5 else past
    if sense == 0:
        saturday = past if ref.weekday() <= 2 or ref.weekday() >= 5 else coming
    else:
        saturday = past if sense < 0 else coming
    return TimeSpan(start=saturday, end=saturday + _days(1), granularity=_RANGE), _confidence(sense)


def _resolve_offset(p: Parsed, ref: dt.date | None, state: _State) -> tuple[TimeSpan | None, float]:
    base = (state.last_day or ref) if p.anaphoric else ref
    count = p.count or 0.0
    if base is None or count != int(count):
        return None, p.confidence
    n = int(count)
    if p.unit in {"second", "minute", "hour", "day"}:
        if p.unit != "day":
            return TimeSpan.day(base), p.confidence
        return TimeSpan.day(base + _days(n)), p.confidence
    if p.unit in {"week", "fortnight"}:
        if p.anaphoric and state.last_day is not None:
            # "A week earlier" than a day the text gave: the day, n weeks off.
            return TimeSpan.day(base + _days(7 * n * (2 if p.unit == "fortnight" else 1))), p.confidence
        return _week_span(base + _days(7 * n * (2 if p.unit == "fortnight" else 1)), None, None), p.confidence
    if p.unit == "month":
        first = _first_of_month(base, n)
        return _month_span(first.year, first.month), p.confidence
    if p.unit == "year":
        return _year_span(base.year + n), p.confidence
    if p.unit == "decade":
        return _year_span(base.year + 10 * n), p.confidence
    return None, p.confidence


def _resolve_month(p: Parsed, ref: dt.date | None, direction: Callable[[], int]) -> tuple[TimeSpan | None, float]:
    month = p.month or 1
    if p.year is not None:
        return _month_span(p.year, month, p.mod), _SURE
    if ref is None:
        return None, _SURE
    if p.rel == 0:
        return _month_span(ref.year, month, p.mod), _SURE
    if p.rel == -1:
        return _month_span(ref.year if month < ref.month else ref.year - 1, month, p.mod), _SURE
    if p.rel == 1:
        return _month_span(ref.year if month > ref.month else ref.year + 1, month, p.mod), _SURE
    sense = _strong(direction())
    return _month_span(_resolve_month_year(month, ref, sense), month, p.mod), _confidence(sense)


def _resolve_season(p: Parsed, ref: dt.date | None) -> tuple[TimeSpan | None, float]:
    season = p.season or "summer"
    if p.year is not None:
        return _season_span(season, p.year), _SURE
    if ref is None:
        return None, _SURE
    spans = [_season_span(season, y) for y in range(ref.year - 2, ref.year + 3)]
    if p.rel == -1:
        past = [s for s in spans if s.end < ref]
        return max(past, key=lambda s: s.start), _SURE
    if p.rel == 1:
        future = [s for s in spans if s.start > ref]
        return min(future, key=lambda s: s.start), _SURE
    current = [s for s in spans if s.start <= ref <= s.end]
    if current:
        return current[0], _SURE
    return min(spans, key=lambda s: min(abs((s.start - ref).days), abs((s.end - ref).days))), _TENSED


def _resolve_decade(p: Parsed, ref: dt.date | None) -> TimeSpan | None:
    year = p.year or 0
    if p.yy:
        pivot = ref.year if ref is not None else 2000
        year = pivot // 100 * 100 + year
        if year > pivot:
            year -= 100
    if p.mod in _DECADE_PARTS:
        first, last = _DECADE_PARTS[p.mod]
        return TimeSpan(start=dt.date(year + first, 1, 1), end=dt.date(year + last, 12, 31), granularity=_RANGE)
    return TimeSpan(start=dt.date(year, 1, 1), end=dt.date(year + 9, 12, 31), granularity=Granularity.DECADE)


def _resolve(
    p: Parsed,
    ref: dt.date | None,
    state: _State,
    direction: Callable[[], int],
) -> tuple[TimeSpan | None, float]:
    form = p.form
    if p.kind is TimeKind.DURATION:
        return None, p.confidence
    if form == "ymd":
        year = _century(p.year or 0, ref) if p.yy else (p.year or 0)
        day = _valid_date(year, p.month or 1, p.day or 1)
        return (None if day is None else TimeSpan.day(day)), p.confidence
    if form == "md":
        if ref is None:
            return None, _SURE
        sense = _strong(direction())
        found = _resolve_md(p.month or 1, p.day or 1, ref, sense, p.weekday)
        return (None if found is None else TimeSpan.day(found)), _confidence(sense)
    if form == "dom":
        if ref is None:
            return None, _SURE
        sense = _strong(direction())
        days = [_valid_date(f.year, f.month, p.day or 1) for f in (_first_of_month(ref, k) for k in (-1, 0, 1))]
        found = _choose([d for d in days if d is not None], sense, distance=lambda c: (c - ref).days)
        return TimeSpan.day(found), _confidence(sense)
    if form == "range":
        return _resolve_range(p, ref, direction)
    if form == "month":
        return _resolve_month(p, ref, direction)
    if form == "month_rely":
        base = state.last_span.start if p.anaphoric and state.last_span is not None else ref
        if base is None:
            return None, _SURE
        return _month_span(base.year + (p.rel or 0), p.month or 1, p.mod), _ANAPHORIC if p.anaphoric else _SURE
    if form == "year":
        return _year_span(p.year or 0, p.mod), p.confidence
    if form == "rel":
        return _resolve_rel(p, ref, state)
    if form == "season":
        return _resolve_season(p, ref)
    if form == "decade":
        return _resolve_decade(p, ref), _SURE
    if form == "weekday":
        if ref is None:
            return None, _SURE
        sense = 0 if p.rel in {-1, 1} else direction()
        conf = _SURE if p.rel in {-1, 1} else _confidence(sense)
        in_week = p.unit == "week"
        return TimeSpan.day(_resolve_weekday(p.weekday or 0, ref, sense, p.rel, in_week=in_week)), conf
    if form == "deictic":
        if ref is None:
            return None, p.confidence
        return TimeSpan.day(ref + _days(int(p.count or 0))), p.confidence
    if form == "anaday":
        base = state.last_day or ref
        if base is None:
            return None, p.confidence
        return TimeSpan.day(base + _days(int(p.count or 0))), p.confidence
    if form == "offset":
        return _resolve_offset(p, ref, state)
    if form == "weekend":
        return _resolve_the_weekend(ref, direction)
    return None, p.confidence  # pragma: no cover - every form is handled above


def resolve(
    text: str,
    parsed: Iterable[Parsed],
    reference: dt.date | None,
) -> list[tuple[Parsed, TimeSpan | None, float]]:
    """Resolve recognised expressions of *text*, in order, against *reference*.

    Relative expressions ("Wednesday", "next month") need the reference
    date and resolve to None without it; absolute ones ("Oct. 31, 2017",
    "in 2022") always resolve. Anaphoric ones ("the same day") refer to
    the last date resolved before them.

    Args:
        text: The text the expressions were found in (for the tense of their clause).
        parsed: Expressions from the grammar, in text order.
        reference: The date relative expressions are resolved against.

    Returns:
        One (expression, span or None, confidence) triple per expression.
    """
    state = _State()
    out: list[tuple[Parsed, TimeSpan | None, float]] = []
    year_named: tuple[int, int] | None = None  # (end offset, year) of the last year the text named
    for p in parsed:
        try:
            span, conf = _resolve(p, reference, state, lambda p=p: tense(text, p.start, p.end))  # type: ignore[misc]
            if p.form == "md" and p.weekday is None and year_named is not None and reference is not None:
                span, conf = _in_named_year(text, p, year_named, reference, (span, conf))
        except (ValueError, OverflowError):
            # The span would fall outside the years 1-9999 that datetime.date can hold.
            span, conf = None, p.confidence
        if p.year is not None and not p.yy and p.form in {"year", "month", "ymd"}:
            year_named = None if _SINCE.search(text, max(0, p.start - 12), p.start) else (p.end, p.year)
        if span is not None:
            state.last_span = span
            if span.granularity is _DAY:
                state.last_day = span.start
        out.append((p, span, min(conf, p.confidence)))
    return out


def _in_named_year(
    text: str, p: Parsed, year_named: tuple[int, int], ref: dt.date, resolved: tuple[TimeSpan | None, float]
) -> tuple[TimeSpan | None, float]:
    """Return the span of a day without a year ("Sept. 11") in the year named before it in its sentence.

    "The United States invaded Afghanistan in late 2001, weeks after the Sept. 11 attacks": a
    day and month after a year other than the reference one, in the same sentence and not after
    "since", fall in that year. Otherwise *resolved* (the span and confidence read without it) is kept.
    """
    span, conf = resolved
    end, year = year_named
    between = text[end : p.start]
    if year == ref.year or len(between) > 200 or _SENTENCE_END.search(between):
        return span, conf
    day = _valid_date(year, p.month or 1, p.day or 1)
    return (span, conf) if day is None else (TimeSpan.day(day), min(conf, _ANAPHORIC))


# --------------------------------------------------------------------------- reference date


class _Regions:
    """Map offsets of the text to the region of the segment they are in."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        ordered = sorted(segments, key=lambda s: s.span.start)
        self._starts = [s.span.start for s in ordered]
        self._segments = ordered

    def __bool__(self) -> bool:
        return bool(self._segments)

    def at(self, offset: int) -> Region:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._segments[i].span.end:
            return self._segments[i].region
        return Region.BODY


def _line(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : len(text) if end < 0 else end]


def _is_dateline(text: str, p: Parsed, region: Region, *, segmented: bool) -> bool:
    """Whether a fully dated expression dates the article (a date line) rather than an event."""
    if region is Region.METADATA:
        return True
    if region is Region.CAPTION or (segmented and region is not Region.BOILERPLATE):
        # With a layout, only metadata (and stray boilerplate lines) date the article.
        return False
    line = _line(text, p.start).strip()
    if _DATELINE_LABEL.match(line):
        return True
    return len(_WORDS.findall(line)) <= 10 and not line.endswith((".", "!", "?", '"'))


def infer_reference(
    text: str,
    parsed: Sequence[Parsed],
    *,
    segments: Sequence[Segment] = (),
) -> Reference | None:
    r"""Infer the date an article's relative expressions refer to, from its own text.

    The rules, in order:

    1. A fully dated expression on a date line (a metadata segment, or a
       short line such as ``Thu, 11/23/2017 - 01:57`` or
       ``Updated: 26-11-2020``): that date (method ``"date line"``).
    2. Otherwise the latest fully dated expression (a dated photo caption,
       say); when the body names a weekday, the anchor moves forward to the
       first day on or after that date (within six days) that falls on the
       first weekday the body names, since by wire convention the lede's
       weekday is the news day (method ``"latest dated expression +
       weekday"``).
    3. Otherwise None.

    Args:
        text: The article's text.
        parsed: The expressions recognised in it, in order.
        segments: The layout of the text, if known.

    Returns:
        The inferred reference, or None when the text dates nothing.

    Examples:
        >>> from diplomev.extractors._timegrammar import scan
        >>> text = "Ministers said Thursday they had met.\nA photo taken on Nov. 22, 2017, shows them."
        >>> ref = infer_reference(text, list(scan(text)))
        >>> ref.date, ref.method
        (datetime.date(2017, 11, 23), 'latest dated expression + weekday')
    """
    regions = _Regions(segments)
    dated = [(p, day) for p in parsed if p.fully_dated and (day := _valid_date(p.year or 0, p.month or 1, p.day or 1))]
    if not dated:
        return None
    for p, day in dated:
        if _is_dateline(text, p, regions.at(p.start), segmented=bool(regions)):
            return Reference(date=day, method="date line")
    anchor = max(day for _, day in dated)
    weekdays = [
        p
        for p in parsed
        if p.form == "weekday" and p.rel not in {-1, 1} and regions.at(p.start) in {Region.BODY, Region.TITLE}
    ]
    if not weekdays:
        return Reference(date=anchor, method="latest dated expression")
    try:
        news_day = _on_or_after(anchor, weekdays[0].weekday or 0)
    except (ValueError, OverflowError):  # past 9999-12-31
        return Reference(date=anchor, method="latest dated expression")
    return Reference(date=news_day, method="latest dated expression + weekday")


def _reference(doc: Document, parsed: Sequence[Parsed], *, infer: bool) -> Reference | None:
    if doc.reference is not None:
        return doc.reference
    published = doc.article.source.published_date
    if published is not None:
        return Reference(date=published, method="published")
    if not infer:
        return None
    return infer_reference(doc.text, parsed, segments=doc.segments)


# --------------------------------------------------------------------------- the step


@registries.extractors.register("times")
class TimeRecogniser:
    r"""Find temporal expressions, resolve them to calendar spans, and fill `Document.times`.

    Every occurrence is emitted, in text order, with the region of the
    segment it is in (a document without segments is all body). Dates are
    resolved against ``doc.reference``; when that is unset the step uses the
    article's publication date, or else infers a reference from the text
    (`infer_reference`) and sets ``doc.reference``. Durations ("for more
    than a year") are emitted with kind ``duration`` and no resolution.

    Args:
        dayfirst: How to read an ambiguous numeric date such as
            ``05/06/2020``: True day first, False month first, None (the
            default) by separator: slashes month first, dashes and dots day
            first.
        infer_reference: Whether to infer a reference date from the text
            when the document has none.

    Examples:
        >>> from diplomev import Article, Pipeline
        >>> doc = Pipeline([TimeRecogniser()]).run(Article(id="a",
        ...     text="Updated: 26-11-2020\nThe ministers met late on Wednesday."))
        >>> [(t.text, str(t.resolved.start)) for t in doc.times]
        [('26-11-2020', '2020-11-26'), ('late on Wednesday', '2020-11-25')]
        >>> doc.reference.method
        'date line'
    """

    name = "times"

    def __init__(self, *, dayfirst: bool | None = None, infer_reference: bool = True) -> None:
        self.dayfirst = dayfirst
        self.infer_reference = infer_reference

    def __call__(self, doc: Document) -> Document:
        """Return *doc* with its time expressions (and, if inferred, its reference date)."""
        text = doc.text
        dayfirst = self.dayfirst if self.dayfirst is not None else _numeric_convention(text)
        parsed = list(scan(text, dayfirst=dayfirst))
        reference = _reference(doc, parsed, infer=self.infer_reference)
        regions = _Regions(doc.segments)
        times = tuple(
            TimeExpression(
                span=_span(p),
                text=text[p.start : p.end],
                kind=p.kind,
                resolved=span,
                confidence=conf,
                region=regions.at(p.start),
            )
            for p, span, conf in resolve(text, parsed, None if reference is None else reference.date)
        )
        return attrs.evolve(doc, times=times, reference=reference)

    def __repr__(self) -> str:
        return f"TimeRecogniser(dayfirst={self.dayfirst!r}, infer_reference={self.infer_reference!r})"


def _numeric_convention(text: str) -> bool | None:
    """Return how the text itself writes numeric dates: True day first, False month first, None if it does not tell.

    A numeric date whose first number is over 12 ("15/05/2024") shows the day comes first, one
    whose second number is ("05/15/2024") that the month does; a text showing both tells nothing.
    """
    day_first = month_first = False
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    return None if day_first == month_first else day_first


def _span(p: Parsed) -> Span:
    return Span(start=p.start, end=p.end)


def find_times(
    text: str,
    *,
    reference: dt.date | None = None,
    dayfirst: bool | None = None,
) -> tuple[TimeExpression, ...]:
    """Return the temporal expressions of *text*, resolved against *reference*.

    Without a reference date, one is inferred from the text when it dates
    itself (see `infer_reference`); otherwise relative expressions resolve
    to None.

    Args:
        text: Any English text.
        reference: The date relative expressions are resolved against.
        dayfirst: How to read ambiguous numeric dates (see `TimeRecogniser`).

    Examples:
        >>> import datetime as dt
        >>> [t.text for t in find_times("Talks ran from Nov. 12 to 14 and lasted two days.")]
        ['Nov. 12 to 14', 'two days']
    """
    ref = None if reference is None else Reference(date=reference, method="given")
    doc = Document(article=Article(id="text", text=text), reference=ref)
    return TimeRecogniser(dayfirst=dayfirst)(doc).times


def since_span(doc: Document, time: TimeExpression) -> TimeSpan | None:
    """Return the open range of a "since X" expression: from X's start to the reference date.

    The `TimeExpression` of "since June 2017" is the inner time ("June 2017");
    an event coder that wants the whole stretch ("China has restricted tourism
    since June 2017") calls this helper.

    Args:
        doc: A document whose ``times`` step has run.
        time: One of ``doc.times``.

    Returns:
        A range from the start of *time* to ``doc.reference.date``, or None
        when *time* is not preceded by "since", is unresolved, lies after the
        reference date, or the document has no reference.

    Examples:
        >>> import datetime as dt
        >>> from diplomev import Article, Reference
        >>> doc = TimeRecogniser()(Document(article=Article(id="a", text="Ties have frozen since June 2017."),
        ...     reference=Reference(date=dt.date(2019, 12, 5), method="published")))
        >>> span = since_span(doc, doc.times[0])
        >>> str(span.start), str(span.end), span.granularity.value
        ('2017-06-01', '2019-12-05', 'range')
    """
    if doc.reference is None or time.resolved is None:
        return None
    if not _SINCE.search(doc.text, max(0, time.span.start - 12), time.span.start):
        return None
    if time.resolved.start > doc.reference.date:
        return None
    return TimeSpan(start=time.resolved.start, end=doc.reference.date, granularity=_RANGE)
