from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from diplomev import Actor, Article, Document, Event, EventType, Source, TimeSpan
from diplomev.corpus import (
    DYAD_COLUMNS,
    TIMELINE_COLUMNS,
    DyadRow,
    DyadSeries,
    MergedEvent,
    Timeline,
    dyad_series,
    matches,
    timeline,
    to_csv,
    to_pandas,
)
from diplomev.errors import ConfigError

JPN, KOR, USA = Actor(country="JPN"), Actor(country="KOR"), Actor(country="USA")
ABE = Actor(name="Shinzo Abe", kind="person", country="JPN", sector="GOV", aliases=("Abe",))


def ev(article, cameo, source, target, when=None):
    date = None if when is None else TimeSpan.day(dt.date.fromisoformat(when))
    return Event(article=article, cameo=cameo, source=source, target=target, date=date)


# A dispute in 2019 (export controls, accusations, sanctions) and a thaw in 2023 (summits, agreements).
SERIES = [
    ev("t1", "163", JPN, KOR, "2019-07-01"),  # embargo / SANCTION
    ev("t2", "111", KOR, JPN, "2019-07-02"),  # criticise / ACCUSE
    ev("t3", "111", KOR, JPN, "2019-07-02"),  # the same criticism, another article
    ev("t4", "163", JPN, KOR, "2019-08-02"),
    ev("t5", "040", USA, JPN, "2021-05-03"),  # another dyad
    ev("t6", "040", JPN, KOR, "2023-03-16"),  # CONSULT
    ev("t7", "057", KOR, JPN, "2023-03-16"),  # sign agreement / AGREE
    ev("t8", "040", KOR, JPN, "2023-05-07"),
    ev("t9", "040", JPN, KOR),  # undated
]


class TestMatches:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [("JPN", True), ("jpn", True), ("JPNGOV", True), ("Shinzo Abe", True), ("abe", True), ("KOR", False)],
    )
    def test_queries(self, query, expected):
        """Country, actor code, name and aliases match, case-insensitively."""
        assert matches(ABE, query) is expected

    def test_none(self):
        """A missing actor matches nothing."""
        assert not matches(None, "JPN")


class TestTimeline:
    def test_pair_timeline_is_ordered_merged_and_undated_last(self):
        """A pair's timeline merges duplicate reports, orders by date and puts undated events last."""
        t = timeline(SERIES, pair=("KOR", "JPN"))
        assert isinstance(t, Timeline)
        assert [m.date.start.isoformat() if m.date else None for m in t] == [
            "2019-07-01",
            "2019-07-02",
            "2019-08-02",
            "2023-03-16",
            "2023-03-16",
            "2023-05-07",
            None,
        ]
        assert t[1].num_articles == 2
        assert len(t) == 7

    def test_directed_pair(self):
        """With directed=True only events from the first actor to the second are kept."""
        t = timeline(SERIES, pair=("KOR", "JPN"), directed=True)
        assert {m.source.country for m in t} == {"KOR"}

    def test_actor_timeline(self):
        """An actor's timeline includes every dyad it is part of."""
        assert len(timeline(SERIES, actor="USA")) == 1
        assert len(timeline(SERIES, actor="JPN")) == 8

    def test_merge_false_keeps_every_report(self):
        """Without merging each event is its own record."""
        assert len(timeline(SERIES, pair=("KOR", "JPN"), merge=False)) == 8

    def test_documents_and_merged_events_are_accepted(self):
        """Documents are merged with their publishers; merged events pass through."""
        doc = Document(article=Article(id="t2", text="", source=Source(publisher="Yonhap")), events=(SERIES[1],))
        pre = MergedEvent.single(SERIES[0])
        t = timeline([doc, pre])
        assert [m.publishers for m in t] == [(), ("Yonhap",)]

    def test_rejects_other_items(self):
        """Anything else is a TypeError."""
        with pytest.raises(TypeError, match="expected an Event"):
            timeline(["not an event"])


