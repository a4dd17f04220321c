"""The corpus tools with the default pipeline, on the example articles and three reports of one meeting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomev import EventType, Pipeline
from diplomev.corpus import dyad_series, merge_documents, process, timeline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
SAME_MEETING = Path(__file__).with_name("fixtures") / "same_meeting.jsonl"


@pytest.fixture(name="pipeline", scope="module")
def fixture_pipeline() -> Pipeline:
    return Pipeline.default()


class TestSameMeeting:
    def test_reports_of_one_meeting_merge(self, pipeline):
        """Three outlets' differently worded reports of one meeting merge into one record per direction."""
        docs = list(process(SAME_MEETING, pipeline=pipeline))
        assert len(docs) == 3
        merged = merge_documents(docs)
        meetings = [
            m
            for m in merged
            if m.type is EventType.CONSULT
            and m.source is not None
            and m.target is not None
            and (m.source.country, m.target.country) == ("IDN", "AUS")
            and len(m.articles) > 1
        ]
        assert len(meetings) == 1
        [m] = meetings
        # "this week" (Wire B) and "on February 13" (Paper C) merge, keeping the precise day.
        assert {"meet-wire-b", "meet-paper-c"} <= set(m.articles)
        assert m.date is not None
        assert m.date.start.isoformat() == "2024-02-13"
        assert m.date.granularity.value == "day"
        assert m.num_sources == m.num_articles
        assert set(m.publishers) >= {"Wire B", "Paper C"}
        assert sum(len(x.reports) for x in merged) == sum(len(d.events) for d in docs)


class TestExamples:
    def test_two_workers_equal_one(self, pipeline):
        """The example corpus gives the same documents in two worker processes as in one process."""
        errors = []
        serial = list(process(EXAMPLES, pipeline=pipeline, on_error=errors.append))
        parallel = list(process(EXAMPLES, pipeline=pipeline, workers=2, chunksize=2, on_error=errors.append))
        assert errors == []
        assert parallel == serial
        assert sum(len(d.events) for d in serial) > 0

    def test_timeline_and_dyads_of_the_japan_korea_series(self, pipeline):
        """The Japan-South Korea series gives a dated timeline and a yearly series covering 2019 and 2023."""
        docs = list(process(EXAMPLES, pipeline=pipeline))
        t = timeline(docs, pair=("JPN", "KOR"))
        dated = [m.date.start for m in t if m.date is not None]
        assert dated == sorted(dated)
        assert any(d.year == 2023 for d in dated)
        series = dyad_series(docs, "JPN", "KOR", freq="year")
        years = {r.period.year: r.n for r in series}
        assert years.get(2023, 0) > 0

    def test_wire_jsonl_keeps_its_metadata(self, pipeline):
        """Articles from a JSON Lines file keep the publisher given there."""
        docs = list(process(EXAMPLES / "wire.jsonl", pipeline=pipeline))
        rows = [json.loads(line) for line in (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [d.article.source.publisher for d in docs] == [r.get("publisher") for r in rows]
