from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Article, Event, dump, load
from diplomev.errors import SerialisationError
from diplomev.serialisers import JsonLines

from ..strategies import articles, events


class TestJsonLines:
    @given(st.lists(events, max_size=4))
    def test_events_round_trip_unchanged(self, evs: list[Event]) -> None:
        """Every event survives a JSON Lines round trip."""
        buf = io.StringIO()
        dump(evs, buf, format="jsonl")
        buf.seek(0)
        assert list(load(buf, format="jsonl")) == evs

    @given(st.lists(articles, max_size=3))
    def test_articles_round_trip_unchanged(self, arts: list[Article]) -> None:
        """Articles (with their sources) survive a round trip too."""
        buf = io.StringIO()
        JsonLines().dump(arts, buf)
        buf.seek(0)
        assert list(JsonLines().load(buf, type=Article)) == arts

    def test_event_keys_follow_contract_2(self) -> None:
        """An event line carries the contract keys, nested, with nulls for missing values."""
        e = Event(article="a1", cameo="040", source=Actor(name="Wang Yi", country="CHN", sector="GOV", kind="person"))
        buf = io.StringIO()
        JsonLines().dump([e], buf)
        rec = json.loads(buf.getvalue())
        assert list(rec)[:13] == [
            "id",
            "article",
            "type",
            "cameo",
            "goldstein",
            "quad_class",
            "source",
            "target",
            "date",
            "location",
            "mode",
            "evidence",
            "confidence",
        ]
        assert rec["source"]["code"] == "CHNGOV"
        assert rec["target"] is None
        assert rec["type"] == "CONSULT"

    def test_bad_line_names_its_number_and_field(self) -> None:
        """A malformed line is reported with its line number and the offending field."""
        good = io.StringIO()
        JsonLines().dump([Event(article="a", cameo="040")], good)
        bad = json.loads(good.getvalue())
        bad["source"] = {"country": "Korea"}
        text = good.getvalue() + "{not json\n" + json.dumps(bad) + "\n" + good.getvalue()
        errors: list[SerialisationError] = []
        out = list(JsonLines().load(io.StringIO(text), on_error=errors.append))
        assert len(out) == 2
        assert [e.line for e in errors] == [2, 3]
        assert "country" in str(errors[1])

    def test_first_bad_line_raises_without_handler(self) -> None:
        """Without an error handler the first bad line raises SerialisationError."""
        with pytest.raises(SerialisationError, match="line 1"):
            list(JsonLines().load(io.StringIO("[1, 2]\n")))
