"""PLOVER: one JSON record per line with the field names of the PLOVER data interchange specification.

The fields follow the "JSON Data Fields" chapter of the PLOVER manual
(``id``, ``date``, ``source`` and ``recipient`` lists of actor objects,
``event``, ``mode``, ``context``, ``event_loc``, ``text``...), with
``event_type`` as a single string for POLECAT-style tools and a few
diplomev fields (``cameo``, ``confidence``, ``date_granularity``) that the
specification allows as extensions. The mapping is documented on the
format's reference page.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from diplomev import _json, taxonomy
from diplomev._iso import ISO3
from diplomev.errors import DiplomevError, SerialisationError
from diplomev.model import Actor, ActorKind, Event, EventType, Evidence, Location, Mode, TimeSpan
from diplomev.registry import registries
from diplomev.serialisers._common import ErrorHandler, check_event_type, deliver, has_plover_type, plover_codes

__all__ = ["CONTEXT_OF_MODE", "MODE_TYPES", "PLOVER_MODES", "Plover"]

PLOVER_MODES: Mapping[str, str] = {
    "041": "phone",
    "042": "visit",
    "043": "visit",
    "044": "third-party",
    "071": "economic",
    "072": "military",
    "073": "humanitarian",
    "075": "asylum",
    "0841": "release",
    "0842": "return",
    "0861": "access",
    "0862": "access",
    "0863": "access",
    "0871": "ceasefire",
    "0873": "disarm",
    "0874": "withdraw",
}
"""The PLOVER ``mode`` of CAMEO codes whose meaning names one.

It is written only when the event's type is the type the PLOVER manual gives
the mode to (`MODE_TYPES`); other events have a null mode.
"""

MODE_TYPES: Mapping[str, str] = {
    "phone": "CONSULT",
    "visit": "CONSULT",
    "third-party": "CONSULT",
    "economic": "AID",
    "military": "AID",
    "humanitarian": "AID",
    "asylum": "AID",
    "release": "RETREAT",
    "return": "RETREAT",
    "access": "RETREAT",
    "ceasefire": "RETREAT",
    "disarm": "RETREAT",
    "withdraw": "RETREAT",
}
"""The PLOVER event type each mode belongs to."""

CONTEXT_OF_MODE: Mapping[Mode, str | None] = {
    Mode.ASSERTED: None,
    Mode.PLANNED: "future",
    Mode.HYPOTHETICAL: "hypothetical",
    Mode.NEGATED: "negation",
}
"""The PLOVER ``context`` value that carries diplomev's `Mode`."""

_MODE_OF_CONTEXT = {context: mode for mode, context in CONTEXT_OF_MODE.items() if context is not None}


@functools.cache
def _code_of_mode() -> dict[tuple[str | None, str], str]:
    pairs = reversed(list(PLOVER_MODES.items()))
    return {(taxonomy.lookup(code).plover, mode): code for code, mode in pairs if _mode(code) == mode}


def _mode(cameo: str) -> str | None:
    mode = PLOVER_MODES.get(cameo)
    if mode is None or taxonomy.lookup(cameo).plover != MODE_TYPES[mode]:
        return None
    return mode


def _event_mode(event: Event) -> str | None:
    mode = PLOVER_MODES.get(event.cameo)
    return mode if mode is not None and MODE_TYPES[mode] == event.type.value else None


def _actor(actor: Actor) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": actor.country if actor.country is not None else actor.code,
        "sector": actor.sector,
        "actor_text": actor.name,
        "office": actor.role,
        "kind": actor.kind.value,
        "actor_code": actor.code,
    }
    if actor.aliases:
        out["aliases"] = list(actor.aliases)
    return out


