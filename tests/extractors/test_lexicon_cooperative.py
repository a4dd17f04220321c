"""Lexical coverage of the cooperative CAMEO roots (02 to 08): common wire phrasings of each code.

Whole-pipeline checks on invented sentences: each phrase is coded with its
PLOVER type, its most specific CAMEO code and the right source and target.
"""

from __future__ import annotations

import pytest

from .coding import Row
from .coding import coded as coded_on


def coded(text: str) -> set[Row]:
    return coded_on(text, published="2023-04-27")


def check(text: str, expected: Row) -> None:
    got = coded(text)
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan made an urgent appeal to China on Monday.", ("JPN", "REQUEST", "020", "CHN")),
        ("Ukraine renewed its appeal to NATO for air defence systems.", ("UKR", "REQUEST", "020", "NATO")),
        ("Tokyo lobbied Washington to drop the new tariffs.", ("JPN", "REQUEST", "020", "USA")),
        ("Poland sought the extradition of the suspect from Belarus.", ("POL", "REQUEST", "0213", "BLR")),
        ("Turkey sought Sweden's support for its bid.", ("TUR", "REQUEST", "022", "SWE")),
        ("Kenya sought military assistance from the United States.", ("KEN", "REQUEST", "023", "USA")),
        ("Pakistan sought a bailout from the International Monetary Fund.",
         ("PAK", "REQUEST", "0231", "International Monetary Fund")),
        ("Sudan requested peacekeepers from the African Union.", ("SDN", "REQUEST", "0234", "African Union")),
        ("Germany pressed for the release of the journalist held by Iran.", ("DEU", "REQUEST", "0253", "IRN")),
        ("Brazil called for restraint from Israel and Hamas.", ("BRA", "REQUEST", "0256", "ISR")),
        ("The United States called for the withdrawal of Russian troops from Ukraine.",
         ("USA", "REQUEST", "0256", "RUS")),
        ("Kenya called for dialogue between Ethiopia and Eritrea.", ("KEN", "REQUEST", "026", "ETH")),
    ],
)  # fmt: skip
def test_appeals_root_02(text: str, expected: Row) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Honduras looked forward to cooperating with China.", ("HND", "AGREE", "030", "CHN")),
        ("China extended an invitation to Brazilian President Lula.", ("CHN", "AGREE", "036", "BRA")),
        ("Seoul proposed a summit with Pyongyang.", ("KOR", "AGREE", "036", "PRK")),
        ("Germany promised to back Ukraine's bid for membership.", ("DEU", "AGREE", "032", "UKR")),
        ("China offered loans to Sri Lanka.", ("CHN", "AGREE", "0331", "LKA")),
        ("France offered peacekeepers to the mission in Mali.", ("FRA", "AGREE", "0334", "MLI")),
        ("Iran offered to release the detained French nationals.", ("IRN", "AGREE", "0353", "FRA")),
        ("The United States offered to lift sanctions on Venezuela.", ("USA", "AGREE", "0354", "VEN")),
        ("Hamas proposed a ceasefire with Israel.", ("PSE", "AGREE", "0356", "ISR")),
        ("Qatar offered its good offices to Israel and Hamas.", ("QAT", "AGREE", "039", "PSE")),
    ],
)  # fmt: skip
def test_intents_root_03(text: str, expected: Row) -> None:
    check(text, expected)


def test_looking_forward_to_cooperation_is_an_intent_not_cooperation() -> None:
    """'looked forward to cooperating with' states an intention (030), no material cooperation yet."""
    got = coded("Honduras looked forward to cooperating with China.")
    assert not any(kind == "COOPERATE" for _, kind, _, _ in got)


def test_an_offer_to_meet_keeps_the_planned_meeting() -> None:
    """'expressed willingness to meet' stays an intent plus the planned meeting."""
    got = coded("North Korea expressed willingness to meet the United States.")
    assert ("PRK", "CONSULT", "040", "USA") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japanese Prime Minister Fumio Kishida paid an official visit to India on Monday.",
         ("JPN", "CONSULT", "042", "IND")),
        ("Chinese President Xi Jinping embarked on a state visit to Russia on Monday.",
         ("CHN", "CONSULT", "042", "RUS")),
        ("Chinese Foreign Minister Wang Yi is on a three-day visit to Indonesia.", ("CHN", "CONSULT", "042", "IDN")),
        ("Russian President Vladimir Putin hosted a dinner for Chinese President Xi Jinping.",
         ("RUS", "CONSULT", "043", "CHN")),
        ("Russian President Vladimir Putin greeted Chinese President Xi Jinping at the Kremlin.",
         ("RUS", "CONSULT", "040", "CHN")),
        ("Indian Prime Minister Narendra Modi spoke by phone with Russian President Vladimir Putin on Friday.",
         ("RUS", "CONSULT", "041", "IND")),
        ("The Turkish president sat down with Russian President Vladimir Putin in Sochi.",
         ("TUR", "CONSULT", "040", "RUS")),
        ("Indian officials took part in talks with Chinese officials.", ("IND", "CONSULT", "040", "CHN")),
        ("India launched negotiations with the European Union on a trade pact.",
         ("IND", "CONSULT", "046", "European Union")),
        ("Egypt acted as a mediator between Israel and Hamas.", ("EGY", "CONSULT", "045", "ISR")),
    ],
)  # fmt: skip
def test_consultations_root_04(text: str, expected: Row) -> None:
    check(text, expected)


