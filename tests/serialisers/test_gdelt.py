from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Event, Evidence, Location, TimeSpan
from diplomev.errors import SerialisationError
from diplomev.serialisers import Gdelt
from diplomev.serialisers._common import clean_cell
from diplomev.serialisers._fips import FIPS_BY_ISO3
from diplomev.serialisers.gdelt import GDELT_COLUMNS, global_event_id

from ..strategies import events


def _actor_view(actor: Actor | None) -> tuple | None:
    if actor is None:
        return None
    name = clean_cell(actor.name) or None
    code = clean_cell(actor.code) or None
    if not (code or name or actor.country or actor.sector):
        return None
    return (name, actor.country, actor.sector, code)


def _location_view(loc: Location | None) -> tuple | None:
    if loc is None:
        return None
    name = clean_cell(loc.name)
    fips = FIPS_BY_ISO3.get(loc.country or "")
    if not name and loc.latitude is None and loc.longitude is None and not fips:
        return None
    return (name, loc.country if fips else None, loc.latitude, loc.longitude)


def gdelt_view(event: Event) -> tuple:
    """The fields a GDELT row carries, as they read back (see docs/reference/formats/gdelt.md)."""
    ident = str(global_event_id(event))
    return (
        ident,
        clean_cell(event.article) or ident,
        event.cameo,
        event.goldstein,
        event.quad_class,
        _actor_view(event.source),
        _actor_view(event.target),
        None if event.date is None else event.date.start,
        _location_view(event.location),
    )


def _dump(evs: list[Event], **options) -> str:
    buf = io.StringIO()
    Gdelt(**options).dump(evs, buf)
    return buf.getvalue()


SAMPLE = Event(
    article="https://news.example/kor-chn-talks",
    cameo="042",
    source=Actor(name="Kang Kyung-wha", kind="person", country="KOR", sector="GOV"),
    target=Actor(country="CHN", sector="GOV"),
    date=TimeSpan.day(dt.date(2017, 11, 22)),
    location=Location(name="Beijing", country="CHN", latitude=39.9, longitude=116.4),
    evidence=Evidence(text="...", start=120, end=240),
    extra_evidence=(Evidence(text="...", start=500, end=560),),
    id="0000000000abcdef",
)


