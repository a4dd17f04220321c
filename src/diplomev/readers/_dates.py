"""Reading publication dates and times as news pages write them.

Dates are parsed with dateutil under an explicit policy:

* ISO 8601 forms go through `dateutil.parser.isoparse`.
* Numeric day-month-year forms are read by their separator: with a slash
  ("11/23/2017") month first, with a hyphen or dot ("26-11-2020") day first;
  when one reading is impossible (a "month" above 12) the other is taken.
* Two-digit years are 20yy below 70 and 19yy otherwise; dateutil's pivot on
  the current year is never used.
* A time with a zone ("14:22 IST", "11:04 KST") gives a timezone-aware
  datetime; a time without a zone is dropped and only the date is kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

import attrs
from dateutil import parser as du_parser

__all__ = [
    "MONTH",
    "TZ_OFFSETS",
    "DateMatch",
    "find_dates",
    "may_hold_date",
    "month_number",
    "parse_value",
    "timezone_for",
]

TZ_OFFSETS: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "UT": 0,
    "Z": 0,
    "WET": 0,
    "WEST": 60,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "MET": 60,
    "MEST": 120,
    "WAT": 60,
    "CAT": 120,
    "SAST": 120,
    "EET": 120,
    "EEST": 180,
    "EAT": 180,
    "MSK": 180,
    "TRT": 180,
    "AST": -240,
    "GST": 240,
    "IRST": 210,
    "PKT": 300,
    "IST": 330,
    "NPT": 345,
    "ICT": 420,
    "WIB": 420,
    "HKT": 480,
    "SGT": 480,
    "MYT": 480,
    "PHT": 480,
    "AWST": 480,
    "KST": 540,
    "JST": 540,
    "ACST": 570,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "ET": -300,
    "EST": -300,
    "EDT": -240,
    "CT": -360,
    "CST": -360,
    "CDT": -300,
    "MT": -420,
    "MST": -420,
    "MDT": -360,
    "PT": -480,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
    "BRT": -180,
    "ART": -180,
}
"""UTC offsets in minutes of the zone abbreviations news pages use.

