"""Reactions that point back to an earlier act ("condemned the strikes", "denounced the two deals").

The documents are built by hand (sentences and actor mentions given), so the
event coder is tested on its own. Every sentence is invented for these tests.
"""

from __future__ import annotations

import pytest

from diplomev import Actor, Article, Document, Mention, Span
from diplomev.extractors.events import EventCoder, _noun_referent, _same_word

STATES = {
    "Norway": "NOR",
    "Oslo": "NOR",
    "Peru": "PER",
    "Lima": "PER",
    "Chile": "CHL",
    "Kenya": "KEN",
    "Nairobi": "KEN",
    "Ghana": "GHA",
    "Ghanaian": "GHA",
    "Fiji": "FJI",
    "Nepal": "NPL",
    "Nepalese": "NPL",
}


def document(*sentences: str, extra: dict[str, Actor] | None = None) -> Document:
    """A document of *sentences*, with every state name of STATES (and *extra*) as a mention."""
    text = " ".join(sentences)
    spans, start = [], 0
    for s in sentences:
        spans.append(Span(start=start, end=start + len(s)))
        start += len(s) + 1
    names = {k: Actor(country=v) for k, v in STATES.items()} | (extra or {})
    mentions = []
    for name, actor in names.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                mentions.append(Mention(span=Span(start=at, end=end), text=name, actor=actor))
            at = text.find(name, end)
    mentions.sort(key=lambda m: m.span.start)
    return Document(article=Article(id="t", text=text), sentences=tuple(spans), mentions=tuple(mentions))


def coded(doc: Document, kind: str) -> set[tuple[str | None, str | None]]:
    """(source, target) of the events of type *kind*."""
    return {
        (e.source.key if e.source else None, e.target.key if e.target else None)
        for e in EventCoder()(doc).events
        if e.type.value == kind
    }


class TestNounPhrase:
    @pytest.mark.parametrize(
        ("words", "noun", "count", "mutual"),
        [
            (["the", "two", "deals", "as", "a", "sham"], "deals", 2, True),
            (["both", "agreements"], "agreements", 2, True),
            (["the", "strikes", "on", "Monday"], "strikes", None, False),
            (["the", "U.S.", "decision", "was"], "decision", 1, False),
            (["the", "missile", "launch."], "launch", 1, False),
        ],
    )
    def test_phrase(self, words: list[str], noun: str, count: int | None, mutual: bool) -> None:
        """Determiner, number words and head noun of a phrase naming an act."""
        ref = _noun_referent(words)
        assert ref is not None
        assert (ref.noun, ref.count, ref.mutual) == (noun, count, mutual)

    @pytest.mark.parametrize("words", [["the", "minister"], ["that", "it", "opposes"], ["the", "government"]])
    def test_no_act(self, words: list[str]) -> None:
        """A phrase naming no act, or a conjunction 'that', refers to no earlier event."""
        assert _noun_referent(words) is None

    def test_same_root(self) -> None:
        """A noun and a verb of one root ('deployment', 'deployed')."""
        assert _same_word("deployment", "deployed two brigades to")
        assert not _same_word("deployment", "signed a treaty with")


