"""The flat, dotted-column view of an `Event` shared by the CSV serialiser and the pandas bridge.

Every column holds a string, an int, a float or None. Tuples (an actor's
``aliases`` and the event's ``extra_evidence``) are JSON text in one column.
Absent nested records (no target, no date...) are None in every column of
their group; a present one always has its required column filled
(``*.kind``, ``date.start``, ``location.name``, ``evidence.start``...).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import cattrs

from diplomev._json import JsonError, loads
from diplomev.errors import DiplomevError
from diplomev.model import Actor, Event, Evidence, Location, TimeSpan
from diplomev.serialisers._converter import converter, parse_date

__all__ = ["COLUMNS", "FLOAT_COLUMNS", "INT_COLUMNS", "JSON_COLUMNS", "flatten", "unflatten"]

Value = str | int | float | None

_ACTOR = ("name", "kind", "country", "sector", "code", "role", "aliases")
_SPAN = ("text", "start", "end")


def _actor_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}.{f}" for f in _ACTOR)


COLUMNS: tuple[str, ...] = (
    "id",
    "article",
    "type",
    "cameo",
    "goldstein",
    "quad_class",
    *_actor_columns("source"),
    *_actor_columns("target"),
    "date.start",
    "date.end",
    "date.granularity",
    "location.name",
    "location.country",
    "location.latitude",
    "location.longitude",
    "mode",
    "evidence.text",
    "evidence.start",
    "evidence.end",
    "confidence",
    "trigger.text",
    "trigger.start",
    "trigger.end",
    "extra_evidence",
    *_actor_columns("attribution"),
    "date_method",
    "location_method",
    "extractor",
)
"""The flat columns of an event, in the order they are written."""

INT_COLUMNS: frozenset[str] = frozenset(
    {"quad_class", "evidence.start", "evidence.end", "trigger.start", "trigger.end"},
)
"""Columns holding integers."""

FLOAT_COLUMNS: frozenset[str] = frozenset({"goldstein", "location.latitude", "location.longitude", "confidence"})
"""Columns holding floating-point numbers."""

JSON_COLUMNS: frozenset[str] = frozenset({"source.aliases", "target.aliases", "attribution.aliases", "extra_evidence"})
"""Columns holding a JSON array as text."""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _put_actor(out: dict[str, Value], prefix: str, actor: Actor | None) -> None:
    if actor is None:
        for field in _ACTOR:
            out[f"{prefix}.{field}"] = None
        return
    out[f"{prefix}.name"] = actor.name
    out[f"{prefix}.kind"] = actor.kind.value
    out[f"{prefix}.country"] = actor.country
    out[f"{prefix}.sector"] = actor.sector
    out[f"{prefix}.code"] = actor.code
    out[f"{prefix}.role"] = actor.role
    out[f"{prefix}.aliases"] = _json(list(actor.aliases))


def _put_span(out: dict[str, Value], prefix: str, evidence: Evidence | None) -> None:
    out[f"{prefix}.text"] = None if evidence is None else evidence.text
    out[f"{prefix}.start"] = None if evidence is None else evidence.start
    out[f"{prefix}.end"] = None if evidence is None else evidence.end


def flatten(event: Event) -> dict[str, Value]:
    """Return the flat columns of *event*, in `COLUMNS` order.

    Examples:
        >>> from diplomev import Actor, Event
        >>> row = flatten(Event(article="a1", cameo="040", source=Actor(country="KOR")))
        >>> row["source.country"], row["source.kind"], row["target.kind"]
        ('KOR', 'state', None)
    """
    out: dict[str, Value] = {
        "id": event.id,
        "article": event.article,
        "type": event.type.value,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
    }
    _put_actor(out, "source", event.source)
    _put_actor(out, "target", event.target)
    date = event.date
    out["date.start"] = None if date is None else date.start.isoformat()
    out["date.end"] = None if date is None else date.end.isoformat()
    out["date.granularity"] = None if date is None else date.granularity.value
    loc = event.location
    out["location.name"] = None if loc is None else loc.name
    out["location.country"] = None if loc is None else loc.country
    out["location.latitude"] = None if loc is None else loc.latitude
    out["location.longitude"] = None if loc is None else loc.longitude
    out["mode"] = event.mode.value
    _put_span(out, "evidence", event.evidence)
    out["confidence"] = event.confidence
    _put_span(out, "trigger", event.trigger)
    out["extra_evidence"] = _json(converter.unstructure(event.extra_evidence))
    _put_actor(out, "attribution", event.attribution)
    out["date_method"] = event.date_method
    out["location_method"] = event.location_method
    out["extractor"] = event.extractor
    return out


_KEYS: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, str], ...]] = {}


def _group(row: Mapping[str, Value], prefix: str, fields: tuple[str, ...]) -> dict[str, Value] | None:
    keys = _KEYS.get((prefix, fields))
    if keys is None:
        keys = _KEYS[prefix, fields] = tuple((f, f"{prefix}.{f}") for f in fields)
    present = {f: row[key] for f, key in keys if key in row}
    for value in present.values():
        if value is not None:
            return present
    return None


def _require(group: Mapping[str, Value], prefix: str, field: str) -> Value:
    value = group.get(field)
    if value is None:
        msg = f"column {prefix}.{field!r} is empty but other {prefix}.* columns are set"
        raise ValueError(msg)
    return value


def _parse_json(value: Value, column: str) -> Any:
    """Parse the JSON held in a cell; a `ValueError` naming the column if the JSON is refused."""
    try:
        return loads(str(value))
    except JsonError as err:
        msg = f"column {column!r}: invalid JSON: {err.describe(lines=False)}"
        raise ValueError(msg) from err


def _strings(value: Value, column: str) -> tuple[str, ...]:
    if value is None:
        return ()
    raw = _parse_json(value, column)
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        msg = f"column {column!r}: expected a JSON array of strings, got {value!r}"
        raise ValueError(msg)
    return tuple(raw)


def _actor(group: Mapping[str, Value], prefix: str) -> Actor:
    kwargs: dict[str, Any] = {k: v for k, v in group.items() if k not in ("code", "aliases") and v is not None}
    if "code" in group:
        kwargs["code"] = group["code"]
    kwargs["aliases"] = _strings(group.get("aliases"), f"{prefix}.aliases")
    return Actor(**kwargs)


def _evidence(group: Mapping[str, Value], prefix: str) -> Evidence:
    text = group.get("text")
    return Evidence(
        text="" if text is None else str(text),
        start=int(_require(group, prefix, "start")),  # type: ignore[arg-type]
        end=int(_require(group, prefix, "end")),  # type: ignore[arg-type]
    )


def _build(prefix: str, make: Any, *args: Any) -> Any:
    try:
        return make(*args)
    except (DiplomevError, TypeError, ValueError, cattrs.BaseValidationError) as err:
        msg = str(err) if str(err).startswith("column") else f"{prefix}: {err}"
        raise ValueError(msg) from err


def _time_span(group: Mapping[str, Value]) -> TimeSpan:
    return TimeSpan(
        start=parse_date(_require(group, "date", "start")),
        end=parse_date(_require(group, "date", "end")),
        granularity=_require(group, "date", "granularity"),
    )


def _location(group: Mapping[str, Value]) -> Location:
    return Location(
        name=str(_require(group, "location", "name")),
        country=group.get("country"),  # type: ignore[arg-type]
        latitude=group.get("latitude"),  # type: ignore[arg-type]
        longitude=group.get("longitude"),  # type: ignore[arg-type]
    )


def _extra(value: Value) -> tuple[Evidence, ...]:
    if value is None:
        return ()
    extra: tuple[Evidence, ...] = converter.structure(_parse_json(value, "extra_evidence"), tuple[Evidence, ...])
    return extra


_SCALARS = (
    "id",
    "article",
    "type",
    "cameo",
    "goldstein",
    "quad_class",
    "mode",
    "confidence",
    "date_method",
    "location_method",
    "extractor",
)


def unflatten(row: Mapping[str, Value]) -> Event:
    """Build an `Event` from flat columns; missing columns take the record's defaults.

    Raises:
        ValueError: If a value is invalid; the message names the column or group.

    Examples:
        >>> unflatten({"article": "a1", "cameo": "040", "source.country": "KOR"}).source.code
        'KOR'
    """
    kwargs: dict[str, Any] = {k: row[k] for k in _SCALARS if row.get(k) is not None}
    for prefix in ("source", "target", "attribution"):
        group = _group(row, prefix, _ACTOR)
        if group is not None:
            kwargs[prefix] = _build(prefix, _actor, group, prefix)
    group = _group(row, "date", ("start", "end", "granularity"))
    if group is not None:
        kwargs["date"] = _build("date", _time_span, group)
    group = _group(row, "location", ("name", "country", "latitude", "longitude"))
    if group is not None:
        kwargs["location"] = _build("location", _location, group)
    for prefix in ("evidence", "trigger"):
        group = _group(row, prefix, _SPAN)
        if group is not None:
            kwargs[prefix] = _build(prefix, _evidence, group, prefix)
    if row.get("extra_evidence") is not None:
        kwargs["extra_evidence"] = _build("extra_evidence", _extra, row["extra_evidence"])
    if "article" not in kwargs or "cameo" not in kwargs:
        missing = "article" if "article" not in kwargs else "cameo"
        msg = f"column {missing!r} is empty"
        raise ValueError(msg)
    try:
        return Event(**kwargs)
    except (DiplomevError, TypeError) as err:
        raise ValueError(str(err)) from err
