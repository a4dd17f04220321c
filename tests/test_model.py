from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from diplomev import Actor, Event, EventType, Evidence, Location, Mode, Source, Span, TimeSpan
from diplomev.errors import DiplomevError, ValidationError

from .strategies import events


class TestSpan:
    def test_slice_returns_the_covered_text(self) -> None:
        """A span slices its text by half-open offsets."""
        assert Span(start=4, end=9).slice("The talks began") == "talks"

    def test_end_before_start_is_rejected_naming_the_field(self) -> None:
        """A span that ends before it starts raises ValidationError naming Span.end."""
        with pytest.raises(ValidationError) as info:
            Span(start=5, end=2)
        assert info.value.field == "Span.end"
        assert "2" in str(info.value)

    def test_negative_offsets_are_rejected(self) -> None:
        """Offsets are never negative."""
        with pytest.raises(ValidationError, match="Span.start"):
            Span(start=-1, end=2)


class TestTimeSpan:
    def test_start_after_end_is_rejected(self) -> None:
        """A time span must not end before it starts."""
        with pytest.raises(ValidationError, match=r"TimeSpan\.end"):
            TimeSpan(start=dt.date(2020, 1, 2), end=dt.date(2020, 1, 1), granularity="day")

    def test_unknown_granularity_is_rejected(self) -> None:
        """Granularity must be one of the known values."""
        with pytest.raises(ValidationError, match="Granularity"):
            TimeSpan(start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 1), granularity="fortnight")

    def test_datetime_is_not_a_date(self) -> None:
        """A datetime is rejected where a calendar date is required."""
        with pytest.raises(ValidationError):
            TimeSpan.day(dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))  # type: ignore[arg-type]


class TestActor:
    def test_code_defaults_to_country_and_sector(self) -> None:
        """The CAMEO-style code is derived from country and sector."""
        assert Actor(country="KOR", sector="GOV").code == "KORGOV"
        assert Actor(country="CHN").code == "CHN"
        assert Actor(name="United Nations", kind="organisation").code is None

    @pytest.mark.parametrize("bad", ["KR", "kor", "XXX", "Korea"])
    def test_bad_iso_code_is_rejected(self, bad: str) -> None:
        """Country codes must be ISO 3166-1 alpha-3."""
        with pytest.raises(ValidationError) as info:
            Actor(country=bad)
        assert info.value.field == "Actor.country"
        assert isinstance(info.value, DiplomevError)

    def test_bad_sector_is_rejected(self) -> None:
        """Sector codes are three upper-case letters."""
        with pytest.raises(ValidationError, match="Actor.sector"):
            Actor(country="KOR", sector="government")


class TestSource:
    def test_naive_datetime_is_rejected(self) -> None:
        """Publication datetimes must carry a time zone."""
        with pytest.raises(ValidationError, match="Source.published"):
            Source(published=dt.datetime(2020, 1, 1, 12, 0))

    def test_published_date_drops_the_time(self) -> None:
        """published_date gives the calendar day of an aware datetime."""
        stamp = dt.datetime(2020, 11, 26, 14, 22, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
        assert Source(published=stamp).published_date == dt.date(2020, 11, 26)


class TestEvent:
    def test_taxonomy_fills_type_goldstein_and_quad_class(self) -> None:
        """An event built from a CAMEO code gets its PLOVER type, Goldstein value and quad class."""
        e = Event(article="a", cameo="163", source=Actor(country="CHN"), target=Actor(country="KOR"))
        assert (e.type, e.goldstein, e.quad_class) == (EventType.SANCTION, -8.0, 4)

    def test_unknown_cameo_code_is_rejected(self) -> None:
        """A code that is not in the codebook raises ValidationError naming Event.cameo."""
        with pytest.raises(ValidationError) as info:
            Event(article="a", cameo="999")
        assert info.value.field == "Event.cameo"

    def test_unknown_plover_type_is_rejected(self) -> None:
        """An unknown PLOVER type raises the project's own error."""
        with pytest.raises(ValidationError, match="EventType"):
            Event(article="a", cameo="040", type="CHAT")

    def test_statement_codes_need_an_explicit_type(self) -> None:
        """Codes without a PLOVER type (public statements) require type=."""
        with pytest.raises(ValidationError, match="Event.type"):
            Event(article="a", cameo="010")
        assert Event(article="a", cameo="010", type="SUPPORT").type is EventType.SUPPORT

    def test_modes_are_parsed_from_strings(self) -> None:
        """Modes are given by value."""
        assert Event(article="a", cameo="040", mode="planned").mode is Mode.PLANNED

    def test_confidence_outside_unit_interval_is_rejected(self) -> None:
        """Confidence lies between 0 and 1."""
        with pytest.raises(ValidationError, match="Event.confidence"):
            Event(article="a", cameo="040", confidence=1.5)

    def test_id_is_stable_and_content_based(self) -> None:
        """Equal content gives an equal id; different content a different one."""
        a = Event(article="a", cameo="040", source=Actor(country="KOR"))
        b = Event(article="a", cameo="040", source=Actor(country="KOR"))
        c = Event(article="a", cameo="042", source=Actor(country="KOR"))
        assert a.id == b.id != c.id

    @given(events)
    def test_records_are_frozen(self, event: Event) -> None:
        """Records cannot be changed in place; evolve makes a changed copy."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            event.article = "other"  # type: ignore[misc]
        assert attrs.evolve(event, article="other").article == "other"


def test_location_country_is_validated() -> None:
    """Locations carry ISO codes too."""
    with pytest.raises(ValidationError, match="Location.country"):
        Location(name="Seoul", country="SK")


def test_evidence_span_round_trips() -> None:
    """Evidence exposes its offsets as a Span."""
    assert Evidence(text="x", start=1, end=2).span == Span(start=1, end=2)
