"""Event coder: binding arguments to triggers the lexicon found (mediators and their parties, ...).

The sentences are invented for these tests and run through the default pipeline.
"""

from __future__ import annotations

import pytest

import diplomev
from diplomev.extractors._patterns import PatternSet, tokenise

from .coding import Row
from .coding import coded as coded_on


def coded(text: str, published: str = "2024-02-09") -> set[Row]:
    """(source, type, CAMEO, target) of the events the default pipeline codes in *text*."""
    return coded_on(text, published=published)


def mediations(text: str) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, _, cameo, t in coded(text) if cameo == "045"}


class TestMediation:
    def test_nationality_adjectives_before_mediation_mediate_the_pair_after_between(self) -> None:
        """'talks between X and Y ... under Norwegian and Swiss mediation': each mediator with each party."""
        got = mediations(
            "Colombia and Venezuela reopened their border after talks between the two neighbours "
            "held last week under Norwegian and Swiss mediation."
        )
        assert {("NOR", "COL"), ("NOR", "VEN"), ("CHE", "COL"), ("CHE", "VEN")} <= got

    def test_mediation_of_a_named_state(self) -> None:
        """'under the mediation of X': X mediates between the parties named with 'between'."""
        got = mediations("Talks between Armenia and Azerbaijan resumed on Tuesday under the mediation of Kazakhstan.")
        assert {("KAZ", "ARM"), ("KAZ", "AZE")} <= got

    def test_reduced_relative_with_its_agent(self) -> None:
        """'a truce mediated by X', the parties being the two sides of the other acts of the sentence."""
        got = mediations(
            "Ethiopia released 20 Eritrean soldiers on Monday and Eritrea freed 15 Ethiopian prisoners, "
            "under a truce mediated by Kenya."
        )
        assert {("KEN", "ETH"), ("KEN", "ERI")} <= got

    def test_mediation_of_mutual_agreement(self) -> None:
        """'X and Y agreed ... under Z's mediation': the parties of the mutual act."""
        got = mediations(
            "Serbia and Kosovo agreed on Friday to a new customs regime under the European Union's mediation."
        )
        assert {("European Union", "SRB"), ("European Union", "XKX")} & got

    def test_mediation_word_without_a_mediator_codes_nothing(self) -> None:
        """'called for mediation': no mediator is named, so no mediation is coded."""
        assert not mediations("Peru and Ecuador agreed on Friday to seek mediation over the dispute.")

    @pytest.mark.parametrize(
        "text",
        [
            "The agreement was approved on Friday by the council, which is based in Geneva.",
            "A hostage taken by gunmen in Mali was freed on Friday.",
        ],
    )
    def test_other_participles_stay_no_mediation(self, text: str) -> None:
        assert not mediations(text)


class TestMonthIsNoModal:
    def test_may_the_month_leaves_the_event_asserted(self) -> None:
        """'began on May 6 under ...': the month name is no 'may' of possibility."""
        events = diplomev.extract(
            "Talks between Sudan and Chad began on May 6 under Qatari mediation.", published="2024-06-01"
        )
        modes = {e.mode.value for e in events if e.cameo == "045"}
        assert modes == {"asserted"}


def consults(text: str) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, kind, _, t in coded(text) if kind == "CONSULT"}


class TestMeetingNounAfterALightVerb:
    @pytest.mark.parametrize(
        "text",
        [
            "Chilean President Gabriel Boric and Argentine President Javier Milei held their first summit on Monday.",
            "Chile and Argentina held a lengthy two-day bilateral meeting in Santiago on Monday.",
        ],
    )
    def test_coordinated_subject_of_held_meets_both_ways(self, text: str) -> None:
        assert {("CHL", "ARG"), ("ARG", "CHL")} <= consults(text)

    def test_chaired_the_meeting_with(self) -> None:
        """'X co-chaired the meeting with Y': X and Y met."""
        got = consults(
            "Kenyan President William Ruto co-chaired the meeting with Tanzanian President Samia Suluhu Hassan."
        )
        assert {("KEN", "TZA"), ("TZA", "KEN")} <= got

    @pytest.mark.parametrize(
        "text",
        [
            "Chile held a summit on Monday.",
            "The talks were held in Santiago, Chile's foreign ministry said.",
            "Argentina attended the summit of the Pacific Alliance on Monday.",
        ],
    )
    def test_no_partner_no_meeting(self, text: str) -> None:
        assert not {(s, t) for s, t in consults(text) if t is not None}


