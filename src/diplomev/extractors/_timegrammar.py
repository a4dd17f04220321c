"""The grammar of English temporal expressions: its patterns, its scanner and its vocabulary.

`scan` walks a text once. Where an expression can begin (a number, a month
or weekday name, a trigger word) it tries one precompiled alternation of the
patterns that can begin with that word (each bounded: no nested quantifiers
over overlapping classes), and yields a `Parsed` record per temporal
expression: its offsets, its form and the calendar fields it names. Nothing
here needs a reference date; resolving the fields to calendar spans is the
business of `diplomev.extractors.times`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import regex

from diplomev.model import TimeKind

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
"""Month names and abbreviations (lower case) to month numbers."""

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
"""Weekday names (lower case) to `datetime.date.weekday` numbers."""

SEASONS = ("spring", "summer", "autumn", "fall", "winter")

WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
"""Abbreviated weekday names (lower case), read as weekdays only right before a date ("Thu 20 Jan 2022")."""

_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
}
"""Holidays on a fixed day of the year (lower case, straight apostrophe) to (month, day)."""
_HOLIDAY_FIRST = ("christmas", "boxing", "valentine", "halloween", "new")

_MOMENTS = ("dawn", "dusk", "daybreak", "nightfall", "sunrise", "sunset", "midday", "noon", "midnight", "overnight")
"""Moments of a day that may stand before a weekday ("dawn on Friday", "overnight Tuesday")."""

_SMALL = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBERS: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL, start=1)}
NUMBERS.update({w: float(10 * i) for i, w in enumerate(_TENS, start=2)})
NUMBERS.update({"a": 1.0, "an": 1.0, "hundred": 100.0, "a hundred": 100.0, "half a": 0.5, "a half": 0.5})
"""Number words used as counts of time units."""

# Words before a bare four-digit number that make it an identifier, not a year.
_NOT_YEAR_BEFORE = frozenset(
    [
        "resolution",
        "resolutions",
        "no",
        "number",
        "numbers",
        "article",
        "articles",
        "flight",
        "flights",
        "route",
        "room",
        "page",
        "pages",
        "chapter",
        "section",
        "model",
        "highway",
        "rule",
        "paragraph",
        "item",
        "code",
        "boeing",
        "airbus",
        "iso",
        "rfc",
        "unit",
        "vol",
        "volume",
        "p",
        "pp",
        "tel",
        "box",
        "ext",
        "bus",
        "line",
        "platform",
        "gate",
        "apartment",
        "suite",
        "version",
        "v",
        "hr",
        "bill",
        "act",
        "order",
        "decree",
        "law",
        "sb",
        "hb",
    ],
)
# Count nouns after a bare four-digit number that make it a quantity.
_COUNT_NOUNS = frozenset(
    [
        "people",
        "persons",
        "men",
        "women",
        "children",
        "kids",
        "troops",
        "soldiers",
        "police",
        "officers",
        "protesters",
        "demonstrators",
        "residents",
        "workers",
        "students",
        "deaths",
        "dead",
        "cases",
        "votes",
        "units",
        "tonnes",
        "tons",
        "kilometres",
        "kilometers",
        "km",
        "miles",
        "meters",
        "metres",
        "m",
        "feet",
        "ft",
        "kg",
        "kilograms",
        "pounds",
        "dollars",
        "euros",
        "yuan",
        "won",
        "yen",
        "rubles",
        "roubles",
        "rupees",
        "pesos",
        "hours",
        "hrs",
        "times",
        "points",
        "seats",
        "jobs",
        "homes",
        "houses",
        "households",
        "families",
        "refugees",
        "migrants",
        "prisoners",
        "detainees",
        "hostages",
        "casualties",
        "civilians",
        "members",
        "delegates",
        "participants",
        "vehicles",
        "cars",
        "tanks",
        "missiles",
        "rockets",
        "drones",
        "aircraft",
        "planes",
        "ships",
        "sheep",
        "cattle",
        "companies",
        "firms",
        "shares",
        "barrels",
        "acres",
        "hectares",
        "calories",
        "words",
        "pages",
        "copies",
        "rounds",
        "shots",
    ],
)
TEMPORAL_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "during",
        "of",
        "through",
        "before",
        "after",
        "between",
        "and",
        "to",
        "around",
        "circa",
        "early",
        "late",
        "mid",
        "throughout",
    ],
)
"""Words that, right before a number or month name, mark it as a time."""

_SEASON_PREPOSITIONS = frozenset(
    ["in", "during", "by", "until", "till", "since", "through", "throughout", "over", "before", "after", "from"]
)
_FREQUENCY = frozenset(["once", "twice", "thrice", "times", "per", "every", "each"])
_NEWSPAPER = frozenset(
    ["Times", "Telegraph", "Express", "Mail", "Post", "Herald", "Mirror", "Star", "Sun", "Tribune", "Journal", "Night"]
)
_HOLIDAY = frozenset(["Good", "Black", "Bloody", "Easter", "Palm", "Ash", "Holy", "Maundy", "Cyber", "Shrove", "Super"])


@attrs.frozen(kw_only=True)
class Parsed:
    """One recognised temporal expression before resolution.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        form: The grammatical form ("ymd", "md", "month", "weekday", ...).
        kind: Date or duration.
        year: Four-digit year, or a two-digit one when `yy` is set.
        month: Month number.
        day: Day of the month.
        year2: Year of the end of a range.
        month2: Month of the end of a range.
        day2: Day of the end of a range.
        yy: Whether `year` was written with two digits.
        mod: Normalised modifier ("early", "mid", "late", "earlier", "later", "h1", "h2", "q1".."q4").
        rel: Relative offset (-1 last, 0 this, +1 next) or None.
        anaphoric: Whether the expression refers to an earlier time of the text ("the same day").
        unit: Time unit ("day", "week", "weekend", "month", "year").
        count: Number of units ("two days ago").
        weekday: Weekday number (Monday 0).
        season: Season name.
        confidence: How sure the reading is.
    """

    start: int
    end: int
    form: str
    kind: TimeKind = TimeKind.DATE
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    yy: bool = False
    mod: str | None = None
    rel: int | None = None
    anaphoric: bool = False
    unit: str | None = None
    count: float | None = None
    weekday: int | None = None
    season: str | None = None
    confidence: float = 1.0

    @property
    def fully_dated(self) -> bool:
        """Whether the expression names a day, month and four-digit year."""
        return self.form == "ymd" and not self.yy


# --------------------------------------------------------------------------- the pattern


def _names(words: list[str]) -> str:
    variants = {w.title() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(variants, key=lambda w: (-len(w), w)))


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in {"may", "june", "july"}]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
_MONF_ALT = f"(?-i:{_names(_FULL_MONTHS)})"
_MON_ALT = rf"(?:{_MONF_ALT}|(?-i:{_names(_ABBR_MONTHS)})\.?)"
_WD_ALT = f"(?-i:{_names(list(WEEKDAYS))})"
_WDA_ALT = f"(?-i:{_names(list(WEEKDAY_ABBREVIATIONS))})"

S = r"[ \t\u00a0]{1,3}"
S0 = r"[ \t\u00a0]{0,3}"
DASH = r"[-\u2010\u2011\u2012\u2013\u2014]"
COMMA = rf"(?:,{S0}|{S})"


def _mon(name: str = "mon") -> str:
    return rf"(?P<{name}>{_MON_ALT})(?!\w)"


def _monf(name: str = "mon") -> str:
    return rf"(?P<{name}>{_MONF_ALT})(?!\w)"


def _day(name: str = "day") -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[:.,]\d)"


def _year(name: str = "year") -> str:
    return rf"(?P<{name}>(?:1[89]|2[01])\d\d)(?![\w%]|[.,:]\d)"


_COUNT = (
    r"\d{1,3}(?:\.\d)?|one{S}and{S}a{S}half|a{S}couple{S}of|a{S}couple|couple{S}of|a{S}few|a{S}dozen|dozens{S}of"
    r"|hundreds{S}of|a{S}number{S}of|a{S}hundred|half{S}a|a{S}half|several|many|few|numerous"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|hundred|an|a"
).replace("{S}", S)
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)"
_QUAL = (
    r"(?:more|less|fewer){S}than|nearly|almost|about|around|roughly|approximately|some|at{S}least|at{S}most"
    r"|up{S}to|over|under|just|only|barely|well{S}over|close{S}to|the{S}better{S}part{S}of"
).replace("{S}", S)
_MOD = (
    (
        r"(?P<mod>(?:very{S})?(?:early|late|earlier|later)(?:{S}in)?{S}|mid-?{S0}"
        r"|(?:the{S})?(?:end|beginning|start|middle|first{S}half|second{S}half"
        r"|(?:first|second|third|fourth|last){S}quarter){S}of{S})"
    )
    .replace("{S0}", S0)
    .replace("{S}", S)
)
_REL_Y = rf"(?P<rel>this|last|next|the{S}previous|the{S}following|the{S}same|the{S}current|the{S}coming|the|that)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)(?!\w)"
_RANGE_SEP = rf"(?:{S0}{DASH}{S0}|{S}(?:to|through|until|till|thru){S})"
_AND_IF_BETWEEN = rf"(?(btw){S}and{S}|(?!))"
_LB = r"(?<![\w$\u20ac\u00a3\u00a5#.,/'\u2019-])"  # no number or identifier glued before
# "the early hours of Monday", "the night of March 3": a part of the day named before it.
_PART_OF = rf"(?:the{S}(?:(?:early|small|wee){S}hours|morning|afternoon|evening|night){S}of{S})?"
_WEEKDAY_MOD = (
    rf"(?:(?P<mod>(?:very{S})?(?:late|early)(?:{S}on)?"
    rf"|(?:{'|'.join(_MOMENTS)})(?:{S}on)?){S})?"
)
_WEEKDAY_REL = rf"(?:(?P<rel>this{S}past|this{S}coming|last|next|this|past|coming){S})?"
# The date after a weekday ("Tuesday, March 12", "Thu 20 Jan 2022").
_WEEKDAY_DATE = (
    rf"(?P<wdate>{COMMA}(?:{_mon()}{S}{_day()}(?:{COMMA}{_year()})?"
    rf"|{_day()}(?:{S}of)?{S}{_mon()}(?:{COMMA}{_year()})?))"
)

_ALTERNATIVES: tuple[tuple[str, str], ...] = (
    ("iso", rf"{_LB}(?P<year>\d{{4}})(?P<sep>[-/])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?!\d|[-/.]\d)"),
    (
        "numeric",
        (
            rf"{_LB}(?P<a>\d{{1,2}})(?:(?P<sep>[-./])(?P<b>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})"
            rf"|/(?P<b>\d{{1,2}})/(?P<yy>\d\d))(?!\d|[-/.]\d)"
        ),
    ),
    (
        "range_mdmd",
        (
            rf"(?P<btw>between{S})?{_mon()}{S}{_day()}(?:{COMMA}{_year()})?(?:{_RANGE_SEP}|{_AND_IF_BETWEEN})"
            rf"{_mon('mon2')}{S}{_day('day2')}(?:{COMMA}{_year('year2')})?"
        ),
    ),
    (
        "range_mdd",
        (
            rf"(?P<btw>between{S})?{_mon()}{S}{_day()}(?:{_RANGE_SEP}|{_AND_IF_BETWEEN}){_day('day2')}"
            rf"(?:{COMMA}{_year()})?"
        ),
    ),
    (
        "range_ddm",
        (
            rf"(?P<btw>between{S})?{_LB}{_day()}(?:{_RANGE_SEP}|{_AND_IF_BETWEEN}){_day('day2')}{S}(?:of{S})?{_mon()}"
            rf"(?:{COMMA}{_year()})?"
        ),
    ),
    ("mdy", rf"{_PART_OF}{_mon()}{S}{_day()}{COMMA}{_year()}"),
    ("dmy", rf"{_PART_OF}(?:the{S})?{_LB}{_day()}(?:{S}of)?{S}{_mon()}{COMMA}{_year()}"),
    (
        "range_mm",
        (
            rf"(?P<btw>between{S})?{_monf()}(?:{COMMA}{_year()})?(?:{_RANGE_SEP}|{_AND_IF_BETWEEN})"
            rf"{_monf('mon2')}(?:{COMMA}{_year('year2')})?"
        ),
    ),
    ("my", rf"(?:{_MOD})?{_mon()}{S}(?:of{S})?{_year()}"),
    ("m_rely", rf"(?:{_MOD})?{_monf()}{S}(?:of{S})?{_REL_Y}{S}year(?!\w)"),
    ("season_y", rf"(?:{_MOD})?(?:the{S})?{_SEASON}{S}(?:of{S})?{_year()}"),
    (
        "season_rel",
        (
            rf"(?:{_MOD})?(?P<rel>this{S}past|this{S}coming|this|last|next|past|coming|the{S}coming|the{S}past)"
            rf"{S}{_SEASON}"
        ),
    ),
    (
        "decade",
        rf"(?:the{S})?(?:{_MOD})?(?:{_LB}(?P<dec>1[0-9]\d0|20\d0)|(?<=\bthe{S})['\u2019]?(?P<dec2>\d0))['\u2019]?s(?!\w)",
    ),
    (
        "range_y",
        (
            rf"(?P<btw>between{S})?{_LB}{_year()}(?:{S0}{DASH}{S0}|{S}(?:to|through|until|till){S}|{_AND_IF_BETWEEN})"
            rf"(?:{_year('year2')}|(?P<yy2>\d\d)(?![\w%]|[.,:]\d))"
        ),
    ),
    ("mod_rely", rf"{_MOD}(?:{_REL_Y}{S})?(?P<unit>year|month|week|(?<=(?:earlier|later){S}in{S}the{S})day)(?!\w)"),
    ("mod_y", rf"{_MOD}{_year()}"),
    ("rel_m", rf"(?:{_MOD})?(?P<rel>this|last|next|past|coming){S}{_monf()}"),
    ("mod_m", rf"{_MOD}{_monf()}"),
    ("md", rf"{_PART_OF}{_mon()}{S}{_day()}"),
    ("dm", rf"{_PART_OF}(?:the{S})?{_LB}{_day()}(?:{S}of)?{S}{_mon()}"),
    (
        "weekday",
        (
            rf"{_PART_OF}{_WEEKDAY_MOD}{_WEEKDAY_REL}"
            rf"(?:(?P<wd>{_WD_ALT})(?!\w)(?:{_WEEKDAY_DATE}|(?:['\u2019]s)?"
            rf"(?:{S}(?P<part>night|morning|afternoon|evening)(?!\w))?"
            rf"(?:{S}(?P<wweek>(?:last|next|this){S}week)(?!\w))?)"
            rf"|(?<!\bthe{S})(?P<wd>{_WDA_ALT})\.?{_WEEKDAY_DATE})"  # (not "The Sun, May 4")
        ),
    ),
    (
        "deictic",
        (
            rf"(?P<word>the{S}day{S}before{S}yesterday|the{S}day{S}after{S}tomorrow|today|tonight|yesterday|tomorrow"
            rf"|this{S}(?:morning|afternoon|evening)|last{S}night)(?!\w)"
        ),
    ),
    ("anaday_in", rf"(?:later|earlier){S}(?:in{S}the|that){S}day(?!\w)"),
    ("hours_after", rf"(?:hours|minutes){S}(?:after|before)(?!\w)"),
    (
        "days_after",
        rf"(?P<count>an?|one|two|three|four|five|six|seven|\d{{1,2}}){S}days?{S}(?P<dir>after|before)(?!\w)",
    ),
    (
        "anaday",
        (
            rf"(?P<word>(?:the|that){S}(?:very{S})?(?:same|previous|next|following){S}day|that{S}day"
            rf"|the{S}day{S}(?:before|after)(?={S0}[,.;)]))(?!\w)"
        ),
    ),
    ("the_weekend", rf"the{S}weekend(?!\w)"),
    (
        "holiday",
        (
            rf"(?-i:(?P<hol>New{S}Year['\u2019]s{S}(?:Day|Eve)|Christmas(?:{S}(?:Day|Eve))?|Boxing{S}Day"
            rf"|Valentine['\u2019]s{S}Day|Halloween))(?!\w)"
        ),
    ),
    # "the third quarter" (of the current year); "the last quarter" is left out (last year's or this one's?).
    ("quarter", rf"the{S}(?P<mod>(?:first|second|third|fourth){S}quarter)(?!\w)"),
    # "in the spring", "by summer": a season after a preposition (not "the Arab Spring").
    ("the_season", rf"(?:the{S})?{_SEASON}"),
    # "on the 3rd": a day of the month, after "on" and before punctuation.
    ("dom", rf"(?<=\bon{S})the{S}{_LB}(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?={S0}(?:[,.;:)]|$))"),
    (
        "rel_unit",
        (
            rf"(?P<rel>this{S}past|this{S}coming|this|last|next|the{S}previous|the{S}following|the{S}next|the{S}same"
            rf"|the{S}current|that|the{S}coming){S}(?P<unit>weekend|week|month|year)(?!\w)"
        ),
    ),
    ("age", rf"(?:(?P<count>{_COUNT})(?:{S}|-)years?(?:{S}|-)old|aged{S}\d+)(?!\w)"),
    ("ago", rf"(?:(?:{_QUAL}){S})?(?P<count>{_COUNT}){S}{_UNIT}s?{S}ago(?!\w)"),
    ("later", rf"(?P<count>{_COUNT}){S}{_UNIT}s?{S}(?P<dir>later|earlier)(?!\w)"),
    (
        "duration",
        (
            rf"(?:the{S}(?:past|last|next|coming|first|previous|following|final){S})?(?:(?:{_QUAL}){S})?"
            rf"(?P<count>{_COUNT})(?:{S}|-){_UNIT}s?(?:{S}and{S}a{S}half)?(?![\w-])"
        ),
    ),
    (
        "dur_bare",
        (
            rf"the{S}(?:past|last|coming|next|previous|following)(?:{S}(?:few|several|couple{S}of))?{S}{_UNIT}s(?!\w)"
            rf"|the{S}(?:past|last){S}{_UNIT}(?!\w)"
        ),
    ),
    ("dur_of", rf"{_UNIT}s(?={S}of(?!\w))"),
    ("dur_for", rf"(?<=\b(?:for|over|within){S})(?:(?:many|several|a{S}few|few|some){S})?{_UNIT}s(?!\w)"),
    ("bare_month", rf"(?<![\w.]){_monf()}"),
    ("bare_year", rf"{_LB}{_year()}(?:['\u2019]s)?(?![\w%]|[.,]\d|[-/]\d)"),
)
_FLAGS = regex.IGNORECASE | regex.VERSION0


_WHOLE = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ALTERNATIVES)
_GROUP = re.compile(r"\(\?P<(\w+)>")


# Optional parts that may begin an alternative ("the", a modifier, a qualifier...), written as in
# `_ALTERNATIVES`. Where the first word rules one out, `_compile` leaves it out of the alternatives
# it begins (it could not match there: the alternative matches the same without it; a group left
# out is still defined, by the never-matching branch, for the conditions that test it).
_OPTIONAL_BETWEEN = rf"(?P<btw>between{S})?"
_OPTIONAL_THE = rf"(?:the{S})?"
_OPTIONAL_MOD = rf"(?:{_MOD})?"
_OPTIONAL_QUAL = rf"(?:(?:{_QUAL}){S})?"
_OPTIONAL_THE_PAST = rf"(?:the{S}(?:past|last|next|coming|first|previous|following|final){S})?"
_OPTIONAL_PART_OF = _PART_OF
_OPTIONAL_WEEKDAY_MOD = _WEEKDAY_MOD
_OPTIONAL_WEEKDAY_REL = _WEEKDAY_REL
_COUNT_GROUP = rf"(?P<count>{_COUNT})"
_COUNT_DIGITS = r"\d{1,3}(?:\.\d)?"
"""The first branch of `_COUNT`, the only one that can begin with a digit."""


def _without_leading(pattern: str, optional: tuple[str, ...], *, digit: bool) -> str:
    """Return *pattern* without the *optional* parts it begins with, and its count in digits only if *digit*."""
    stripped = True
    while stripped:
        stripped = False
        for part in optional:
            if pattern.startswith(part):
                pattern = pattern[len(part) :]
                stripped = True
    if digit and pattern.startswith(_COUNT_GROUP):
        pattern = f"(?P<count>{_COUNT_DIGITS})" + pattern[len(_COUNT_GROUP) :]
    return pattern


_COMMONEST = ("weekday", "duration", "md", "bare_year", "bare_month", "mdy", "iso", "rel_unit", "my", "dmy")
"""The alternatives that match most often in news text, commonest first."""


@functools.lru_cache(maxsize=64)
def _compile(
    names: frozenset[str] | None = None, optional: tuple[str, ...] = (), *, digit: bool = False
) -> tuple[regex.Pattern[str], tuple[str, ...]]:
    """Compile the alternatives called *names* (all by default) into one pattern, in their order.

    The alternatives leave out the leading *optional* parts (which cannot match where the pattern
    is tried); with *digit*, where it begins with a digit. Compiled on first use and kept (`scan`
    uses a score of different patterns).
    """
    chosen = [(n, _without_leading(p, optional, digit=digit)) for n, p in _ALTERNATIVES if names is None or n in names]
    body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in chosen)
    # A last branch that never matches holds the groups of the other alternatives, so that the
    # handlers read them as they read them from the whole grammar (None: no part in the match).
    missing = sorted(set(_GROUP.findall(_WHOLE)) - set(_GROUP.findall(body)))
    if missing:
        body += "|(?!)" + "".join(f"(?P<{group}>)" for group in missing)
    # (the names in the order `scan` tests them for the one that matched: the commonest first)
    return regex.compile(rf"(?<!\w)(?:{body})", _FLAGS), tuple(sorted((n for n, _ in chosen), key=_rarity))


def _rarity(name: str) -> int:
    return _COMMONEST.index(name) if name in _COMMONEST else len(_COMMONEST)


# --------------------------------------------------------------------------- triggers
# The scanner is tried only where an expression can begin: at a digit, a
# capitalised month or weekday name, or one of the words below. Common words
# ("the", "a", "about") are triggers only when the next word fits.

_WORD = regex.compile(r"[^\W_]+")
_CASED_NAMES = frozenset(v for w in [*MONTHS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS] for v in (w.title(), w.upper()))
_COUNT_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "several",
        "many",
        "few",
        "numerous",
        "dozens",
        "couple",
        "half",
    ],
)
_UNIT_WORDS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
        "century",
        "seconds",
        "minutes",
        "hours",
        "days",
        "weeks",
        "fortnights",
        "months",
        "years",
        "decades",
        "centuries",
    ],
)
_TRIGGERS = (
    frozenset(
        [
            "between",
            "this",
            "last",
            "next",
            "past",
            "coming",
            "early",
            "late",
            "earlier",
            "later",
            "very",
            "mid",
            "end",
            "beginning",
            "start",
            "middle",
            "first",
            "second",
            "third",
            "fourth",
            "aged",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "christmas",
            "boxing",
            "valentine",
            "halloween",
        ],
    )
    | _COUNT_WORDS
    | _UNIT_WORDS
)
_THE_NEXT = frozenset(
    [
        "same",
        "previous",
        "following",
        "next",
        "current",
        "coming",
        "past",
        "last",
        "first",
        "second",
        "third",
        "fourth",
        "final",
        "end",
        "beginning",
        "start",
        "middle",
        "day",
        "very",
        "better",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "early",
        "late",
        "mid",
        "weekend",
        "small",
        "wee",
        "morning",
        "afternoon",
        "evening",
        "night",
    ],
)
_QUAL_NEXT = _COUNT_WORDS | frozenset(["a", "an", "over", "to", "least", "most", "than"])
_NEXT_WORD: dict[str, frozenset[str]] = {
    "the": _THE_NEXT,
    "that": frozenset(["same", "previous", "next", "following", "day", "year", "very"]),
    "a": _UNIT_WORDS | frozenset(["few", "couple", "dozen", "number", "hundred", "half"]),
    "an": _UNIT_WORDS,
    "more": frozenset(["than"]),
    "new": frozenset(["year"]),
    **dict.fromkeys(_MOMENTS, frozenset([*WEEKDAYS, "on"])),
    "less": frozenset(["than"]),
    "fewer": frozenset(["than"]),
    **dict.fromkeys(
        [
            "nearly",
            "almost",
            "about",
            "around",
            "roughly",
            "approximately",
            "some",
            "over",
            "under",
            "just",
            "only",
            "barely",
            "well",
            "close",
            "up",
            "at",
        ],
        _QUAL_NEXT,
    ),
}


_WEEKDAY_NAMES = frozenset(v for w in [*WEEKDAYS, *WEEKDAY_ABBREVIATIONS] for v in (w.title(), w.upper()))

# --------------------------------------------------------------------------- first words
# Where an expression begins, its first word (a digit, a month or weekday name, a trigger or a
# word of `_NEXT_WORD`) rules out most alternatives of the grammar: "yesterday" can only begin a
# "deictic" one. `scan` therefore tries, at each candidate, only the alternatives that can begin
# with its first word, in their order in `_ALTERNATIVES`. The match is the one of the whole
# grammar, since an alternative that cannot match at an offset never decides what matches there.
# `_FIRST` lists, for each alternative, the (lower-case) words it can begin with; "<digit>",
# "<month>" and "<weekday>" stand for any number and for a capitalised month or weekday name.
# Listing a word too many only costs time; tests/extractors/test_times.py checks the table
# against the whole grammar.

_DIGIT, _MONTH, _WEEKDAY = "<digit>", "<month>", "<weekday>"
_MOD_FIRST = frozenset(
    ["very", "early", "late", "earlier", "later", "mid", "the", "end", "beginning", "start", "middle", "first"]
) | {"second", "third", "fourth", "last", "midday", "midnight"}  # ("mid-" can begin "midday")
_COUNT_FIRST = frozenset([_DIGIT, "a", "an", "couple", "dozens", "hundreds", "half", "numerous"]) | (
    _COUNT_WORDS - {"hundreds", "dozens"}
)
_QUAL_FIRST = frozenset(
    ["more", "less", "fewer", "nearly", "almost", "about", "around", "roughly", "approximately", "some", "at", "up"]
) | {"over", "under", "just", "only", "barely", "well", "close", "the"}
_REL_FIRST = frozenset(["this", "last", "next", "past", "coming"])
_FIRST: dict[str, frozenset[str]] = {
    "iso": frozenset([_DIGIT]),
    "numeric": frozenset([_DIGIT]),
    "range_mdmd": frozenset(["between", _MONTH]),
    "range_mdd": frozenset(["between", _MONTH]),
    "range_ddm": frozenset(["between", _DIGIT]),
    "mdy": frozenset(["the", _MONTH]),
    "dmy": frozenset(["the", _DIGIT]),
    "range_mm": frozenset(["between", _MONTH]),
    "my": _MOD_FIRST | {_MONTH},
    "m_rely": _MOD_FIRST | {_MONTH},
    "season_y": _MOD_FIRST | {"the", *SEASONS},
    "season_rel": _MOD_FIRST | _REL_FIRST | {"the"},
    "decade": _MOD_FIRST | {"the", _DIGIT},
    "range_y": frozenset(["between", _DIGIT]),
    "mod_rely": _MOD_FIRST,
    "mod_y": _MOD_FIRST,
    "rel_m": _MOD_FIRST | _REL_FIRST,
    "mod_m": _MOD_FIRST,
    "md": frozenset(["the", _MONTH]),
    "dm": frozenset(["the", _DIGIT]),
    "weekday": _REL_FIRST | {"the", "very", "late", "early", *_MOMENTS, _WEEKDAY},
    "deictic": frozenset(["the", "today", "tonight", "yesterday", "tomorrow", "this", "last"]),
    "anaday": frozenset(["the", "that"]),
    "anaday_in": frozenset(["later", "earlier"]),
    "hours_after": frozenset(["hours", "minutes"]),
    "days_after": frozenset([_DIGIT, "a", "an", "one", "two", "three", "four", "five", "six", "seven"]),
    "the_weekend": frozenset(["the"]),
    "holiday": frozenset(_HOLIDAY_FIRST),
    "quarter": frozenset(["the"]),
    "the_season": frozenset(["the", *SEASONS]),
    "dom": frozenset(["the"]),
    "rel_unit": frozenset(["this", "last", "next", "the", "that"]),
    "age": _COUNT_FIRST | {"aged"},
    "ago": _QUAL_FIRST | _COUNT_FIRST,
    "later": _COUNT_FIRST,
    "duration": _QUAL_FIRST | _COUNT_FIRST | {"the"},
    "dur_bare": frozenset(["the"]),
    "dur_of": _UNIT_WORDS,
    "dur_for": _UNIT_WORDS | {"many", "several", "a", "few", "some"},
    "bare_month": frozenset([_MONTH]),
    "bare_year": frozenset([_DIGIT]),
}

_Grammar = tuple[regex.Pattern[str], tuple[str, ...]]

_LED_BY: dict[str, frozenset[str]] = {
    word: frozenset(name for name, first in _FIRST.items() if word in first)
    for word in {_DIGIT, _MONTH, _WEEKDAY} | _TRIGGERS | set(_NEXT_WORD)
}
"""The alternatives that can begin with each first word (lower case, or a "<...>" class)."""


_OPTIONAL_FIRST: dict[str, frozenset[str]] = {
    _OPTIONAL_BETWEEN: frozenset(["between"]),
    _OPTIONAL_THE: frozenset(["the"]),
    _OPTIONAL_MOD: _MOD_FIRST,
    _OPTIONAL_QUAL: _QUAL_FIRST,
    _OPTIONAL_THE_PAST: frozenset(["the"]),
    _OPTIONAL_PART_OF: frozenset(["the"]),
    _OPTIONAL_WEEKDAY_MOD: frozenset(["very", "late", "early", *_MOMENTS]),
    _OPTIONAL_WEEKDAY_REL: _REL_FIRST,
}
"""The words each optional leading part can begin with (checked like `_FIRST` by the tests)."""


@functools.lru_cache(maxsize=256)
def _led_by(word: str) -> _Grammar:
    """Return the grammar to try where an expression may begin with *word* (a key of `_LED_BY`; kept)."""
    optional = tuple(part for part, first in _OPTIONAL_FIRST.items() if word not in first)
    return _compile(_LED_BY[word], optional, digit=word == _DIGIT)


def _trie(words: Iterable[str]) -> str:
    """Return an alternation of *words* factored by prefix ("th(?:e|is)"), each branch rejected at its first letter."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + alternation(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + "?" if "" in node else body

    return alternation(root)


