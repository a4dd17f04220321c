r"""GDELT 2.0 event table: tab-separated rows in GDELT's exact column order, both directions.

Code written for GDELT (``pandas.read_csv(path, sep="\t", header=None,
names=GDELT_COLUMNS)``, BigQuery loads, R scripts) reads diplomev output
unchanged. What each column holds, and what diplomev cannot know (tone,
actor geography, religion and ethnicity codes), is documented on the format's
reference page. The reader turns GDELT 2.0 event files (``*.export.CSV``)
into `Event` records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TextIO

from diplomev import taxonomy
from diplomev._iso import ISO3
from diplomev.errors import DiplomevError, SerialisationError
from diplomev.model import Actor, ActorKind, Event, Location, TimeSpan
from diplomev.registry import registries
from diplomev.serialisers._common import (
    ErrorHandler,
    check_event_type,
    clean_cell,
    country_of_name,
    deliver,
    has_plover_type,
    lines,
)
from diplomev.serialisers._fips import FIPS_BY_ISO3, ISO3_BY_FIPS

__all__ = ["GDELT_COLUMNS", "LEAD_CHARACTERS", "Gdelt", "global_event_id"]

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
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
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
"""The 61 columns of the GDELT 2.0 event table, in file order (mirrored on the reference page)."""

LEAD_CHARACTERS = 400
"""``IsRootEvent`` is 1 when the evidence starts within this many characters of the article's start."""

_COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}
_WIDTH = len(GDELT_COLUMNS)
_INT63 = (1 << 63) - 1
_HEX = frozenset("0123456789abcdefABCDEF")
_GEO_COUNTRY = 1
_GEO_WORLD_CITY = 4
_INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO", "NGM", "MNC"})


