from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Event
from diplomev.errors import SerialisationError
from diplomev.serialisers import from_pandas, to_pandas
from diplomev.serialisers.csv import CSV_COLUMNS

from ..strategies import events

pd = pytest.importorskip("pandas")


class TestPandas:
    @given(st.lists(events, max_size=4))
    def test_events_round_trip_unchanged(self, evs: list[Event]) -> None:
        """from_pandas(to_pandas(x)) == x for any events."""
        assert from_pandas(to_pandas(evs)) == evs

    def test_columns_and_types(self) -> None:
        """The frame has the CSV columns; numbers are numeric, missing values are NA."""
        df = to_pandas([Event(article="a", cameo="112", source=Actor(country="KOR")), Event(article="b", cameo="040")])
        assert list(df.columns) == list(CSV_COLUMNS)
        assert str(df["quad_class"].dtype) == "Int64"
        assert df["goldstein"].tolist() == [-2.0, 1.0]
        assert df.loc[0, "source.country"] == "KOR"
        assert df["source.country"].isna().tolist() == [False, True]
        assert df["evidence.start"].isna().all()
        assert (df.groupby("source.country", dropna=False).size() == 1).all()

    def test_partial_frames_read(self) -> None:
        """A frame with only some columns reads, with the record defaults for the rest."""
        df = pd.DataFrame({"article": ["a", "b"], "cameo": ["040", "042"], "source.country": ["KOR", None]})
        assert from_pandas(df) == [
            Event(article="a", cameo="040", source=Actor(country="KOR")),
            Event(article="b", cameo="042"),
        ]

    def test_bad_rows_are_reported(self) -> None:
        """A bad row is reported with its position and the other rows are still read."""
        df = pd.DataFrame({"article": ["a", "b", "c"], "cameo": ["040", "999", "042"]})
        errors: list[SerialisationError] = []
        assert [e.article for e in from_pandas(df, on_error=errors.append)] == ["a", "c"]
        assert [e.line for e in errors] == [2]
        with pytest.raises(SerialisationError, match="row 2"):
            from_pandas(df)