# Candidates are found in one pass of one pattern (`_SKIM`) over the text in lower case, then checked
# word by word with the rules above (`_candidate`). The pass skips every word that cannot be a
# candidate: a run of ASCII letters and digits (a "skim word") that is not a number, a month or
# weekday name, a trigger, or a word of `_NEXT_WORD` followed by a number or a word it allows.
# It finds every candidate, since a word whose lower case is an ASCII word is made of ASCII
# letters (and "\u212a", the Kelvin sign, which lower-cases to "k"), any word starting with a digit
# starts with a `\d` digit, and the characters around a word (not `_WORD` characters) are never
# ASCII letters or digits in lower case. It may find more (a skim word inside a word such as
# "\u00e9the"), which the check drops. The standard `re` engine runs the pass several times faster
# than `regex`: it rejects a branch of `_trie` at its first letter without backtracking.
_SKIM_NAMES = _trie(w.lower() for w in _CASED_NAMES | _TRIGGERS)
_SKIM_LEADS = _trie(_NEXT_WORD)
_SKIM_ALLOWED = _trie(frozenset().union(*_NEXT_WORD.values()))
_SKIM_CANDIDATE = (
    rf"\d[a-z\d]*+|(?:{_SKIM_NAMES})(?![a-z\d])"
    rf"|(?:{_SKIM_LEADS})(?![a-z\d])(?=[^a-z\d]*+(?:\d|(?:{_SKIM_ALLOWED})(?![a-z\d])))"
)
_SKIM = re.compile(rf"[^a-z\d]*+(?:(?!{_SKIM_CANDIDATE})[a-z\d]++[^a-z\d]*+)*+(?:({_SKIM_CANDIDATE})|\Z)")
_WORD_CHAR = regex.compile(r"[^\W_]")


