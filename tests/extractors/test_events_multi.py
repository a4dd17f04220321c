"""Event coder: agreements, cooperation, concessions, retreats, aid, protests and multi-party events.

The sentences are invented for these tests and run through the default pipeline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplomev import Pipeline, TimeSpan


def triples(text: str) -> set[tuple[str | None, str, str | None]]:
    """(source country, type, target country) of the events the default pipeline codes in *text*."""
    doc = Pipeline.default().run(text)
    return {
        (e.source.country if e.source else None, e.type.value, e.target.country if e.target else None)
        for e in doc.events
    }


class TestProtest:
    def test_crowd_of_nationals_is_the_subject(self) -> None:
        """'Thousands of Kenyans protested against ...': the crowd's nationals protest."""
        assert ("KEN", "PROTEST", "ARE") in triples("Thousands of Kenyans protested against the Emirati decision.")

    def test_owners_of_the_opposed_acts_are_the_targets(self) -> None:
        """'rallied against the French and British decisions': one protest per state owning them."""
        got = triples("Hundreds of Ghanaians rallied in Accra on Monday against the French and British decisions.")
        assert {("GHA", "PROTEST", "FRA"), ("GHA", "PROTEST", "GBR")} <= got

    def test_in_protest_is_no_protest_event(self) -> None:
        """'in protest at ...' gives the purpose of another act, not a demonstration."""
        got = triples("Peru recalled its ambassador to Chile in protest at a new border law.")
        assert not any(kind == "PROTEST" for _, kind, _ in got)


class TestAgreementsAndCooperation:
    def test_normalising_ties_is_an_agreement(self) -> None:
        """'normalise ties' needs no 'diplomatic': both parties agree."""
        got = triples("Morocco and Senegal said they would normalise ties.")
        assert {("MAR", "AGREE", "SEN"), ("SEN", "AGREE", "MAR")} <= got

    def test_restoring_trade_is_mutual_economic_cooperation(self) -> None:
        """'will restore trade' between two named states is cooperation both ways."""
        got = triples("Chile and Bolivia will restore trade and transport links.")
        assert {("CHL", "COOPERATE", "BOL"), ("BOL", "COOPERATE", "CHL")} <= got

    def test_resuming_flights_between_capitals(self) -> None:
        """Resuming flights between two capitals is cooperation with the other state."""
        got = triples("Kenya will resume flights between Nairobi and Mogadishu next month.")
        assert ("KEN", "COOPERATE", "SOM") in got

    def test_helping_a_state_build_is_cooperation(self) -> None:
        """'X and Y will help Z build ...': material cooperation with Z by each helper."""
        got = triples("Japan and India will help Vietnam build a new naval base.")
        assert {("JPN", "COOPERATE", "VNM"), ("IND", "COOPERATE", "VNM")} <= got


class TestRetreat:
    def test_mutual_disengagement(self) -> None:
        """'The two states will implement the disengagement': a mutual retreat."""
        got = triples("Armenia and Azerbaijan will implement the disengagement agreed by their commanders.")
        assert {("ARM", "RETREAT", "AZE"), ("AZE", "RETREAT", "ARM")} <= got

    @pytest.mark.parametrize(
        "text",
        [
            "Turkey will withdraw all its soldiers from Iraq within a year.",
            "Turkey began to pull out all its troops from Iraq.",
        ],
    )
    def test_withdrawing_all_forces(self, text: str) -> None:
        """'withdraw|pull out all its soldiers from X': a retreat from X, not from its own forces."""
        assert ("TUR", "RETREAT", "IRQ") in triples(text)


class TestLists:
    def test_a_name_given_to_a_thing_is_no_list_member(self) -> None:
        """'Under the plan, known as X, A and B will ...': X names the plan; A and B act."""
        got = triples("Under the plan, known as NATO, Japan and India will help Vietnam build a port.")
        assert {(s, t) for s, kind, t in got if kind == "COOPERATE"} == {("JPN", "VNM"), ("IND", "VNM")}
        assert not any(s is None or t is None for s, _, t in got)  # NATO would have no country

    def test_as_before_a_list_is_no_naming(self) -> None:
        """'as A and B agreed': both members of the list act."""
        got = triples("Trade rose as Japan and India agreed on Monday to cut tariffs.")
        assert {("JPN", "AGREE", "IND"), ("IND", "AGREE", "JPN")} <= got


