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


class TestWhereClauses:
    def test_a_where_clause_is_set_in_the_place_before_it(self) -> None:
        """'flew to X on Monday, where she held talks with Y': the talks are in X."""
        evs = events("Chile's foreign minister flew to Cusco on Monday, where she held talks with Peru's president.")
        assert place(find(evs, "CONSULT", "CHL", "PER")) == "Cusco"


class TestOpeningSetting:
    def test_an_opening_time_dates_the_reported_acts(self) -> None:
        """'On Tuesday, X told MPs that ... and expelled ...': the expulsion is dated by the opening time."""
        evs = events(
            "On Tuesday, Canada's prime minister told lawmakers that Peru was to blame and expelled "
            "two Peruvian diplomats."
        )
        assert day(find(evs, "COERCE", "CAN", "PER")) == ("2023-06-06", "2023-06-06")

    def test_an_opening_time_does_not_date_a_past_perfect(self) -> None:
        """'On Tuesday, X said Y had expelled ...': an earlier act keeps no date."""
        evs = events("On Tuesday, Canada's prime minister said Peru had expelled two Canadian diplomats.")
        assert day(find(evs, "COERCE", "PER", "CAN")) is None

    def test_an_opening_place_sets_the_reported_statement(self) -> None:
        """'In Ottawa on Monday, X said ... and praised Y': praised in Ottawa."""
        evs = events("In Ottawa on Monday, Canada's prime minister said the vote was fair and praised Peru.")
        e = find(evs, "SUPPORT", "CAN", "PER")
        assert (place(e), day(e)) == ("Ottawa", ("2023-06-05", "2023-06-05"))


class TestThen:
    def test_then_starts_a_later_step(self) -> None:
        """'is due in X on Tuesday and will then visit Y': neither the day nor the place of X is Y's."""
        evs = events("Peru's president is due in Quito on Tuesday and will then visit Chile and Argentina.")
        for target in ("CHL", "ARG"):
            e = find(evs, "CONSULT", "PER", target)
            assert day(e) is None
        assert place(find(evs, "CONSULT", "PER", "CHL")) == "Chile"
        assert place(find(evs, "CONSULT", "PER", "ARG")) == "Argentina"


class TestVisitedCountry:
    def test_a_visit_to_a_country_is_placed_in_that_country(self) -> None:
        """With no city named, 'visited Chile' is placed in Chile."""
        evs = events("Peru's president visited Chile last week.")
        assert place(find(evs, "CONSULT", "PER", "CHL")) == "Chile"

    def test_a_named_city_wins(self) -> None:
        """'visited Chile ... in Santiago': the city."""
        evs = events("Peru's president visited Chile on Monday for talks in Santiago.")
        assert place(find(evs, "CONSULT", "PER", "CHL")) == "Santiago"


class TestCapitalsAndTravel:
    def test_the_nationality_capital_is_that_capital(self) -> None:
        """'in the Peruvian capital' is Lima."""
        evs = events("Chile's foreign minister held talks with Peru's president in the Peruvian capital on Monday.")
        assert place(find(evs, "CONSULT", "CHL", "PER")) == "Lima"

    def test_a_participle_opening_names_the_setting(self) -> None:
        """'Meeting in the Peruvian capital Lima, X imposed ...': imposed in Lima."""
        evs = events("Meeting in the Peruvian capital Lima, Chile's government imposed sanctions on Bolivia.")
        assert place(find(evs, "SANCTION", "CHL", "BOL")) == "Lima"

    def test_travel_to_a_city_for_talks_places_the_talks(self) -> None:
        """'is to fly on to X on Saturday for talks with Y': the talks are in X."""
        evs = events("Peru's president is scheduled to fly on to Quito on Saturday for talks with Ecuador's president.")
        assert place(find(evs, "CONSULT", "PER", "ECU")) == "Quito"
