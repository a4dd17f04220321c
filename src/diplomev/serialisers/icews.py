"""ICEWS coded events: tab-separated rows with the ICEWS column names and a header row, both directions.

The columns are those of the ICEWS coded event data files on the Harvard
Dataverse. ICEWS names countries (``South Korea``) and sectors
(``Government``) in words; diplomev writes the English country names of its
knowledge base and the sector names of `SECTOR_NAMES`, and reads both back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, TextIO

from diplomev import taxonomy
from diplomev.errors import DiplomevError, SerialisationError
from diplomev.model import Actor, Event, Location, TimeSpan
from diplomev.registry import registries
from diplomev.serialisers._common import (
    ErrorHandler,
    check_event_type,
    clean_cell,
    country_name,
    country_of_name,
    deliver,
    has_plover_type,
    lines,
)

__all__ = ["ICEWS_COLUMNS", "SECTOR_NAMES", "Icews"]

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
"""The 20 columns of an ICEWS coded event file, in order (mirrored on the reference page)."""

SECTOR_NAMES: Mapping[str, str] = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judicial",
    "LEG": "Legislative / Parliamentary",
    "SPY": "Intelligence",
    "PTY": "Parties",
    "OPP": "Opposition",
    "REB": "Rebels",
    "BUS": "Business",
    "MED": "Media",
    "CVL": "Civilians",
    "REF": "Refugees",
    "NGO": "Non-Governmental Organizations",
    "EDU": "Education",
    "LAB": "Labor",
    "IGO": "International Government Organizations",
    "ELI": "Elite",
    "CRM": "Criminals",
}
"""The sector name written for each sector code; other codes are written as the code itself."""

_SECTOR_BY_NAME = {name.casefold(): code for code, name in SECTOR_NAMES.items()}
_WIDTH = len(ICEWS_COLUMNS)


def _num(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _actor(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", ""]
    sector = "" if actor.sector is None else SECTOR_NAMES.get(actor.sector, actor.sector)
    return [clean_cell(actor.name), sector, country_name(actor.country)]


def _row(event: Event) -> list[str]:
    source = _actor(event.source)
    target = _actor(event.target)
    loc = event.location
    return [
        clean_cell(event.id),
        "" if event.date is None else event.date.start.isoformat(),
        *source,
        taxonomy.lookup(event.cameo).name,
        event.cameo,
        _num(event.goldstein),
        *target,
        clean_cell(event.article),
        "",
        "",
        "" if loc is None else clean_cell(loc.name),
        "",
        "",
        "" if loc is None else country_name(loc.country),
        "" if loc is None else _num(loc.latitude),
        "" if loc is None else _num(loc.longitude),
    ]


def _sector(cell: str) -> str | None:
    for part in cell.split(","):
        text = part.strip()
        if len(text) == 3 and text.isascii() and text.isalpha() and text.isupper():
            return text
        code = _SECTOR_BY_NAME.get(text.casefold())
        if code is not None:
            return code
    return None


def _country(cell: str, column: str) -> str | None:
    if not cell.strip():
        return None
    code = country_of_name(cell)
    if code is None:
        msg = f"column {column!r}: unknown country {cell!r}"
        raise SerialisationError(msg)
    return code


def _float(cell: str, column: str) -> float | None:
    if not cell.strip():
        return None
    try:
        return float(cell)
    except ValueError:
        msg = f"column {column!r}: expected a number, got {cell!r}"
        raise SerialisationError(msg) from None


def _code(cell: str) -> str:
    code = cell.strip()
    if not taxonomy.is_code(code) and code.isdigit():
        for width in (3, 4):  # spreadsheets drop leading zeros: 42 -> 042
            if taxonomy.is_code(code.zfill(width)):
                return code.zfill(width)
    return code


@registries.serialisers.register("icews")
class Icews:
    r"""ICEWS coded event rows (20 tab-separated columns with a header row).

    Examples:
        >>> import io
        >>> from diplomev import Actor, Event
        >>> e = Event(article="story-1", cameo="042", source=Actor(country="KOR", sector="GOV"))
        >>> buf = io.StringIO()
        >>> Icews().dump([e], buf)
        >>> buf.getvalue().splitlines()[1].split("\t")[2:8]
        ['', 'Government', 'South Korea', 'Make a visit', '042', '1.9']
    """

    name = "icews"
    extensions: tuple[str, ...] = (".tab", ".icews")

    def dump(self, records: Iterable[Event], fp: TextIO) -> None:
        """Write the header row, then one row per event, streaming.

        Raises:
            SerialisationError: If a record is not an `Event`.
        """
        fp.write("\t".join(ICEWS_COLUMNS) + "\n")
        for record in records:
            if not isinstance(record, Event):
                msg = f"the icews format writes events only, got {type(record).__name__}"
                raise SerialisationError(msg)
            fp.write("\t".join(_row(record)))
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
        """Yield one event per row, streaming.

        With a header row (a first line naming ``CAMEO Code``), columns are found by
        name and may come in any order; without one, they are taken in the
        order of `ICEWS_COLUMNS`. Rows whose CAMEO code has no PLOVER type
        (statements 01x, investigations 09x) are skipped, or reported as
        errors with ``unmapped="error"``.

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
        index = {name: i for i, name in enumerate(ICEWS_COLUMNS)}
        width = _WIDTH
        for number, line in lines(fp):
            if not line.strip():
                continue
            cells = line.split("\t")
            names = [c.strip().removeprefix("\ufeff") for c in cells]
            if number == 1 and "CAMEO Code" in names:
                missing = [c for c in ("CAMEO Code", "Story ID") if c not in names]
                if missing:
                    msg = f"the header has no {' or '.join(repr(m) for m in missing)} column"
                    deliver(SerialisationError(msg, path=path, line=number), on_error)
                    return
                index = {name: i for i, name in enumerate(names) if name in ICEWS_COLUMNS}
                width = len(names)
                continue
            try:
                if len(cells) != width:
                    msg = f"expected {width} tab-separated cells, got {len(cells)}"
                    raise SerialisationError(msg)  # noqa: TRY301 - reported like every other bad row
                event = _event({name: cells[i] for name, i in index.items()}, unmapped)
            except SerialisationError as err:
                deliver(SerialisationError(err.reason, path=path, line=number), on_error)
                continue
            if event is not None:
                yield event


