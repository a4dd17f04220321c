from __future__ import annotations

import datetime as dt
import io

import pytest

from diplomev import Actor, Event, Location, TimeSpan
from diplomev.errors import SerialisationError
from diplomev.serialisers import TextTable
from diplomev.serialisers.table import TABLE_COLUMNS, display_width, fit


def _lines(evs: list[Event]) -> list[str]:
    buf = io.StringIO()
    TextTable().dump(evs, buf)
    return buf.getvalue().splitlines()


class TestTextTable:
    def test_header_rule_and_rows(self) -> None:
        """The table has a header naming the columns, a rule, then one row per event."""
        e = Event(
            article="a1",
            cameo="042",
            source=Actor(name="Wang Yi", kind="person", country="CHN", sector="GOV"),
            target=Actor(country="KOR"),
            date=TimeSpan.day(dt.date(2017, 11, 22)),
            location=Location(name="Beijing", country="CHN"),
        )
        header, rule, row = _lines([e])
        assert header.split() == [name for name, _ in TABLE_COLUMNS]
        assert set(rule.replace(" ", "")) == {"-"}
        assert row.split() == [
            "a1",
            "2017-11-22",
            "Wang",
            "Yi",
            "(CHNGOV)",
            "CONSULT/042",
            "KOR",
            "asserted",
            "Beijing",
        ]

    def test_columns_stay_aligned(self) -> None:
        """Every cell starts where its header starts, whatever the lengths and scripts of the values."""
        evs = [
            Event(article="x" * 80, cameo="040", source=Actor(name="강경화 " * 10, country="KOR")),
            Event(
                article="b",
                cameo="1823",
                target=Actor(name="a\nb\tc", country="USA"),
                mode="negated",
                date=TimeSpan(start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31), granularity="range"),
            ),
        ]
        header, _, *rows = _lines(evs)
        starts = [header.index(name) for name, _ in TABLE_COLUMNS]
        for row in rows:
            cells = []
            width = 0
            for char in row:
                cells.append(width)
                width += display_width(char)
            for start in starts[1:]:
                assert start in cells
                assert row[cells.index(start) - 1] == " "
        assert "…" in rows[0]
        assert "0001-01-01..9999-12-31" in rows[1]

    @pytest.mark.parametrize(
        ("text", "width", "expected"), [("abc", 5, "abc  "), ("abcdef", 4, "abc…"), ("서울시", 5, "서울…")]
    )
    def test_fit(self, text: str, width: int, expected: str) -> None:
        """Cells are padded or cut with an ellipsis to exactly their width in terminal cells."""
        assert fit(text, width) == expected
        assert display_width(fit(text, width)) == width

    def test_is_write_only(self) -> None:
        """Reading a table is refused with a clear error."""
        with pytest.raises(SerialisationError, match="write-only"):
            list(TextTable().load(io.StringIO("")))