def _lower(text: str) -> str:
    """Return *text* in lower case, offset for offset ("\u0130" is the one letter whose lower case is two)."""
    low = text.lower()
    return low if len(low) == len(text) else text.replace("\u0130", "I").lower()


def _candidates(text: str) -> Iterator[tuple[int, _Grammar]]:
    """Yield the offsets where an expression may begin, in order, each with the pattern to try there."""
    size = len(text)
    for m in _SKIM.finditer(_lower(text)):
        pos, end = m.span(1)
        if pos < 0:
            break
        if (pos == 0 or text[pos - 1] < "\x80") and (end == size or text[end] < "\x80"):
            word = text[pos:end]  # ASCII on both sides: the skim word is the whole word
        elif pos > 0 and _WORD_CHAR.match(text, pos - 1):
            continue  # inside a word
        else:
            word = _WORD.match(text, pos).group()  # type: ignore[union-attr]  # a word starts here
        grammar = _candidate(text, pos, word)
        if grammar is not None:
            yield pos, grammar


def _candidate(text: str, pos: int, word: str) -> _Grammar | None:
    """Return the grammar to try at *word*, which starts at *pos*, or None if no expression begins there."""
    if word[0].isdigit():
        return _led_by(_DIGIT)
    if word in _CASED_NAMES:
        return _led_by(_WEEKDAY if word in _WEEKDAY_NAMES else _MONTH)
    low = word.lower()
    if low in _TRIGGERS:
        return _led_by(low)
    allowed = _NEXT_WORD.get(low)
    if allowed is not None:
        following = _WORD.search(text, pos + len(word))
        if following is not None:
            nxt = following.group()
            if nxt[0].isdigit() or nxt.lower() in allowed:
                return _led_by(low)
    return None