``CST`` is US Central here; `timezone_for` reads it as China Standard Time
(UTC+8) when the article is about China.
"""

CHINA_CST_MINUTES = 480

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
"""A regular expression matching an English month name or its abbreviation."""

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}

_ZONES = "|".join(sorted(TZ_OFFSETS, key=len, reverse=True))
_ZONE = rf"(?:(?:GMT|UTC)\s?[+-]\s?\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|(?:{_ZONES})\b)"

_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2}(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)"
    r"|(?P<ymd>\d{4})(?P<ysep>[/.])(?P<ym>\d{1,2})(?P=ysep)(?P<yd>\d{1,2})"
    r"|(?P<na>\d{1,2})(?P<sep>[/.-])(?P<nb>\d{1,2})(?P=sep)(?P<ny>\d{4}|\d{2})"
    rf"|(?P<m1>{MONTH})\.?\s{{1,3}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}(?:of\s)?(?P<m2>{MONTH})\.?,?\s{{1,3}}(?P<y2>\d{{4}})"
    r")(?![\w/-]|\.\d)",
    re.IGNORECASE,
)
_DATE_HINT = re.compile(r"\d(?:\d{3}|[/.-]\d)")
"""What every `_DATE` match holds (a year, or the separator of a numeric date); searched quickly."""
_ASCII_DATE_HINT = re.compile(r"[0-9](?:[0-9]{3}|[/.-][0-9])")
"""`_DATE_HINT` for ASCII text (the same there, and quicker: "\\d" looks each character up)."""
_DATE_REACH = 24
"""The most characters a `_DATE` match has before its first `_DATE_HINT` ("12th of September, 2017")."""
_TIME_AFTER = re.compile(
    r"[ \t,\-\u2013\u2014|]{0,6}(?:at\s|T)?\s?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
    r"(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
    rf"(?:\s?\(?(?P<tz>{_ZONE})\)?)?",
)
_ISO_TIME = re.compile(r"T\d")


@attrs.frozen
class DateMatch:
    """A date (with a time and zone where given) found in a line of text.

    Attributes:
        start: Offset of the first character of the expression.
        end: Offset just past the expression, including its time and zone.
        value: The date, or a timezone-aware datetime.
        has_time: Whether a time of day was written.
    """

    start: int
    end: int
    value: dt.date | dt.datetime
    has_time: bool


def month_number(name: str) -> int | None:
    """Return 1-12 for an English month name or abbreviation ("Sept.", "nov").

    Examples:
        >>> month_number("Sept.")
        9
    """
    return _MONTHS.get(name.rstrip(".").casefold())


def timezone_for(abbreviation: str, *, china: bool = False) -> dt.tzinfo | None:
    """Return the fixed-offset zone of an abbreviation or numeric offset, or None.

    Args:
        abbreviation: "KST", "IST", "GMT+7", "+0900", ...
        china: Read "CST" as China Standard Time (UTC+8) instead of US Central.

    Examples:
        >>> timezone_for("KST")
        datetime.timezone(datetime.timedelta(seconds=32400))
        >>> timezone_for("CST", china=True).utcoffset(None)
        datetime.timedelta(seconds=28800)
    """
    text = abbreviation.strip().strip("()").upper().replace(" ", "")
    if text == "CST" and china:
        return dt.timezone(dt.timedelta(minutes=CHINA_CST_MINUTES))
    if text in TZ_OFFSETS:
        return dt.timezone(dt.timedelta(minutes=TZ_OFFSETS[text]))
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?", text)
    if m is None:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if m.group(1) == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


@functools.lru_cache(maxsize=1024)
def _numeric(text: str, *, dayfirst: bool) -> dt.date:
    """Parse a numeric date such as "11/23/2017" with dateutil (cached: junk repeats itself)."""
    return du_parser.parse(text, dayfirst=dayfirst, yearfirst=False).date()


def _date_of(m: re.Match[str], dayfirst: bool | None) -> dt.date | dt.datetime | None:
    """Return the date a `_DATE` match denotes, or None if it is not a real date."""
    try:
        if m.group("iso"):
            value = du_parser.isoparse(m.group("iso"))
            if value.tzinfo is None or _ISO_TIME.search(m.group("iso")) is None:
                return value.date()
            return value
        if m.group("ymd"):
            return dt.date(int(m.group("ymd")), int(m.group("ym")), int(m.group("yd")))
        if m.group("na"):
            first = dayfirst if dayfirst is not None else m.group("sep") != "/"
            a, b = int(m.group("na")), int(m.group("nb"))
            if a > 12 or b > 12:
                first = a > 12
            return _numeric(f"{a}/{b}/{_year(m.group('ny'))}", dayfirst=first)
        month = m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2")
        number = month_number(month)
        if number is None:
            return None
        if not year.isascii():
            return None  # as dateutil's ISO parser had it: ISO 8601 digits are ASCII
        return dt.date(int(year), number, int(day))  # ValueError if there is no such day
    except (ValueError, OverflowError):
        return None


def _with_time(
    text: str, m: re.Match[str], day: dt.date | dt.datetime, *, china: bool, endpos: int
) -> tuple[dt.date | dt.datetime, int, bool]:
    if isinstance(day, dt.datetime):
        return day, m.end(), True
    t = _TIME_AFTER.match(text, m.end(), endpos)
    if t is None:
        return day, m.end(), False
    hour, minute = int(t.group("h")), int(t.group("mi"))
    ampm = (t.group("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day, m.end(), False
    zone = timezone_for(t.group("tz"), china=china) if t.group("tz") else None
    if zone is None:
        return day, t.end(), True
    second = min(int(t.group("s") or 0), 59)
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone), t.end(), True


def may_hold_date(text: str) -> bool:
    """Whether *text* may hold a date `find_dates` finds; when False, it finds none.

    Every such date holds four digits in a row (a year) or a digit, a separator and a digit
    ("23/11", "26-11"); this is quickly checked.

    Examples:
        >>> may_hold_date("Nov. 22, 2017"), may_hold_date("Seoul, Nov. 22")
        (True, False)
    """
    return (_ASCII_DATE_HINT if text.isascii() else _DATE_HINT).search(text) is not None


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    dayfirst: bool | None = None,
    china: bool = False,
) -> Iterator[DateMatch]:
    """Yield the full dates (with a year) in ``text[start:end]``, each with a following time and zone.

    Args:
        text: The text to search.
        start: Where to start.
        end: Where to stop (default: the end of the text).
        dayfirst: Force the reading of numeric dates; by default the
            separator decides (slash: month first; hyphen or dot: day first).
        china: Read "CST" as China Standard Time.

    Examples:
        >>> [d.value.isoformat() for d in find_dates("Updated: 26-11-2020 14:22 IST")]
        ['2020-11-26T14:22:00+05:30']
        >>> [d.value.isoformat() for d in find_dates("Thu, 11/23/2017 - 01:57")]
        ['2017-11-23']
    """
    stop = len(text) if end is None else end
    hint = (_ASCII_DATE_HINT if text.isascii() else _DATE_HINT).search(text, start, stop)
    if hint is None:
        return  # no date (see `may_hold_date`)
    # No date starts more than _DATE_REACH characters before the first hint (the year of "September
    # 22nd, 2017" is the nearest), so the search starts there.
    for m in _DATE.finditer(text, max(start, hint.start() - _DATE_REACH), stop):
        day = _date_of(m, dayfirst)
        if day is None:
            continue
        value, last, has_time = _with_time(text, m, day, china=china, endpos=stop)
        yield DateMatch(start=m.start(), end=last, value=value, has_time=has_time)


def parse_value(value: str, *, dayfirst: bool | None = None) -> dt.date | dt.datetime:
    """Read a publication date given as a metadata value (ISO 8601 or a written date).

    A datetime without a zone becomes its date.

    Raises:
        ValueError: If *value* is not a date.

    Examples:
        >>> parse_value("2017-11-23T01:57:00+09:00").isoformat()
        '2017-11-23T01:57:00+09:00'
        >>> parse_value("2017-11-23T01:57:00")
        datetime.date(2017, 11, 23)
        >>> parse_value("Nov. 23, 2017")
        datetime.date(2017, 11, 23)
    """
    text = value.strip()
    if len(text) > 100:
        msg = f"not a date: {text[:40]!r}..."
        raise ValueError(msg)
    try:
        parsed = du_parser.isoparse(text)
    except (ValueError, OverflowError):
        pass
    else:
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            return parsed.date()
        if len(text) <= 10:
            return parsed.date()
        return parsed
    for found in find_dates(text, dayfirst=dayfirst):
        return found.value
    msg = f"not a date: {text!r}; expected ISO 8601 such as '2017-11-23'"
    raise ValueError(msg)
