"""The event coder on words that look like events but are none, and on arguments taken from the wrong clause.

Invented sentences with hand-made mentions (see ``make`` in test_events).
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplomev import Granularity, Location, TimeSpan
from diplomev.extractors.events import EventCoder

from .test_events import coded, make


def triples(text: str, mentions: dict[str, str]) -> list[tuple[str | None, str, str | None]]:
    return [(s, k, t) for s, k, t, _, _ in coded(make(text, mentions))]


class TestNoActWords:
    @pytest.mark.parametrize(
        "text",
        [
            "Japan hosts thousands of French troops at its northern base.",
            "Japan has long hosted French forces on its soil.",
            "Japan received French aid last year.",
        ],
    )
    def test_hosting_forces_or_goods_is_no_visit(self, text: str) -> None:
        """A state that hosts troops or receives aid does not host a visit."""
        assert triples(text, {"Japan": "JPN", "French": "FRA"}) == []

    def test_hosting_a_person_stays_a_visit(self) -> None:
        doc_events = triples("Japan hosted France for two days of talks.", {"Japan": "JPN", "France": "FRA"})
        assert ("JPN", "CONSULT", "FRA") in doc_events

    @pytest.mark.parametrize("word", ["simulated", "mock"])
    def test_simulated_strikes_are_no_attack(self, word: str) -> None:
        """Strikes rehearsed in an exercise attack no one."""
        text = f"Japan's navy carried out {word} strikes on France on Monday."
        assert [k for _, k, _ in triples(text, {"Japan's navy": "JPN", "France": "FRA"})] == []

    def test_real_strikes_stay_attacks(self) -> None:
        text = "Japan's navy carried out strikes on France on Monday."
        assert [k for _, k, _ in triples(text, {"Japan's navy": "JPN", "France": "FRA"})] == ["ASSAULT"]

    def test_motive_phrase_is_no_second_act(self) -> None:
        """'in protest at', 'in retaliation for': the motive of the act reported, not another act."""
        text = "Japan recalled its ambassador in protest at Russian arrests of its citizens."
        assert triples(text, {"Japan": "JPN", "Russian": "RUS"}) == [("JPN", "SANCTION", "RUS")]

    def test_sanctions_relief_is_no_sanction(self) -> None:
        """'differences over sanctions relief': the lifting of sanctions is discussed, none are imposed."""
        text = "Japan failed to narrow its differences with France over sanctions relief."
        assert triples(text, {"Japan": "JPN", "France": "FRA"}) == []


class TestNewClauseSubject:
    def test_subject_after_comma_and_is_its_own(self) -> None:
        """'X cut aid to Y, and Z demanded ...': Z demands; Y stays inside X's phrase."""
        text = "Tokyo suspended its aid to Russia, and France demanded Japan's apology."
        found = triples(text, {"Tokyo": "Tokyo", "Russia": "RUS", "France": "FRA", "Japan": "JPN"})
        assert ("FRA", "REQUEST", "JPN") in found


class TestThatClauses:
    def test_demand_that_a_party_act_targets_that_party(self) -> None:
        """'demanded that X immediately withdraw its troops from Y': X is asked; the withdrawal is the content."""
        text = "Japan demanded that Russia immediately withdraw its troops from France."
        found = triples(text, {"Japan": "JPN", "Russia": "RUS", "France": "FRA"})
        assert found == [("JPN", "REQUEST", "RUS")]

    def test_agreeing_that_a_party_should_act_is_one_way(self) -> None:
        """'X agreed in principle that Y should help ...': X agrees towards Y, and Y's help is no event yet."""
        text = "Japan agreed in principle that France should help evacuate the civilians."
        found = triples(text, {"Japan": "JPN", "France": "FRA"})
        assert found == [("JPN", "AGREE", "FRA")]

    def test_summons_to_demand_is_one_event(self) -> None:
        """'summoned X's envoy to demand an explanation': the summons conveys the demand."""
        text = "Japan summoned Russian diplomats on Monday to demand an explanation."
        found = triples(text, {"Japan": "JPN", "Russian diplomats": "RUS"})
        assert [k for _, k, _ in found] == ["ACCUSE"]


