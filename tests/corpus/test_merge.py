from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Article, Document, Event, Evidence, Source, TimeSpan, dump, load
from diplomev.corpus import EventMerger, MergedEvent, Report, actor_key, merge_documents, merge_events

from ..strategies import events as any_events

JPN, KOR, CHN = Actor(country="JPN"), Actor(country="KOR"), Actor(country="CHN")
KISHIDA = Actor(name="Fumio Kishida", kind="person", country="JPN", sector="GOV")
YOON = Actor(name="Yoon Suk Yeol", kind="person", country="KOR", sector="GOV")


def day(d: int, month: int = 3) -> TimeSpan:
    return TimeSpan.day(dt.date(2023, month, d))


MARCH = TimeSpan(start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 31), granularity="month")
WEEK = TimeSpan(start=dt.date(2023, 3, 13), end=dt.date(2023, 3, 19), granularity="week")


def ev(article, *, cameo="040", source=JPN, target=KOR, date=None, mode="asserted", extra=0, confidence=1.0, at=0):
    return Event(
        article=article,
        cameo=cameo,
        source=source,
        target=target,
        date=date,
        mode=mode,
        evidence=Evidence(text="x", start=at, end=at + 1),
        extra_evidence=tuple(Evidence(text="y", start=at + 10 + i, end=at + 11 + i) for i in range(extra)),
        confidence=confidence,
    )


class TestMergeEvents:
    def test_one_meeting_reported_three_ways_merges_into_one(self):
        """Three articles with different wording and date precision give one record with GDELT-style counts."""
        events = [
            ev("kyodo", source=KISHIDA, target=YOON, date=day(16), extra=1),
            ev("yonhap", source=JPN, target=KOR, date=MARCH),
            ev("blog", source=KISHIDA, target=KOR, date=WEEK),
        ]
        [m] = merge_events(events, publishers={"kyodo": "Kyodo", "yonhap": "Yonhap"})
        assert m.articles == ("kyodo", "yonhap", "blog")
        assert m.publishers == ("Kyodo", "Yonhap")
        assert (m.num_mentions, m.num_sources, m.num_articles) == (4, 3, 3)
        assert m.date == day(16)
        assert m.event.article == "kyodo"
        assert len(m.evidence) == 4

    def test_different_days_do_not_merge(self):
        """Two meetings on different days stay two records, in date order."""
        merged = merge_events([ev("b", date=day(20)), ev("a", date=day(5))])
        assert [m.date for m in merged] == [day(5), day(20)]

    def test_a_vague_date_joins_the_best_supported_precise_one(self):
        """A month-level report overlapping two meetings joins the one with more mentions, never both."""
        merged = merge_events([ev("a", date=day(5)), ev("b", date=day(20)), ev("c", date=day(20)), ev("m", date=MARCH)])
        assert [(m.date, m.articles) for m in merged] == [(day(5), ("a",)), (day(20), ("b", "c", "m"))]

    def test_undated_merges_only_with_undated(self):
        """Undated reports merge with each other, not with dated ones, and come last."""
        merged = merge_events([ev("u1"), ev("d", date=day(16)), ev("u2")])
        assert [(m.date, m.articles) for m in merged] == [(day(16), ("d",)), (None, ("u1", "u2"))]

    def test_undated_reports_merge_only_within_the_publication_window(self):
        """Undated reports of articles published days apart merge; years apart they do not."""
        published = {"a": dt.date(2019, 7, 1), "b": dt.date(2019, 7, 2), "c": dt.date(2023, 3, 16)}
        merged = merge_events([ev("a"), ev("b"), ev("c"), ev("x")], published=published)
        assert sorted(m.articles for m in merged) == [("a", "b"), ("c",), ("x",)]
        assert len(merge_events([ev("a"), ev("c")], published=published, undated_window_days=3650)) == 1

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            ({"cameo": "111"}, 2),  # different PLOVER type
            ({"source": KOR, "target": JPN}, 2),  # other direction
            ({"target": CHN}, 2),  # other target
            ({"mode": "planned"}, 2),  # other mode
            ({"cameo": "043"}, 1),  # another CAMEO code of the same PLOVER type
            ({"source": KISHIDA}, 1),  # a person of the same country
        ],
    )
    def test_key(self, other, expected):
        """Reports merge only with the same source, target, PLOVER type and mode."""
        merged = merge_events([ev("a", date=day(16)), ev("b", date=day(16), **other)])
        assert len(merged) == expected

    def test_undirected_merging(self):
        """With directed=False, A-B and B-A reports of a meeting merge."""
        events = [ev("a", date=day(16)), ev("b", source=KOR, target=JPN, date=day(16))]
        assert len(merge_events(events, directed=False)) == 1

    def test_tolerance_merges_neighbouring_days_and_the_majority_date_wins(self):
        """With tolerance_days=1, reports a day apart merge and the date most reports give is kept."""
        events = [ev("a", date=day(16)), ev("b", date=day(17)), ev("c", date=day(17))]
        assert len(merge_events(events)) == 2
        [m] = merge_events(events, tolerance_days=1)
        assert m.date == day(17)

    def test_representative_is_the_most_confident_with_the_merged_date(self):
        """Among reports with the merged date, the most confident one represents the record."""
        events = [ev("a", date=day(16), confidence=0.5), ev("b", date=day(16), confidence=0.9), ev("c", date=MARCH)]
        [m] = merge_events(events)
        assert m.event.article == "b"
        assert m.articles == ("a", "b", "c")

    def test_custom_actor_key(self):
        """A custom actor key can split actors that the default key joins."""
        events = [ev("a", source=KISHIDA, date=day(16)), ev("b", source=JPN, date=day(16))]
        assert len(merge_events(events, actor_key=lambda a: None if a is None else a.code)) == 2

    def test_unknown_publishers_count_as_one_source(self):
        """Articles without a publisher never inflate num_sources."""
        [m] = merge_events([ev("a", date=day(1)), ev("b", date=day(1)), ev("c", date=day(1))])
        assert (m.num_articles, m.num_sources) == (3, 1)

    def test_same_article_twice_counts_one_article(self):
        """Two reports from one article count as two mentions but one article."""
        [m] = merge_events([ev("a", date=day(16)), ev("a", date=MARCH, at=50)])
        assert (m.num_mentions, m.num_articles) == (2, 1)