class TestGdelt:
    def test_columns_are_the_gdelt_2_event_table(self) -> None:
        """The module-level tuple has GDELT 2.0's 61 columns, first and last as GDELT has them."""
        assert len(GDELT_COLUMNS) == 61
        assert len(set(GDELT_COLUMNS)) == 61
        assert GDELT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
        assert GDELT_COLUMNS[25:35] == (
            "IsRootEvent",
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
            "NumMentions",
            "NumSources",
            "NumArticles",
            "AvgTone",
        )
        assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")

    def test_row_holds_what_gdelt_code_expects(self) -> None:
        """Each cell of a row is in GDELT's format: dates as numbers, FIPS geography, codes split."""
        (line,) = _dump([SAMPLE]).splitlines()
        row = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        assert row["GlobalEventID"] == str(0xABCDEF)
        assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
            "20171122",
            "201711",
            "2017",
            "2017.8904",
        )
        assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
            "KORGOV",
            "Kang Kyung-wha",
            "KOR",
            "GOV",
        )
        assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == (
            "042",
            "042",
            "04",
            "1",
        )
        assert row["IsRootEvent"] == "1"
        assert row["NumMentions"] == "2"
        assert row["AvgTone"] == ""
        assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == (
            "4",
            "Beijing",
            "CH",
        )
        assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == ("39.9", "116.4")
        assert row["Actor1Geo_Type"] == "0"
        assert row["DATEADDED"] == "20171122000000"
        assert row["SOURCEURL"] == SAMPLE.article

    def test_header_only_on_request(self) -> None:
        """GDELT files have no header; header=True adds one, and the reader skips it."""
        assert not _dump([SAMPLE]).startswith("GlobalEventID")
        text = _dump([SAMPLE], header=True)
        assert text.splitlines()[0].split("\t") == list(GDELT_COLUMNS)
        assert [gdelt_view(e) for e in Gdelt().load(io.StringIO(text))] == [gdelt_view(SAMPLE)]

    def test_date_added_option(self) -> None:
        """DATEADDED can be set to the time the data were produced, written in UTC."""
        when = dt.datetime(2024, 3, 6, 21, 15, tzinfo=dt.timezone(dt.timedelta(hours=9)))
        line = _dump([SAMPLE], date_added=when)
        assert line.rstrip("\n").split("\t")[GDELT_COLUMNS.index("DATEADDED")] == "20240306121500"

    @given(st.lists(events, max_size=4))
    def test_carried_fields_survive(self, evs: list[Event]) -> None:
        """Id, article, codes, Goldstein, actors' names, countries, sectors and codes, day and place survive."""
        back = list(Gdelt().load(io.StringIO(_dump(evs))))
        assert [gdelt_view(e) for e in back] == [gdelt_view(e) for e in evs]

    def test_text_cannot_break_rows(self) -> None:
        """Tabs and line breaks inside names become spaces, so every event stays one 61-cell row."""
        e = Event(article="a\tb", cameo="040", source=Actor(name="x\ny\rz", country="KOR"))
        (line,) = _dump([e]).splitlines()
        assert len(line.split("\t")) == 61

    @pytest.mark.parametrize(
        ("ident", "expected"),
        [("1034520887", 1034520887), ("00ff", 255), ("ffffffffffffffff", (1 << 63) - 1)],
    )
    def test_global_event_id(self, ident: str, expected: int) -> None:
        """Decimal ids are kept, hexadecimal ids are read as numbers, all fit a signed 64-bit column."""
        assert global_event_id(Event(article="a", cameo="040", id=ident)) == expected

    def test_reads_a_gdelt_row(self) -> None:
        """A row in GDELT's own style becomes an Event with GDELT's values."""
        cells = [""] * 61
        values = {
            "GlobalEventID": "410479387",
            "Day": "20150218",
            "MonthYear": "201502",
            "Year": "2015",
            "FractionDate": "2015.1315",
            "Actor1Code": "USAGOV",
            "Actor1Name": "UNITED STATES",
            "Actor1CountryCode": "USA",
            "Actor1Type1Code": "GOV",
            "Actor2Code": "IGOUNO",
            "Actor2Name": "UNITED NATIONS",
            "Actor2KnownGroupCode": "UNO",
            "Actor2Type1Code": "IGO",
            "IsRootEvent": "1",
            "EventCode": "0231",
            "EventBaseCode": "023",
            "EventRootCode": "02",
            "QuadClass": "1",
            "GoldsteinScale": "3.4",
            "NumMentions": "4",
            "NumSources": "1",
            "NumArticles": "4",
            "AvgTone": "-1.2",
            "ActionGeo_Type": "4",
            "ActionGeo_FullName": "Geneva, Genève, Switzerland",
            "ActionGeo_CountryCode": "SZ",
            "ActionGeo_Lat": "46.2",
            "ActionGeo_Long": "6.15",
            "DATEADDED": "20150218230000",
            "SOURCEURL": "http://news.example/1",
        }
        for key, value in values.items():
            cells[GDELT_COLUMNS.index(key)] = value
        (e,) = Gdelt().load(io.StringIO("\t".join(cells) + "\n"))
        assert (e.id, e.article, e.cameo, e.type.value, e.goldstein) == (
            "410479387",
            "http://news.example/1",
            "0231",
            "REQUEST",
            3.4,
        )
        assert e.source == Actor(name="UNITED STATES", country="USA", sector="GOV", code="USAGOV")
        assert e.target == Actor(name="UNITED NATIONS", kind="organisation", sector="IGO", code="IGOUNO")
        assert e.date == TimeSpan.day(dt.date(2015, 2, 18))
        assert e.location == Location(name="Geneva, Genève, Switzerland", country="CHE", latitude=46.2, longitude=6.15)

    def test_statement_codes_are_skipped_or_reported(self) -> None:
        """A 01x code has no PLOVER type: skipped by default, an error with unmapped='error'."""
        line = _dump([SAMPLE]).replace("\t042\t042\t04\t", "\t010\t010\t01\t")
        assert list(Gdelt().load(io.StringIO(line))) == []
        with pytest.raises(SerialisationError, match="PLOVER"):
            list(Gdelt().load(io.StringIO(line), unmapped="error"))

    def test_bad_rows_are_reported_and_the_rest_read(self) -> None:
        """A short row and a bad day are reported with their line numbers; good rows are read."""
        good = _dump([SAMPLE]).rstrip("\n")
        bad_day = good.replace("\t20171122\t", "\t20171322\t", 1)
        text = f"{good}\nonly\tthree\tcells\n{good}\n{bad_day}\n{good}" + "\n"
        errors: list[SerialisationError] = []
        out = list(Gdelt().load(io.StringIO(text), on_error=errors.append))
        assert len(out) == 3
        assert [e.line for e in errors] == [2, 4]
        assert "61" in errors[0].reason
        assert "Day" in errors[1].reason