class TestCamps:
    @pytest.mark.parametrize(
        "text",
        [
            "Japan's opposition Greens had called for a tougher line on France.",
            "Japan's opposition lawmakers want a tougher line on France.",
        ],
    )
    def test_the_opposition_as_a_camp_is_no_rejection(self, text: str) -> None:
        """'the opposition Greens', 'opposition lawmakers': a political camp, not an act of opposing."""
        found = triples(text, {"Japan": "JPN", "France": "FRA"})
        assert not any(k == "REJECT" for _, k, _ in found)

    def test_opposition_to_a_party_is_a_rejection(self) -> None:
        text = "Japan's opposition to France was clear."
        assert triples(text, {"Japan": "JPN", "France": "FRA"}) == [("JPN", "REJECT", "FRA")]


class TestFrontedTimes:
    def test_time_after_comma_and_dates_the_next_clause(self) -> None:
        """'X held talks with Y, and in May X urged Z ...': May dates the request, not the talks."""
        may = TimeSpan(start=dt.date(2023, 5, 1), end=dt.date(2023, 5, 31), granularity=Granularity.MONTH)
        doc = make(
            "Tokyo held talks with France, and in May Japan urged Russia to stop.",
            {"Tokyo": "Tokyo", "France": "FRA", "Japan": "JPN", "Russia": "RUS"},
            times={"May": may},
        )
        dated = {(e.type.value, e.date) for e in EventCoder()(doc).events}
        assert ("REQUEST", may) in dated
        assert ("CONSULT", may) not in dated


class TestDeploymentTargets:
    @pytest.mark.parametrize(
        ("text", "mentions"),
        [
            ("Japan held large-scale exercises around France on Monday.", {"Japan": "JPN", "France": "FRA"}),
            ("Japan has massed 10,000 troops near Russia's borders.", {"Japan": "JPN", "Russia": "RUS"}),
            ("Japan will deploy more troops in the coming weeks to deter Russian aggression.", {"Japan": "JPN"}),
        ],
    )
    def test_deployment_is_aimed_at_the_state_named_after_the_cue(self, text: str, mentions: dict[str, str]) -> None:
        """'exercises around X', 'troops near X's borders', 'to deter <X-ian> aggression': aimed at X."""
        found = triples(text, mentions)
        assert [(k, t) for _, k, t in found] == [("MOBILIZE", "FRA" if "France" in text else "RUS")]

    def test_deployment_with_no_cue_keeps_no_target(self) -> None:
        found = triples("Japan held large-scale exercises on Monday.", {"Japan": "JPN"})
        assert found == [("JPN", "MOBILIZE", None)]


class TestRestatementsAndConditions:
    def test_apposition_restating_the_talks_is_the_same_event(self) -> None:
        """'will hold talks with Y on Tuesday, the first meeting ... since 2016': one planned meeting."""
        doc = make(
            "Tokyo will hold talks with France on Tuesday, the first meeting between Japan and the French since 2016.",
            {"Tokyo": "Tokyo", "France": "FRA", "Japan": "JPN", "French": "FRA"},
        )
        assert {m for *_, m in coded(doc)} == {"planned"}

    def test_threat_is_aimed_at_the_subject_of_its_condition(self) -> None:
        """'threatened a response if X provoked it': X is threatened."""
        text = "Japan threatened a firm response if France and Russia provoked it again."
        found = triples(text, {"Japan": "JPN", "France": "FRA", "Russia": "RUS"})
        assert sorted(found) == [("JPN", "THREATEN", "FRA"), ("JPN", "THREATEN", "RUS")]


class TestPassiveMoves:
    def test_being_flown_somewhere_is_no_visit(self) -> None:
        doc = make(
            "Park Jin was flown to Paris for treatment.",
            {"Park Jin": "Park"},
            places={"Paris": Location(name="Paris", country="FRA")},
        )
        assert coded(doc) == []

    def test_having_flown_somewhere_is_a_visit(self) -> None:
        doc = make(
            "Park Jin has flown to Paris for talks.",
            {"Park Jin": "Park"},
            places={"Paris": Location(name="Paris", country="FRA")},
        )
        assert [(s, k, t) for s, k, t, _, _ in coded(doc)] == [("KOR", "CONSULT", "FRA")]