dated_spans = st.builds(
    lambda start, width: TimeSpan(
        start=dt.date(2023, 1, 1) + dt.timedelta(days=start),
        end=dt.date(2023, 1, 1) + dt.timedelta(days=start + width),
        granularity="day" if width == 0 else "week",
    ),
    st.integers(0, 40),
    st.sampled_from([0, 0, 0, 6, 30]),
)
small_events = st.builds(
    lambda i, pair, cameo, date: ev(f"a{i}", source=pair[0], target=pair[1], cameo=cameo, date=date),
    st.integers(0, 30),
    st.sampled_from([(JPN, KOR), (KOR, JPN), (JPN, CHN)]),
    st.sampled_from(["040", "111", "057"]),
    st.none() | dated_spans,
)


class TestMergeProperties:
    @given(st.lists(small_events, max_size=25), st.randoms(use_true_random=False))
    def test_every_report_is_kept_once_and_order_does_not_matter(self, events, rnd):
        """Merging keeps each report exactly once and gives the same result for any input order."""
        merged = merge_events(events)
        assert sorted(r.event.id for m in merged for r in m.reports) == sorted(e.id for e in events)
        shuffled = list(events)
        rnd.shuffle(shuffled)
        again = merge_events(shuffled)
        assert [sorted(r.event.id for r in m.reports) for m in again] == [
            sorted(r.event.id for r in m.reports) for m in merged
        ]

    @given(st.lists(small_events, max_size=25))
    def test_merged_date_is_the_narrowest_and_overlaps_every_report(self, events):
        """Each merged date is a reported date no wider than any other and overlapping all of them."""
        for m in merge_events(events):
            dates = [r.event.date for r in m.reports]
            if m.date is None:
                assert all(d is None for d in dates)
                continue
            assert all(d is not None and d.overlaps(m.date) for d in dates)
            assert all(m.date.end - m.date.start <= d.end - d.start for d in dates if d is not None)
            assert len({(r.event.source.country, r.event.target.country, r.event.type) for r in m.reports}) == 1


