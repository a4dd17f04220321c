"""Lexical classes of stated intentions and evaluations: pledges of aid, "said it would provide ...".

Whole-pipeline checks on invented sentences: each phrase is coded with its
PLOVER type, its CAMEO code, the right source and target, and its mode.
"""

from __future__ import annotations

import pytest

from .coding import ModeRow as Row
from .coding import coded_with_mode


def coded(text: str) -> set[Row]:
    return coded_with_mode(text, published="2023-04-27")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway pledged 40 million dollars to Sudan on Monday.", ("NOR", "AGREE", "0331", "SDN", "asserted")),
        ("Austria promised emergency aid to Nepal.", ("AUT", "AGREE", "0333", "NPL", "asserted")),
        ("Denmark pledged humanitarian assistance to Somalia.", ("DNK", "AGREE", "0333", "SOM", "asserted")),
        ("Poland said on Friday it would provide logistical support to Lithuania.",
         ("POL", "AGREE", "0332", "LTU", "asserted")),
        ("Turkey said it would help Azerbaijan strengthen its air defences.", ("TUR", "AGREE", "0332", "AZE", "asserted")),
        ("Spain said it would send medical teams to Libya.", ("ESP", "AGREE", "0333", "LBY", "asserted")),
        ("Rwanda said that it will send peacekeepers to the Central African Republic.",
         ("RWA", "AGREE", "0334", "CAF", "asserted")),
    ],
)  # fmt: skip
def test_pledges_and_announced_aid_are_intents(text: str, expected: Row) -> None:
    """Pledging aid, or saying one will provide it, states an intention (AGREE 033x), not the aid itself."""
    got = coded(text)
    assert expected in got, got
    assert not any(kind == "AID" for _, kind, _, _, _ in got), got


def test_pledge_of_money_keeps_its_recipient() -> None:
    """'pledged N euros to X' is read as a pledge of money to X, not as the bare 'pledged ... to' of an agreement."""
    assert ("FIN", "AGREE", "0331", "UKR", "asserted") in coded("Finland pledged 90 million euros to Ukraine.")


def test_aid_delivered_is_still_aid() -> None:
    """Aid that is given, not promised, stays AID."""
    got = coded("Sweden provided humanitarian aid to Yemen last week.")
    assert any(kind == "AID" and target == "YEM" for _, kind, _, target, _ in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Serbia called the decision by Kosovo "pointless".', ("SRB", "ACCUSE", "111", "XKX", "asserted")),
        ('Iran called the latest moves by Israel "a grave threat" to the region.',
         ("IRN", "ACCUSE", "111", "ISR", "asserted")),
        ("Cuba called the sanctions imposed by Washington an affront to international law.",
         ("CUB", "ACCUSE", "111", "USA", "asserted")),
        ('Beijing dismissed the statement by Lithuania as "a cynical provocation".',
         ("CHN", "ACCUSE", "111", "LTU", "asserted")),
        ('Venezuela said the measures taken by Colombia were "deeply regrettable".',
         ("VEN", "ACCUSE", "111", "COL", "asserted")),
    ],
)  # fmt: skip
def test_negative_characterisations_are_criticism(text: str, expected: Row) -> None:
    """Calling, describing or dismissing an act as pointless, a threat, an affront... criticises its author."""
    got = coded(text)
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mexico called the accord between Guatemala and Belize a welcome first step.",
         ("MEX", "SUPPORT", "051", "BLZ", "asserted")),
        ("Kenya described the deal signed by Ethiopia as a historic step.", ("KEN", "SUPPORT", "051", "ETH", "asserted")),
    ],
)  # fmt: skip
def test_positive_characterisations_are_praise(text: str, expected: Row) -> None:
    """Calling an act a welcome step, the right choice, a historic step praises its authors."""
    got = coded(text)
    assert expected in got, got


@pytest.mark.parametrize(
    "text", ["France called on Iran to take an important step.", "Germany called on Russia to halt the brutal attack."]
)
def test_calls_on_someone_are_requests_not_characterisations(text: str) -> None:
    """'called on X to take an important step' asks X to act: no praise or criticism of X."""
    assert {kind for _, kind, _, _, _ in coded(text)} == {"REQUEST"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said that if the law passed, Canada would have to review its relations with Uganda.",
         ("CAN", "THREATEN", "1313", "UGA", "asserted")),
        ("Officials said Britain would reimpose sanctions on Zimbabwe if the vote was rigged.",
         ("GBR", "THREATEN", "1312", "ZWE", "asserted")),
        ("Officials said Washington would reverse the relief if Caracas broke its commitments.",
         ("USA", "THREATEN", "1312", "VEN", "asserted")),
    ],
)  # fmt: skip
def test_announced_reprisals_are_threats(text: str, expected: Row) -> None:
    """'X would have to review its relations / reimpose sanctions / reverse the relief': a threat, stated now."""
    got = coded(text)
    assert expected in got, got