class TestCallAsMeans:
    @pytest.mark.parametrize(
        "text",
        [
            "Polish President Andrzej Duda spoke with Lithuanian President Gitanas Nauseda by phone on Friday.",
            "Poland's president was expected to talk with Lithuanian President Gitanas Nauseda over the phone.",
        ],
    )
    def test_partner_with_before_by_phone(self, text: str) -> None:
        assert {("POL", "LTU"), ("LTU", "POL")} <= consults(text)

    def test_told_object_in_a_telephone_call(self) -> None:
        """'X told Y in a telephone call that ...': X and Y spoke."""
        got = consults(
            "South Korean President Yoon Suk Yeol arrived in Seoul on Thursday. "
            "Japanese Prime Minister Fumio Kishida told Mr Yoon in a telephone call on Friday that Japan would help."
        )
        assert {("JPN", "KOR"), ("KOR", "JPN")} <= got

    def test_by_phone_without_partner_codes_no_pair(self) -> None:
        assert not {
            (s, t)
            for s, t in consults("Poland's president said by phone on Friday that the border would stay open.")
            if t
        }


class TestContrastKeepsTheSubject:
    def test_but_before_the_second_verb(self) -> None:
        """'X welcomed Y's readiness to help, but accused Z of ...': X accuses Z (not Y, the helper)."""
        got = coded(
            "Hungary's foreign ministry welcomed Austria's readiness to help, but accused Slovakia of stalling."
        )
        assert ("HUN", "ACCUSE", "112", "SVK") in got
        assert not any(s == "AUT" and kind == "ACCUSE" for s, kind, _, _ in got)

    def test_but_with_an_auxiliary(self) -> None:
        """'X had offered to ... but had demanded that ...': X demands; the object is not inherited."""
        got = coded("Ghana had offered Togo a loan but had demanded guarantees from Togo.")
        assert ("GHA", "REQUEST", "100", "TGO") in got

    def test_new_subject_after_but_is_kept(self) -> None:
        got = coded("Kenya praised Uganda, but Tanzania criticised Rwanda on Monday.")
        assert ("TZA", "ACCUSE", "111", "RWA") in got
        assert ("KEN", "ACCUSE", "111", "RWA") not in got


class TestReportedIt:
    def test_body_saying_it_would_summon(self) -> None:
        """'X condemned ... and said it would summon the Y ambassador': X summons Y's envoy."""
        got = coded(
            "Chile's foreign ministry condemned the raid on Monday and said it would summon the Peruvian ambassador."
        )
        assert ("CHL", "ACCUSE", "114", "PER") in got


class TestSanctionCounterpartAfterWith:
    @pytest.mark.parametrize(
        "text",
        [
            "Azerbaijan suspended official communication channels with Armenia in June.",
            "Azerbaijan's foreign ministry said Baku was suspending a memorandum with Armenia on border incidents in Georgia.",
        ],
    )
    def test_relation_with_the_other_side(self, text: str) -> None:
        got = {(s, t) for s, kind, _, t in coded(text) if kind == "SANCTION"}
        assert got == {("AZE", "ARM")}

    def test_object_before_with_stays_the_target(self) -> None:
        text = "Azerbaijan suspended Armenia from the council after consultations with Georgia."
        got = {(s, t) for s, kind, _, t in coded(text) if kind == "SANCTION"}
        assert got == {("AZE", "ARM")}

    def test_state_before_together_is_no_modifier(self) -> None:
        """'on Russia together with Canada': 'together' is no noun that Russia modifies."""
        got = {
            (s, t)
            for s, kind, _, t in coded("Japan imposed sanctions on Russia together with Canada.")
            if kind == "SANCTION"
        }
        assert got == {("JPN", "RUS")}


class TestRelativeClauses:
    def test_a_relative_verb_after_an_unknown_noun_takes_no_main_clause_subject(self) -> None:
        """'X warned the soldiers who seized the town': the seizure is not X's."""
        got = coded("The African Union on Monday warned the soldiers who seized power in Gabon last week.")
        assert not {c for s, _, c, _ in got if s == "African Union" and c.startswith("17")}

    def test_a_relative_verb_after_a_named_actor_is_that_actors(self) -> None:
        """'X met Y, who had criticised Z': the criticism is Y's."""
        got = coded("Macron met Olaf Scholz, who had criticised Hungary a day earlier, in Paris on Monday.")
        assert any(s == "DEU" and t == "HUN" for s, typ, _, t in got if typ == "ACCUSE")


def test_tear_gas_is_no_chemical_attack() -> None:
    """'dispersed them with tear gas' is repression (175), not a use of chemical weapons (2041)."""
    text = "Kenyan police dispersed opposition supporters outside the US embassy with tear gas on Tuesday."
    fired = {m.pattern.cameo for m in PatternSet.default().find(tokenise(text))}
    assert "2041" not in fired
    assert "175" in fired
    assert not {c for _, _, c, _ in coded(text) if c == "2041"}