class TestEventMerger:
    def test_incremental_adding_equals_batch(self):
        """Adding events one by one gives the same records as merge_events."""
        events = [ev("a", date=day(16)), ev("b", date=MARCH), ev("c", date=day(20))]
        merger = EventMerger()
        for e in events:
            merger.add(e)
        assert len(merger) == 3
        assert merger.merged() == merge_events(events)

    def test_documents_bring_their_publishers(self):
        """merge_documents takes each publisher from the article's source."""
        docs = [
            Document(
                article=Article(id=a, text="", source=Source(publisher=p, published=dt.date(2023, 3, 17))),
                events=(ev(a, date=day(16)),),
            )
            for a, p in [("a", "Kyodo"), ("b", "Yonhap"), ("c", "Kyodo")]
        ]
        [m] = merge_documents(docs)
        assert m.publishers == ("Kyodo", "Yonhap")
        assert m.num_sources == 2
        assert {r.published for r in m.reports} == {dt.date(2023, 3, 17)}


class TestMergedEvent:
    def test_single(self):
        """A single event wraps into a record with one report."""
        m = MergedEvent.single(ev("a", date=day(1)), publisher="AP")
        assert (m.num_articles, m.num_sources, m.num_mentions) == (1, 1, 1)
        assert m.type.value == "CONSULT"
        assert m.goldstein == 1.0
        assert m.quad_class == 1

    def test_id_is_stable_and_independent_of_report_order(self):
        """The id depends on the set of reports only."""
        a, b = ev("a", date=day(1)), ev("b", date=day(1))
        one = MergedEvent(event=a, reports=(Report(event=a), Report(event=b)))
        two = MergedEvent(event=b, reports=(Report(event=b), Report(event=a)))
        assert one.id == two.id

    def test_location_falls_back_to_another_report(self):
        """Without a representative location, the first report with one gives it."""
        from diplomev import Location

        a = ev("a", date=day(1))
        b = Event(article="b", cameo="040", source=JPN, target=KOR, date=day(1), location=Location(name="Tokyo"))
        [m] = merge_events([a, b])
        assert m.location is not None
        assert m.location.name == "Tokyo"

    def test_json_lines_round_trip(self):
        """dump and load write merged records with flat counts and read them back unchanged."""
        merged = merge_events(
            [ev("a", date=day(16), extra=2), ev("b", date=MARCH)],
            publishers={"a": "Kyodo", "b": None},
            published={"a": dt.date(2023, 3, 17)},
        )
        buf = io.StringIO()
        dump(merged, buf)
        line = buf.getvalue().splitlines()[0]
        assert '"num_mentions": 4' in line
        assert '"num_articles": 2' in line
        buf.seek(0)
        assert list(load(buf, type=MergedEvent)) == merged

    @given(any_events)
    def test_round_trip_of_any_event(self, event):
        """Any event wrapped as a merged record survives the JSON Lines round trip."""
        m = MergedEvent.single(event, publisher="P")
        buf = io.StringIO()
        dump([m], buf)
        buf.seek(0)
        assert list(load(buf, type=MergedEvent)) == [m]


class TestActorKey:
    @pytest.mark.parametrize(
        ("actor", "key"),
        [(None, None), (JPN, "JPN"), (KISHIDA, "JPN"), (Actor(name="Hamas", kind="group"), "Hamas")],
    )
    def test_key(self, actor, key):
        """Country first, else name."""
        assert actor_key(actor) == key