def global_event_id(event: Event) -> int:
    """Return the integer written as ``GlobalEventID`` for *event*.

    An id made of decimal digits (such as one read from GDELT) is written as
    that number; diplomev's own ids (16 hexadecimal digits) are read as a
    hexadecimal number; both are reduced to 63 bits so that they fit a signed
    64-bit column. Any other id is hashed to 63 bits.

    Examples:
        >>> from diplomev import Event
        >>> global_event_id(Event(article="a", cameo="040", id="1034520887"))
        1034520887
        >>> global_event_id(Event(article="a", cameo="040", id="ff"))
        255
    """
    ident = event.id
    if ident.isascii() and ident.isdigit():
        return int(ident) & _INT63
    if ident and len(ident) <= 16 and set(ident) <= _HEX:
        return int(ident, 16) & _INT63
    digest = hashlib.blake2b(ident.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & _INT63


def _num(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _actor(actor: Actor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    return [
        clean_cell(actor.code),
        clean_cell(actor.name),
        actor.country or "",
        "",
        "",
        "",
        "",
        actor.sector or "",
        "",
        "",
    ]


def _geo(location: Location | None) -> list[str]:
    if location is None:
        return ["0", "", "", "", "", "", "", ""]
    is_country = location.country is not None and country_of_name(location.name) == location.country
    return [
        str(_GEO_COUNTRY if is_country else _GEO_WORLD_CITY),
        clean_cell(location.name),
        FIPS_BY_ISO3.get(location.country or "", ""),
        "",
        "",
        _num(location.latitude),
        _num(location.longitude),
        "",
    ]


def _day(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _row(event: Event, *, date_added: dt.datetime | None = None) -> list[str]:
    """Return the 61 cells of *event*'s GDELT row."""
    day = None if event.date is None else event.date.start
    if day is None:
        dates = ["", "", "", ""]
    else:
        fraction = min(day.timetuple().tm_yday - 1, 364) / 365
        dates = [_day(day), f"{day.year:04d}{day.month:02d}", str(day.year), f"{day.year + fraction:.4f}"]
    if date_added is not None:
        if date_added.tzinfo is not None:
            date_added = date_added.astimezone(dt.timezone.utc)
        added = date_added.strftime("%Y%m%d%H%M%S")
    else:
        added = "" if day is None else _day(day) + "000000"
    evidence = event.evidence
    is_root = evidence is not None and evidence.start < LEAD_CHARACTERS
    return [
        str(global_event_id(event)),
        *dates,
        *_actor(event.source),
        *_actor(event.target),
        "1" if is_root else "0",
        event.cameo,
        event.cameo[:3],
        event.cameo[:2],
        str(event.quad_class),
        _num(event.goldstein),
        str(1 + len(event.extra_evidence)),
        "1",
        "1",
        "",
        *_geo(None),
        *_geo(None),
        *_geo(event.location),
        added,
        clean_cell(event.article),
    ]


def _float(cell: str, column: str) -> float | None:
    if not cell.strip():
        return None
    try:
        return float(cell)
    except ValueError:
        msg = f"column {column}: expected a number, got {cell!r}"
        raise SerialisationError(msg) from None


def _read_actor(cells: list[str], prefix: str) -> Actor | None:
    code = cells[_COL[f"{prefix}Code"]]
    name = cells[_COL[f"{prefix}Name"]]
    country = cells[_COL[f"{prefix}CountryCode"]]
    group = cells[_COL[f"{prefix}KnownGroupCode"]]
    sector = cells[_COL[f"{prefix}Type1Code"]]
    if not (code or name or country or sector):
        return None
    valid_sector = len(sector) == 3 and sector.isascii() and sector.isalpha() and sector.isupper()
    international = bool(group) or sector in _INTERNATIONAL_SECTORS
    return Actor(
        name=name or None,
        kind=ActorKind.ORGANISATION if international else ActorKind.STATE,
        country=country if country in ISO3 else None,
        sector=sector if valid_sector else None,
        code=code or None,
    )


def _read_day(cell: str) -> dt.date | None:
    text = cell.strip()
    if not text:
        return None
    if len(text) != 8 or not text.isdigit():
        msg = f"column Day: expected YYYYMMDD, got {cell!r}"
        raise SerialisationError(msg)
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as err:
        msg = f"column Day: {err}: {cell!r}"
        raise SerialisationError(msg) from None


def _read_location(cells: list[str]) -> Location | None:
    name = cells[_COL["ActionGeo_FullName"]]
    lat = _float(cells[_COL["ActionGeo_Lat"]], "ActionGeo_Lat")
    lon = _float(cells[_COL["ActionGeo_Long"]], "ActionGeo_Long")
    fips = cells[_COL["ActionGeo_CountryCode"]]
    if not name and lat is None and lon is None and not fips:
        return None
    return Location(name=name, country=ISO3_BY_FIPS.get(fips), latitude=lat, longitude=lon)


@registries.serialisers.register("gdelt")
class Gdelt:
    r"""GDELT 2.0 event table rows (61 tab-separated columns, no header by default).

    Args:
        header: Write a first row with the column names (GDELT's own files have none).
        date_added: The time written in ``DATEADDED`` (converted to UTC when
            it has a time zone, as GDELT's times are UTC); by default the
            event's start date at midnight.

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> e = Event(article="https://example.org/a1", cameo="042", source=Actor(country="KOR"))
        >>> buf = io.StringIO()
        >>> Gdelt().dump([e], buf)
        >>> cells = buf.getvalue().rstrip("\n").split("\t")
        >>> len(cells), cells[GDELT_COLUMNS.index("EventRootCode")], cells[-1]
        (61, '04', 'https://example.org/a1')
    """

    name = "gdelt"
    extensions: tuple[str, ...] = (".gdelt", ".tsv")

    def __init__(self, *, header: bool = False, date_added: dt.datetime | None = None) -> None:
        """Create the serialiser with its options."""
        self.header = header
        self.date_added = date_added

    def dump(self, records: Iterable[Event], fp: TextIO) -> None:
        """Write one tab-separated row per event, streaming.

        Raises:
            SerialisationError: If a record is not an `Event`.
        """
        if self.header:
            fp.write("\t".join(GDELT_COLUMNS) + "\n")
        for record in records:
            if not isinstance(record, Event):
                msg = f"the gdelt format writes events only, got {type(record).__name__}"
                raise SerialisationError(msg)
            fp.write("\t".join(_row(record, date_added=self.date_added)))
            fp.write("\n")

    def load(
        self,
        fp: TextIO,
        *,
        type: type[Any] | None = None,  # noqa: A002 - mirrors cattrs' structure(obj, type)
        on_error: ErrorHandler | None = None,
        path: str | None = None,
        unmapped: Literal["skip", "error"] = "skip",
    ) -> Iterator[Event]:
        """Yield one event per row of a GDELT 2.0 event file, streaming.

        A header row (first cell ``GlobalEventID``) is skipped. Rows whose
        CAMEO code has no PLOVER type (statements 01x, investigations 09x)
        cannot be `Event` records: they are skipped, or reported as errors
        with ``unmapped="error"``.

        Args:
            fp: The stream to read.
            type: `Event` or None; the format holds nothing else.
            on_error: Called with the error for a bad row, after which
                reading goes on; without it the first bad row raises.
            path: The file name used in error messages.
            unmapped: What to do with rows whose code has no PLOVER type.

        Raises:
            SerialisationError: For a bad row (with its line number) when
                *on_error* is not given.
        """
        check_event_type(self.name, type, path)
        for number, line in lines(fp):
            if not line.strip():
                continue
            cells = line.split("\t")
            if number == 1 and cells[0].strip() == GDELT_COLUMNS[0]:
                continue
            try:
                event = self._event(cells, unmapped)
            except SerialisationError as err:
                deliver(SerialisationError(err.reason, path=path, line=number), on_error)
                continue
            if event is not None:
                yield event

    @staticmethod
    def _event(cells: list[str], unmapped: str) -> Event | None:
        if len(cells) != _WIDTH:
            hint = " (a GDELT 1.0 file?)" if len(cells) in (57, 58) else ""
            msg = f"expected {_WIDTH} tab-separated cells, got {len(cells)}{hint}"
            raise SerialisationError(msg)
        cameo = cells[_COL["EventCode"]].strip()
        if not has_plover_type(cameo):
            if taxonomy.is_code(cameo) and unmapped == "skip":
                return None
            problem = "has no PLOVER type" if taxonomy.is_code(cameo) else "is not a CAMEO event code"
            msg = f"column EventCode: {cameo!r} {problem}"
            raise SerialisationError(msg)
        try:
            day = _read_day(cells[_COL["Day"]])
            goldstein = _float(cells[_COL["GoldsteinScale"]], "GoldsteinScale")
            quad = cells[_COL["QuadClass"]].strip()
            kwargs: dict[str, Any] = {
                "article": cells[_COL["SOURCEURL"]] or cells[0],
                "cameo": cameo,
                "source": _read_actor(cells, "Actor1"),
                "target": _read_actor(cells, "Actor2"),
                "date": None if day is None else TimeSpan.day(day),
                "location": _read_location(cells),
                "extractor": "gdelt",
            }
            if cells[0].strip():
                kwargs["id"] = cells[0].strip()
            if goldstein is not None:
                kwargs["goldstein"] = goldstein
            if quad:
                kwargs["quad_class"] = int(quad)
            return Event(**kwargs)
        except (DiplomevError, ValueError) as err:
            if isinstance(err, SerialisationError):
                raise
            raise SerialisationError(str(err)) from err
