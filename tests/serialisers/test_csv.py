from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Event, Evidence, Location, TimeSpan, dump, load
from diplomev.errors import SerialisationError
from diplomev.serialisers import Csv
from diplomev.serialisers.csv import CSV_COLUMNS, FORMULA_PREFIXES, neutralise, restore

from ..strategies import events, text


def _round_trip(evs: list[Event]) -> list[Event]:
    buf = io.StringIO(newline="")
    Csv().dump(evs, buf)
    buf.seek(0)
    return list(Csv().load(buf))


class TestCsv:
    @given(st.lists(events, max_size=4))
    def test_events_round_trip_unchanged(self, evs: list[Event]) -> None:
        """Every event, with unicode, nulls and years 1 to 9999, survives a CSV round trip."""
        assert _round_trip(evs) == evs

    def test_extreme_dates_and_unicode_round_trip(self) -> None:
        """Years 1 and 9999, empty strings and non-Latin names come back unchanged."""
        e = Event(
            article="",
            cameo="0874",
            source=Actor(name="강경화", kind="person", country="KOR", sector="GOV", aliases=("Kang", "")),
            target=Actor(),
            date=TimeSpan(start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31), granularity="range"),
            location=Location(name="", latitude=-33.5, longitude=None),
            evidence=Evidence(text="Ζ\n\r\t'\"", start=0, end=6),
        )
        assert _round_trip([e]) == [e]

    def test_header_is_the_documented_column_order(self) -> None:
        """The first row names the columns in the fixed order of CSV_COLUMNS."""
        buf = io.StringIO()
        Csv().dump([], buf)
        assert next(csv.reader(io.StringIO(buf.getvalue()))) == list(CSV_COLUMNS)
        assert CSV_COLUMNS[:8] == (
            "id",
            "article",
            "type",
            "cameo",
            "goldstein",
            "quad_class",
            "source.name",
            "source.kind",
        )

    def test_formula_names_open_as_text_and_read_back(self, tmp_path) -> None:
        """Names starting with '=' and '@' are written behind an apostrophe, so a spreadsheet shows text."""
        e = Event(
            article='=HYPERLINK("http://evil.example","click")',
            cameo="040",
            source=Actor(name="=1+2", kind="person", country="KOR"),
            target=Actor(name="@SUM(A1:A9)", kind="person", country="JPN"),
            evidence=Evidence(text="-2+3+cmd|' /C calc'!A0", start=0, end=20),
        )
        path = tmp_path / "events.csv"
        dump([e], path)
        with path.open(encoding="utf-8", newline="") as fh:
            cell = next(csv.DictReader(fh))
        for column in ("article", "source.name", "target.name", "evidence.text"):
            assert cell[column][0] == "'", column
        assert all(not v or v[0] not in FORMULA_PREFIXES for v in cell.values())
        assert list(load(path)) == [e]

    @given(text)
    def test_neutralise_and_restore_are_inverse(self, value: str) -> None:
        """restore(neutralise(x)) == x for every string, and the cell never starts a formula."""
        cell = neutralise(value)
        assert restore(cell) == value
        assert cell == "" or cell[0] not in FORMULA_PREFIXES

    @pytest.mark.parametrize(
        ("value", "cell"),
        [
            ("=A1", "'=A1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'x", "''x"),
            ("", "'"),
            (None, ""),
            ("Seoul", "Seoul"),
            ("a=b", "a=b"),
        ],
    )
    def test_neutralise_rule(self, value: str | None, cell: str) -> None:
        """The documented rule: an apostrophe before formula starts, apostrophes and empty text."""
        assert neutralise(value) == cell
        assert restore(cell) == value

    def test_numbers_stay_numbers(self) -> None:
        """Negative Goldstein values and coordinates are written as plain numbers, not escaped."""
        e = Event(article="a", cameo="112", location=Location(name="x", latitude=-1.5, longitude=-70.25))
        buf = io.StringIO()
        Csv().dump([e], buf)
        row = next(csv.DictReader(io.StringIO(buf.getvalue())))
        assert row["goldstein"] == "-2.0"
        assert row["location.longitude"] == "-70.25"

    def test_columns_are_found_by_name(self) -> None:
        """A hand-made file with a few columns in another order reads, with defaults for the rest."""
        text = "cameo,source.country,article,extra column\r\n042,KOR,a1,ignored\r\n"
        (e,) = Csv().load(io.StringIO(text))
        assert e == Event(article="a1", cameo="042", source=Actor(country="KOR"))

    def test_bad_rows_are_reported_with_line_numbers(self) -> None:
        """A bad row names its line; the rows after it are still read."""
        buf = io.StringIO(newline="")
        Csv().dump(
            [Event(article=str(i), cameo="040", evidence=Evidence(text="a\nb", start=0, end=3)) for i in range(3)], buf
        )
        # Each row spans two physical lines (the evidence holds a line break).
        rows = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
        bad = rows[2][:]
        bad[CSV_COLUMNS.index("source.country")] = "Korea"
        bad[CSV_COLUMNS.index("source.kind")] = "state"
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerows([rows[0], rows[1], bad, rows[3][:5], rows[3]])
        out.seek(0)
        errors: list[SerialisationError] = []
        got = list(Csv().load(out, on_error=errors.append, path="events.csv"))
        assert [e.article for e in got] == ["0", "2"]
        assert [e.line for e in errors] == [4, 6]
        assert "source" in errors[0].reason
        assert "events.csv:4" in str(errors[0])

    def test_first_bad_row_raises_without_handler(self) -> None:
        """Without an error handler the first bad row raises SerialisationError with its line."""
        with pytest.raises(SerialisationError, match="line 2"):
            list(Csv().load(io.StringIO("article,cameo,goldstein\r\na,040,lots\r\n")))

    def test_header_must_name_article_and_cameo(self) -> None:
        """A header without the required columns is an error on line 1."""
        with pytest.raises(SerialisationError, match="line 1"):
            list(Csv().load(io.StringIO("name,country\r\nx,KOR\r\n")))

    def test_writes_events_only(self) -> None:
        """Asking CSV to write something else than events is an error, not a silent mess."""
        with pytest.raises(SerialisationError):
            Csv().dump(["not an event"], io.StringIO())  # type: ignore[list-item]