class TestFollowedSuit:
    def test_newcomer_joins_the_hub_of_a_mutual_act(self) -> None:
        """'A and B signed a deal ... C followed suit': C signs with the party the article names most."""
        got = triples(
            "Israel and Morocco signed a deal on Monday, Israeli officials said in Israel. Ghana followed suit on Friday."
        )
        assert {("GHA", "AGREE", "ISR"), ("ISR", "AGREE", "GHA")} <= got
        assert not any("GHA" in (s, t) and "MAR" in (s, t) for s, _, t in got)

    def test_no_hub_no_guess(self) -> None:
        """With both parties named equally often, whom the newcomer joins is unclear: nothing is coded."""
        got = triples("Israel and Morocco signed a deal on Monday. Ghana followed suit on Friday.")
        assert not any("GHA" in (s, t) for s, _, t in got)

    @pytest.mark.parametrize(
        ("follow", "mode"), [("Canada did the same.", "asserted"), ("Canada is expected to follow suit.", "planned")]
    )
    def test_one_sided_act_repeated_by_a_new_source(self, follow: str, mode: str) -> None:
        """'X imposed sanctions on Y. Z did the same': Z sanctions Y too."""
        doc = Pipeline.default().run("Japan imposed sanctions on Russia on Monday. " + follow)
        got = {
            (e.source.country, e.type.value, e.target.country if e.target else None, e.mode.value) for e in doc.events
        }
        assert ("CAN", "SANCTION", "RUS", mode) in got


class TestAgreementNamedByYear:
    def test_scrapped_deal_of_a_year_was_made_that_year(self) -> None:
        """'scrapped a 2016 deal with X': the subject and X agreed in 2016, besides the rejection now."""
        doc = Pipeline.default().run("Chile at the same time scrapped a 2016 deal with the Peruvian government.")
        got = {(e.source.country, e.type.value, e.target.country if e.target else None, e.date) for e in doc.events}
        year = TimeSpan(start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31), granularity="year")
        assert {("CHL", "AGREE", "PER", year), ("PER", "AGREE", "CHL", year)} <= got
        assert any(kind == "REJECT" and date != year for _, kind, _, date in got)

    def test_treaty_between_two_parties(self) -> None:
        """'the 1987 treaty between A and B' is an agreement of A and B in 1987."""
        got = triples("Russia on Friday quit the 1987 treaty between Moscow and Washington.")
        assert {("RUS", "AGREE", "USA"), ("USA", "AGREE", "RUS")} <= got

    def test_a_year_opening_a_sentence_names_no_agreement(self) -> None:
        """'In 2016 a deal with X ...': the year dates something else, no agreement is made up from it."""
        assert not any(kind == "AGREE" for _, kind, _ in triples("In 2016 Chile praised a deal with Peru."))

    def test_states_urged_to_leave_a_deal_are_not_its_parties(self) -> None:
        """'urged X, Y and Z to leave the 2015 deal with W': a request to them; the deal's parties are not told."""
        got = triples("Peru urged Chile, Bolivia and Ecuador to leave the 2015 fisheries deal with Japan.")
        assert not any(kind == "AGREE" for _, kind, _ in got)
        assert ("PER", "REQUEST", "CHL") in got