def _read_actor(row: Mapping[str, str], side: str) -> Actor | None:
    name = row.get(f"{side} Name", "")
    sectors = row.get(f"{side} Sectors", "")
    country = row.get(f"{side} Country", "")
    if not (name or sectors.strip() or country.strip()):
        return None
    return Actor(name=name or None, country=_country(country, f"{side} Country"), sector=_sector(sectors))


def _read_location(row: Mapping[str, str]) -> Location | None:
    place = row.get("City") or row.get("District") or row.get("Province") or ""
    country_cell = row.get("Country", "")
    lat = _float(row.get("Latitude", ""), "Latitude")
    lon = _float(row.get("Longitude", ""), "Longitude")
    if not place and not country_cell.strip() and lat is None and lon is None:
        return None
    return Location(
        name=place or country_cell,
        country=_country(country_cell, "Country"),
        latitude=lat,
        longitude=lon,
    )


def _event(row: Mapping[str, str], unmapped: str) -> Event | None:
    cameo = _code(row.get("CAMEO Code", ""))
    if not has_plover_type(cameo):
        if taxonomy.is_code(cameo) and unmapped == "skip":
            return None
        problem = "has no PLOVER type" if taxonomy.is_code(cameo) else "is not a CAMEO event code"
        msg = f"column 'CAMEO Code': {cameo!r} {problem}"
        raise SerialisationError(msg)
    try:
        date_cell = row.get("Event Date", "").strip()
        kwargs: dict[str, Any] = {
            "article": row.get("Story ID", ""),
            "cameo": cameo,
            "source": _read_actor(row, "Source"),
            "target": _read_actor(row, "Target"),
            "date": TimeSpan.day(dt.date.fromisoformat(date_cell)) if date_cell else None,
            "location": _read_location(row),
            "extractor": "icews",
        }
        intensity = _float(row.get("Intensity", ""), "Intensity")
        if intensity is not None:
            kwargs["goldstein"] = intensity
        if row.get("Event ID", "").strip():
            kwargs["id"] = row["Event ID"]
        return Event(**kwargs)
    except SerialisationError:
        raise
    except (DiplomevError, ValueError) as err:
        raise SerialisationError(str(err)) from err
