from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Article, Event, dump, load
from diplomev.errors import SerialisationError
from diplomev.serialisers import JsonArray
from diplomev.serialisers import json as json_module

from ..strategies import articles, events


class TestJsonArray:
    @given(st.lists(events, max_size=4))
    def test_events_round_trip_unchanged(self, evs: list[Event]) -> None:
        """Every event survives a JSON array round trip."""
        buf = io.StringIO()
        dump(evs, buf, format="json")
        buf.seek(0)
        assert list(load(buf, format="json")) == evs

    @given(st.lists(articles, max_size=3))
    def test_articles_round_trip_unchanged(self, arts: list[Article]) -> None:
        """Other records than events round-trip too, given their type."""
        buf = io.StringIO()
        JsonArray().dump(arts, buf)
        buf.seek(0)
        assert list(JsonArray().load(buf, type=Article)) == arts

    @given(st.lists(events, min_size=1, max_size=3), st.sampled_from([3, 17, 100]))
    def test_reads_pretty_printed_arrays_in_small_chunks(self, evs: list[Event], chunk: int) -> None:
        """Any JSON array is read, however it is laid out and however small the read chunks."""
        buf = io.StringIO()
        JsonArray().dump(evs, buf)
        pretty = json.dumps(json.loads(buf.getvalue()), indent=2, ensure_ascii=False)
        old = json_module._CHUNK
        json_module._CHUNK = chunk
        try:
            assert list(JsonArray().load(io.StringIO(pretty))) == evs
        finally:
            json_module._CHUNK = old

    def test_writes_one_record_per_line(self) -> None:
        """The writer streams: '[', one record per line separated by ',', then ']'."""
        buf = io.StringIO()
        JsonArray().dump([Event(article="a", cameo="040"), Event(article="b", cameo="040")], buf)
        text = buf.getvalue().splitlines()
        assert text[0] == "["
        assert text[1].endswith(",")
        assert text[-1] == "]"
        assert len(text) == 4

    @pytest.mark.parametrize("text", ["", "  \n", "[]", "[\n]\n"])
    def test_empty_inputs_hold_no_records(self, text: str) -> None:
        """An empty stream or an empty array yields nothing and reports nothing."""
        assert list(JsonArray().load(io.StringIO(text))) == []

    def test_bad_record_is_reported_with_its_line_and_reading_goes_on(self) -> None:
        """A malformed record names its line; the records after it are still read."""
        buf = io.StringIO()
        JsonArray().dump([Event(article=str(i), cameo="040") for i in range(3)], buf)
        lines = buf.getvalue().splitlines()
        lines[2] = '{"article": "x", "cameo": 040},'  # not JSON: a number with a leading zero
        errors: list[SerialisationError] = []
        out = list(JsonArray().load(io.StringIO("\n".join(lines)), on_error=errors.append))
        assert [e.article for e in out] == ["0", "2"]
        assert [e.line for e in errors] == [3]

    def test_invalid_record_names_line_and_field(self) -> None:
        """Valid JSON that is not a valid event is reported with its line and the field."""
        text = '[\n{"article": "a", "cameo": "040"},\n{"article": "b", "cameo": "999"}\n]'
        with pytest.raises(SerialisationError) as info:
            list(JsonArray().load(io.StringIO(text)))
        assert info.value.line == 3
        assert "cameo" in str(info.value)

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ('{"article": "a"}', "'['"),
            ('[{"article": "a", "cameo": "040"}', "closed"),
            ('[{"article": "a", "cameo": "040"}] trailing', "after the end"),
        ],
    )
    def test_structural_errors_are_clear(self, text: str, problem: str) -> None:
        """A file that is not one JSON array says what is wrong."""
        with pytest.raises(SerialisationError, match="line 1") as info:
            list(JsonArray().load(io.StringIO(text)))
        assert problem in str(info.value)