# --------------------------------------------------------------------------- match handlers

# Searched backwards from the offset ("(?r)"): one attempt, where a forward search tries every
# offset of the 30 characters; the word found is the same (its letters run back as far as they go).
_WORD_BEFORE = regex.compile(r"(?r)([A-Za-z]+)[^\w\n]{0,3}$")
_WORD_AFTER = regex.compile(r"^[^\w\n]{0,3}([A-Za-z]+)")


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos : pos + 30])
    return m.group(1) if m else ""


def _mod(raw: str | None) -> str | None:
    if not raw:
        return None
    words = raw.lower().replace("-", " ").split()
    if "mid" in words or "middle" in words:
        return "mid"
    if "half" in words:
        return "h1" if "first" in words else "h2"
    if "quarter" in words:
        order = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4", "last": "q4"}
        return next((order[w] for w in words if w in order), "q4")
    for key, value in (
        ("earlier", "earlier"),
        ("later", "later"),
        ("early", "early"),
        ("beginning", "early"),
        ("start", "early"),
        ("late", "late"),
        ("end", "late"),
    ):
        if key in words:
            return value
    return None


def _rel(raw: str | None) -> tuple[int | None, bool]:
    """Return (offset, anaphoric) for a relative word such as "last" or "the following"."""
    if raw is None:
        return None, False
    word = raw.lower().split()[-1]
    if raw.lower().startswith("this past"):
        return -1, False
    if raw.lower().startswith("this coming"):
        return 1, False
    table: dict[str, tuple[int, bool]] = {
        "this": (0, False),
        "current": (0, False),
        "last": (-1, False),
        "past": (-1, False),
        "next": (1, False),
        "coming": (1, False),
        "previous": (-1, True),
        "following": (1, True),
        "same": (0, True),
        "that": (0, True),
        "the": (0, False),
    }
    if raw.lower().startswith("the") and word == "next":
        return 1, True
    return table.get(word, (None, False))