class TestTargets:
    def test_two_deals_target_their_parties(self) -> None:
        """'the two deals': the parties of both deals, not the reacting actor."""
        doc = document(
            "Norway signed a trade deal with Peru on Monday.",
            "Norway signed a fishing deal with Chile on Tuesday.",
            "Kenya denounced the two deals as unfair.",
        )
        assert {t for s, t in coded(doc, "ACCUSE") if s == "KEN"} == {"NOR", "PER", "CHL"}

    def test_the_deal_targets_both_signatories(self) -> None:
        """'the deal' is a two-way act: both its parties are targets."""
        doc = document("Peru and Chile signed a border deal on Monday.", "Kenya welcomed the deal.")
        assert {t for s, t in coded(doc, "SUPPORT") if s == "KEN"} == {"PER", "CHL"}

    def test_the_same_noun_is_preferred_to_the_latest_act(self) -> None:
        """'the pact' is the act told as a pact, even with a later agreement told otherwise."""
        doc = document(
            "Peru and Chile signed a defence pact in March.",
            "Norway and Fiji later agreed to expand fisheries cooperation.",
            "Nepal condemned the pact.",
        )
        assert {t for s, t in coded(doc, "ACCUSE") if s == "NPL"} == {"PER", "CHL"}

    def test_a_state_named_in_the_reaction_picks_the_act(self) -> None:
        """'condemned the strikes, saying the Ghanaian army ...': the strikes by Ghana, not the later ones."""
        doc = document(
            "Ghana fired rockets at Fiji on Monday.",
            "Norway attacked Fiji on Tuesday.",
            "Kenya condemned the strikes on Wednesday, saying the Ghanaian army had gone too far.",
        )
        assert ("KEN", "GHA") in coded(doc, "ACCUSE")
        assert ("KEN", "NOR") not in coded(doc, "ACCUSE")

    def test_welcomed_the_move(self) -> None:
        """'welcomed the move' names the earlier act, with the determiner inside the trigger."""
        doc = document("Peru deployed troops to the border on Monday.", "Chile welcomed the move.")
        assert ("CHL", "PER") in coded(doc, "SUPPORT")

    def test_pronoun_after_the_act_noun(self) -> None:
        """'X, which the pact is aimed at, has condemned it': 'it' is the pact."""
        doc = document(
            "Peru and Chile signed a security pact on Monday.",
            "Nepal, which the pact is said to target, has condemned it.",
        )
        assert {t for s, t in coded(doc, "ACCUSE") if s == "NPL"} == {"PER", "CHL"}

    def test_passive_with_a_number(self) -> None:
        """'The two deals were denounced by X' reads like 'X denounced the two deals'."""
        doc = document(
            "Norway signed a trade deal with Peru on Monday.",
            "Norway signed a fishing deal with Chile on Tuesday.",
            "The two deals were denounced by Kenya.",
        )
        assert {t for s, t in coded(doc, "ACCUSE") if s == "KEN"} == {"NOR", "PER", "CHL"}

    def test_a_reaction_stands_for_the_act_it_answers(self) -> None:
        """'Y called the Peruvian decision ... X welcomed the move': the move is Peru's."""
        extra = {"Peruvian": Actor(country="PER")}
        doc = document(
            "Peru sent troops to the border on Monday.",
            "Norway and Ghana held joint exercises on Tuesday.",
            "Chile said the Peruvian decision was a dangerous step.",
            "Fiji welcomed the move.",
            extra=extra,
        )
        assert ("FJI", "PER") in coded(doc, "SUPPORT")

    def test_noun_of_no_known_kind_needs_an_act_of_its_root(self) -> None:
        """'condemned the diversion' names no act when no earlier act was told with that root."""
        doc = document("Norway imposed sanctions on Peru on Monday.", "Chile condemned the diversion.")
        assert ("CHL", "NOR") not in coded(doc, "ACCUSE")

    def test_retaliation_targets_the_earlier_actor(self) -> None:
        """'Y hit back, announcing sanctions on ...': aimed at who sanctioned Y before."""
        doc = document(
            "Norway imposed sanctions on Peru on Monday.",
            "Chile and Ghana held talks on Tuesday.",
            "Peru hit back within hours, announcing sanctions on ten officials.",
        )
        assert ("PER", "NOR") in coded(doc, "SANCTION")

    def test_no_retaliation_without_an_earlier_act_against_the_actor(self) -> None:
        """A retaliation with no earlier hostile act against its actor gets no target."""
        doc = document(
            "Norway imposed sanctions on Chile on Monday.",
            "Peru hit back within hours, announcing sanctions on ten officials.",
        )
        assert not {t for s, t in coded(doc, "SANCTION") if s == "PER"}

    def test_the_meeting_targets_both_parties(self) -> None:
        """'criticised the meeting': a meeting is two-way, both its parties are targets."""
        doc = document("Peru and Chile held talks in Lima on Monday.", "Kenya criticised the meeting.")
        assert {t for s, t in coded(doc, "ACCUSE") if s == "KEN"} == {"PER", "CHL"}

    def test_the_outcome_of_talks_excludes_the_reacting_party(self) -> None:
        """'X welcomed the outcome' of talks X's state took part in: the other party is the target."""
        extra = {"Peruvian opposition": Actor(country="PER", sector="PTY")}
        doc = document(
            "Peru and Ghana reached a consensus at talks in Accra on Monday.",
            "The Peruvian opposition welcomed the outcome.",
            extra=extra,
        )
        assert ("PER", "GHA") in coded(doc, "SUPPORT")