def test_taking_part_in_talks_is_no_economic_cooperation() -> None:
    got = coded("Indian officials took part in talks with Chinese officials.")
    assert not any(kind == "COOPERATE" for _, kind, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese President Xi Jinping sent a congratulatory message to Vietnamese leader To Lam.",
         ("CHN", "SUPPORT", "051", "VNM")),
        ("Indian Prime Minister Narendra Modi spoke highly of Japan's contribution.", ("IND", "SUPPORT", "051", "JPN")),
        ("Canada endorsed Japan's bid for a council seat.", ("CAN", "SUPPORT", "051", "JPN")),
        ("France came to the defence of Germany.", ("FRA", "SUPPORT", "052", "DEU")),
        ("Turkey threw its support behind Azerbaijan.", ("TUR", "SUPPORT", "052", "AZE")),
        ("Poland stands with Ukraine.", ("POL", "SUPPORT", "052", "UKR")),
        ("France lobbied for support for Ukraine.", ("FRA", "SUPPORT", "053", "UKR")),
        ("Japan issued an apology to South Korea.", ("JPN", "SUPPORT", "055", "KOR")),
        ("Russia accepted Azerbaijan's apology.", ("RUS", "SUPPORT", "056", "AZE")),
        ("Iran and the United States sealed a deal on prisoners.", ("IRN", "AGREE", "057", "USA")),
        ("Serbia and Kosovo hammered out a deal in Brussels.", ("SRB", "AGREE", "057", "XKX")),
    ],
)  # fmt: skip
def test_diplomatic_cooperation_root_05(text: str, expected: Row) -> None:
    check(text, expected)


def test_striking_a_deal_is_no_attack() -> None:
    """'struck a deal with' signs an agreement: no assault."""
    got = coded("The United States struck a deal with Iran on Monday.")
    assert ("USA", "AGREE", "057", "IRN") in got
    assert not any(kind == "ASSAULT" for _, kind, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China held large-scale joint naval exercises with Russia.", ("CHN", "COOPERATE", "062", "RUS")),
        ("Japan took part in joint drills with the Philippines.", ("PHL", "COOPERATE", "062", "JPN")),
        ("Japan shared intelligence with South Korea.", ("KOR", "COOPERATE", "064", "JPN")),
        ("South Korea, the United States and Japan began sharing missile warning data in real time on Tuesday.",
         ("KOR", "COOPERATE", "064", "JPN")),
        ("India bought oil from Russia.", ("IND", "COOPERATE", "061", "RUS")),
    ],
)  # fmt: skip
def test_material_cooperation_root_06(text: str, expected: Row) -> None:
    check(text, expected)


def test_joint_exercises_without_a_partner_stay_a_show_of_force() -> None:
    """Without 'with', the annotated sets code joint exercises as a demonstration of force (150)."""
    got = coded("China and Russia held joint naval exercises in the East China Sea.")
    assert ("CHN", "MOBILIZE", "150", None) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China extended loans to Sri Lanka.", ("CHN", "AID", "071", "LKA")),
        ("The International Monetary Fund approved a loan for Pakistan.",
         ("International Monetary Fund", "AID", "071", "PAK")),
        ("Germany delivered Leopard tanks to Ukraine on Monday.", ("DEU", "AID", "072", "UKR")),
        ("The United States sent weapons to Ukraine.", ("USA", "AID", "072", "UKR")),
        ("The United States supplied artillery shells to Ukraine.", ("USA", "AID", "072", "UKR")),
        ("The United States announced a new military aid package for Ukraine.", ("USA", "AID", "072", "UKR")),
        ("Japan sent medicine and tents to Turkey.", ("JPN", "AID", "073", "TUR")),
        ("India donated vaccines to Nepal.", ("IND", "AID", "073", "NPL")),
        ("Kenya will send peacekeepers to Haiti.", ("KEN", "AID", "074", "HTI")),
        ("Germany granted asylum to a Russian dissident.", ("DEU", "AID", "075", "RUS")),
    ],
)  # fmt: skip
def test_aid_root_07(text: str, expected: Row) -> None:
    check(text, expected)


def test_peacekeepers_are_no_mobilisation() -> None:
    got = coded("Russia will deploy peacekeepers to Armenia.")
    assert ("RUS", "AID", "074", "ARM") in got
    assert not any(kind == "MOBILIZE" for _, kind, _, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey made concessions to Sweden.", ("TUR", "CONCEDE", "080", "SWE")),
        ("The United States eased sanctions on Venezuela's oil sector.", ("USA", "CONCEDE", "085", "VEN")),
        ("Russia and Ukraine exchanged prisoners on Saturday.", ("UKR", "CONCEDE", "0841", "RUS")),
        ("Belarus pardoned the jailed Polish activist.", ("BLR", "CONCEDE", "0841", "POL")),
        ("Morocco accepted offers of help from Spain.", ("MAR", "CONCEDE", "0863", "ESP")),
        ("Iran admitted inspectors from the International Atomic Energy Agency.",
         ("IRN", "CONCEDE", "0862", "International Atomic Energy Agency")),
        ("Mali accepted peacekeepers from the African Union.", ("MLI", "CONCEDE", "0861", "African Union")),
        ("Israel and Hamas extended the truce on Monday.", ("PSE", "RETREAT", "0871", "ISR")),
        ("Armenia will hand back the Kalbajar district to Azerbaijan.", ("ARM", "RETREAT", "0874", "AZE")),
        ("Russia halted its offensive against Kyiv.", ("RUS", "RETREAT", "087", "UKR")),
    ],
)  # fmt: skip
def test_yielding_root_08(text: str, expected: Row) -> None:
    check(text, expected)
