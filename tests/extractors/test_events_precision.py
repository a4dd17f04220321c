"""The event coder on words that look like events but are none, and on arguments taken from the wrong clause.

Invented sentences with hand-made mentions (see ``make`` in test_events).
"""

from __future__ import annotations

import pytest

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