def _count(raw: str | None) -> float | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw[0].isdigit():
        return float(raw)
    if raw in NUMBERS:
        return NUMBERS[raw]
    if "-" in raw:
        tens, _, unit = raw.partition("-")
        return NUMBERS.get(tens, 0.0) + NUMBERS.get(unit, 0.0)
    if "half" in raw:
        return 1.5
    return None


def _month(raw: str) -> int:
    return MONTHS[raw.lower().rstrip(".")]


def _g(m: regex.Match[str], name: str) -> str | None:
    """Return group *name*, or None when it did not take part or the pattern has no such group."""
    try:
        return m.group(name)
    except IndexError:
        return None


def _int(m: regex.Match[str], name: str) -> int | None:
    value = _g(m, name)
    return None if value is None else int(value)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _numeric(m: regex.Match[str], start: int, end: int, dayfirst: bool | None) -> Parsed | None:
    a, b = int(m.group("a")), int(m.group("b"))
    yy = m.group("yy") is not None
    year = int(m.group("yy") if yy else m.group("year"))
    sep = "/" if yy else m.group("sep")
    first_is_day = dayfirst if dayfirst is not None else sep != "/"
    if a > 12 >= b:
        first_is_day = True
    elif b > 12 >= a:
        first_is_day = False
    day, month = (a, b) if first_is_day else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31) or (not yy and not 1000 <= year <= 2199):
        return None
    if not yy and not _valid(year, month, day):
        return None
    confidence = 0.8 if a <= 12 and b <= 12 and a != b else 1.0
    return Parsed(start=start, end=end, form="ymd", year=year, month=month, day=day, yy=yy, confidence=confidence)


