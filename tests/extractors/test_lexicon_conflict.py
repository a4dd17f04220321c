"""Coverage of the conflictual CAMEO roots (10-20) by the packaged event patterns.

Invented sentences, run through the whole pipeline: each names the usual wire
wording of one code and expects the event it reports.
"""

from __future__ import annotations

import pytest

import diplomev

from .coding import coded

CASES = [
    # 10 demand
    ("Egypt insisted on guarantees from Ethiopia.", ("EGY", "REQUEST", "100", "ETH")),
    ("Poland demanded an apology from Germany.", ("POL", "REQUEST", "100", "DEU")),
    ("Kenya demanded the immediate release of the Ugandan opposition leader.", ("KEN", "REQUEST", "1053", "UGA")),
    # 11 disapprove
    ("Japan lashed out at China on Monday over the incursion.", ("JPN", "ACCUSE", "111", "CHN")),
    ("Brazil's president hit out at the United States for its tariffs.", ("BRA", "ACCUSE", "111", "USA")),
    ("The Indian government held Pakistan accountable for the attack.", ("IND", "ACCUSE", "112", "PAK")),
    ("China accused Australia of spying.", ("CHN", "ACCUSE", "1125", "AUS")),
    ("Armenia accused Azerbaijan of war crimes.", ("ARM", "ACCUSE", "1124", "AZE")),
    ("Sweden lodged a formal protest with Iran over the detention.", ("SWE", "ACCUSE", "114", "IRN")),
    ("Vietnam took China to court over the dispute.", ("VNM", "ACCUSE", "115", "CHN")),
    ("China's accusations against the United States grew louder.", ("CHN", "ACCUSE", "112", "USA")),
    # 12 reject
    ("Venezuela defied the United States and shipped oil.", ("VEN", "REJECT", "128", "USA")),
    ("Russia cast a veto against the resolution drafted by Britain.", ("RUS", "REJECT", "129", "GBR")),
    # 13 threaten
    ("Pyongyang warned Seoul of serious consequences.", ("PRK", "THREATEN", "130", "KOR")),
    ("Iran vowed to hit back at Israel.", ("IRN", "THREATEN", "130", "ISR")),
    ("China threatened to cut ties with Lithuania.", ("CHN", "THREATEN", "1313", "LTU")),
    ("Russia threatened Ukraine with nuclear weapons.", ("RUS", "THREATEN", "1385", "UKR")),
    ("Morocco threatened to impose a blockade on Algeria.", ("MAR", "THREATEN", "1381", "DZA")),
    # 14 protest
    ("Hundreds of Chinese students staged a sit-in outside the Japanese embassy.", ("CHN", "PROTEST", "141", "JPN")),
    ("Angry Pakistani protesters hurled stones at the Danish embassy.", ("PAK", "PROTEST", "145", "DNK")),
    # 15 exhibit force posture
    ("North Korea staged war games near South Korea.", ("PRK", "MOBILIZE", "150", "KOR")),
    ("Beijing scrambled fighter jets toward Taiwan.", ("CHN", "MOBILIZE", "150", "TWN")),
    # 16 reduce relations
    ("Ecuador closed its embassy in Caracas.", ("ECU", "SANCTION", "161", "VEN")),
    ("Nicaragua suspended diplomatic relations with the Netherlands.", ("NIC", "SANCTION", "161", "NLD")),
    ("North Korea cut off hotlines with South Korea.", ("PRK", "SANCTION", "161", "KOR")),
    ("The United States slapped tariffs on China.", ("USA", "SANCTION", "163", "CHN")),
    ("Canada put Iran's Revolutionary Guards on its terrorist blacklist.", ("CAN", "SANCTION", "163", "IRN")),
    ("Iran pulled out of talks with the United States.", ("IRN", "SANCTION", "164", "USA")),
    # 17 coerce
    ("Egyptian police rounded up dozens of Sudanese migrants.", ("EGY", "COERCE", "173", "SDN")),
    ("Iran placed the British ambassador under arrest.", ("IRN", "COERCE", "173", "GBR")),
    ("Russia revoked the accreditation of Dutch journalists.", ("RUS", "COERCE", "174", "NLD")),
    # 18-20 assault, fight, mass violence
    ("Azerbaijan shot down an Armenian drone.", ("AZE", "ASSAULT", "195", "ARM")),
    ("Turkey mounted an offensive against Kurdish fighters in Syria.", ("TUR", "ASSAULT", "190", "SYR")),
    ("Russia's invasion of Ukraine began in 2022.", ("RUS", "ASSAULT", "190", "UKR")),
    ("China imposed a blockade on Taiwan.", ("CHN", "ASSAULT", "191", "TWN")),
    ("Syrian government forces used chemical weapons against Turkey.", ("SYR", "ASSAULT", "2041", "TUR")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_conflict_wording_is_coded(text: str, expected: tuple[str, str, str, str]) -> None:
    """The usual wire wording of a conflictual code gives its event."""
    assert expected in coded(text)


def test_threat_to_cut_ties_is_no_cut() -> None:
    """'threatened to cut ties' is a threat; the ties are not cut."""
    assert {k for _, k, _, _ in coded("China threatened to cut ties with Lithuania.")} == {"THREATEN"}


def test_hunger_strike_is_no_labour_strike() -> None:
    """'went on a hunger strike' is read as a hunger strike, not as a strike (the longer phrase)."""
    from diplomev.extractors._patterns import PatternSet, tokenise

    matches = PatternSet.default().find(tokenise("Activists went on a hunger strike."))
    assert [m.pattern.cameo for m in matches] == ["142"]


def test_announcing_a_plan_to_sanction_stays_planned() -> None:
    """'announced that X would impose sanctions' is a plan, not sanctions announced."""
    events = diplomev.extract("Japan announced that Tokyo would soon impose additional economic sanctions on Russia.")
    assert {e.mode.value for e in events if e.type.value == "SANCTION"} == {"planned"}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Rebels laid siege to the town.", "191"),
        ("The minister laid the blame on the army.", "112"),
        ("Washington withheld aid from the junta.", "1621"),
        ("Moscow vetoes the draft.", "129"),
    ],
)
def test_irregular_forms_are_matched(text: str, cameo: str) -> None:
    """Past forms the inflector does not know ('laid', 'withheld', 'vetoes') are spelled out in the phrases."""
    from diplomev.extractors._patterns import PatternSet, tokenise

    assert cameo in [m.pattern.cameo for m in PatternSet.default().find(tokenise(text))]


def test_halting_talks_is_coded_164() -> None:
    """Breaking off talks is CAMEO 164 (halt negotiations), not 1623 (stop humanitarian aid)."""
    assert ("JPN", "SANCTION", "164", "KOR") in coded("Japan broke off talks with South Korea.")