def _record(event: Event) -> dict[str, Any]:
    date = event.date
    loc = event.location
    context = CONTEXT_OF_MODE[event.mode]
    rec: dict[str, Any] = {
        "id": event.id,
        "date": None if date is None else date.start.isoformat(),
        "enddate": None if date is None else date.end.isoformat(),
        "date_granularity": None if date is None else date.granularity.value,
        "source": [] if event.source is None else [_actor(event.source)],
        "recipient": [] if event.target is None else [_actor(event.target)],
        "event": [event.type.value],
        "event_type": event.type.value,
        "mode": _event_mode(event),
        "context": [] if context is None else [context],
        "cameo": event.cameo,
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "event_loc": None
        if loc is None
        else {"name": loc.name, "cc3": loc.country, "latitude": loc.latitude, "longitude": loc.longitude},
        "event_text": [] if event.trigger is None else [event.trigger.text],
        "text": None if event.evidence is None else event.evidence.text,
        "text_info": None if event.evidence is None else {"start": event.evidence.start, "end": event.evidence.end},
        "cite_info": {"citation": event.article},
        "coder": event.extractor,
        "confidence": event.confidence,
    }
    return rec


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _strings(value: Any, field: str) -> list[str]:
    if value is None or value == "":
        return []
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in items):
        msg = f"field {field!r}: expected a string or a list of strings, got {value!r}"
        raise ValueError(msg)
    return items


def _read_actor(raw: Any, field: str) -> Actor:
    if not isinstance(raw, Mapping):
        msg = f"field {field!r}: expected actor objects, got {raw!r}"
        raise TypeError(msg)
    code = raw.get("code")
    country = code if isinstance(code, str) and code in ISO3 else None
    kwargs: dict[str, Any] = {
        "name": raw.get("actor_text", raw.get("actorText")),
        "country": country,
        "sector": raw.get("sector") or None,
        "role": raw.get("office"),
        "aliases": tuple(_strings(raw.get("aliases"), "aliases")),
    }
    if "kind" in raw:
        kwargs["kind"] = raw["kind"]
    elif country is None and isinstance(code, str) and code:
        kwargs["kind"] = ActorKind.ORGANISATION
    if "actor_code" in raw:
        kwargs["code"] = raw["actor_code"]
    elif country is None and code:
        kwargs["code"] = code
    return Actor(**kwargs)


def _actors(value: Any, field: str) -> list[Actor | None]:
    if value is None or value in ("", []):
        return [None]
    items = value if isinstance(value, list) else [value]
    return [_read_actor(item, field) for item in items]


def _cameo(rec: Mapping[str, Any], type_: str | None, mode: str | None) -> str:
    code = rec.get("cameo")
    if isinstance(code, str) and has_plover_type(code):
        return code
    if code is not None:
        msg = f"field 'cameo': {code!r} is not a CAMEO code with a PLOVER type"
        raise ValueError(msg)
    if type_ is None:
        msg = "the record has neither 'event' nor 'event_type'"
        raise ValueError(msg)
    root = plover_codes().get(EventType(type_).value)
    if root is None:
        msg = f"no CAMEO code for the PLOVER type {type_!r}"
        raise ValueError(msg)
    return _code_of_mode().get((EventType(type_).value, mode or ""), root)