class TestDyadSeries:
    def test_yearly_series_shows_warming_after_the_dispute(self):
        """The Goldstein mean is negative in the dispute year and positive in the thaw, with empty years between."""
        s = dyad_series(SERIES, "JPN", "KOR", freq="year")
        assert isinstance(s, DyadSeries)
        assert [r.period.year for r in s] == [2019, 2020, 2021, 2022, 2023]
        assert [r.n for r in s] == [3, 0, 0, 0, 3]
        dispute, thaw = s[0], s[4]
        assert dispute.goldstein_mean is not None
        assert thaw.goldstein_mean is not None
        assert dispute.goldstein_mean < 0 < thaw.goldstein_mean
        assert dispute.count(EventType.SANCTION) == 2
        assert dispute.count("ACCUSE") == 1
        assert thaw.count("CONSULT") == 2
        assert thaw.quad_counts == (3, 0, 0, 0)
        assert dispute.quad_counts == (0, 0, 1, 2)
        assert s[1].goldstein_mean is None
        assert s.undated == 1

    @pytest.mark.parametrize(
        ("freq", "first", "count"),
        [
            ("day", "2019-07-01", 1407),
            ("week", "2019-07-01", 201),
            ("month", "2019-07-01", 47),
            ("year", "2019-01-01", 5),
        ],
    )
    def test_periods(self, freq, first, count):
        """Periods start on the day, the Monday, the first of the month or of the year, without gaps."""
        s = dyad_series(SERIES, "JPN", "KOR", freq=freq)
        assert s[0].period.isoformat() == first
        assert len(s) == count
        assert sum(r.n for r in s) == 6

    def test_month_boundary_in_december(self):
        """Monthly periods roll over the year correctly."""
        events = [ev("a", "040", JPN, KOR, "2022-12-05"), ev("b", "040", JPN, KOR, "2023-01-09")]
        assert [r.period.isoformat() for r in dyad_series(events, "JPN", "KOR")] == ["2022-12-01", "2023-01-01"]

    def test_directed_series(self):
        """A directed series counts only events from a to b."""
        s = dyad_series(SERIES, "KOR", "JPN", freq="year", directed=True)
        assert [r.n for r in s] == [1, 0, 0, 0, 2]

    def test_explicit_bounds(self):
        """start and end set the first and last periods, even without events there."""
        s = dyad_series(SERIES, "JPN", "KOR", freq="year", start=dt.date(2018, 6, 1), end=dt.date(2024, 1, 1))
        assert [r.period.year for r in s] == list(range(2018, 2025))

    def test_no_events_no_rows(self):
        """A pair without dated events has no rows."""
        assert len(dyad_series(SERIES, "USA", "KOR")) == 0

    def test_bad_freq(self):
        """An unknown frequency is a ConfigError."""
        with pytest.raises(ConfigError, match="freq"):
            dyad_series(SERIES, "JPN", "KOR", freq="decade")  # type: ignore[arg-type]


class TestExport:
    def test_dyad_csv(self):
        """A dyad series is written with its header and one row per period."""
        buf = io.StringIO()
        to_csv(dyad_series(SERIES, "JPN", "KOR", freq="year"), buf)
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert tuple(rows[0]) == DYAD_COLUMNS
        assert [r["n"] for r in rows] == ["3", "0", "0", "0", "3"]
        assert rows[1]["goldstein_mean"] == ""
        assert rows[4]["CONSULT"] == "2"

    def test_timeline_csv_to_a_path(self, tmp_path):
        """A timeline is written to a file with its header; lists are joined with ';'."""
        path = tmp_path / "t.csv"
        to_csv(timeline(SERIES, pair=("JPN", "KOR")), path)
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert tuple(rows[0]) == TIMELINE_COLUMNS
        assert rows[1]["articles"] == "t2;t3"
        assert rows[-1]["date_start"] == ""

    def test_empty_tables_keep_their_header(self):
        """An empty timeline still has a header; an empty plain list writes nothing."""
        buf = io.StringIO()
        to_csv(Timeline(events=()), buf)
        assert buf.getvalue().startswith("date_start,")
        buf = io.StringIO()
        to_csv([], buf)
        assert buf.getvalue() == ""

    def test_plain_lists_of_rows(self):
        """Lists of rows or merged events are accepted as well."""
        rows = list(dyad_series(SERIES, "JPN", "KOR", freq="year"))
        assert isinstance(rows[0], DyadRow)
        buf = io.StringIO()
        to_csv(rows, buf)
        assert buf.getvalue().count("\n") == 6
        with pytest.raises(TypeError):
            to_csv([1, 2], io.StringIO())

    def test_to_pandas(self):
        """to_pandas gives a frame with datetime periods and the same columns."""
        pd = pytest.importorskip("pandas")
        frame = to_pandas(dyad_series(SERIES, "JPN", "KOR", freq="year"))
        assert list(frame.columns) == list(DYAD_COLUMNS)
        assert frame["period"].dtype.kind == "M"
        assert frame["n"].tolist() == [3, 0, 0, 0, 3]
        t = to_pandas(timeline(SERIES, pair=("JPN", "KOR")))
        assert len(t) == 7
        assert pd.isna(t["date_start"].iloc[-1])
