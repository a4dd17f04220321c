from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Event, Location, TimeSpan
from diplomev.errors import SerialisationError
from diplomev.serialisers import Icews
from diplomev.serialisers._common import clean_cell, country_name
from diplomev.serialisers.icews import ICEWS_COLUMNS, SECTOR_NAMES

from ..strategies import events


def _actor_view(actor: Actor | None) -> tuple | None:
    if actor is None:
        return None
    name = clean_cell(actor.name) or None
    if not (name or actor.sector or actor.country):
        return None
    return (name, actor.country, actor.sector)


def _location_view(loc: Location | None) -> tuple | None:
    if loc is None:
        return None
    name = clean_cell(loc.name)
    if not name and loc.country is None and loc.latitude is None and loc.longitude is None:
        return None
    return (name or country_name(loc.country), loc.country, loc.latitude, loc.longitude)


def icews_view(event: Event) -> tuple:
    """The fields an ICEWS row carries, as they read back (see docs/reference/formats/icews.md)."""
    return (
        clean_cell(event.id),
        clean_cell(event.article),
        event.cameo,
        event.goldstein,
        None if event.date is None else event.date.start,
        _actor_view(event.source),
        _actor_view(event.target),
        _location_view(event.location),
    )


def _dump(evs: list[Event]) -> str:
    buf = io.StringIO()
    Icews().dump(evs, buf)
    return buf.getvalue()


SAMPLE = Event(
    article="story-20171122-1",
    cameo="042",
    source=Actor(name="Kang Kyung-wha", kind="person", country="KOR", sector="GOV"),
    target=Actor(country="CHN", sector="MIL"),
    date=TimeSpan.day(dt.date(2017, 11, 22)),
    location=Location(name="Beijing", country="CHN", latitude=39.9, longitude=116.4),
    id="ev-1",
)


class TestIcews:
    def test_header_and_row(self) -> None:
        """The file starts with the ICEWS header; countries and sectors are written as words."""
        header, line = _dump([SAMPLE]).splitlines()
        assert header.split("\t") == list(ICEWS_COLUMNS)
        row = dict(zip(ICEWS_COLUMNS, line.split("\t"), strict=True))
        assert row == {
            "Event ID": "ev-1",
            "Event Date": "2017-11-22",
            "Source Name": "Kang Kyung-wha",
            "Source Sectors": "Government",
            "Source Country": "South Korea",
            "Event Text": "Make a visit",
            "CAMEO Code": "042",
            "Intensity": "1.9",
            "Target Name": "",
            "Target Sectors": "Military",
            "Target Country": "China",
            "Story ID": "story-20171122-1",
            "Sentence Number": "",
            "Publisher": "",
            "City": "Beijing",
            "District": "",
            "Province": "",
            "Country": "China",
            "Latitude": "39.9",
            "Longitude": "116.4",
        }

    @given(st.lists(events, max_size=4))
    def test_carried_fields_survive(self, evs: list[Event]) -> None:
        """Id, story, code, intensity, day, actors' names, countries and sectors, and the place survive."""
        back = list(Icews().load(io.StringIO(_dump(evs))))
        assert [icews_view(e) for e in back] == [icews_view(e) for e in evs]

    def test_every_sector_name_reads_back(self) -> None:
        """Each documented sector name maps back to its code."""
        evs = [Event(article="a", cameo="040", source=Actor(sector=code)) for code in SECTOR_NAMES]
        back = list(Icews().load(io.StringIO(_dump(evs))))
        assert [e.source.sector for e in back] == list(SECTOR_NAMES)

    def test_reads_icews_style_rows(self) -> None:
        """Columns in another order, several sectors, codes without leading zeros and variant country names read."""
        header = [
            "Story ID",
            "CAMEO Code",
            "Event Date",
            "Source Name",
            "Source Sectors",
            "Source Country",
            "Intensity",
            "Event ID",
            "Target Name",
            "Target Country",
            "City",
            "Country",
            "Latitude",
            "Longitude",
        ]
        row = [
            "28033",
            "42",
            "2015-03-13",
            "Prime Minister (Japan)",
            "Government,Executive,Cabinet",
            "Japan",
            "1.9",
            "926685",
            "Republic of Korea",
            "Republic of Korea",
            "Seoul",
            "Republic of Korea",
            "37.56",
            "126.97",
        ]
        text = "\t".join(header) + "\n" + "\t".join(row) + "\n"
        (e,) = Icews().load(io.StringIO(text))
        assert (e.id, e.article, e.cameo, e.goldstein) == ("926685", "28033", "042", 1.9)
        assert e.source == Actor(name="Prime Minister (Japan)", country="JPN", sector="GOV")
        assert e.target == Actor(name="Republic of Korea", country="KOR")
        assert e.location == Location(name="Seoul", country="KOR", latitude=37.56, longitude=126.97)

    def test_rows_without_header_are_positional(self) -> None:
        """Without a header row the columns are taken in the documented order."""
        text = _dump([SAMPLE]).split("\n", 1)[1]
        assert [icews_view(e) for e in Icews().load(io.StringIO(text))] == [icews_view(SAMPLE)]

    def test_bad_rows_are_reported_and_the_rest_read(self) -> None:
        """An unknown country and a short row are reported with their line numbers; good rows are read."""
        header, good = _dump([SAMPLE]).splitlines()
        bad_country = good.replace("South Korea", "Atlantis")
        text = f"{header}\n{good}\n{bad_country}\na\tb\n{good}" + "\n"
        errors: list[SerialisationError] = []
        out = list(Icews().load(io.StringIO(text), on_error=errors.append))
        assert len(out) == 2
        assert [e.line for e in errors] == [3, 4]
        assert "Atlantis" in errors[0].reason

    def test_statement_codes_are_skipped_or_reported(self) -> None:
        """A 010 'Make statement' row is skipped by default and an error with unmapped='error'."""
        header, good = _dump([SAMPLE]).splitlines()
        text = header + "\n" + good.replace("\t042\t", "\t010\t") + "\n"
        assert list(Icews().load(io.StringIO(text))) == []
        with pytest.raises(SerialisationError, match="line 2"):
            list(Icews().load(io.StringIO(text), unmapped="error"))