def _date(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        msg = f"field {field!r}: expected an ISO date, got {value!r}"
        raise TypeError(msg)
    return dt.date.fromisoformat(value[:10])


def _location(raw: Any) -> Location | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        msg = f"field 'event_loc': expected an object, got {raw!r}"
        raise TypeError(msg)
    return Location(
        name=str(raw.get("name") or ""),
        country=raw.get("cc3") or None,
        latitude=raw.get("latitude"),
        longitude=raw.get("longitude"),
    )


def _events(rec: Any) -> list[Event]:
    if not isinstance(rec, Mapping):
        msg = f"expected a JSON object, got {type(rec).__name__}"
        raise TypeError(msg)
    type_ = _first(rec.get("event_type") or rec.get("event"))
    mode = _first(rec.get("mode"))
    cameo = _cameo(rec, type_, mode)
    contexts = _strings(rec.get("context"), "context")
    modality = next((_MODE_OF_CONTEXT[c] for c in contexts if c in _MODE_OF_CONTEXT), Mode.ASSERTED)
    start = _date(rec.get("date"), "date")
    end = _date(rec.get("enddate"), "enddate") or start
    granularity = rec.get("date_granularity") or ("day" if start == end else "range")
    text = rec.get("text")
    info = rec.get("text_info") or {}
    evidence = None
    if isinstance(text, str):
        if isinstance(info, Mapping) and "start" in info:
            evidence = Evidence(text=text, start=info["start"], end=info["end"])
        else:
            evidence = Evidence(text=text, start=0, end=len(text))
    cite = rec.get("cite_info") or {}
    article = cite.get("citation") if isinstance(cite, Mapping) else None
    base: dict[str, Any] = {
        "article": str(article if article is not None else rec.get("id", "")),
        "cameo": cameo,
        "date": None if start is None else TimeSpan(start=start, end=end or start, granularity=granularity),
        "location": _location(rec.get("event_loc")),
        "mode": modality,
        "evidence": evidence,
    }
    if type_ is not None:
        base["type"] = type_
    for key, field in (("quad_class", "quad_code"), ("goldstein", "event_scale"), ("confidence", "confidence")):
        if rec.get(field) is not None:
            base[key] = rec[field]
    if isinstance(rec.get("coder"), str):
        base["extractor"] = rec["coder"]
    pairs = list(itertools.product(_actors(rec.get("source"), "source"), _actors(_recipients(rec), "recipient")))
    ident = rec.get("id")
    out = []
    for i, (source, target) in enumerate(pairs, 1):
        kwargs = dict(base, source=source, target=target)
        if ident is not None:
            kwargs["id"] = str(ident) if len(pairs) == 1 else f"{ident}-{i}"
        out.append(Event(**kwargs))
    return out


def _recipients(rec: Mapping[str, Any]) -> Any:
    return rec["recipient"] if "recipient" in rec else rec.get("target")


@registries.serialisers.register("plover")
class Plover:
    """PLOVER JSON records, one per line (the PLOVER manual's field names, POLECAT-style ``event_type``).

    Examples:
        >>> import io, json
        >>> from diplomev import Actor, Event
        >>> e = Event(article="a1", cameo="042", source=Actor(country="KOR", sector="GOV"))
        >>> buf = io.StringIO()
        >>> Plover().dump([e], buf)
        >>> rec = json.loads(buf.getvalue())
        >>> rec["event"], rec["mode"], rec["source"][0]["code"], rec["source"][0]["sector"]
        (['CONSULT'], 'visit', 'KOR', 'GOV')
    """

    name = "plover"
    extensions: tuple[str, ...] = (".plover",)

    def dump(self, records: Iterable[Event], fp: TextIO) -> None:
        """Write one PLOVER record per line, streaming.

        Raises:
            SerialisationError: If a record is not an `Event`.
        """
        for record in records:
            if not isinstance(record, Event):
                msg = f"the plover format writes events only, got {type(record).__name__}"
                raise SerialisationError(msg)
            fp.write(json.dumps(_record(record), ensure_ascii=False))
            fp.write("\n")

    def load(
        self,
        fp: TextIO,
        *,
        type: type[Any] | None = None,  # noqa: A002 - mirrors cattrs' structure(obj, type)
        on_error: ErrorHandler | None = None,
        path: str | None = None,
    ) -> Iterator[Event]:
        """Yield the events of each record, streaming.

        A record with several source or recipient actors (a PLOVER compound
        actor) yields one event per source-recipient pair, with ids
        ``<id>-1``, ``<id>-2``...

        Args:
            fp: The stream to read (JSON Lines).
            type: `Event` or None; the format holds nothing else.
            on_error: Called with the error for a bad line, after which
                reading goes on; without it the first bad line raises.
            path: The file name used in error messages.

        Raises:
            SerialisationError: For a bad line (with its number) when
                *on_error* is not given.
        """
        check_event_type(self.name, type, path)
        for number, line in enumerate(fp, 1):
            if not line.strip():
                continue
            try:
                try:
                    raw = _json.loads(line)
                except _json.JsonError as err:
                    msg = f"not JSON: {err.describe(lines=False)}"
                    raise SerialisationError(msg, path=path, line=number) from err
                try:
                    events = _events(raw)
                except (DiplomevError, ValueError, TypeError, KeyError) as err:
                    raise SerialisationError(str(err), path=path, line=number) from err
            except SerialisationError as err:
                deliver(err, on_error)
                continue
            yield from events