class TestCeasefire:
    def test_agreeing_to_a_ceasefire_is_an_agreement_and_a_planned_ceasefire(self) -> None:
        """'A and B agreed to a ceasefire': AGREE now, and the ceasefire (RETREAT 0871) planned, both ways."""
        doc = Pipeline.default().run("Armenia and Azerbaijan agreed on Monday to a ceasefire.")
        got = {
            (e.source.country, e.type.value, e.target.country if e.target else None, e.cameo, e.mode.value)
            for e in doc.events
        }
        assert ("ARM", "AGREE", "AZE", "030", "asserted") in got
        assert {("ARM", "RETREAT", "AZE", "0871", "planned"), ("AZE", "RETREAT", "ARM", "0871", "planned")} <= got

    def test_declaring_a_truce_is_a_retreat(self) -> None:
        """'declared a truce with B' is the ceasefire itself (CAMEO 0871), not a concession."""
        got = triples("Armenia declared a truce with Azerbaijan.")
        assert {("ARM", "RETREAT", "AZE"), ("AZE", "RETREAT", "ARM")} <= got
        assert not any(kind == "CONCEDE" for _, kind, _ in got)

    def test_agreement_on_something_else_has_no_ceasefire(self) -> None:
        """An agreement to hold talks sets up no ceasefire."""
        got = triples("Armenia and Azerbaijan agreed on Monday to hold talks.")
        assert not any(kind == "RETREAT" for _, kind, _ in got)


class TestAidRecipient:
    def test_recipient_further_on_after_to(self) -> None:
        """'sent rescue teams ... and delivered food to X': X receives the aid."""
        text = "Since Monday, Japan has sent rescue teams through its agency and delivered shelter and food to Nepal."
        assert ("JPN", "AID", "NPL") in triples(text)

    @pytest.mark.parametrize(
        "text", ["Japan sent rescue teams on Monday, Nepal said.", "Japan has sent rescue teams; Nepal asked for help."]
    )
    def test_no_recipient_across_a_reporting_verb_or_a_semicolon(self, text: str) -> None:
        """A state after 'said' or a semicolon receives nothing."""
        assert not any(kind == "AID" for _, kind, _ in triples(text))


class TestReleases:
    @pytest.mark.parametrize(
        ("text", "target"),
        [
            ("On Monday, Cuba freed ten political prisoners.", "CUB"),
            ("Cuba freed two political prisoners from Spain.", "ESP"),
        ],
    )
    def test_political_prisoners_are_the_states_own_unless_named(self, text: str, target: str) -> None:
        """Freeing political prisoners concedes to the state's own citizens, unless others are named."""
        assert ("CUB", "CONCEDE", target) in triples(text)

    def test_prisoners_of_unknown_side_give_no_target(self) -> None:
        """'freed ten prisoners' names nobody released to: no event is made up."""
        assert triples("Cuba freed ten prisoners.") == set()


class TestPactParties:
    def test_giver_and_receiver_under_a_pact_are_its_parties(self) -> None:
        """'Under the pact, A and B will help C ...': A, B and C agreed, pairwise."""
        got = triples("Under the pact, Japan and India will help Vietnam build a port.")
        members = ("JPN", "IND", "VNM")
        assert {(a, "AGREE", b) for a in members for b in members if a != b} <= got

    def test_mutual_cooperation_under_an_accord(self) -> None:
        """'Under the accord ..., A and B will restore trade': A and B agreed."""
        got = triples("Under the accord signed on Monday, Chile and Bolivia will restore trade.")
        assert {("CHL", "AGREE", "BOL"), ("BOL", "AGREE", "CHL")} <= got

    def test_withdrawal_under_a_deal_makes_no_party(self) -> None:
        """A retreat from X under a deal does not make X a party of it."""
        got = triples("Under the deal, Japan will withdraw its troops from Iraq.")
        assert got == {("JPN", "RETREAT", "IRQ")}


class TestWithdrawingForces:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("Japan withdrew its troops from Iraq.", "RETREAT"),
            ("Japan withdrew its ambassador from Iraq.", "SANCTION"),
        ],
    )
    def test_forces_withdrawn_are_a_retreat_envoys_a_recall(self, text: str, kind: str) -> None:
        """'withdrew its troops' retreats; 'withdrew its ambassador' recalls an envoy."""
        assert {k for _, k, _ in triples(text)} == {kind}
