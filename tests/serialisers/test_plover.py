from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomev import Actor, Event, Evidence, Location, Mode, TimeSpan
from diplomev.errors import SerialisationError
from diplomev.serialisers import Plover
from diplomev.serialisers.plover import CONTEXT_OF_MODE

from ..strategies import events


def plover_view(event: Event) -> Event:
    """The event as a PLOVER record carries it: everything but the trigger's offsets, extra evidence,
    attribution, aliases-free fields and the date and location methods (see docs/reference/formats/plover.md)."""
    import attrs

    return attrs.evolve(
        event, trigger=None, extra_evidence=(), attribution=None, date_method=None, location_method=None
    )


def _dump(evs: list[Event]) -> str:
    buf = io.StringIO()
    Plover().dump(evs, buf)
    return buf.getvalue()


SAMPLE = Event(
    article="a1",
    cameo="042",
    source=Actor(name="Kang Kyung-wha", kind="person", country="KOR", sector="GOV", role="foreign_minister"),
    target=Actor(name="United Nations", kind="organisation", sector="IGO", code="UNO"),
    date=TimeSpan(start=dt.date(2017, 11, 22), end=dt.date(2017, 11, 23), granularity="range"),
    location=Location(name="Beijing", country="CHN"),
    mode="planned",
    evidence=Evidence(text="She will visit Beijing.", start=10, end=33),
    trigger=Evidence(text="visit", start=19, end=24),
)


class TestPlover:
    def test_record_uses_the_plover_field_names(self) -> None:
        """A record has the PLOVER manual's fields, with POLECAT-style event_type and diplomev's extensions."""
        rec = json.loads(_dump([SAMPLE]))
        assert rec["event"] == ["CONSULT"]
        assert rec["event_type"] == "CONSULT"
        assert rec["mode"] == "visit"
        assert rec["context"] == ["future"]
        assert (rec["date"], rec["enddate"]) == ("2017-11-22", "2017-11-23")
        assert rec["source"] == [
            {
                "code": "KOR",
                "sector": "GOV",
                "actor_text": "Kang Kyung-wha",
                "office": "foreign_minister",
                "kind": "person",
                "actor_code": "KORGOV",
            }
        ]
        assert rec["recipient"][0]["code"] == "UNO"
        assert rec["event_loc"] == {"name": "Beijing", "cc3": "CHN", "latitude": None, "longitude": None}
        assert rec["event_text"] == ["visit"]
        assert rec["text"] == "She will visit Beijing."
        assert rec["text_info"] == {"start": 10, "end": 33}
        assert rec["cite_info"] == {"citation": "a1"}
        assert (rec["quad_code"], rec["event_scale"], rec["cameo"]) == (1, 1.9, "042")

    @given(st.lists(events, max_size=4))
    def test_carried_fields_survive(self, evs: list[Event]) -> None:
        """Everything a PLOVER record holds reads back equal."""
        back = list(Plover().load(io.StringIO(_dump(evs))))
        assert back == [plover_view(e) for e in evs]

    @pytest.mark.parametrize(("mode", "context"), list(CONTEXT_OF_MODE.items()))
    def test_modality_travels_in_context(self, mode: Mode, context: str | None) -> None:
        """Planned, hypothetical and negated events carry PLOVER's future, hypothetical and negation contexts."""
        e = Event(article="a", cameo="040", mode=mode)
        rec = json.loads(_dump([e]))
        assert rec["context"] == ([] if context is None else [context])
        (back,) = Plover().load(io.StringIO(_dump([e])))
        assert back.mode is mode

    def test_reads_plover_records_from_other_coders(self) -> None:
        """A record without diplomev's extensions reads, compound actors give one event per pair."""
        rec = {
            "id": "GSR-1",
            "date": "2000-01-01",
            "event": "AGREE",
            "mode": "",
            "context": "",
            "source": [
                {"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
                {"actorText": "Romanian", "code": "ROU"},
            ],
            "target": [{"actor_text": "United Nations", "code": "IGO"}],
            "text": "Hungarian and Romanian officials agreed on Wednesday.",
        }
        out = list(Plover().load(io.StringIO(json.dumps(rec) + "\n")))
        assert [(e.id, e.source.country, e.target.code, e.cameo, e.type.value) for e in out] == [
            ("GSR-1-1", "HUN", "IGO", "030", "AGREE"),
            ("GSR-1-2", "ROU", "IGO", "030", "AGREE"),
        ]
        assert out[0].evidence == Evidence(text=rec["text"], start=0, end=len(rec["text"]))
        assert out[0].target.kind.value == "organisation"
        assert out[0].date == TimeSpan.day(dt.date(2000, 1, 1))

    def test_mode_picks_the_cameo_code_when_there_is_none(self) -> None:
        """Without a cameo field, the PLOVER type and mode choose the CAMEO code (CONSULT + visit -> 042)."""
        rec = {"id": "x", "date": "2020-01-01", "event_type": "CONSULT", "mode": "visit", "source": [{"code": "FRA"}]}
        (e,) = Plover().load(io.StringIO(json.dumps(rec)))
        assert e.cameo == "042"

    def test_bad_lines_are_reported_and_the_rest_read(self) -> None:
        """A line that is not JSON and a record with an unknown type are reported by line; others are read."""
        good = _dump([SAMPLE]).rstrip("\n")
        unknown = json.dumps({"id": "y", "event": "DANCE"})
        text = f"{good}\n{{not json\n{good}\n{unknown}\n{good}" + "\n"
        errors: list[SerialisationError] = []
        out = list(Plover().load(io.StringIO(text), on_error=errors.append))
        assert len(out) == 3
        assert [e.line for e in errors] == [2, 4]