def _accept_year(text: str, start: int, end: int, year: int) -> bool:
    before = _word_before(text, start).lower()
    if before in _NOT_YEAR_BEFORE:
        return False
    temporal = before in TEMPORAL_PREPOSITIONS
    after = _word_after(text, end)
    if not 1900 <= year <= 2100 and not temporal:
        # "an 1899 arbitration ruling": an older year before a noun of what happened then.
        return 1600 <= year < 1900 and before in {"a", "an", "the"} and after.islower() and after not in _COUNT_NOUNS
    return temporal or after.lower() not in _COUNT_NOUNS


def _bare_month_ok(text: str, start: int, end: int, name: str) -> bool:
    before = _word_before(text, start).lower()
    if before in TEMPORAL_PREPOSITIONS or before in {"this", "last", "next", "the", "an", "a"}:
        return True
    if name.lower() in {"may", "march"}:
        return False
    nxt = _WORD_AFTER.match(text[end : end + 30])
    # "April Ryan", "August Strindberg": a month name glued to a capitalised word is a name.
    return not (nxt and text[end : end + 1] == " " and nxt.group(1)[:1].isupper())


def _dated_weekday(m: regex.Match[str], start: int, end: int, weekday: int) -> Parsed | None:
    """Return the date of "Tuesday, March 12" or "Thu 20 Jan 2022": a day, its weekday kept to choose its year."""
    month, day, year = _month(m.group("mon")), int(m.group("day")), _int(m, "year")
    if year is not None:
        if not _valid(year, month, day):
            return None
        return Parsed(start=start, end=end, form="ymd", year=year, month=month, day=day, weekday=weekday)
    if not _valid(2000, month, day):
        return None
    return Parsed(start=start, end=end, form="md", month=month, day=day, weekday=weekday)


