from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplomev.readers._dates as dates_module
from diplomev.readers._dates import TZ_OFFSETS, find_dates, may_hold_date, month_number, parse_value, timezone_for


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


class TestFindDates:
    @pytest.mark.parametrize(
        ("line", "expected", "text"),
        [
            ("Thu, 11/23/2017 - 01:57", dt.date(2017, 11, 23), "11/23/2017 - 01:57"),
            (" date 2020-11-26 Left Menu", dt.date(2020, 11, 26), "2020-11-26"),
            (
                "Updated: 26-11-2020 14:22 IST",
                dt.datetime(2020, 11, 26, 14, 22, tzinfo=tz(5.5)),
                "26-11-2020 14:22 IST",
            ),
            ("Oct. 31, 2017 - 11:04 By Yonhap", dt.date(2017, 10, 31), "Oct. 31, 2017 - 11:04"),
            ("December 5, 2019", dt.date(2019, 12, 5), "December 5, 2019"),
            ("Sept. 9, 2019", dt.date(2019, 9, 9), "Sept. 9, 2019"),
            ("Tuesday 25 June 2024", dt.date(2024, 6, 25), "25 June 2024"),
            ("Published On 12 Jan 2024", dt.date(2024, 1, 12), "12 Jan 2024"),
            ("5th of May 2021", dt.date(2021, 5, 5), "5th of May 2021"),
            ("31.12.2019", dt.date(2019, 12, 31), "31.12.2019"),
            ("2019/12/31", dt.date(2019, 12, 31), "2019/12/31"),
            ("13/11/2017", dt.date(2017, 11, 13), "13/11/2017"),
            ("11-13-2017", dt.date(2017, 11, 13), "11-13-2017"),
            ("05/06/19", dt.date(2019, 5, 6), "05/06/19"),
            ("05/06/75", dt.date(1975, 5, 6), "05/06/75"),
            (
                "2023-03-16T21:30:00+09:00",
                dt.datetime(2023, 3, 16, 21, 30, tzinfo=tz(9)),
                "2023-03-16T21:30:00+09:00",
            ),
            ("2017-11-23T01:57:00Z", dt.datetime(2017, 11, 23, 1, 57, tzinfo=tz(0)), "2017-11-23T01:57:00Z"),
            ("2017-11-23T01:57:00", dt.date(2017, 11, 23), "2017-11-23T01:57:00"),
            (
                "Monday, July 1, 2019 | 18:40 JST",
                dt.datetime(2019, 7, 1, 18, 40, tzinfo=tz(9)),
                "July 1, 2019 | 18:40 JST",
            ),
            (
                "Nov 23, 2017 11:04 a.m. KST",
                dt.datetime(2017, 11, 23, 11, 4, tzinfo=tz(9)),
                "Nov 23, 2017 11:04 a.m. KST",
            ),
            (
                "May 6, 2007 at 3:15 pm EDT",
                dt.datetime(2007, 5, 6, 15, 15, tzinfo=tz(-4)),
                "May 6, 2007 at 3:15 pm EDT",
            ),
            ("May 6, 2007 12:05 AM GMT", dt.datetime(2007, 5, 6, 0, 5, tzinfo=tz(0)), "May 6, 2007 12:05 AM GMT"),
            ("2020-03-05 10:30 (GMT+7)", dt.datetime(2020, 3, 5, 10, 30, tzinfo=tz(7)), "2020-03-05 10:30 (GMT+7)"),
            (
                "2020-03-05 10:30 UTC+05:45",
                dt.datetime(2020, 3, 5, 10, 30, tzinfo=tz(5.75)),
                "2020-03-05 10:30 UTC+05:45",
            ),
        ],
    )
    def test_formats(self, line, expected, text):
        """Each news date format gives its date, with the time and zone only when a zone is written."""
        (found,) = find_dates(line)
        assert found.value == expected
        assert type(found.value) is type(expected)
        assert line[found.start : found.end] == text

    @pytest.mark.parametrize("line", ["13/13/2017", "2017-02-30", "Feb. 30, 2017", "version 1.2.3", "on Nov. 22"])
    def test_not_dates(self, line):
        """Impossible dates, version numbers and dates without a year are not found."""
        assert list(find_dates(line)) == []

    def test_dayfirst_override(self):
        """dayfirst= forces the reading of an ambiguous numeric date."""
        assert next(find_dates("05/06/2019", dayfirst=True)).value == dt.date(2019, 6, 5)
        assert next(find_dates("05-06-2019", dayfirst=False)).value == dt.date(2019, 5, 6)

    def test_china_cst(self):
        """CST is China Standard Time when the caller says the context is China, else US Central."""
        assert next(find_dates("March 5, 2020 10:30 CST", china=True)).value.utcoffset() == dt.timedelta(hours=8)
        assert next(find_dates("March 5, 2020 10:30 CST")).value.utcoffset() == dt.timedelta(hours=-6)

    @given(st.text(max_size=200))
    def test_any_text(self, text):
        """Any text gives dates within it, never an exception."""
        for found in find_dates(text):
            assert 0 <= found.start < found.end <= len(text)

    @given(st.dates(min_value=dt.date(1000, 1, 1)))
    def test_written_dates_round_trip(self, day):
        """A date written in the usual forms parses back to itself."""
        for written in (day.isoformat(), day.strftime("%B %d, %Y").replace(" 0", " "), day.strftime("%d %b %Y")):
            assert next(find_dates(written)).value == day


