"""When and where events happened: dates and places chosen by the event coder.

Invented one-paragraph articles run through the whole default pipeline, so
that times, places and mentions come from their own steps. Published on
Thursday 2023-06-08 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

from diplomev import Article, Pipeline, Source
from diplomev.model import Event

PUBLISHED = dt.date(2023, 6, 8)  # a Thursday
PIPELINE = Pipeline.default()


def events(text: str, *, dateline: str | None = None) -> list[Event]:
    article = Article(id="t", text=text, source=Source(published=PUBLISHED, dateline=dateline))
    return list(PIPELINE.run(article).events)


def find(evs: list[Event], kind: str, source: str, target: str | None = None) -> Event:
    for e in evs:
        same_target = target is None or (e.target is not None and e.target.country == target)
        if e.type.value == kind and e.source and e.source.country == source and same_target:
            return e
    raise AssertionError((kind, source, target, [(e.type.value, e.source, e.target) for e in evs]))


def day(e: Event) -> tuple[str, str] | None:
    return None if e.date is None else (e.date.start.isoformat(), e.date.end.isoformat())


def place(e: Event) -> str | None:
    return None if e.location is None else e.location.name


class TestDateline:
    def test_dateline_places_the_acts_of_its_own_state(self) -> None:
        """A dispatch from Ottawa: Canada's own act of the day happened there."""
        evs = events("Canada on Wednesday expelled two Peruvian diplomats over the affair.", dateline="Ottawa")
        assert place(find(evs, "COERCE", "CAN", "PER")) == "Ottawa"

    def test_dateline_does_not_place_another_states_act(self) -> None:
        """A dispatch from Ottawa: Peru's act of the day did not happen in Ottawa."""
        evs = events("Peru on Wednesday expelled two Canadian diplomats over the affair.", dateline="Ottawa")
        assert place(find(evs, "COERCE", "PER", "CAN")) is None

    def test_dateline_places_a_meeting_held_there(self) -> None:
        """Talks of two foreign ministers reported from a third capital are held there."""
        evs = events(
            "Peruvian Foreign Minister Ana Cecilia Gervasi held talks with Chilean officials on Wednesday.",
            dateline="Lima",
        )
        assert place(find(evs, "CONSULT", "PER", "CHL")) == "Lima"

    def test_a_phone_call_has_no_dateline_place(self) -> None:
        """A telephone call is not held in the dateline city."""
        evs = events(
            "Chile's president held a telephone call with Peru's president on Wednesday.",
            dateline="Ottawa",
        )
        assert place(find(evs, "CONSULT", "CHL", "PER")) is None


class TestAttributiveYear:
    def test_a_year_modifying_a_noun_does_not_date_the_verb(self) -> None:
        """'urged X to honour the 2015 accord': 2015 is the accord's year, not the request's."""
        evs = events("Canada urged Peru to honour the 2015 fisheries accord.")
        assert day(find(evs, "REQUEST", "CAN", "PER")) is None

    def test_a_year_after_in_still_dates_the_verb(self) -> None:
        """'expelled ... in 2019': the year is the expulsion's."""
        evs = events("Canada expelled two Peruvian diplomats in 2019.")
        assert day(find(evs, "COERCE", "CAN", "PER")) == ("2019-01-01", "2019-12-31")


class TestRelativeDays:
    def test_a_day_after_dates_the_clause_it_opens(self) -> None:
        """'X on Wednesday ..., a day after Y expelled ...': Y acted on Tuesday."""
        evs = events(
            "Peru on Wednesday ordered three Canadian diplomats to leave, hitting back a day after "
            "Canada expelled two Peruvian envoys."
        )
        assert day(find(evs, "COERCE", "PER", "CAN")) == ("2023-06-07", "2023-06-07")
        assert day(find(evs, "COERCE", "CAN", "PER")) == ("2023-06-06", "2023-06-06")

    def test_later_in_the_day_is_the_day_told_before(self) -> None:
        """'later in the day' is the day of the last dated event."""
        evs = events(
            "Canada on Tuesday expelled two Peruvian diplomats. "
            "Peru's foreign minister met the Canadian ambassador later in the day."
        )
        assert day(find(evs, "CONSULT", "PER", "CAN")) == ("2023-06-06", "2023-06-06")

    def test_hours_after_is_the_same_day(self) -> None:
        """'Hours after the announcement, X freed ...': the day told before."""
        evs = events(
            "Canada eased sanctions on Peru on Tuesday. Hours after the announcement, Peru freed two Canadian citizens."
        )
        assert day(find(evs, "CONCEDE", "PER")) == ("2023-06-06", "2023-06-06")


class TestSpeechVerbTriggers:
    def test_announced_sanctions_keeps_its_time(self) -> None:
        """'announced sanctions ... on the same day': the trigger's own verb is no reporting clause."""
        evs = events(
            "Canada imposed sanctions on Peru on Monday. "
            "Chile announced sanctions against Peruvian officials on the same day."
        )
        assert day(find(evs, "SANCTION", "CHL", "PER")) == ("2023-06-05", "2023-06-05")


class TestVisitsAndTalks:
    def test_a_visit_and_the_talks_during_it_stay_two_events(self) -> None:
        """Arriving on a visit and holding talks the same day are a visit (042) and a meeting (040)."""
        evs = events(
            "Peru's president arrived in Santiago on Tuesday on a state visit. "
            "On Tuesday the Peruvian president held talks with Chile's president in Santiago."
        )
        codes = {e.cameo for e in evs if e.type.value == "CONSULT" and e.source and e.source.country == "PER"}
        assert {"042", "040"} <= codes