def _handle(name: str, m: regex.Match[str], text: str, dayfirst: bool | None) -> Parsed | None:
    start, end = m.span(name)
    conf = 1.0
    if name == "iso":
        year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if not _valid(year, month, day):
            return None
        return Parsed(start=start, end=end, form="ymd", year=year, month=month, day=day)
    if name == "numeric":
        return _numeric(m, start, end, dayfirst)
    if name.startswith("range_"):
        btw = _g(m, "btw")
        if name == "range_y":
            y1 = int(m.group("year"))
            y2 = _int(m, "year2")
            if y2 is None:
                y2 = y1 // 100 * 100 + int(m.group("yy2"))
            if y2 <= y1 or y2 - y1 > 100:
                # "2017 - 11:04" or a score: keep only the first year.
                ys, ye = m.span("year")
                ok = _accept_year(text, ys, ye, y1)
                return Parsed(start=ys, end=ye, form="year", year=y1) if ok else None
            return Parsed(start=start, end=end, form="range", year=y1, year2=y2, unit="year")
        month = _month(m.group("mon"))
        raw_month2 = _g(m, "mon2")
        month2 = _month(raw_month2) if raw_month2 else None
        if name == "range_mm":
            if month2 is None:  # pragma: no cover - the pattern requires it
                return None
            return Parsed(
                start=start,
                end=end,
                form="range",
                month=month,
                month2=month2,
                year=_int(m, "year"),
                year2=_int(m, "year2"),
                unit="month",
            )
        day, day2 = int(m.group("day")), int(m.group("day2"))
        if month2 is None and day2 <= day:
            return None
        if btw is None and name == "range_ddm" and _word_before(text, start).lower() in {"and", "or"}:
            return None
        return Parsed(
            start=start,
            end=end,
            form="range",
            month=month,
            day=day,
            month2=month2 or month,
            day2=day2,
            year=_int(m, "year"),
            year2=_int(m, "year2"),
            unit="day",
        )
    if name in {"mdy", "dmy"}:
        year, month, day = int(m.group("year")), _month(m.group("mon")), int(m.group("day"))
        if not _valid(year, month, day):
            return None
        return Parsed(start=start, end=end, form="ymd", year=year, month=month, day=day)
    if name in {"md", "dm"}:
        month, day = _month(m.group("mon")), int(m.group("day"))
        if not _valid(2000, month, day):
            return None
        return Parsed(start=start, end=end, form="md", month=month, day=day)
    if name == "my":
        return Parsed(
            start=start,
            end=end,
            form="month",
            month=_month(m.group("mon")),
            year=int(m.group("year")),
            mod=_mod(m.group("mod")),
        )
    if name == "m_rely":
        rel, anaphoric = _rel(m.group("rel"))
        if rel is None:
            return None
        return Parsed(
            start=start,
            end=end,
            form="month_rely",
            month=_month(m.group("mon")),
            rel=rel,
            anaphoric=anaphoric or m.group("rel").lower() == "the",
            mod=_mod(m.group("mod")),
        )
    if name in {"season_y", "season_rel"}:
        season = m.group("season").lower()
        season = "autumn" if season == "fall" else season
        rel, _ = _rel(m.group("rel"))
        return Parsed(
            start=start, end=end, form="season", season=season, year=_int(m, "year"), rel=rel, mod=_mod(m.group("mod"))
        )
    if name == "decade":
        dec = m.group("dec")
        if dec is not None:
            return Parsed(start=start, end=end, form="decade", year=int(dec), mod=_mod(m.group("mod")))
        return Parsed(start=start, end=end, form="decade", year=int(m.group("dec2")), yy=True, mod=_mod(m.group("mod")))
    if name == "mod_rely":
        raw_rel = m.group("rel")
        mod = _mod(m.group("mod"))
        if raw_rel is None and not m.group("mod").lower().rstrip().endswith("of"):
            return None
        if raw_rel is None:
            # "the end of year": read as this year.
            raw_rel = "this"
        if m.group("unit").lower() == "day":
            # "earlier in the day": the day the text is telling about.
            return Parsed(start=start, end=end, form="anaday", count=0.0, anaphoric=True, confidence=0.8)
        rel, anaphoric = _rel(raw_rel)
        if rel is None or mod is None:
            return None
        return Parsed(
            start=start,
            end=end,
            form="rel",
            unit=m.group("unit").lower(),
            rel=rel,
            anaphoric=anaphoric,
            mod=mod,
        )
    if name == "mod_y":
        mod = _mod(m.group("mod"))
        return Parsed(start=start, end=end, form="year", year=int(m.group("year")), mod=mod)
    if name in {"rel_m", "mod_m"}:
        rel, _ = _rel(m.group("rel")) if name == "rel_m" else (None, False)
        return Parsed(
            start=start, end=end, form="month", month=_month(m.group("mon")), rel=rel, mod=_mod(m.group("mod"))
        )
    if name == "weekday":
        wd = m.group("wd")
        after = _word_after(text, m.end("wd"))
        before = _word_before(text, start)
        if (after in _NEWSPAPER and m.group("part") is None) or before in _HOLIDAY:
            return None
        weekday = WEEKDAYS.get(wd.lower(), WEEKDAY_ABBREVIATIONS.get(wd.lower(), 0))
        if m.group("wdate") is not None:
            return _dated_weekday(m, start, end, weekday)
        rel, _ = _rel(m.group("rel"))
        mod = m.group("mod")
        mod_norm = None if mod is None else ("late" if "late" in mod.lower() else "early")
        pend = m.end("part") if m.group("part") is not None else m.end("wd")
        week = m.group("wweek")
        if week is not None and rel is None:
            # "Thursday last week": the weekday of the week before the reference one.
            rel, _ = _rel(week.split()[0])
            return Parsed(start=start, end=m.end("wweek"), form="weekday", weekday=weekday, rel=rel, unit="week")
        return Parsed(start=start, end=pend, form="weekday", weekday=weekday, rel=rel, mod=mod_norm)
    if name == "deictic":
        word = " ".join(m.group("word").lower().split())
        if (
            word == "today"
            and m.group("word")[0] == "T"
            and _word_before(text, start)[:1].isupper()
            and text[max(0, start - 2) : start].strip() not in {"", ".", '"'}
        ):
            # "USA Today", "Russia Today": a name, unless the sentence starts here.
            return None
        offsets = {
            "yesterday": -1,
            "tomorrow": 1,
            "last night": -1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }
        conf = 0.8 if word == "last night" else 1.0
        return Parsed(start=start, end=end, form="deictic", count=float(offsets.get(word, 0)), confidence=conf)
    if name in {"anaday_in", "hours_after"}:  # "later in the day", "hours after the vote": the day told before
        return Parsed(start=start, end=end, form="anaday", count=0.0, anaphoric=True, confidence=0.8)
    if name == "days_after":  # "a day after X did": X is that many days before the day told before
        raw = m.group("count").lower()
        n = 1 if raw in {"a", "an", "one"} else _count(raw)
        if n is None:
            return None
        sign = -1.0 if m.group("dir").lower() == "after" else 1.0
        return Parsed(start=start, end=end, form="anaday", count=sign * n, anaphoric=True, confidence=0.8)
    if name == "anaday":
        word = " ".join(m.group("word").lower().split())
        offset = -1.0 if ("previous" in word or "before" in word) else 1.0
        if "same" in word or word == "that day":
            offset = 0.0
        return Parsed(start=start, end=end, form="anaday", count=offset, anaphoric=True, confidence=0.8)
    if name == "holiday":
        word = " ".join(m.group("hol").lower().replace("\u2019", "'").split())
        if word == "christmas" and _word_before(text, start).lower() not in _SEASON_PREPOSITIONS | {"at", "on"}:
            return None  # "Christmas Island", "Christmas trees"
        month, day = _HOLIDAYS[word]
        return Parsed(start=start, end=end, form="md", month=month, day=day)
    if name == "quarter":
        return Parsed(start=start, end=end, form="rel", unit="year", rel=0, mod=_mod(m.group("mod")))
    if name == "the_season":
        if _word_before(text, start).lower() not in _SEASON_PREPOSITIONS:
            return None
        season = m.group("season").lower()
        if season == "fall" and (_word_after(text, end).lower() == "of" or _word_before(text, start).lower() != "in"):
            return None  # "after the fall of Kabul"
        return Parsed(start=start, end=end, form="season", season="autumn" if season == "fall" else season)
    if name == "dom":
        return Parsed(start=start, end=end, form="dom", day=int(m.group("day")))
    if name == "the_weekend":
        return Parsed(start=start, end=end, form="weekend", unit="weekend")
    if name == "rel_unit":
        rel, anaphoric = _rel(m.group("rel"))
        if rel is None:
            return None
        return Parsed(start=start, end=end, form="rel", unit=m.group("unit").lower(), rel=rel, anaphoric=anaphoric)
    if name == "age":
        return None
    if name in {"ago", "later"}:
        count = _count(m.group("count"))
        if count is None:
            return None
        sign = -1.0 if name == "ago" or m.group("dir").lower() == "earlier" else 1.0
        unit = m.group("unit").lower()
        return Parsed(
            start=start,
            end=end,
            form="offset",
            unit=unit,
            count=sign * count,
            anaphoric=name == "later",
            confidence=0.8,
        )
    if name in {"duration", "dur_bare", "dur_of", "dur_for"}:
        if name == "duration":
            raw = m.group("count").lower()
            if raw in {"a", "an", "one"} and _word_before(text, start).lower() in _FREQUENCY:
                return None
        return Parsed(start=start, end=end, form="duration", kind=TimeKind.DURATION, unit=m.group("unit").lower())
    if name == "bare_month":
        if not _bare_month_ok(text, start, end, m.group("mon")):
            return None
        return Parsed(start=start, end=end, form="month", month=_month(m.group("mon")))
    # The last alternative: a bare year.
    year = int(m.group("year"))
    ys, ye = m.span("year")
    if not _accept_year(text, ys, ye, year):
        return None
    return Parsed(start=ys, end=ye, form="year", year=year, confidence=conf)


def scan(text: str, *, dayfirst: bool | None = None) -> Iterator[Parsed]:
    """Yield the temporal expressions of *text*, in order, without resolving them.

    Args:
        text: Any text.
        dayfirst: How to read an ambiguous numeric date such as "05/06/2020":
            True day first, False month first, None by separator (slashes
            month first, dashes and dots day first).

    Examples:
        >>> [(p.form, text[p.start:p.end]) for text in ["Talks began on Oct. 31 and ended late on Friday."]
        ...  for p in scan(text)]
        [('md', 'Oct. 31'), ('weekday', 'late on Friday')]
    """
    done = 0
    for pos, (pattern, names) in _candidates(text):
        if pos < done:
            continue
        m = pattern.match(text, pos)
        if m is None:
            continue
        done = m.end()
        name = next(n for n in names if m.start(n) >= 0)
        try:
            parsed = _handle(name, m, text, dayfirst)
        except ValueError:
            # a digit the regex module knows but int() does not (a Unicode version apart): no time here
            parsed = None
        if parsed is not None and parsed.end > parsed.start:
            yield parsed