class TestFindDatesShortcut:
    """`find_dates` searches only where a date can be: it finds what a search of every offset finds."""

    @staticmethod
    def every_offset(text: str) -> list[dates_module.DateMatch]:
        found = []
        for m in dates_module._DATE.finditer(text):
            day = dates_module._date_of(m, None)
            if day is not None:
                value, last, has_time = dates_module._with_time(text, m, day, china=False, endpos=len(text))
                found.append(dates_module.DateMatch(start=m.start(), end=last, value=value, has_time=has_time))
        return found

    def test_same_dates_as_a_search_of_every_offset(self):
        """Random lines of date pieces give the same dates both ways, and no date when no hint."""
        rng = random.Random(5)  # noqa: S311 - reproducible test data
        pieces = ["12th", "of", "September", "Sept.", "Nov", "22", "2017", "1", "/", "-", ".", ",", " ", "  "]
        pieces += [
            "11/23/2017",
            "26-11-2020",
            "2017-11-23T01:57:00+09:00",
            "14:22",
            "IST",
            "x",
            "\u0662\u0660\u0661\u0667",
        ]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 30)))
            found = list(find_dates(text))
            assert found == self.every_offset(text), text
            if not may_hold_date(text):
                assert found == []

    def test_a_year_in_other_digits_is_no_date(self):
        """A written date with a year in non-ASCII digits is not read (ISO 8601 digits are ASCII)."""
        assert list(find_dates("Nov. 22, \u0662\u0660\u0661\u0667")) == []
        assert [d.value for d in find_dates("Nov. 22, 2017")] == [dt.date(2017, 11, 22)]


class TestTimezoneFor:
    @pytest.mark.parametrize(
        ("abbreviation", "hours"),
        [
            ("KST", 9),
            ("JST", 9),
            ("IST", 5.5),
            ("GMT", 0),
            ("UTC", 0),
            ("ET", -5),
            ("EST", -5),
            ("EDT", -4),
            ("CET", 1),
            ("CEST", 2),
            ("CST", -6),
            ("PST", -8),
            ("GMT+7", 7),
            ("UTC-03:30", -3.5),
            ("+0900", 9),
        ],
    )
    def test_offsets(self, abbreviation, hours):
        """News zone abbreviations and numeric offsets map to fixed offsets."""
        assert timezone_for(abbreviation).utcoffset(None) == dt.timedelta(hours=hours)

    def test_unknown(self):
        """An unknown abbreviation or an impossible offset gives None."""
        assert timezone_for("XYZ") is None
        assert timezone_for("GMT+30") is None

    def test_table_is_sane(self):
        """Every offset in the table is within a day and whole minutes."""
        assert all(-720 <= m <= 840 for m in TZ_OFFSETS.values())


class TestParseValue:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2020-11-26", dt.date(2020, 11, 26)),
            ("2020-11-26T14:22:00+05:30", dt.datetime(2020, 11, 26, 14, 22, tzinfo=tz(5.5))),
            ("2020-11-26 14:22:00", dt.date(2020, 11, 26)),
            ("20201126", dt.date(2020, 11, 26)),
            ("Nov. 26, 2020", dt.date(2020, 11, 26)),
        ],
    )
    def test_values(self, value, expected):
        """ISO 8601 and written dates are read; a time without zone keeps only the date."""
        assert parse_value(value) == expected

    @pytest.mark.parametrize("value", ["", "soon", "x" * 200])
    def test_bad(self, value):
        """A value that is not a date is a ValueError."""
        with pytest.raises(ValueError, match="not a date"):
            parse_value(value)


def test_month_number():
    """Month names and abbreviations give their number."""
    assert [month_number(m) for m in ("Jan.", "sept", "December", "Foo")] == [1, 9, 12, None]
